using System.Security.Claims;
using Koban.Api.Features.Receivables;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Dashboard;

/// <summary>Which parts of the dashboard the caller may see, from its permissions.</summary>
public sealed record DashboardAccess(bool Revenue, bool LeftToInvoice, bool Receivables, bool Milestones, bool Activity, IReadOnlyList<string> HiddenActivity,
    bool Contracts = false)
{
    public static DashboardAccess For(ClaimsPrincipal user)
    {
        bool Can(string resource) => CallerPermissions.Allows(user, resource, Access.Read);
        return new DashboardAccess(Can(Permissions.Invoices) && Can(Permissions.CreditNotes), Can(Permissions.Orders), Can(Permissions.Receivables),
            Can(Permissions.BillingSchedules) && Can(Permissions.Orders), Can(Permissions.Audit), ActivityWording.Hidden(Can), Can(Permissions.Contracts));
    }
}

public sealed record GetDashboardQuery(DashboardAccess Access) : IQuery<DashboardResponse>;

/// <summary>
/// The home page's figures: the overdue invoices and the aging asked of the receivables feature, the rest read by
/// <see cref="DashboardReader"/>; a part the caller may not read is left out.
/// </summary>
public sealed class GetDashboardHandler(KobanDbContext db, CompanyClock clock, IMediator mediator, DashboardReader reader)
    : IQueryHandler<GetDashboardQuery, DashboardResponse>
{
    public const int OldestOverdue = 5;
    public const int NearestRenewals = 5;

    public async ValueTask<DashboardResponse> Handle(GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var access = query.Access;
        var today = await clock.TodayAsync(cancellationToken);
        var timeZone = await db.Companies.AsNoTracking().Select(c => c.TimeZone).SingleAsync(cancellationToken);
        var revenue = access.Revenue ? await reader.RevenueAsync(today, cancellationToken) : null;
        var left = access.LeftToInvoice ? await reader.LeftToInvoiceAsync(cancellationToken) : null;
        DashboardOverdue? overdue = null;
        AgingAmounts? aging = null;
        if (access.Receivables)
        {
            var list = await mediator.Send(new ListReceivablesQuery(OldestOverdue, null, "dueDate", null, null, null, null, null, null, null, true), cancellationToken);
            overdue = new DashboardOverdue(list.TotalOutstanding, list.Count, list.Items);
            aging = (await mediator.Send(new ReceivablesAgingQuery(null, TotalsOnly: true), cancellationToken)).Totals;
        }
        var milestones = access.Milestones ? await reader.MilestonesAsync(today, cancellationToken) : null;
        var activity = access.Activity ? await reader.ActivityAsync(access.HiddenActivity, cancellationToken) : null;
        Contracts.RecurringRevenueResponse? recurring = null;
        DashboardContractsToRenew? toRenew = null;
        if (access.Contracts)
        {
            recurring = await mediator.Send(new Contracts.GetRecurringRevenueQuery(), cancellationToken);
            var renewals = await mediator.Send(new Contracts.ListContractRenewalsQuery(Contracts.ListContractRenewalsQuery.DefaultWithin, NearestRenewals), cancellationToken);
            toRenew = new DashboardContractsToRenew(renewals.Count, renewals.Items);
        }
        return new DashboardResponse(Today: today, TimeZone: timeZone, Revenue: revenue, LeftToInvoice: left, Overdue: overdue, Aging: aging, Milestones: milestones,
            Activity: activity, RecurringRevenue: recurring, ContractsToRenew: toRenew);
    }
}

public static class GetDashboard
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/dashboard", async Task<Ok<DashboardResponse>> (IMediator mediator, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDashboardQuery(DashboardAccess.For(user)), ct)))
            .WithTags("Dashboard")
            .WithName("GetDashboard")
            .WithSummary("The home page's figures")
            .WithDescription("""
                The company's figures on `today` (its date in the company's time zone, `timeZone`); every amount is in euros, rounded to the cent once.
                - `revenue` (needs `invoices:read` and `credit-notes:read`): revenue invoiced **excluding VAT** = validated invoices minus validated credit notes, each counted in the calendar month of its **issue date** (a date of the company's time zone, the one printed on the document and its sales-journal entry, so the figures agree with the revenue accounts of the books); `currentMonth`, `previousMonth`, `last12Months` (the current month and the eleven before it) and `months` (those twelve, oldest first, each named by its first day).
                - `leftToInvoice` (`orders:read`): what validated orders still in progress have left to invoice excluding VAT (each order's ledger replayed from its validated invoices and credit notes, as on the order) and how many orders.
                - `overdue` (`receivables:read`): invoices past their due date: `totalOutstanding` still owed including VAT, `count`, and the five `oldest` (earliest due date first), as `GET /receivables?overdueOnly=true` lists them.
                - `aging` (`receivables:read`): the totals of `GET /receivables/aging` today (amounts including VAT per bucket of days late).
                - `milestones` (`billing-schedules:read`): the five next billing-schedule milestones not invoiced yet of orders in progress, earliest first (`isLate` when past).
                - `activity` (`audit:read`): the ten latest changes to invoices, credit notes, quotes, orders, payments, customers, products and opportunities, newest first, with a French `summary` (who did what on which document); changes to a kind of record the caller may not read are left out.
                - `recurringRevenue` (`contracts:read`): monthly and annual recurring revenue of the subscription contracts and the revenue they will invoice per month over the next twelve, as `GET /contracts/recurring-revenue` gives them.
                - `contractsToRenew` (`contracts:read`): how many active contracts reach the end of their term within 60 days (or wait for an index value), and the five nearest, as `GET /contracts/renewals?within=60` lists them.
                A part the caller may not read is `null`.
                """)
            .RequirePermission(Permissions.Company, Access.Read)
            .WithExamples(null, 200, DashboardExamples.Example);
}
