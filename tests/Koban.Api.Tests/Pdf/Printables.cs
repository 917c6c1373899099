using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Companies;
using Koban.Domain.Documents;

namespace Koban.Pdf.Tests;

/// <summary>Ready-made render inputs. Amounts are typed in as the totals engine would have produced them: the renderer
/// computes nothing, so these tests only check that what it is given is printed.</summary>
public static class Printables
{
    public static readonly PrintableSeller Seller = new("Atelier Koban Démo SAS", "SAS", 10000m,
        PostalAddress.Create("12 rue de la République", null, "69002", "Lyon", "FR"), "732829320", "Lyon", "FR44732829320",
        "FR7630006000011234567890189", "AGRIFRPP", "contact@demo.koban.fr", "04 72 00 00 00");

    public static readonly PrintableSeller FranchiseSeller = new("Claire Martin EI", "EI", null,
        PostalAddress.Create("3 chemin des Vignes", null, "26000", "Valence", "FR"), "552100554", null, null, null, null, "claire@martin.fr", null);

    public static readonly PrintableBuyer FrenchBusiness = new("Menuiserie Durand SARL", true,
        PostalAddress.Create("8 avenue Jean Jaurès", "Bâtiment B", "69007", "Lyon", "FR"),
        PostalAddress.Create("ZI des Œillets, quai 3", null, "69800", "Saint-Priest", "FR"), "542065479", "FR73542065479", "Claire Durand");

    public static readonly PrintableBuyer Individual = new("Élodie Lefèvre", false,
        PostalAddress.Create("5 place Bellecour", null, "69002", "Lyon", "FR"), null, null, null, null);

    public static readonly PrintableBuyer GermanBusiness = new("Schreinerei Müller GmbH", true,
        PostalAddress.Create("Hauptstraße 12", null, "10115", "Berlin", "DE"), null, null, "DE123456789", "Jürgen Müller");

    public static readonly PrintableBuyer SwissBusiness = new("Ébénisterie Genevoise SA", true,
        PostalAddress.Create("Rue du Rhône 40", null, "1204", "Genève", "CH"), null, null, "CHE-123.456.789 TVA", null);

    public static IReadOnlyList<PrintableLine> FrenchLines { get; } =
    [
        new(LineKind.Title, "Agencement de la boutique", 0m, null, 0m, 0m, 0m, VatCategory.Standard, 0m),
        new(LineKind.Product, "Pose et réglage", 12m, "HUR", 65m, 0m, 20m, VatCategory.Standard, 780.00m),
        new(LineKind.Free, "Étagère chêne massif sur mesure, finition huilée « naturel »", 2m, "C62", 375.5m, 10m, 20m, VatCategory.Standard, 675.90m),
        new(LineKind.Comment, "Livraison et montage compris ; œuvre réalisée dans notre atelier.", 0m, null, 0m, 0m, 0m, VatCategory.Standard, 0m),
        new(LineKind.Free, "Vernis écologique", 1.5m, "LTR", 12.3456m, 0m, 5.5m, VatCategory.Standard, 18.52m),
    ];

    public static IReadOnlyList<PrintableVatRow> FrenchVat { get; } =
    [
        new(20m, VatCategory.Standard, 1455.90m, 291.18m),
        new(5.5m, VatCategory.Standard, 18.52m, 1.02m),
    ];

    /// <summary>A validated invoice to a French business, every optional mention filled.</summary>
    public static PrintableDocument Invoice(PrintableBuyer? buyer = null) => new(
        PrintableKind.Invoice, "Facture", "FA-2026-00042", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 18), new DateOnly(2026, 12, 20), null,
        Seller, buyer ?? FrenchBusiness, "BC-2026-118",
        [new PrintableReference("Commande", "CO-2026-00031", new DateOnly(2026, 11, 2)), new PrintableReference("Devis", "DE-2026-00012", new DateOnly(2026, 10, 28))],
        "Livraison de biens et prestation de services",
        FrenchLines, FrenchVat, 1474.42m, 292.20m, 1766.62m, 1766.62m,
        "30 jours", "Virement bancaire", "Pas d'escompte pour paiement anticipé", 12.15m, RecoveryIndemnity: true,
        ["Option pour le paiement de la taxe d'après les débits"],
        "Merci pour votre confiance.", "Règlement par virement uniquement.", "Chantier réceptionné le 18/11/2026.", null);

    public static PrintableDocument ForIndividual() => Invoice(Individual) with { CustomerReference = null, LatePaymentPenaltyRate = null, RecoveryIndemnity = false };

    public static PrintableDocument IntraEu() => Invoice(GermanBusiness) with
    {
        Lines =
        [
            new(LineKind.Free, "Étagère chêne massif", 2m, "C62", 375.5m, 0m, 0m, VatCategory.IntraCommunitySupply, 751.00m),
            new(LineKind.Free, "Conseil en agencement", 3m, "HUR", 80m, 0m, 0m, VatCategory.ReverseCharge, 240.00m),
        ],
        VatBreakdown = [new(0m, VatCategory.ReverseCharge, 240.00m, 0m), new(0m, VatCategory.IntraCommunitySupply, 751.00m, 0m)],
        TotalExcludingVat = 991.00m,
        TotalVat = 0m,
        TotalIncludingVat = 991.00m,
        AmountDue = 991.00m,
        LegalNotes = ["Exonération de TVA, article 262 ter I du CGI", "Autoliquidation"],
    };

    public static PrintableDocument OutsideEu() => Invoice(SwissBusiness) with
    {
        Lines = [new(LineKind.Free, "Commode en noyer", 1m, "C62", 2400m, 0m, 0m, VatCategory.Export, 2400.00m)],
        VatBreakdown = [new(0m, VatCategory.Export, 2400.00m, 0m)],
        OperationNature = "Livraison de biens",
        TotalExcludingVat = 2400.00m,
        TotalVat = 0m,
        TotalIncludingVat = 2400.00m,
        AmountDue = 2400.00m,
        LegalNotes = ["Exonération de TVA, article 262 I du CGI"],
    };

    public static PrintableDocument Franchise() => Invoice(Individual) with
    {
        Seller = FranchiseSeller,
        Number = "F-2026-007",
        CustomerReference = null,
        References = [],
        OperationNature = "Prestation de services",
        Lines = [new(LineKind.Free, "Cours de céramique (forfait 5 séances)", 1m, "LS", 250m, 0m, 0m, VatCategory.Exempt, 250.00m)],
        VatBreakdown = [new(0m, VatCategory.Exempt, 250.00m, 0m)],
        TotalExcludingVat = 250.00m,
        TotalVat = 0m,
        TotalIncludingVat = 250.00m,
        AmountDue = 250.00m,
        LatePaymentPenaltyRate = null,
        RecoveryIndemnity = false,
        LegalNotes = ["TVA non applicable, art. 293 B du CGI"],
    };

    /// <summary>Enough lines for three pages, with long descriptions that wrap.</summary>
    public static PrintableDocument ThreePages(int lines = 48) => Invoice() with
    {
        Lines = [.. Enumerable.Range(1, lines).Select(i => new PrintableLine(LineKind.Free,
            $"Ligne {i:00} – Fourniture et pose d'un élément de mobilier sur mesure en chêne massif, finition vernie mate, quincaillerie inox comprise",
            i, "C62", 100m, 0m, 20m, VatCategory.Standard, 100m * i))],
    };
}
