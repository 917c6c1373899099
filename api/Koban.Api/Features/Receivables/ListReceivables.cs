using FluentValidation;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Receivables;

public sealed record ListReceivablesQuery(int Limit, string? After, string? Sort, Guid? CustomerId, DateOnly? DueFrom, DateOnly? DueTo, DateOnly? IssuedFrom,
    DateOnly? IssuedTo, AgingBucket? Bucket, bool? Disputed, bool? OverdueOnly) : IQuery<ReceivableList>;

public sealed class ListReceivablesQueryValidator : AbstractValidator<ListReceivablesQuery>
{
    public ListReceivablesQueryValidator()
    {
        RuleFor(q => q.Bucket).IsInEnum().When(q => q.Bucket is not null);
        RuleFor(q => q.DueTo).GreaterThanOrEqualTo(q => q.DueFrom!.Value).When(q => q.DueFrom is not null && q.DueTo is not null);
        RuleFor(q => q.IssuedTo).GreaterThanOrEqualTo(q => q.IssuedFrom!.Value).When(q => q.IssuedFrom is not null && q.IssuedTo is not null);
    }
}

/// <summary>A page of the company's open invoices: one indexed query for the page (customer name joined in, no query per
/// row) and one aggregate for the count and total of everything the filters match — over the maintained summary per due
/// date when the filters allow it (<see cref="Infrastructure.Persistence.Sql.ReceivableTotalsSql"/>), over the invoices
/// themselves when they name a customer or an invoice-date range.</summary>
public sealed class ListReceivablesHandler(KobanDbContext db, CompanyClock clock) : IQueryHandler<ListReceivablesQuery, ReceivableList>
{
    public static readonly SortFields<ReceivableRow> Sorts = new SortFields<ReceivableRow>("dueDate")
        .Add("dueDate", r => r.DueDate)
        .Add("issueDate", r => r.IssueDate)
        .Add("outstanding", r => r.Outstanding)
        .Add("total", r => r.Total)
        .Add("number", r => r.Number)
        .Add("customerName", r => r.CustomerName);

