using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Deliveries;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

public sealed record ListDeliveryNotesQuery(int Limit, string? After, string? Sort, string? Search, DeliveryNoteStatus? Status, Guid? OrderId, Guid? CustomerId,
    DateTimeOffset? UpdatedSince) : IQuery<DeliveryNoteList>;

public sealed class ListDeliveryNotesHandler(KobanDbContext db, DeliveriesReader reader) : IQueryHandler<ListDeliveryNotesQuery, DeliveryNoteList>
{
    public static readonly SortFields<DeliveryNote> Sorts = new SortFields<DeliveryNote>("-updatedAt")
        .Add("issueDate", n => n.IssueDate)
        .Add("plannedDate", n => n.PlannedDate)
        .Add("deliveredOn", n => n.DeliveredOn)
        .Add("updatedAt", n => n.UpdatedAt);

    public async ValueTask<DeliveryNoteList> Handle(ListDeliveryNotesQuery query, CancellationToken cancellationToken)
    {
        var notes = db.DeliveryNotes.AsNoTracking();
        if (query.Status is { } status) notes = notes.Where(n => n.Status == status);
        if (query.OrderId is { } orderId) notes = notes.Where(n => n.OrderId == orderId);
        if (query.CustomerId is { } customerId) notes = notes.Where(n => n.CustomerId == customerId);
        if (query.UpdatedSince is { } since) notes = notes.Where(n => n.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            notes = notes.Where(n => EF.Functions.ILike(n.Number ?? "", pattern, "\\")
                || db.Orders.Any(o => o.Id == n.OrderId && EF.Functions.ILike(o.Number ?? "", pattern, "\\"))
                || db.Customers.Any(c => c.Id == n.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(notes, Sorts, query.Sort, query.After, query.Limit, n => n.Id, cancellationToken);
        return new DeliveryNoteList(await reader.SummariesAsync(rows, cancellationToken), next, hasMore);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<DeliveryNoteList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, DeliveryNoteStatus? status,
                Guid? orderId, Guid? customerId, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDeliveryNotesQuery(Cursor.Limit(limit), after, sort, search, status, orderId, customerId, updatedSince), ct)))
            .WithName("ListDeliveryNotes")
            .WithSummary("List delivery notes")
            .WithDescription("Filters: `status` (Draft, Validated, Delivered, Cancelled), `orderId`, `customerId`, `updatedSince`; `search` matches the note's number, the order's number or the customer's name. `sort`: `-updatedAt` (default), `issueDate`, `plannedDate`, `deliveredOn` (prefix `-` for descending). Keyset paging: `limit` (default 25, at most 100) and the opaque `after` cursor of the previous page.")
            .RequirePermission(Permissions.DeliveryNotes, Access.Read)
            .WithExamples(null, 200, DeliveriesExamples.List);
}
