using Koban.Api.Features.Common;
using Koban.Domain.Contracts;
using Koban.Domain.Documents;
using Koban.Domain.Products;

namespace Koban.Api.Features.Contracts;

/// <summary>The OpenAPI examples of contracts: one yearly maintenance contract of Menuiserie Durand, billed quarterly in
/// advance at 360 € excluding VAT a quarter (MRR 120 €), followed through activation, renewal (+3 %) and termination.</summary>
internal static class ContractsExamples
{
    internal static readonly Guid ContractId = Guid.Parse("01936f00-0000-7000-8000-0000000000a1");
    internal static readonly Guid OwnerId = Guid.Parse("01936a00-0000-7000-8000-000000000011");
    internal static readonly Guid ProductId = Guid.Parse("01936c10-0000-7000-8000-00000000a009");
    internal static readonly Guid OrderLineId = Guid.Parse("01936d00-0000-7000-8000-00000000d109");
    internal static readonly DateTimeOffset Stamp = new(2026, 12, 15, 9, 30, 0, TimeSpan.Zero);

    internal static readonly ContractRequest CreateRequest = new(
        SalesExamples.CustomerId, null, new DateOnly(2027, 1, 1), 12, ContractPeriodicity.Quarterly, BillingTiming.InAdvance, true, 3,
        new RevisionClauseDto(RevisionKind.Percentage, 3m, null),
        [new SalesLineRequest(LineKind.Product, ProductId, null, 1m, null, null, null, null, null, null)]);

    internal static readonly ContractFromOrderRequest FromOrderRequest = new(
        SalesExamples.OrderId, [OrderLineId], new DateOnly(2027, 1, 1), null, null, BillingTiming.InAdvance, true, 3,
        new RevisionClauseDto(RevisionKind.Percentage, 3m, null), null);

    internal static readonly TerminateContractRequest TerminateRequest = new(null, "Le client internalise la maintenance de son atelier.");

    internal static readonly RenewContractRequest RenewRequest = new(new RevisionDto(RevisionKind.Percentage, 3m, null));

    private static readonly ContractLineResponse Line = new(Guid.Parse("01936f00-0000-7000-8000-0000000001a1"), 0, LineKind.Product, ProductId, OrderLineId,
        "Contrat de maintenance atelier\nVisite trimestrielle et réglage des machines", 1.000m, "C62", 360.0000m, 0m, 20m, VatCategory.Standard, 360.00m, null);

    private static readonly TotalsResponse Totals = new(360.00m, [new VatBreakdownResponse(20m, VatCategory.Standard, 360.00m, 72.00m)], 72.00m, 432.00m);

    internal static readonly ContractResponse Draft = new(
        Id: ContractId,
        Reference: "CT-00012",
        Status: ContractStatus.Draft,
        CustomerId: SalesExamples.CustomerId,
        CustomerName: "Menuiserie Durand SARL",
        OrderId: SalesExamples.OrderId,
        OrderNumber: "CO-2026-00031",
        OwnerUserId: OwnerId,
        StartDate: new DateOnly(2027, 1, 1),
        TermMonths: 12,
        Periodicity: ContractPeriodicity.Quarterly,
        Timing: BillingTiming.InAdvance,
        TacitRenewal: true,
        NoticeMonths: 3,
        Revision: new RevisionClauseDto(RevisionKind.Percentage, 3m, null),
        IndexRevisionPending: false,
        TermNumber: 0,
        CurrentTermStart: new DateOnly(2027, 1, 1),
        CurrentTermEnd: new DateOnly(2027, 12, 31),
        NoticeDeadline: new DateOnly(2027, 9, 30),
        NoticeDeadlinePassed: false,
        RenewalOpensOn: new DateOnly(2027, 7, 2),
        WillRenewTacitly: false,
        RenewalDeclinedOn: null,
        TerminationDate: null,
        TerminationReason: null,
        TerminatedOn: null,
        EndDate: null,
        PeriodAmountExcludingVat: 360.00m,
        MonthlyRecurringRevenue: 120.00m,
        Lines: [Line],
        Totals: Totals,
        Terms: [],
        History: [new ContractHistoryEntry(Stamp, "contract.created", "Claire Martin")],
        UpdatedAt: Stamp);

    internal static readonly ContractResponse Active = Draft with
    {
        Status = ContractStatus.Active,
        TermNumber = 1,
        WillRenewTacitly = true,
        Terms = [new ContractTermResponse(1, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), RevisionKind.None, null, 1m, false, new DateOnly(2026, 12, 15), OwnerId)],
        History = [.. Draft.History, new ContractHistoryEntry(Stamp.AddMinutes(5), "contract.activated", "Claire Martin")],
    };

    internal static readonly ContractResponse Renewed = Active with
    {
        TermNumber = 2,
        CurrentTermStart = new DateOnly(2028, 1, 1),
        CurrentTermEnd = new DateOnly(2028, 12, 31),
        NoticeDeadline = new DateOnly(2028, 9, 30),
        RenewalOpensOn = new DateOnly(2028, 7, 2),
        PeriodAmountExcludingVat = 370.80m,
        MonthlyRecurringRevenue = 123.60m,
        Lines = [Line with { UnitPrice = 370.8000m, NetAmount = 370.80m }],
        Totals = new TotalsResponse(370.80m, [new VatBreakdownResponse(20m, VatCategory.Standard, 370.80m, 74.16m)], 74.16m, 444.96m),
        Terms =
        [
            .. Active.Terms,
            new ContractTermResponse(2, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), RevisionKind.Percentage, 3m, 1.03m, false, new DateOnly(2027, 9, 20), OwnerId),
        ],
    };

    internal static readonly ContractResponse Terminated = Active with
    {
        Status = ContractStatus.Terminated,
        WillRenewTacitly = false,
        TerminationDate = new DateOnly(2027, 12, 31),
        TerminationReason = TerminateRequest.Reason,
        TerminatedOn = new DateOnly(2027, 9, 12),
        EndDate = new DateOnly(2027, 12, 31),
    };

    internal static readonly ContractList List = new(
        [new ContractSummary(ContractId, "CT-00012", ContractStatus.Active, SalesExamples.CustomerId, "Menuiserie Durand SARL", SalesExamples.OrderId,
            ContractPeriodicity.Quarterly, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), new DateOnly(2027, 9, 30), true, null, 360.00m, 120.00m, Stamp)],
        null, false);

    internal static readonly ContractRenewalList Renewals = new(new DateOnly(2027, 11, 15), 60, 1,
        [new ContractRenewal(ContractId, "CT-00012", SalesExamples.CustomerId, "Menuiserie Durand SARL", OwnerId, new DateOnly(2027, 12, 31), 46,
            new DateOnly(2027, 9, 30), true, true, false, RevisionKind.Percentage, new DateOnly(2027, 7, 2), 120.00m)]);

    internal static readonly RecurringRevenueResponse RecurringRevenue = new(new DateOnly(2026, 12, 15), 1_245.50m, 14_946.00m, 9,
        [.. Enumerable.Range(0, 12).Select(i => new MonthAmount(new DateOnly(2026, 12, 1).AddMonths(i), i % 3 == 0 ? 1_680.00m : 885.50m))]);
}