    public async ValueTask<ReceivableList> Handle(ListReceivablesQuery query, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var items = db.ReceivableItems.AsNoTracking().Where(i => i.Kind == ReceivableKind.Invoice && i.Outstanding > 0m);
        if (query.CustomerId is { } customerId) items = items.Where(i => i.CustomerId == customerId);
        if (query.Disputed is { } disputed) items = items.Where(i => i.Disputed == disputed);
        if (query.IssuedFrom is { } issuedFrom) items = items.Where(i => i.Date >= issuedFrom);
        if (query.IssuedTo is { } issuedTo) items = items.Where(i => i.Date <= issuedTo);
        var (dueFrom, dueTo) = DueWindow(query, today);
        if (dueFrom is { } from) items = items.Where(i => i.DueDate >= from);
        if (dueTo is { } to) items = items.Where(i => i.DueDate <= to);

        long count;
        decimal total;
        if (query.CustomerId is null && query.IssuedFrom is null && query.IssuedTo is null)
        {
            (count, total) = await SummaryTotalsAsync(query, today, cancellationToken);
        }
        else
        {
            var totals = await items.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Total = g.Sum(i => i.Outstanding) }).SingleOrDefaultAsync(cancellationToken);
            (count, total) = (totals?.Count ?? 0, totals?.Total ?? 0m);
        }

        var rows = items.Join(db.Customers.IgnoreAutoIncludes(), i => i.CustomerId, c => c.Id, (i, c) => new ReceivableRow
        {
            Id = i.Id,
            InvoiceId = i.SourceId,
            Number = i.Reference,
            CustomerId = i.CustomerId,
            CustomerName = c.Name,
            IssueDate = i.Date,
            DueDate = i.DueDate!.Value,
            Total = i.Amount,
            Outstanding = i.Outstanding,
            SettledByCreditNotes = i.SettledByCreditNotes,
            Disputed = i.Disputed,
            DisputeReason = i.DisputeReason,
        });
        var (page, next, hasMore) = await Keyset.PageAsync(rows, Sorts, query.Sort, query.After, query.Limit, r => r.Id, cancellationToken);
        return new ReceivableList([.. page.Select(r => ReceivablesReader.Summary(r, today))], next, hasMore, checked((int)count), total, today);
    }

    /// <summary>The due dates (bounds included) the query's due-date filters leave — `dueFrom`/`dueTo`, `overdueOnly`
    /// (before today) and the bucket, the narrowest bound of each side winning — computed once for the page and the totals,
    /// so that both always count the same invoices.</summary>
    private static (DateOnly? From, DateOnly? To) DueWindow(ListReceivablesQuery query, DateOnly today)
    {
        var (from, to) = (query.DueFrom, query.DueTo);
        void Narrow(DateOnly? lower, DateOnly? upper)
        {
            if (lower is { } l && (from is null || l > from)) from = l;
            if (upper is { } u && (to is null || u < to)) to = u;
        }
        if (query.OverdueOnly == true) Narrow(null, today.AddDays(-1));
        if (query.Bucket is { } bucket)
        {
            var (bucketFrom, bucketTo) = Aging.DueDateRange(bucket, today);
            Narrow(bucketFrom, bucketTo);
        }
        return (from, to);
    }

    /// <summary>
    /// The count and total from the maintained summary (<c>receivable_due_totals</c>, one row per due date and dispute flag
    /// once compacted, plus the deltas written since), when every filter is a due-date range or the dispute flag: a few
    /// hundred rows summed instead of every open invoice. The summary counts exactly the rows the list filters on
    /// (invoices with something outstanding), in the same transaction as every change to them.
    /// </summary>
    private async Task<(long Count, decimal Total)> SummaryTotalsAsync(ListReceivablesQuery query, DateOnly today, CancellationToken ct)
    {
        var totals = db.ReceivableDueTotals.AsNoTracking();
        if (query.Disputed is { } disputed) totals = totals.Where(t => t.Disputed == disputed);
        var (dueFrom, dueTo) = DueWindow(query, today);
        if (dueFrom is { } from) totals = totals.Where(t => t.DueDate >= from);
        if (dueTo is { } to) totals = totals.Where(t => t.DueDate <= to);
        var sums = await totals.GroupBy(_ => 1).Select(g => new { Count = g.Sum(t => t.OpenCount), Total = g.Sum(t => t.Outstanding) }).SingleOrDefaultAsync(ct);
        return (sums?.Count ?? 0, sums?.Total ?? 0m);
    }
}

public static class ListReceivables
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<ReceivableList>> (IMediator mediator, int? limit, string? after, string? sort, Guid? customerId, DateOnly? dueFrom, DateOnly? dueTo,
                DateOnly? issuedFrom, DateOnly? issuedTo, AgingBucket? bucket, bool? disputed, bool? overdueOnly, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReceivablesQuery(Cursor.Limit(limit), after, sort, customerId, dueFrom, dueTo, issuedFrom, issuedTo, bucket, disputed,
                    overdueOnly), ct)))
            .WithName("ListReceivables")
            .WithSummary("Due and overdue invoices")
            .WithDescription(ReceivablesEndpoints.OpenInvoicesRule + ReceivablesEndpoints.DaysLateRule + " Filters: `customerId`; the period as **due date** (`dueFrom`/`dueTo`) and/or **invoice date** (`issuedFrom`/`issuedTo`), bounds included; `bucket`; `disputed=true|false`; `overdueOnly=true` (due date before today). `sort`: `dueDate` (default: oldest due date, so the latest invoice, first), `issueDate`, `outstanding`, `total`, `number`, `customerName`, each with `-` for descending; keyset paging with `limit` (1–100, default 25) and `after` = the previous page's `nextCursor`. `count` and `totalOutstanding` cover every invoice the filters match, not only the page; `today` is the date days late are counted at. A disputed invoice stays listed, flagged with its reason.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(400)
            .WithExamples(null, 200, ReceivablesExamples.List);
}
