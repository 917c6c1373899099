using Koban.Api.Features.Receivables;
using Koban.Api.Features.Sales;
using Koban.Domain.Receivables;

namespace Koban.Api.Features.Dashboard;

/// <summary>The OpenAPI example of the dashboard.</summary>
public static class DashboardExamples
{
    public static readonly DashboardResponse Example = new(new DateOnly(2026, 12, 7), "Europe/Paris",
        new DashboardRevenue(4210.00m, 12850.50m, 96420.75m,
            [.. Enumerable.Range(0, 12).Select(i => new DashboardMonth(new DateOnly(2026, 1, 1).AddMonths(i), i == 11 ? 4210.00m : i == 10 ? 12850.50m : 7214.57m))]),
        new DashboardLeftToInvoice(18345.90m, 4),
        new DashboardOverdue(2422.96m, 2,
        [
            new ReceivableSummary(Guid.Parse("01936e00-0000-7000-8000-0000000000f2"), "FA-2026-00037", Guid.Parse("01936c00-1111-7000-8000-00000000c002"), "Boulangerie Martin",
                new DateOnly(2026, 9, 2), new DateOnly(2026, 10, 2), 1800.00m, 1800.00m, InvoicePaymentStatus.Unpaid, 66, AgingBucket.Days61To90, false, null),
            new ReceivableSummary(Guid.Parse("01936e00-0000-7000-8000-0000000000f1"), "FA-2026-00042", SalesExamples.CustomerId, "Menuiserie Durand SARL",
                new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 14), 1222.96m, 622.96m, InvoicePaymentStatus.PartiallyPaid, 23, AgingBucket.Days1To30, false, null),
        ]),
        new AgingAmounts(2400.00m, 622.96m, 0m, 1800.00m, 0m, 4822.96m, 0m, 3),
        [new DashboardMilestone(SalesExamples.OrderId, "CO-2026-00031", "Menuiserie Durand SARL", Guid.Parse("01936d10-0000-7000-8000-0000000000b2"), "Solde à la livraison",
            new DateOnly(2027, 1, 12), 1019.13m, false)],
        [new DashboardActivity(Guid.Parse("01936b31-0000-7000-8000-0000000000e2"), new DateTimeOffset(2026, 12, 7, 9, 15, 0, TimeSpan.Zero), "Anne Comptable",
            "invoice.validated", "invoice", Guid.Parse("01936e00-0000-7000-8000-0000000000f1"), "FA-2026-00042", "Anne Comptable a validé la facture FA-2026-00042")],
        new Contracts.RecurringRevenueResponse(new DateOnly(2026, 12, 7), 1245.50m, 14946.00m, 9,
            [.. Enumerable.Range(0, 12).Select(i => new Contracts.MonthAmount(new DateOnly(2026, 12, 1).AddMonths(i), i % 3 == 0 ? 1680.00m : 885.50m))]),
        new DashboardContractsToRenew(1,
        [
            new Contracts.ContractRenewal(Guid.Parse("01936f00-0000-7000-8000-0000000000a1"), "CT-00012", SalesExamples.CustomerId, "Menuiserie Durand SARL",
                Guid.Parse("01936a00-0000-7000-8000-000000000011"), new DateOnly(2026, 12, 31), 24, new DateOnly(2026, 9, 30), true, true, false,
                Koban.Domain.Contracts.RevisionKind.Percentage, new DateOnly(2026, 7, 2), 120.00m),
        ]));
}
