using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Tests.Sales;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>Snapshots and headers every invoicing test shares.</summary>
internal static class InvoicingTestData
{
    public static readonly DateOnly Today = SalesTestData.Today;
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 30, 0, TimeSpan.Zero);

    public static AddressSnapshot SellerAddress { get; } = new("12 rue des Lilas", null, "69003", "Lyon", "FR");

    public static AddressSnapshot BuyerAddress { get; } = new("4 avenue Foch", "Bâtiment B", "75016", "Paris", "FR");

    public static SellerSnapshot Seller { get; } = new(Guid.Parse("0195d6a0-0000-7000-8000-000000000001"), "Atelier Koban", "SAS", 10000m, SellerAddress,
        "732829320", "Lyon", "FR44732829320", "FR7630006000011234567890189", "AGRIFRPP", VatFranchise: false, VatOnDebits: false, LatePaymentPenaltyRate: 12.15m);

    public static BuyerSnapshot Buyer(Guid customerId, bool business = true) =>
        new(customerId, "Boulangerie Martin", business, "FR", "France", BuyerAddress, null, business ? "552100554" : null, null, "411MARTIN", null, null);

    public static BillingHeaderData Header { get; } = new();

    public static BillingValidation Validation(BillingDocument document, string number = "FA-2026-0001", DateOnly? issueDate = null, long sequence = 1,
        string? previous = null, SellerSnapshot? seller = null, BuyerSnapshot? buyer = null, DateOnly? today = null) =>
        new(number, issueDate ?? Today, today ?? Today, Now, null, seller ?? Seller, buyer ?? Buyer(document.CustomerId), [], null, sequence,
            previous ?? DocumentFingerprint.Genesis);

    /// <summary>A priced product line (unit "HUR" like the sales tests, or "C62" pieces).</summary>
    public static DocumentLineData Line(decimal quantity, decimal unitPrice, decimal vatRate = 20m, decimal discount = 0m, string description = "Conseil", string unit = "HUR") =>
        new(LineKind.Product, Guid.NewGuid(), description, quantity, unit, unitPrice, discount, vatRate, vatRate == 0m ? VatCategory.Exempt : VatCategory.Standard);

    /// <summary>A free priced line (a discount when <paramref name="unitPrice"/> is negative).</summary>
    public static DocumentLineData FreeLine(decimal quantity, decimal unitPrice, decimal vatRate = 20m, string description = "Remise") =>
        new(LineKind.Free, null, description, quantity, "C62", unitPrice, 0m, vatRate, vatRate == 0m ? VatCategory.Exempt : VatCategory.Standard);

    public static decimal Sum(this IEnumerable<VatBreakdownLine> rows, decimal rate, Func<VatBreakdownLine, decimal> value) =>
        rows.Where(r => r.Rate == rate).Sum(value);
}
