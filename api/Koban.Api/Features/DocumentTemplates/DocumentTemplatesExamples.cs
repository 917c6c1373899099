using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;

namespace Koban.Api.Features.DocumentTemplates;

/// <summary>The OpenAPI examples of the document-template endpoints.</summary>
public static class DocumentTemplatesExamples
{
    public const string Kinds = "`kind` is one of Quote, Order, Invoice, DepositInvoice, CreditNote, DeliveryNote.";

    public static readonly DocumentTemplateRequest Request = new("#7A1F3D", true, "Merci pour votre confiance.", "Atelier Koban – du lundi au vendredi, 8 h – 18 h", true,
        "Conditions générales de vente : clause de réserve de propriété…", "Facture {number} – {companyName}",
        "Bonjour {customerName},\n\nVeuillez trouver ci-joint notre facture {number} d'un montant de {amount}, à régler au plus tard le {dueDate}.\n\nCordialement,\n{companyName}");

    public static readonly DocumentTemplateResponse Template = new(PrintableKind.Invoice, Request.AccentColor, true, TemplateLogoSource.Company, false, Request.HeaderText, Request.FooterText, true,
        Request.TermsAndConditions, Request.EmailSubject, Request.EmailBody, [.. TemplatePlaceholders.Names.Select(n => $"{{{n}}}")],
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
}
