using Koban.Api.Infrastructure.Pdf;

namespace Koban.Api.Infrastructure.Documents;

/// <summary>
/// The configurable part of a document template, as the renderer and the e-mail reader use it. Serialisable to JSON: it is
/// copied onto each invoice at validation, so a later template change never alters a validated document (domain-rules §8).
/// <see cref="LogoFileId"/> is the logo actually printed (the template's own, else the company's, or null when
/// <see cref="ShowLogo"/> is off); stored files are never rewritten, so the id keeps naming the same bytes.
/// </summary>
public sealed record DocumentTemplateSettings(
    string AccentColor,
    bool ShowLogo,
    Guid? LogoFileId,
    string? HeaderText,
    string? FooterText,
    bool ShowBankDetails,
    string? TermsAndConditions,
    string? EmailSubject,
    string? EmailBody)
{
    public const string DefaultAccentColor = "#1F4E79";

    /// <summary>What a company gets before it changes anything.</summary>
    public static DocumentTemplateSettings Default(PrintableKind kind) => new(
        DefaultAccentColor,
        ShowLogo: true,
        LogoFileId: null,
        HeaderText: null,
        FooterText: null,
        ShowBankDetails: kind is PrintableKind.Invoice or PrintableKind.DepositInvoice,
        TermsAndConditions: null,
        EmailSubject: DefaultSubject(kind),
        EmailBody: DefaultBody(kind));

    private static string DefaultSubject(PrintableKind kind) => kind switch
    {
        PrintableKind.Quote => "Devis {number} – {companyName}",
        PrintableKind.Order => "Confirmation de commande {number} – {companyName}",
        PrintableKind.Invoice => "Facture {number} – {companyName}",
        PrintableKind.DepositInvoice => "Facture d'acompte {number} – {companyName}",
        PrintableKind.CreditNote => "Avoir {number} – {companyName}",
        PrintableKind.DeliveryNote => "Bon de livraison {number} – {companyName}",
        _ => "{number} – {companyName}",
    };

    private static string DefaultBody(PrintableKind kind) => kind switch
    {
        PrintableKind.Quote => "Bonjour {customerName},\n\nVeuillez trouver ci-joint notre devis {number} d'un montant de {amount}.\n\nNous restons à votre disposition pour toute question.\n\nCordialement,\n{companyName}",
        PrintableKind.Order => "Bonjour {customerName},\n\nNous vous confirmons votre commande {number} d'un montant de {amount}. Vous trouverez le bon de commande ci-joint.\n\nCordialement,\n{companyName}",
        PrintableKind.Invoice or PrintableKind.DepositInvoice => "Bonjour {customerName},\n\nVeuillez trouver ci-joint notre facture {number} d'un montant de {amount}, à régler au plus tard le {dueDate}.\n\nCordialement,\n{companyName}",
        PrintableKind.CreditNote => "Bonjour {customerName},\n\nVeuillez trouver ci-joint notre avoir {number} d'un montant de {amount}.\n\nCordialement,\n{companyName}",
        _ => "Bonjour {customerName},\n\nVeuillez trouver ci-joint le document {number}.\n\nCordialement,\n{companyName}",
    };
}
