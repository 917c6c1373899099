using Koban.Api.Features.Sales;
using Koban.Domain.Receivables;

namespace Koban.Api.Features.Receivables;

/// <summary>The OpenAPI examples of the Receivables feature: two customers' open invoices on 20 February 2027.</summary>
public static class ReceivablesExamples
{
    private static readonly DateOnly Today = new(2027, 2, 20);
    private static readonly Guid InvoiceA = Guid.Parse("01936e00-0000-7000-8000-0000000000f1");
    private static readonly Guid InvoiceB = Guid.Parse("01936e00-0000-7000-8000-0000000000f2");
    private static readonly Guid OtherCustomer = Guid.Parse("01936c00-1111-7000-8000-00000000c002");

    public static readonly ReceivableList List = new(
    [
        new ReceivableSummary(InvoiceB, "FA-2026-00037", OtherCustomer, "Boulangerie Martin", new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2), 1800.00m, 1800.00m,
            InvoicePaymentStatus.Unpaid, 80, AgingBucket.Days61To90, true, "Livraison incomplète contestée"),
        new ReceivableSummary(InvoiceA, "FA-2026-00042", SalesExamples.CustomerId, "Menuiserie Durand SARL", new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 14), 1222.96m,
            622.96m, InvoicePaymentStatus.PartiallyPaid, 37, AgingBucket.Days31To60, false, null),
    ], null, false, 2, 2422.96m, Today);

    public static readonly AgingReport Aging = new(Today,
    [
        new CustomerAging(OtherCustomer, "Boulangerie Martin", new AgingAmounts(0m, 0m, 0m, 1800.00m, 0m, 1800.00m, 1800.00m, 1)),
        new CustomerAging(SalesExamples.CustomerId, "Menuiserie Durand SARL", new AgingAmounts(2400.00m, 0m, 622.96m, 0m, 0m, 3022.96m, 0m, 2)),
    ], new AgingAmounts(2400.00m, 0m, 622.96m, 1800.00m, 0m, 4822.96m, 1800.00m, 3), 14466.00m, new DateOnly(2026, 11, 23), 30.0m);

    public static readonly CustomerStatementResponse Statement = new(SalesExamples.CustomerId, "Menuiserie Durand SARL", "411DURAND", new DateOnly(2026, 12, 1),
        new DateOnly(2027, 2, 20), 524.12m,
        [
            new StatementLine(new DateOnly(2026, 12, 10), ReceivableKind.Receipt, Guid.Parse("01936f00-0000-7000-8000-0000000000a1"), "VIR DURAND 1209", "Règlement — Virement bancaire", null, 0m, 524.12m, 0m),
            new StatementLine(new DateOnly(2026, 12, 15), ReceivableKind.Invoice, InvoiceA, "FA-2026-00042", "Facture", new DateOnly(2027, 1, 14), 1222.96m, 0m, 1222.96m),
            new StatementLine(new DateOnly(2027, 1, 20), ReceivableKind.Receipt, Guid.Parse("01936f00-0000-7000-8000-0000000000a2"), "CHQ 0045123", "Règlement — Chèque", null, 0m, 600.00m, 622.96m),
        ], 1222.96m, 1124.12m, 622.96m,
        [new StatementOpenInvoice(InvoiceA, "FA-2026-00042", new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 14), 1222.96m, 622.96m, 37, false)], 622.96m);
}
