using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

public sealed record ListPaymentsQuery(int Limit, string? After, string? Sort, Guid? CustomerId, DateOnly? From, DateOnly? To, PaymentState? State, bool? Unidentified,
    PaymentDirection? Direction, string? Search) : IQuery<PaymentList>;

public sealed class ListPaymentsHandler(KobanDbContext db, PaymentsReader reader) : IQueryHandler<ListPaymentsQuery, PaymentList>
{
    public static readonly SortFields<Payment> Sorts = new SortFields<Payment>("-date")
        .Add("date", p => p.Date)
        .Add("amount", p => p.Amount)
        .Add("updatedAt", p => p.UpdatedAt);

    public async ValueTask<PaymentList> Handle(ListPaymentsQuery query, CancellationToken cancellationToken)
    {
        var payments = db.Payments.AsNoTracking();
        if (query.CustomerId is { } customerId) payments = payments.Where(p => p.CustomerId == customerId);
        if (query.From is { } from) payments = payments.Where(p => p.Date >= from);
        if (query.To is { } to) payments = payments.Where(p => p.Date <= to);
        if (query.State is { } state) payments = payments.Where(p => p.State == state);
        if (query.Direction is { } direction) payments = payments.Where(p => p.Direction == direction);
        if (query.Unidentified == true) payments = payments.Where(p => p.CustomerId == null && p.State == PaymentState.Active);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            payments = payments.Where(p => EF.Functions.ILike(p.Reference ?? "", pattern, "\\")
                || db.Customers.Any(c => c.Id == p.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(payments, Sorts, query.Sort, query.After, query.Limit, p => p.Id, cancellationToken);
        return new PaymentList(await reader.SummariesAsync(rows, cancellationToken), next, hasMore);
    }
}

public static class ListPayments
{
    public static void Map(RouteGroupBuilder payments) =>
        payments.MapGet("/", async Task<Ok<PaymentList>> (IMediator mediator, int? limit, string? after, string? sort, Guid? customerId, DateOnly? from, DateOnly? to,
                PaymentState? state, bool? unidentified, PaymentDirection? direction, string? search, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPaymentsQuery(Cursor.Limit(limit), after, sort, customerId, from, to, state, unidentified, direction, search), ct)))
            .WithName("ListPayments")
            .WithSummary("List payments (receipts and refunds)")
            .WithDescription("Filters: `customerId`, `from`/`to` (payment date), `state` (Active, Cancelled), `direction` (Receipt, Refund), `unidentified=true` (receipts waiting for their customer, account 471); `search` matches the reference or the customer's name. `sort`: `-date` (default), `amount`, `updatedAt`. `unallocated` is what the payment still leaves as the customer's credit.")
            .RequirePermission(Permissions.Payments, Access.Read)
            .WithExamples(null, 200, PaymentsExamples.List);
}
