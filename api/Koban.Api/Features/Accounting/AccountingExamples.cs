using Koban.Domain.Accounting;
using Koban.Domain.Accounting.Export;
using Koban.Domain.Products;

namespace Koban.Api.Features.Accounting;

/// <summary>The OpenAPI examples of the Accounting feature.</summary>
public static class AccountingExamples
{
    public static readonly AccountingSettingsDto Defaults = AccountingReader.Settings(AccountingSettings.Defaults());

    public static readonly AccountingSettingsDto Customised = Defaults with
    {
        RevenueRules =
        [
            new RevenueAccountRule(ProductNature.Service, 10m, "706100"),
            new RevenueAccountRule(ProductNature.Goods, 0m, "707200", VatTreatmentKind.Export),
            new RevenueAccountRule(ProductNature.Goods, 0m, "707100", VatTreatmentKind.IntraCommunitySupply),
        ],
        VatRules = [new VatAccountRule(20m, "445711", "445741")],
        BankAccounts = [new BankAccountSetting("BANK", "Banque principale", "512000", "FR7630006000011234567890189"), new BankAccountSetting("CCP", "La Banque Postale", "512100")],
    };

    public static readonly VatSummaryResponse VatSummary = new(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31),
        [new VatSummaryRow(20m, 1455.90m, 291.18m), new VatSummaryRow(10m, 200.00m, 20.00m)], 1655.90m, 311.18m, 156.00m,
        new VatSummaryNonTaxable(4200.00m, 1850.00m, 950.00m, 700.00m, 250.00m, 0m), 0m);

    public static readonly JournalEntryList Entries = new([new JournalEntryResponse(Guid.Parse("01937000-0000-7000-8000-000000000001"), "VT", "Journal des ventes", 42,
        new DateOnly(2026, 12, 15), "FA-2026-00042", new DateOnly(2026, 12, 15), "Facture FA-2026-00042 Menuiserie Durand SARL", EntrySource.Invoice,
        Guid.Parse("01936e00-0000-7000-8000-0000000000f1"), new DateOnly(2026, 12, 15), null,
        [new JournalLineResponse(0, "411000", "Clients", "411DURAND", "Menuiserie Durand SARL", "Facture FA-2026-00042 Menuiserie Durand SARL", 1222.96m, 0m, null),
         new JournalLineResponse(1, "419100", "Clients - avances et acomptes reçus", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 436.77m, 0m, 20m),
         new JournalLineResponse(2, "706000", "Prestations de services", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 0m, 780.00m, 20m),
         new JournalLineResponse(3, "707000", "Ventes de marchandises", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 0m, 675.90m, 20m),
         new JournalLineResponse(4, "445740", "TVA collectée en attente d'encaissement", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 0m, 109.26m, 20m),
         new JournalLineResponse(5, "445710", "TVA collectée", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 0m, 94.57m, 20m)])], null, false);

    public static readonly AccountingExportResponse Export = new(Guid.Parse("01936f00-0000-7000-8000-0000000000e1"), AccountingExportFormat.Fec,
        AccountingExportFormats.Describe(AccountingExportFormat.Fec), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
        new AccountingExportOptionsResponse(new FecExportOptions(), null), AccountingExportStatus.Completed, 100, 412, 412,
        Guid.Parse("01936f00-0000-7000-8000-0000000000a1"), "Claire Comptable", new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 4, 2, 8, 0, 1, TimeSpan.Zero), new DateTimeOffset(2026, 4, 2, 8, 0, 2, TimeSpan.Zero), "732829320FEC20261231.txt",
        "text/plain; charset=iso-8859-15", 61_480, "9f2c4e0b1d7a3c5e8f6b2a4d0c9e7f1a3b5d7c9e1f2a4b6c8d0e2f4a6b8c0d2e", 103, null);

    public static readonly AccountingExportListResponse ExportList = new([Export]);

    public static readonly RequestAccountingExportRequest ExportRequest = new(AccountingExportFormat.Fec, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new FecExportOptions());

    public static readonly AccountingExportResponse ExportQueued = Export with { Status = AccountingExportStatus.Queued, ProgressPercent = 0, RowsWritten = 0, RowsTotal = null, StartedAt = null, CompletedAt = null, FileName = null, ContentType = null, Size = null, Sha256 = null, EntryCount = null };
}
