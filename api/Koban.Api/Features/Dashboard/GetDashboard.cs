using System.Security.Claims;
using Koban.Api.Features.Invoicing;
using Koban.Api.Features.Receivables;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Dashboard;

/// <summary>Which parts of the dashboard the caller may see, from its permissions.</summary>
public sealed record DashboardAccess(bool Revenue, bool LeftToInvoice, bool Receivables, bool Milestones, bool Activity, IReadOnlyList<string> HiddenActivity)
{
    public static DashboardAccess For(ClaimsPrincipal user)
    {
        bool Can(string resource) => CallerPermissions.Allows(user, resource, Access.Read);
        return new DashboardAccess(Can(Permissions.Invoices) && Can(Permissions.CreditNotes), Can(Permissions.Orders), Can(Permissions.Receivables),
            Can(Permissions.BillingSchedules) && Can(Permissions.Orders), Can(Permissions.Audit), ActivityWording.Hidden(Can));
    }
}

public sealed record GetDashboardQuery(DashboardAccess Access) : IQuery<DashboardResponse>;

/// <summary>
/// The home page's figures, each computed once by the database or by the feature that owns it: the revenue by two
/// grouped sums, the overdue invoices and the aging by the receivables queries, what is left to invoice by the orders'
/// ledgers replayed from their validated documents (<see cref="BillingService.OrderLedgersAsync"/>), the next
/// milestones by one sorted query, the activity by one page of the audit log and one look-up per kind of record named.
/// </summary>
public sealed class GetDashboardHandler(KobanDbContext db, CompanyClock clock, IMediator mediator, BillingService billing)
    : IQueryHandler<GetDashboardQuery, DashboardResponse>
{
    public const int OldestOverdue = 5;
    public const int NextMilestones = 5;
    public const int RecentActivity = 10;

    public async ValueTask<DashboardResponse> Handle(GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var access = query.Access;
        var today = await clock.TodayAsync(cancellationToken);
        var timeZone = await db.Companies.AsNoTracking().Select(c => c.TimeZone).SingleAsync(cancellationToken);
        var revenue = access.Revenue ? await RevenueAsync(today, cancellationToken) : null;
        var left = access.LeftToInvoice ? await LeftToInvoiceAsync(cancellationToken) : null;
        DashboardOverdue? overdue = null;
        AgingAmounts? aging = null;
        if (access.Receivables)
        {
            var list = await mediator.Send(new ListReceivablesQuery(OldestOverdue, null, "dueDate", null, null, null, null, null, null, null, true), cancellationToken);
            overdue = new DashboardOverdue(list.TotalOutstanding, list.Count, list.Items);
            aging = (await mediator.Send(new ReceivablesAgingQuery(null), cancellationToken)).Totals;
        }
        var milestones = access.Milestones ? await MilestonesAsync(today, cancellationToken) : null;
        var activity = access.Activity ? await ActivityAsync(access.HiddenActivity, cancellationToken) : null;
        return new DashboardResponse(today, timeZone, revenue, left, overdue, aging, milestones, activity);
    }

    private async Task<DashboardRevenue> RevenueAsync(DateOnly today, CancellationToken ct)
    {
        DateOnly from = MonthlyRevenue.WindowStart(today), to = MonthlyRevenue.WindowEnd(today);
        var invoiced = await db.Invoices.AsNoTracking().IgnoreAutoIncludes()
            .Where(i => i.Status == BillingStatus.Validated && i.IssueDate >= from && i.IssueDate <= to)
            .GroupBy(i => new { i.IssueDate!.Value.Year, i.IssueDate!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(i => i.TotalExcludingVat) })
            .ToListAsync(ct);
        var credited = await db.CreditNotes.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.Status == BillingStatus.Validated && c.IssueDate >= from && c.IssueDate <= to)
            .GroupBy(c => new { c.IssueDate!.Value.Year, c.IssueDate!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(c => c.TotalExcludingVat) })
            .ToListAsync(ct);
        var series = MonthlyRevenue.Series(today,
            invoiced.Select(i => new MonthMovements(i.Year, i.Month, i.Amount, 0m)).Concat(credited.Select(c => new MonthMovements(c.Year, c.Month, 0m, c.Amount))));
        return new DashboardRevenue(series[^1].AmountExcludingVat, series[^2].AmountExcludingVat, series.Sum(m => m.AmountExcludingVat),
            [.. series.Select(m => new DashboardMonth(m.FirstDay, m.AmountExcludingVat))]);
    }

    private async Task<DashboardLeftToInvoice> LeftToInvoiceAsync(CancellationToken ct)
    {
        var open = await db.Orders.AsNoTracking().AsSplitQuery().Where(o => o.Status == OrderStatus.InProgress).ToListAsync(ct);
        var ledgers = await billing.OrderLedgersAsync(open, ct);
        var left = open.Select(o => ledgers[o.Id].LeftToInvoice).Where(l => l != 0m).ToList();
        return new DashboardLeftToInvoice(left.Sum(), left.Count);
    }

    private async Task<IReadOnlyList<DashboardMilestone>> MilestonesAsync(DateOnly today, CancellationToken ct)
    {
        var rows = await db.Set<BillingSchedule>().AsNoTracking()
            .Where(s => db.Orders.Any(o => o.Id == s.OrderId && o.Status == OrderStatus.InProgress))
            .SelectMany(s => s.Milestones.Where(m => m.InvoiceId == null).Select(m => new { Milestone = m, s.OrderId, s.OrderTotalExcludingVat }))
            .OrderBy(x => x.Milestone.PlannedDate).ThenBy(x => x.Milestone.Id)
            .Take(NextMilestones)
            .ToListAsync(ct);
        var orderIds = rows.Select(r => r.OrderId).Distinct().ToList();
        var orders = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => orderIds.Contains(o.Id))
            .Join(db.Customers.IgnoreAutoIncludes(), o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, o.Number, CustomerName = c.Name })
            .ToDictionaryAsync(o => o.Id, ct);
        return [.. rows.Select(r => new DashboardMilestone(r.OrderId, orders[r.OrderId].Number, orders[r.OrderId].CustomerName, r.Milestone.Id, r.Milestone.Label,
            r.Milestone.PlannedDate, r.Milestone.PlannedAmountExcludingVat(r.OrderTotalExcludingVat), r.Milestone.IsLate(today)))];
    }

    private async Task<IReadOnlyList<DashboardActivity>> ActivityAsync(IReadOnlyList<string> hidden, CancellationToken ct)
    {
        var shown = ActivityWording.Entities.Keys.Except(hidden).ToList();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => shown.Contains(e.EntityType))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(RecentActivity)
            .Select(e => new { e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId })
            .ToListAsync(ct);
        var labels = new Dictionary<Guid, string?>();
        foreach (var group in events.Where(e => e.EntityId is not null).GroupBy(e => e.EntityType))
        {
            var ids = group.Select(e => e.EntityId!.Value).Distinct().ToList();
            var found = group.Key switch
            {
                "invoice" or "creditNote" => await db.BillingDocuments.IgnoreAutoIncludes().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Label = d.Number }).ToListAsync(ct),
                "quote" => await db.Quotes.IgnoreAutoIncludes().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, Label = q.Number }).ToListAsync(ct),
                "order" => await db.Orders.IgnoreAutoIncludes().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, Label = o.Number }).ToListAsync(ct),
                "payment" => await db.Payments.IgnoreAutoIncludes().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Label = p.Reference }).ToListAsync(ct),
                "customer" => await db.Customers.IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, Label = (string?)c.Name }).ToListAsync(ct),
                "product" => await db.Products.IgnoreAutoIncludes().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Label = (string?)p.Name }).ToListAsync(ct),
                "opportunity" => await db.Opportunities.IgnoreAutoIncludes().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, Label = (string?)o.Title }).ToListAsync(ct),
                _ => [],
            };
            foreach (var f in found) labels[f.Id] = f.Label;
        }
        return [.. events.Select(e =>
        {
            var label = e.EntityId is { } id ? labels.GetValueOrDefault(id) : null;
            return new DashboardActivity(e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, label, ActivityWording.Sentence(e.ActorName, e.Action, e.EntityType, label));
        })];
    }
}

public static class DashboardEndpoints
{
    private static readonly DashboardResponse Example = new(new DateOnly(2026, 12, 7), "Europe/Paris",
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
            "invoice.validated", "invoice", Guid.Parse("01936e00-0000-7000-8000-0000000000f1"), "FA-2026-00042", "Anne Comptable a validé la facture FA-2026-00042")]);

    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
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
                A part the caller may not read is `null`.
                """)
            .RequirePermission(Permissions.Company, Access.Read)
            .WithExamples(null, 200, Example);
    }
}
