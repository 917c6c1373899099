using Koban.Api.Features.Receivables;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Receivables;

namespace Koban.Pdf.Tests;

/// <summary>
/// The customer statement drawn on the same page mechanics as the documents (<see cref="PrintLayout"/>), without a database:
/// read back with <c>pdftotext</c>, it carries the seller and buyer blocks, its figures, the movements table repeated on
/// every page, and on every page the same legal identity footer as an invoice of the same seller.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class StatementPdfTests
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DocumentTemplateSettings Template = DocumentTemplateSettings.Default(PrintableKind.Invoice) with { FooterText = "Atelier Koban – ateliers ouverts du lundi au vendredi" };

    private static CustomerStatementResponse Statement(int movements, decimal closing) => new(
        Guid.NewGuid(), "Menuiserie Durand SARL", "411DUR", From, new DateOnly(2026, 3, 31), -12.5m,
        [.. Enumerable.Range(1, movements).Select(i => new StatementLine(From.AddDays(i), ReceivableKind.Invoice, Guid.NewGuid(), $"FA-2026-{i:00000}", "Facture",
            From.AddDays(i + 30), i * 10m, 0m, i * 10m - 12.5m))],
        999.99m, 123.45m, closing,
        [new StatementOpenInvoice(Guid.NewGuid(), "FA-2026-00003", From.AddDays(3), From.AddDays(33), 300m, 150m, 12, Disputed: true)],
        150m);

    private static string[] Pages(CustomerStatementResponse statement, DocumentTemplateSettings? template = null) =>
        PdfText.Pages(StatementPdf.Render(new StatementPrintable(Printables.Seller, Printables.FrenchBusiness, statement, new DateOnly(2026, 4, 2)), template ?? Template));

    [Test]
    public void A_statement_prints_its_parties_figures_and_open_invoices()
    {
        var text = PdfText.Flat(string.Join("\n", Pages(Statement(3, 1234.56m), Template with { ShowBankDetails = true })));

        text.ShouldContain("Relevé de compte");
        text.ShouldContain("Atelier Koban Démo SAS");
        text.ShouldContain("N° TVA intracommunautaire : FR44732829320");
        text.ShouldContain("Période : du 01/01/2026 au 31/03/2026");
        text.ShouldContain("Édité le : 02/04/2026");
        text.ShouldContain("Compte client : 411DUR");
        text.ShouldContain("Menuiserie Durand SARL");
        text.ShouldContain("SIREN : 542 065 479");
        text.ShouldNotContain("N° TVA : FR73542065479", Case.Sensitive, "a statement does not print the buyer's VAT number");
        text.ShouldContain("Solde au 31/12/2025 12,50 € (créditeur)");
        text.ShouldContain("Total débit de la période 999,99 €");
        text.ShouldContain("FA-2026-00003 (en litige)");
        text.ShouldContain("12 jours");
        text.ShouldContain("régler le solde de 1 234,56 €");
        text.ShouldContain("IBAN : FR76 3000 6000 0112 3456 7890 189");
        text.ShouldContain("Titulaire : Atelier Koban Démo SAS");
    }

    [Test]
    public void A_long_statement_repeats_the_table_header_and_the_invoice_footer_on_every_page()
    {
        var pages = Pages(Statement(70, -45.5m)).Select(PdfText.Flat).ToArray();
        var invoiceFooter = PdfText.Flat(PdfText.Pages(DocumentPdfRenderer.Render(Printables.Invoice(), Template))[0]);

        pages.Length.ShouldBeGreaterThan(1);
        for (var i = 0; i < pages.Length; i++)
        {
            pages[i].ShouldContain($"Page {i + 1} / {pages.Length}");
            pages[i].ShouldContain("Atelier Koban – ateliers ouverts du lundi au vendredi");
            pages[i].ShouldContain("RCS Lyon 732 829 320");
            if (i > 0) pages[i].ShouldContain("Relevé de compte — Menuiserie Durand SARL (suite)");
        }
        pages[1].ShouldContain("Date Pièce Libellé Échéance Débit Crédit Solde");
        invoiceFooter.ShouldContain("Atelier Koban Démo SAS au capital de 10 000,00 € – Siège : 12 rue de la République, 69002 Lyon – RCS Lyon 732 829 320");
        pages[0].ShouldContain("Atelier Koban Démo SAS au capital de 10 000,00 € – Siège : 12 rue de la République, 69002 Lyon – RCS Lyon 732 829 320");
        pages[^1].ShouldContain("solde créditeur de 45,50 €");
    }
}
