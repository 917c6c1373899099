using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Products;

namespace Koban.Api.Features.DocumentTemplates;

/// <summary>
/// The document a template preview shows: the company's real identity and settings (franchise, VAT on debits, terms,
/// penalty rate) with a realistic customer and enough lines for two pages, so the repeated table header shows. Totals come
/// from the same engine as real documents.
/// </summary>
public static class TemplateSample
{
    private static readonly (LineKind Kind, string Text, decimal Quantity, string? Unit, decimal Price, decimal Discount, decimal Rate, ProductNature Nature)[] Rows =
    [
        (LineKind.Title, "Agencement de la boutique – rez-de-chaussée", 0m, null, 0m, 0m, 0m, ProductNature.Service),
        (LineKind.Product, "Relevé de cotes et plans d'exécution", 1m, UnitCode.Lump, 450m, 0m, 20m, ProductNature.Service),
        (LineKind.Product, "Comptoir d'accueil en chêne massif, plateau 40 mm, façade à lames verticales, finition huile-cire naturelle", 1m, UnitCode.Piece, 3250m, 5m, 20m, ProductNature.Goods),
        (LineKind.Product, "Étagères murales sur crémaillère, 180 × 30 cm", 8m, UnitCode.Piece, 142.5m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Pose et réglage", 14m, UnitCode.Hour, 65m, 0m, 20m, ProductNature.Service),
        (LineKind.Comment, "Les teintes seront validées sur échantillon avant fabrication.", 0m, null, 0m, 0m, 0m, ProductNature.Service),
        (LineKind.Title, "Réserve et bureau – étage", 0m, null, 0m, 0m, 0m, ProductNature.Service),
        (LineKind.Product, "Rayonnages acier galvanisé, charge 150 kg par niveau", 6m, UnitCode.Piece, 189m, 10m, 20m, ProductNature.Goods),
        (LineKind.Product, "Bureau sur mesure avec retour, piètement métal noir", 1m, UnitCode.Piece, 1180m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Panneaux acoustiques en feutre recyclé", 12.5m, UnitCode.SquareMetre, 58.4m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Éclairage LED encastré, fourniture", 10m, UnitCode.Piece, 36.9m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Pose de l'éclairage et raccordements", 6m, UnitCode.Hour, 68m, 0m, 20m, ProductNature.Service),
        (LineKind.Title, "Finitions", 0m, null, 0m, 0m, 0m, ProductNature.Service),
        (LineKind.Product, "Peinture murale velours, deux couches", 64m, UnitCode.SquareMetre, 18.75m, 0m, 10m, ProductNature.Service),
        (LineKind.Product, "Protection des sols et nettoyage de fin de chantier", 1m, UnitCode.Lump, 280m, 0m, 10m, ProductNature.Service),
        (LineKind.Product, "Plinthes en chêne, fourniture et pose", 42m, UnitCode.Metre, 14.2m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Poignées laiton brossé", 24m, UnitCode.Piece, 11.35m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Vernis de protection écologique", 4.5m, UnitCode.Litre, 24.9m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Livraison et manutention", 1m, UnitCode.Lump, 190m, 0m, 20m, ProductNature.Service),
        (LineKind.Title, "Options proposées", 0m, null, 0m, 0m, 0m, ProductNature.Service),
        (LineKind.Product, "Vitrine éclairée en verre trempé, serrure à code", 2m, UnitCode.Piece, 890m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Enseigne en lettres découpées, chêne et laiton", 1m, UnitCode.Piece, 1250m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Coussins d'assise en laine bouillie", 6m, UnitCode.Piece, 48m, 0m, 20m, ProductNature.Goods),
        (LineKind.Product, "Contrat d'entretien annuel du mobilier (une visite par trimestre, huilage et réglages)", 1m, UnitCode.Year, 360m, 0m, 20m, ProductNature.Service),
        (LineKind.Comment, "Délai de fabrication : six semaines à compter de l'acompte.", 0m, null, 0m, 0m, 0m, ProductNature.Service),
        (LineKind.Product, "Garantie étendue pièces et main-d'œuvre (3 ans)", 1m, UnitCode.Lump, 320m, 0m, 20m, ProductNature.Service),
    ];

    public static PrintableDocument Build(Company company, PrintableKind kind, string number, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(company);
        var business = true;
        var lines = Rows.Select(r =>
        {
            if (!r.Kind.IsPriced()) return new DocumentLineData(r.Kind, null, r.Text);
            var vat = VatTreatments.Decide(company.VatFranchise, CustomerVatRegime.France, CustomerKind.Business, r.Nature, r.Rate);
            return new DocumentLineData(LineKind.Free, null, r.Text, r.Quantity, r.Unit, r.Price, r.Discount, vat.Rate, vat.Category);
        }).ToList();
        var totals = DocumentTotals.Compute(lines.Select(l => l.ToTotalsLine()));
        var printable = lines.Select((l, i) => new PrintableLine(l.Kind, l.Description!, l.Quantity, l.UnitCode, l.UnitPrice, l.DiscountPercent, l.VatRate, l.VatCategory, totals.LineNets[i])).ToList();

        var buyer = new PrintableBuyer("Menuiserie Durand SARL", business, PostalAddress.Create("8 avenue Jean Jaurès", "Bâtiment B", "69007", "Lyon", "FR"),
            PostalAddress.Create("24 rue Mercière", null, "69002", "Lyon", "FR"), "542065479", "FR73542065479", "Claire Durand");
        var invoiceLike = kind is PrintableKind.Invoice or PrintableKind.DepositInvoice;
        var terms = company.DefaultPaymentTerms;
        var natures = Rows.Where(r => r.Kind.IsPriced()).Select(r => r.Nature);
        var references = kind switch
        {
            PrintableKind.Invoice or PrintableKind.DepositInvoice or PrintableKind.DeliveryNote => [new PrintableReference("Commande", "CO-2026-00031", today.AddDays(-12))],
            PrintableKind.Order => [new PrintableReference("Devis", "DE-2026-00012", today.AddDays(-20))],
            PrintableKind.CreditNote => [new PrintableReference("Facture", "FA-2026-00012", today.AddDays(-5))],
            _ => (IReadOnlyList<PrintableReference>)[],
        };

        return new PrintableDocument(
            kind,
            PrintableParts.Title(kind),
            number,
            today,
            invoiceLike ? today.AddDays(-2) : null,
            invoiceLike ? terms.DueDate(today) : null,
            kind == PrintableKind.Quote ? today.AddDays(30) : null,
            PrintableParts.Seller(company),
            buyer,
            "BC-2026-118",
            references,
            PrintableParts.OperationNature(natures),
            printable,
            PrintableParts.VatRows(totals),
            totals.TotalExcludingVat,
            totals.TotalVat,
            totals.TotalIncludingVat,
            kind == PrintableKind.CreditNote ? 0m : totals.TotalIncludingVat,
            PrintableParts.PaymentTermsText(terms),
            PrintableParts.PaymentMethodText(Domain.Sales.PaymentMethod.BankTransfer),
            PrintableParts.NoEarlyPaymentDiscount,
            business ? company.LatePaymentPenaltyRate : null,
            RecoveryIndemnity: business,
            PrintableParts.LegalNotes(company.VatFranchise, company.VatOnDebits, lines.Where(l => l.Kind.IsPriced()).Select(l => (l.VatCategory, (string?)null))),
            HeaderText: null,
            FooterText: null,
            Comment: "Exemple de document : les lignes et le client sont fictifs, l'identité de l'entreprise est la vôtre.",
            CreditReasonText: kind == PrintableKind.CreditNote ? "Geste commercial" : null);
    }
}
