using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Contracts;

public sealed record GetContractQuery(Guid Id) : IQuery<Versioned<ContractResponse>>;

public sealed class GetContractHandler(ContractReader reader, CompanyClock clock) : IQueryHandler<GetContractQuery, Versioned<ContractResponse>>
{
    public async ValueTask<Versioned<ContractResponse>> Handle(GetContractQuery query, CancellationToken cancellationToken) =>
        await reader.ContractAsync(query.Id, await clock.TodayAsync(cancellationToken), cancellationToken);

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapGet("/{id:guid}", async Task<Ok<ContractResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetContractQuery(id), ct)).Ok(response))
            .WithName("GetContract")
            .WithSummary("Get a contract")
            .WithDescription("The contract's terms and lines (what one period invoices), `periodAmountExcludingVat` and its monthly equivalent `monthlyRecurringRevenue` (period amount ÷ months per period, rounded to the cent), the current term (`currentTermStart`–`currentTermEnd`, inclusive, `termNumber`), the `noticeDeadline` of the current term and whether it is passed, `renewalOpensOn`, `willRenewTacitly`, the termination if any (`endDate` is the last day billed), the order it was made from, every term in `terms` (with the revision each applied) and the history of its transitions.")
            .RequirePermission(Permissions.Contracts, Access.Read)
            .WithExamples(null, 200, ContractsExamples.Active);
}
