namespace Koban.Api.Features.Contracts;

/// <summary>
/// The billing side of <c>/api/v1/contracts</c>, each route mapped by its use case: the company's contract billing
/// settings (read: <c>contracts:read</c>; change: <c>company:write</c>, Admin), a contract's periods
/// (<c>contracts:read</c>) and the manual billing of its due periods (<c>invoices:write</c>, Accountant and Admin:
/// it writes invoices).
/// </summary>
public static class ContractBillingEndpoints
{
    public static void MapContractBillingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts").WithTags("Contracts");
        GetContractBillingSettings.Map(group);
        UpdateContractBillingSettings.Map(group);
        ListContractPeriods.Map(group);
        InvoiceContractDuePeriods.Map(group);
    }
}
