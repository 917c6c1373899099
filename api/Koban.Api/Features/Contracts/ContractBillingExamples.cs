using Koban.Domain.Contracts;
using Koban.Domain.Invoicing;

namespace Koban.Api.Features.Contracts;

/// <summary>OpenAPI examples of the billing side of contracts: CT-00001, 49,00 € HT a month in advance from 31/01/2027.</summary>
public static class ContractBillingExamples
{
    private static readonly Guid ContractId = Guid.Parse("01937a00-0000-7000-8000-0000000000c1");

    public static readonly ContractBillingSettingsResponse Settings = new(ContractInvoicing.ValidateAndSend, 30, true);

    public static readonly UpdateContractBillingSettingsRequest UpdateRequest = new(ContractInvoicing.ValidateAndSend, 30);

    public static readonly IReadOnlyList<ContractPeriodInvoiceResponse> Billed =
    [
        new(Guid.Parse("01937a00-0000-7000-8000-0000000000d1"), ContractId, "CT-00001", new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 27), new DateOnly(2027, 1, 31), 1m,
            49.00m, Guid.Parse("01937a00-0000-7000-8000-0000000000e1"), "FA-2027-00007", BillingStatus.Validated, true),
        new(Guid.Parse("01937a00-0000-7000-8000-0000000000d2"), ContractId, "CT-00001", new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 30), new DateOnly(2027, 2, 28), 1m,
            49.00m, Guid.Parse("01937a00-0000-7000-8000-0000000000e2"), "FA-2027-00008", BillingStatus.Validated, true),
    ];

    public static readonly IReadOnlyList<ContractPeriodResponse> Periods =
    [
        new(Guid.Parse("01937a00-0000-7000-8000-0000000000d1"), 1, new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 27), new DateOnly(2027, 1, 31), 1m, 49.00m,
            ContractPeriodState.Invoiced, Guid.Parse("01937a00-0000-7000-8000-0000000000e1"), "FA-2027-00007", BillingStatus.Validated, 58.80m),
        new(null, 1, new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 30), new DateOnly(2027, 2, 28), 1m, 49.00m, ContractPeriodState.Due, null, null, null, null),
        new(null, 1, new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 29), new DateOnly(2027, 3, 31), 1m, 49.00m, ContractPeriodState.Upcoming, null, null, null, null),
    ];
}
