using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

/// <summary>Active contracts whose current term ends within <paramref name="Within"/> days of today (or whose tacit renewal
/// waits for an index value), nearest term end first; <paramref name="Take"/> caps the items (the count is of all).</summary>
public sealed record ListContractRenewalsQuery(int Within, int? Take = null) : IQuery<ContractRenewalList>
{
    public const int DefaultWithin = 60;
    public const int MaximumWithin = 366;
}

public sealed class ListContractRenewalsHandler(KobanDbContext db, CompanyClock clock, ContractReader reader) : IQueryHandler<ListContractRenewalsQuery, ContractRenewalList>
{
    public async ValueTask<ContractRenewalList> Handle(ListContractRenewalsQuery query, CancellationToken cancellationToken)
    {
        if (query.Within is < 1 or > ListContractRenewalsQuery.MaximumWithin)
            throw new FieldValidationException("within", ApiErrorCodes.RenewalWindowOutOfRange);
        var today = await clock.TodayAsync(cancellationToken);
        var limit = today.AddDays(query.Within);
        var due = db.Contracts.AsNoTracking().AsSplitQuery()
            .Where(c => c.Status == ContractStatus.Active && (c.CurrentTermEnd <= limit || c.IndexRevisionPending));
        var count = await due.CountAsync(cancellationToken);
        var ordered = due.OrderBy(c => c.CurrentTermEnd).ThenBy(c => c.Id);
        var rows = await (query.Take is { } take ? ordered.Take(take) : ordered.Take(500)).ToListAsync(cancellationToken);
        return new ContractRenewalList(today, query.Within, count, await reader.RenewalsAsync(rows, today, cancellationToken));
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapGet("/renewals", async Task<Ok<ContractRenewalList>> (IMediator mediator, int? within, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListContractRenewalsQuery(within ?? ListContractRenewalsQuery.DefaultWithin), ct)))
            .WithName("ListContractRenewals")
            .WithSummary("Contracts reaching the end of their term")
            .WithDescription("Active contracts whose current term ends within `within` days of today (1–366, default 60; outside: 400 `renewal_window_out_of_range`), plus those renewed tacitly whose index revision waits for a value, nearest term end first (at most 500 items; `count` counts them all). Each says its `noticeDeadline` and whether it is passed, whether it will renew tacitly, `daysLeft` to the term end and its monthly recurring revenue. Renew (`POST /{id}/renew`) or let expire (`POST /{id}/let-expire`).")
            .RequirePermission(Permissions.Contracts, Access.Read)
            .WithExamples(null, 200, ContractsExamples.Renewals);
}
