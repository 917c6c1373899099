using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Persistence.Configurations;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koban.Api.Features.Invoicing;

public sealed record ListInvoicesQuery(int Limit, string? After, string? Sort, string? Search, BillingStatus? Status, InvoiceKind? Kind, Guid? CustomerId, Guid? OrderId,
    DateOnly? IssuedFrom, DateOnly? IssuedTo, bool? Overdue, DateTimeOffset? UpdatedSince, InvoicePaymentStatus? PaymentStatus = null) : IQuery<InvoiceList>;

public sealed class ListInvoicesHandler(KobanDbContext db, InvoicingReader reader, CompanyClock companyClock, IOptions<ListTuning> tuning,
    DenseFilterMemory denseFilters, CurrentActor actor) : IQueryHandler<ListInvoicesQuery, InvoiceList>
{
    public static readonly SortFields<InvoiceListRow> Sorts = new SortFields<InvoiceListRow>("-updatedAt")
        .Add("issueDate", i => i.IssueDate)
        .Add("dueDate", i => i.DueDate)
        .Add("totalIncludingVat", i => i.TotalIncludingVat)
        .Add("updatedAt", i => i.UpdatedAt);

    public async ValueTask<InvoiceList> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var today = await companyClock.TodayAsync(cancellationToken);
        var invoices = db.Invoices.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status) invoices = invoices.Where(i => i.Status == status);
        if (query.Kind is { } kind) invoices = invoices.Where(i => i.Kind == kind);
        if (query.CustomerId is { } customerId) invoices = invoices.Where(i => i.CustomerId == customerId);
        if (query.OrderId is { } orderId) invoices = invoices.Where(i => i.OrderId == orderId);
        if (query.IssuedFrom is { } from) invoices = invoices.Where(i => i.IssueDate >= from);
        if (query.IssuedTo is { } to) invoices = invoices.Where(i => i.IssueDate <= to);
        if (query.UpdatedSince is { } since) invoices = invoices.Where(i => i.UpdatedAt >= since);
        if (query.Overdue == true)
        {
            invoices = invoices.Where(i => i.Status == BillingStatus.Validated && i.DueDate < today
                && db.ReceivableItems.Any(r => r.SourceId == i.Id && r.Kind == ReceivableKind.Invoice && r.Outstanding > 0m));
        }
        if (query.PaymentStatus is { } paymentStatus)
        {
            invoices = invoices.Where(i => i.Status == BillingStatus.Validated);
            var matching = db.ReceivableItems.Where(r => r.Kind == ReceivableKind.Invoice
                && EF.Property<InvoicePaymentStatus?>(r, ReceivablesConfiguration.StoredPaymentStatus) == paymentStatus);
            // A rare status (a few paid invoices among thousands unpaid) would make the sorted walk probe every invoice
            // before finding a page: its few invoices are read first through the status index and sorted alone. A frequent
            // one fills a page within the first rows of the sorted walk; once seen, it is remembered for a minute so that
            // the next pages skip the probe (reading back a thousand ids cost more than the page itself).
            var limit = tuning.Value.SparseFilterLimit;
            var filter = $"invoices.paymentStatus={paymentStatus}";
            var company = actor.RequireCompanyId();
            var dense = denseFilters.IsDense(company, filter);
            if (!dense)
            {
                var few = await matching.Select(r => r.SourceId).Take(limit + 1).ToListAsync(cancellationToken);
                dense = few.Count > limit;
                if (dense) denseFilters.RememberDense(company, filter);
                else invoices = invoices.Where(i => few.Contains(i.Id));
            }
            if (dense) invoices = invoices.Where(i => matching.Any(r => r.SourceId == i.Id));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            var limit = tuning.Value.SparseFilterLimit;
            // The number and order number through their trigram index (a view the row-level policy cannot slow down,
            // see Sql.DocumentNumberSearch), the customers by name; when both answers are small, the page is read by id.
            var numbered = await db.Database.SqlQuery<Guid>($"""
                SELECT document_id AS "Value" FROM document_number_search
                WHERE document_type = 'Invoice' AND numbers ILIKE {pattern} ESCAPE '\' LIMIT {limit + 1}
                """).ToListAsync(cancellationToken);
            var customers = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => EF.Functions.ILike(c.Name, pattern, "\\"))
                .Select(c => c.Id).Take(limit + 1).ToListAsync(cancellationToken);
            invoices = numbered.Count <= limit && customers.Count <= limit
                ? invoices.Where(i => numbered.Contains(i.Id) || customers.Contains(i.CustomerId))
                : invoices.Where(i => EF.Functions.ILike(i.Number ?? "", pattern, "\\") || EF.Functions.ILike(i.OrderNumber ?? "", pattern, "\\")
                    || db.Customers.Any(c => c.Id == i.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        // The page reads only the columns a row shows: loading whole invoices parsed the JSON snapshots of every row.
        var rows = invoices.Select(i => new InvoiceListRow
        {
            Id = i.Id,
            Kind = i.Kind,
            Status = i.Status,
            Number = i.Number,
            CustomerId = i.CustomerId,
            OrderId = i.OrderId,
            OrderNumber = i.OrderNumber,
            IssueDate = i.IssueDate,
            DueDate = i.DueDate,
            TotalExcludingVat = i.TotalExcludingVat,
            TotalIncludingVat = i.TotalIncludingVat,
            UpdatedAt = i.UpdatedAt,
        });
        var (page, next, hasMore) = await Keyset.PageAsync(rows, Sorts, query.Sort, query.After, query.Limit, i => i.Id, cancellationToken);
        return new InvoiceList(await reader.InvoiceSummariesAsync(page, today, cancellationToken), next, hasMore);
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapGet("/", async Task<Ok<InvoiceList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, BillingStatus? status, InvoiceKind? kind,
                Guid? customerId, Guid? orderId, DateOnly? issuedFrom, DateOnly? issuedTo, bool? overdue, DateTimeOffset? updatedSince, Koban.Domain.Receivables.InvoicePaymentStatus? paymentStatus, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListInvoicesQuery(Cursor.Limit(limit), after, sort, search, status, kind, customerId, orderId, issuedFrom, issuedTo, overdue, updatedSince, paymentStatus), ct)))
            .WithName("ListInvoices")
            .WithSummary("List invoices")
            .WithDescription("Filters: `status` (Draft, Validated), `kind`, `customerId`, `orderId`, `issuedFrom`/`issuedTo` (invoice date), `overdue=true` (validated, due date passed, amount still due), `paymentStatus` (Unpaid, PartiallyPaid, Paid, Credited), `updatedSince`; `search` matches the number, the order number or the customer's name. `sort`: `-updatedAt` (default), `issueDate`, `dueDate`, `totalIncludingVat`. `amountDue` is what is still owed: the total including VAT minus the payments, credit notes and write-offs allocated to it; `paymentStatus` and `disputed` come from the customer's account.")
            .RequirePermission(Permissions.Invoices, Access.Read)
            .WithExamples(null, 200, InvoicingExamples.List);
}
