using Koban.Api.Features.DocumentTemplates;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Mediator;

namespace Koban.Api.Demo;

/// <summary>The demo company's document templates: its colour, a footer and its terms of sale, set through the same
/// commands the settings screen uses.</summary>
internal static class TemplatesDemo
{
    public const string AccentColor = "#7A1F3D";
    public const string Footer = "Atelier Koban Démo – ateliers ouverts du lundi au vendredi, 8 h – 18 h – contact@demo.koban.fr";

    private const string Terms = """
        Conditions générales de vente (extrait). Nos devis sont valables trente jours. Les délais de fabrication courent à compter de la réception de l'acompte.
        Les marchandises restent notre propriété jusqu'au paiement intégral du prix (clause de réserve de propriété, art. 2367 du Code civil).
        Toute réclamation doit nous parvenir par écrit dans les huit jours suivant la livraison.
        """;

    public static async Task SeedAsync(IMediator mediator, CancellationToken ct)
    {
        foreach (var kind in new[] { PrintableKind.Quote, PrintableKind.Order, PrintableKind.Invoice, PrintableKind.DepositInvoice, PrintableKind.CreditNote })
        {
            var (current, version) = await mediator.Send(new GetDocumentTemplateQuery(kind), ct);
            await mediator.Send(new UpdateDocumentTemplateCommand(kind, version, new DocumentTemplateRequest(AccentColor, current.ShowLogo,
                kind == PrintableKind.Quote ? "Merci de l'intérêt que vous portez à notre atelier." : current.HeaderText,
                Footer, current.ShowBankDetails, Terms, current.EmailSubject, current.EmailBody)), ct);
        }
    }
}
