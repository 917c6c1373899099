using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record ListCreditNotesQuery(int Limit, string? After, string? Sort, string? Search, BillingStatus? Status, Guid? CustomerId, Guid? InvoiceId,
    DateOnly? IssuedFrom, DateOnly? IssuedTo, DateTimeOffset? UpdatedSince) : IQuery<CreditNoteList>;

public sealed class ListCreditNotesHandler(KobanDbContext db, InvoicingReader reader) : IQueryHandler<ListCreditNotesQuery, CreditNoteList>
{
    public static readonly SortFields<CreditNoteListRow> Sorts = new SortFields<CreditNoteListRow>("-updatedAt")
        .Add("issueDate", c => c.IssueDate)
        .Add("totalIncludingVat", c => c.TotalIncludingVat)
        .Add("updatedAt", c => c.UpdatedAt);

    public async ValueTask<CreditNoteList> Handle(ListCreditNotesQuery query, CancellationToken cancellationToken)
    {
        var notes = db.CreditNotes.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status) notes = notes.Where(c => c.Status == status);
        if (query.CustomerId is { } customerId) notes = notes.Where(c => c.CustomerId == customerId);
        if (query.InvoiceId is { } invoiceId) notes = notes.Where(c => c.InvoiceId == invoiceId);
        if (query.IssuedFrom is { } from) notes = notes.Where(c => c.IssueDate >= from);
        if (query.IssuedTo is { } to) notes = notes.Where(c => c.IssueDate <= to);
        if (query.UpdatedSince is { } since) notes = notes.Where(c => c.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            notes = notes.Where(c => EF.Functions.ILike(c.Number ?? "", pattern, "\\") || EF.Functions.ILike(c.InvoiceNumber, pattern, "\\")
                || db.Customers.Any(k => k.Id == c.CustomerId && EF.Functions.ILike(k.Name, pattern, "\\")));
        }
        // Only the columns a row shows (whole credit notes parsed the JSON snapshots of every row).
        var rows = notes.Select(c => new CreditNoteListRow
        {
            Id = c.Id,
            Status = c.Status,
            Number = c.Number,
            InvoiceId = c.InvoiceId,
            InvoiceNumber = c.InvoiceNumber,
            Reason = c.Reason,
            CustomerId = c.CustomerId,
            IssueDate = c.IssueDate,
            TotalExcludingVat = c.TotalExcludingVat,
            TotalIncludingVat = c.TotalIncludingVat,
            UpdatedAt = c.UpdatedAt,
        });
        var (page, next, hasMore) = await Keyset.PageAsync(rows, Sorts, query.Sort, query.After, query.Limit, c => c.Id, cancellationToken);
        return new CreditNoteList(await reader.CreditNoteSummariesAsync(page, cancellationToken), next, hasMore);
    }

    public static void Map(RouteGroupBuilder credits) =>
        credits.MapGet("/", async Task<Ok<CreditNoteList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, BillingStatus? status, Guid? customerId,
                Guid? invoiceId, DateOnly? issuedFrom, DateOnly? issuedTo, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCreditNotesQuery(Cursor.Limit(limit), after, sort, search, status, customerId, invoiceId, issuedFrom, issuedTo, updatedSince), ct)))
            .WithName("ListCreditNotes")
            .WithSummary("List credit notes")
            .WithDescription("Filters: `status`, `customerId`, `invoiceId`, `issuedFrom`/`issuedTo`, `updatedSince`; `search` matches the number, the corrected invoice's number or the customer's name. `sort`: `-updatedAt` (default), `issueDate`, `totalIncludingVat`.")
            .RequirePermission(Permissions.CreditNotes, Access.Read)
            .WithExamples(null, 200, InvoicingExamples.CreditList);
}
