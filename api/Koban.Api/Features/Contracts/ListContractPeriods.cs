using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

public sealed record ListContractPeriodsQuery(Guid ContractId) : IQuery<IReadOnlyList<ContractPeriodResponse>>;

public sealed class ListContractPeriodsHandler(KobanDbContext db, ContractBillingReader reader) : IQueryHandler<ListContractPeriodsQuery, IReadOnlyList<ContractPeriodResponse>>
{
    public async ValueTask<IReadOnlyList<ContractPeriodResponse>> Handle(ListContractPeriodsQuery query, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == query.ContractId, cancellationToken)
            ?? throw new NotFoundException("contract", query.ContractId);
        return await reader.PeriodsAsync(contract, cancellationToken);
    }
}

public static class ListContractPeriods
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/periods", async Task<Ok<IReadOnlyList<ContractPeriodResponse>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListContractPeriodsQuery(id), ct)))
            .WithName("ListContractPeriods")
            .WithSummary("The billing periods of a contract")
            .WithDescription("Every period of the contract's terms so far, oldest first: `Invoiced` ones with their invoice (number once validated, status, total including VAT) and the amount billed excluding VAT; `Due` ones (billing date come, billed by the next run or by `POST …/invoice-due-periods`) and `Upcoming` ones with what they would bill at today's prices. A period cut by the contract's end shows its pro-rata factor. A draft contract has none.")
            .RequirePermission(Permissions.Contracts, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, ContractBillingExamples.Periods);
}
