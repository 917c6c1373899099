using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Documents;

namespace Koban.Pdf.Tests;

/// <summary>
/// The renderer on its own (no database): each PDF is read back with <c>pdftotext -layout</c> and every mandatory mention of
/// domain-rules §4 is looked for with its value.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DocumentPdfRendererTests
{
    private static readonly DocumentTemplateSettings Template = DocumentTemplateSettings.Default(PrintableKind.Invoice) with
    {
        AccentColor = "#7A1F3D",
        FooterText = "Atelier Koban – ateliers ouverts du lundi au vendredi",
        TermsAndConditions = "Conditions générales de vente : les marchandises restent notre propriété jusqu'au paiement intégral (clause de réserve de propriété).",
    };

    private static string Flat(PrintableDocument document, DocumentTemplateSettings? template = null) =>
        PdfText.Flat(PdfText.All(DocumentPdfRenderer.Render(document, template ?? Template)));

    [Test]
    public void An_invoice_to_a_french_business_prints_every_mandatory_mention_with_its_value()
    {
        var text = Flat(Printables.Invoice());

        // Seller (domain-rules §4): name, legal form and capital, registered office, RCS city + SIREN, VAT number.
        text.ShouldContain("Atelier Koban Démo SAS au capital de 10 000,00 €");
        text.ShouldNotContain("SAS – SAS", Case.Sensitive, "the legal form is printed once");
        text.ShouldContain("Siège : 12 rue de la République, 69002 Lyon");
        text.ShouldContain("RCS Lyon 732 829 320");
        text.ShouldContain("N° TVA FR44732829320");
        // Customer: name, billing and delivery addresses, SIREN, VAT number.
        text.ShouldContain("Menuiserie Durand SARL");
        text.ShouldContain("À l'attention de Claire Durand");
        text.ShouldContain("8 avenue Jean Jaurès");
        text.ShouldContain("69007 Lyon");
        text.ShouldContain("Adresse de livraison");
        text.ShouldContain("ZI des Œillets, quai 3");
        text.ShouldContain("SIREN : 542 065 479");
        text.ShouldContain("N° TVA : FR73542065479");
        // Document: title, number, dates, purchase order, references, nature of the operation, debits option.
        text.ShouldContain("Facture");
        text.ShouldContain("N° FA-2026-00042");
        text.ShouldContain("Date de facture : 20/11/2026");
        text.ShouldContain("Date de la vente ou de la prestation : 18/11/2026");
        text.ShouldContain("Votre référence (bon de commande) : BC-2026-118");
        text.ShouldContain("Commande n° CO-2026-00031 du 02/11/2026");
        text.ShouldContain("Devis n° DE-2026-00012 du 28/10/2026");
        text.ShouldContain("Nature de l'opération : Livraison de biens et prestation de services");
        text.ShouldContain("Option pour le paiement de la taxe d'après les débits");
        // Lines: designation, quantity and unit, unit price, discount, VAT rate, line total.
        text.ShouldContain("Désignation Qté Unité PU HT Remise TVA Total HT");
        text.ShouldContain("Agencement de la boutique");
        text.ShouldContain("Pose et réglage 12 heure 65,00 20 % 780,00");
        text.ShouldContain("Étagère chêne massif sur mesure, finition huilée 2 unité 375,50 10 % 20 % 675,90");
        text.ShouldContain("« naturel »");
        text.ShouldContain("Vernis écologique 1,5 litre 12,3456 5,5 % 18,52");
        text.ShouldContain("Livraison et montage compris ; œuvre réalisée dans notre atelier.");
        // Totals: VAT per rate (base and amount), excluding and including VAT, amount due.
        text.ShouldContain("20 % 1 455,90 € 291,18 €");
        text.ShouldContain("5,5 % 18,52 € 1,02 €");
        text.ShouldContain("Total HT 1 474,42 €");
        text.ShouldContain("Total TVA 292,20 €");
        text.ShouldContain("Total TTC 1 766,62 €");
        text.ShouldContain("Net à payer 1 766,62 €");
        // Payment: due date, terms, method, early-payment discount, penalties, 40 € indemnity.
        text.ShouldContain("Date d'échéance : 20/12/2026");
        text.ShouldContain("Conditions de paiement : 30 jours");
        text.ShouldContain("Mode de paiement : Virement bancaire");
        text.ShouldContain("Escompte : Pas d'escompte pour paiement anticipé");
        text.ShouldContain("Pénalités de retard : taux annuel de 12,15 %");
        text.ShouldContain("Indemnité forfaitaire pour frais de recouvrement : 40 € (art. L441-10 et D441-5 du Code de commerce)");
        // Bank details, texts, footer, page number.
        text.ShouldContain("IBAN : FR76 3000 6000 0112 3456 7890 189");
        text.ShouldContain("BIC : AGRIFRPP");
        text.ShouldContain("Merci pour votre confiance.");
        text.ShouldContain("Chantier réceptionné le 18/11/2026.");
        text.ShouldContain("Règlement par virement uniquement.");
        text.ShouldContain("clause de réserve de propriété");
        text.ShouldContain("Atelier Koban – ateliers ouverts du lundi au vendredi");
        text.ShouldContain("Facture n° FA-2026-00042");
        text.ShouldContain("Page 1 / 1");
    }

    [Test]
    public void An_individual_gets_no_business_only_mentions()
    {
        var text = Flat(Printables.ForIndividual());
        text.ShouldContain("Élodie Lefèvre");
        text.ShouldContain("5 place Bellecour");
        text.ShouldNotContain("Indemnité forfaitaire");
        text.ShouldNotContain("Pénalités de retard");
        text.ShouldNotContain("SIREN :");
        text.ShouldNotContain("Adresse de livraison");
    }

    [Test]
    public void An_intra_eu_business_invoice_cites_the_exemption_and_the_reverse_charge()
    {
        var text = Flat(Printables.IntraEu());
        text.ShouldContain("Schreinerei Müller GmbH");
        text.ShouldContain("Hauptstraße 12");
        text.ShouldContain("10115 Berlin");
        text.ShouldContain("Allemagne");
        text.ShouldContain("N° TVA : DE123456789");
        text.ShouldContain("Exonération de TVA, article 262 ter I du CGI");
        text.ShouldContain("Autoliquidation");
        text.ShouldContain("0 % (autoliquidation) 240,00 € 0,00 €");
        text.ShouldContain("0 % (exonéré, UE) 751,00 € 0,00 €");
        text.ShouldContain("Total TTC 991,00 €");
    }

    [Test]
    public void An_export_outside_the_eu_cites_article_262_I()
    {
        var text = Flat(Printables.OutsideEu());
        text.ShouldContain("Ébénisterie Genevoise SA");
        text.ShouldContain("1204 Genève");
        text.ShouldContain("Suisse");
        text.ShouldContain("Exonération de TVA, article 262 I du CGI");
        text.ShouldContain("0 % (export) 2 400,00 € 0,00 €");
        text.ShouldContain("Nature de l'opération : Livraison de biens");
    }

    [Test]
    public void A_company_under_the_franchise_prints_the_293_B_wording_and_no_vat()
    {
        var text = Flat(Printables.Franchise());
        text.ShouldContain("TVA non applicable, art. 293 B du CGI");
        text.ShouldContain("Claire Martin EI");
        text.ShouldNotContain("EI – EI", Case.Sensitive, "the legal form is printed once");
        text.ShouldContain("SIREN 552 100 554");
        text.ShouldContain("Total 250,00 €");
        text.ShouldNotContain("Total TVA");
        text.ShouldNotContain("Total TTC");
        text.ShouldNotContain("Taux de TVA");
        text.ShouldContain("Désignation Qté Unité PU HT Remise Total HT");
        text.ShouldContain("forfait");
    }

    [Test]
    public void A_long_document_repeats_the_table_header_and_numbers_every_page()
    {
        var pages = PdfText.Pages(DocumentPdfRenderer.Render(Printables.ThreePages(34), Template));
        pages.Length.ShouldBe(3);
        for (var i = 0; i < pages.Length; i++)
        {
            var page = PdfText.Flat(pages[i]);
            page.ShouldContain("Désignation Qté Unité PU HT Remise TVA Total HT", customMessage: $"page {i + 1}");
            page.ShouldContain("Facture n° FA-2026-00042", customMessage: $"page {i + 1}");
            page.ShouldContain($"Page {i + 1} / 3", customMessage: $"page {i + 1}");
            page.ShouldContain("RCS Lyon 732 829 320", customMessage: $"page {i + 1}");
        }
        // Long descriptions wrap instead of running off the column; every line is there.
        var all = PdfText.Flat(string.Join("\n", pages));
        for (var i = 1; i <= 34; i++) all.ShouldContain($"Ligne {i:00} –");
        all.Split("quincaillerie inox comprise").Length.ShouldBe(35);
        PdfText.Flat(pages[2]).ShouldContain("Net à payer");
    }

    [Test]
    public void A_draft_shows_BROUILLON_instead_of_a_number()
    {
        var text = Flat(Printables.Invoice() with { Number = null });
        text.ShouldContain("BROUILLON");
        text.ShouldContain("Facture BROUILLON");
    }

    [Test]
    public void Every_page_of_a_draft_is_marked_as_a_preview_and_the_mark_leaves_the_text_readable()
    {
        var pages = PdfText.Pages(DocumentPdfRenderer.Render(Printables.ThreePages(34) with { Number = null }, Template));
        pages.Length.ShouldBe(3);
        for (var i = 0; i < pages.Length; i++)
            PdfText.Flat(pages[i]).ShouldContain("Facture BROUILLON · APERÇU — sans valeur", customMessage: $"page {i + 1}");
        var draft = Flat(Printables.Invoice() with { Number = null });
        draft.ShouldContain("Total TTC 1 766,62 €", customMessage: "the diagonal watermark is drawn, not written: it does not break the lines it crosses");
        Flat(Printables.Invoice()).ShouldNotContain("APERÇU");
    }

    [Test]
    public void A_credit_note_cites_the_invoice_it_corrects_and_its_reason()
    {
        var text = Flat(Printables.Invoice() with
        {
            Kind = PrintableKind.CreditNote,
            Title = "Avoir",
            Number = "AV-2026-00003",
            References = [new PrintableReference("Facture", "FA-2026-00012", new DateOnly(2026, 11, 15))],
            AmountDue = 0m,
            CreditReasonText = "Correction d'une erreur de quantité",
        });
        text.ShouldContain("Avoir");
        text.ShouldContain("N° AV-2026-00003");
        text.ShouldContain("Facture n° FA-2026-00012 du 15/11/2026");
        text.ShouldContain("Motif : Correction d'une erreur de quantité");
        text.ShouldContain("Date de l'avoir : 20/11/2026");
    }

    [Test]
    public void Deduction_lines_and_page_breaks_are_printed_as_such()
    {
        var doc = Printables.Invoice() with
        {
            Lines =
            [
                .. Printables.FrenchLines,
                new PrintableLine(LineKind.Title, "Annexe", 0m, null, 0m, 0m, 0m, VatCategory.Standard, 0m, PageBreakBefore: true),
                new PrintableLine(LineKind.Free, "Facture d'acompte FA-2026-00030 du 05/11/2026", 1m, "C62", -400m, 0m, 20m, VatCategory.Standard, -400.00m, IsDeduction: true),
            ],
        };
        var pages = PdfText.Pages(DocumentPdfRenderer.Render(doc, Template));
        pages.Length.ShouldBe(2);
        PdfText.Flat(pages[0]).ShouldNotContain("Annexe");
        PdfText.Flat(pages[1]).ShouldContain("Annexe");
        var annex = PdfText.Flat(pages[1]);
        annex.ShouldContain("Déduction : Facture d'acompte FA-2026-00030");
        annex.ShouldContain("1 unité -400,00 20 % -400,00");
    }

    [Test]
    public void Accents_the_euro_sign_and_french_punctuation_survive()
    {
        var text = PdfText.All(DocumentPdfRenderer.Render(Printables.Invoice() with { HeaderText = "Crème brûlée, œuvre « à façon », Noël à Besançon – 1 234,56 €" }, Template));
        text.ShouldContain("Crème brûlée, œuvre « à façon », Noël à Besançon – 1 234,56 €");
    }

    [Test]
    public void A_quote_and_an_order_carry_their_own_title_and_dates()
    {
        var quote = Flat(Printables.Invoice() with { Kind = PrintableKind.Quote, Title = "Devis", Number = "DE-2026-00012", DueDate = null, ValidUntil = new DateOnly(2026, 12, 31) });
        quote.ShouldContain("Devis");
        quote.ShouldContain("Date du devis : 20/11/2026");
        quote.ShouldContain("Valable jusqu'au : 31/12/2026");
        quote.ShouldNotContain("Net à payer");
        var delivery = Flat(Printables.Invoice() with { Kind = PrintableKind.DeliveryNote, Title = "Bon de livraison", Number = "BL-2026-00001" });
        delivery.ShouldContain("Bon de livraison");
        delivery.ShouldContain("Désignation Qté Unité");
        delivery.ShouldNotContain("PU HT");
        delivery.ShouldNotContain("Total TTC");
    }

    [Test]
    public void Rendering_the_same_input_twice_gives_the_same_bytes()
    {
        var first = DocumentPdfRenderer.Render(Printables.Invoice(), Template);
        Thread.Sleep(1100); // a clock read anywhere would show up as a different second
        var second = DocumentPdfRenderer.Render(Printables.Invoice(), Template);
        second.ShouldBe(first);
        DocumentPdfRenderer.Render(Printables.Invoice() with { Number = "FA-2026-00043" }, Template).ShouldNotBe(first);
    }

    [Test]
    public void Concurrent_renderings_do_not_interfere()
    {
        var expected = DocumentPdfRenderer.Render(Printables.ThreePages(), Template);
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = DocumentPdfRenderer.Render(Printables.ThreePages(), Template));
        foreach (var result in results) result.ShouldBe(expected);
    }

    [Test]
    public void A_logo_is_drawn_and_a_broken_one_is_left_out()
    {
        var png = PdfText.Png(120, 40, 0x1F, 0x4E, 0x79);
        var withLogo = DocumentPdfRenderer.Render(Printables.Invoice(), Template, png);
        var without = DocumentPdfRenderer.Render(Printables.Invoice(), Template);
        withLogo.Length.ShouldBeGreaterThan(without.Length);
        System.Text.Encoding.ASCII.GetString(withLogo).ShouldContain("/Subtype/Image");

        var broken = DocumentPdfRenderer.Render(Printables.Invoice(), Template, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 42, 42]);
        PdfText.Flat(PdfText.All(broken)).ShouldContain("N° FA-2026-00042");
        DocumentPdfRenderer.Render(Printables.Invoice(), Template with { ShowLogo = false }, png).Length.ShouldBe(without.Length);
    }

    [Test]
    public void Bank_details_follow_the_template()
    {
        Flat(Printables.Invoice(), Template with { ShowBankDetails = false }).ShouldNotContain("IBAN");
        Flat(Printables.Invoice(), Template with { ShowBankDetails = true }).ShouldContain("Titulaire : Atelier Koban Démo SAS");
    }
}
