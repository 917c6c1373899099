using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

/// <summary>Recurring revenue of the company's contracts today (also asked by the dashboard).</summary>
public sealed record GetRecurringRevenueQuery : IQuery<RecurringRevenueResponse>;

public sealed class GetRecurringRevenueHandler(KobanDbContext db, CompanyClock clock) : IQueryHandler<GetRecurringRevenueQuery, RecurringRevenueResponse>
{
    public async ValueTask<RecurringRevenueResponse> Handle(GetRecurringRevenueQuery query, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var contracts = await db.Contracts.AsNoTracking().AsSplitQuery()
            .Where(c => c.Status == ContractStatus.Active || (c.Status == ContractStatus.Terminated && c.EndDate >= today))
            .ToListAsync(cancellationToken);
        var mrr = contracts.Sum(c => c.MonthlyAmountExcludingVat);
        var toCome = ContractPeriods.RevenueToCome(today, contracts.Select(c => c.ToSchedule()));
        return new RecurringRevenueResponse(today, mrr, Rounding.Amount(12m * mrr), contracts.Count(c => c.Status == ContractStatus.Active),
            [.. toCome.Select(m => new MonthAmount(m.FirstDay, m.AmountExcludingVat))]);
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapGet("/recurring-revenue", async Task<Ok<RecurringRevenueResponse>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetRecurringRevenueQuery(), ct)))
            .WithName("GetRecurringRevenue")
            .WithSummary("Monthly and annual recurring revenue, and revenue to come per month")
            .WithDescription("Excluding VAT, on `today` (company time zone). `monthlyRecurringRevenue` (MRR) sums, over the contracts still billing today (active, or terminated with their end date not passed), each contract's period amount ÷ months per period, rounded to the cent per contract; `annualRecurringRevenue` (ARR) = 12 × MRR; `activeContracts` counts the active ones. `revenueToCome`: for the current month and the eleven after it, what the contracts' periods will invoice (by billing date, after today), at today's prices, renewing while they renew tacitly, stopping at a termination or expiry (a cut period billed by days).")
            .RequirePermission(Permissions.Contracts, Access.Read)
            .WithExamples(null, 200, ContractsExamples.RecurringRevenue);
}
