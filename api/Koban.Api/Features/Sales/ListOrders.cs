using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record ListOrdersQuery(int Limit, string? After, string? Sort, string? Search, OrderStatus? Status, Guid? CustomerId, DateOnly? OrderDateFrom,
    DateOnly? OrderDateTo, bool? LeftToInvoice, DateTimeOffset? UpdatedSince, string? Expand = null) : IQuery<OrderList>;

public sealed class ListOrdersHandler(KobanDbContext db, OrderReader reader) : IQueryHandler<ListOrdersQuery, OrderList>
{
    public static readonly SortFields<Order> Sorts = new SortFields<Order>("-orderDate")
        .Add("orderDate", o => o.OrderDate)
        .Add("totalExcludingVat", o => o.TotalExcludingVat)
        .Add("updatedAt", o => o.UpdatedAt);

    public async ValueTask<OrderList> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        var orders = db.Orders.AsNoTracking().AsSplitQuery();
        if (query.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (query.CustomerId is { } customerId) orders = orders.Where(o => o.CustomerId == customerId || o.BillToCustomerId == customerId);
        if (query.OrderDateFrom is { } from) orders = orders.Where(o => o.OrderDate >= from);
        if (query.OrderDateTo is { } to) orders = orders.Where(o => o.OrderDate <= to);
        if (query.LeftToInvoice == true) orders = orders.Where(o => o.Status == OrderStatus.InProgress);
        if (query.UpdatedSince is { } since) orders = orders.Where(o => o.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            orders = orders.Where(o => EF.Functions.ILike(o.Number ?? "", pattern, "\\") || EF.Functions.ILike(o.CustomerReference ?? "", pattern, "\\")
                || db.Customers.Any(c => c.Id == o.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var expand = Expansions.Wants(query.Expand, Expansions.Customer);
        var (rows, next, hasMore) = await Keyset.PageAsync(orders, Sorts, query.Sort, query.After, query.Limit, o => o.Id, cancellationToken);
        return new OrderList(await reader.SummariesAsync(rows, expand, cancellationToken), next, hasMore);
    }
}

internal static class ListOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<OrderList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, OrderStatus? status, Guid? customerId,
                DateOnly? orderDateFrom, DateOnly? orderDateTo, bool? leftToInvoice, DateTimeOffset? updatedSince, string? expand, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrdersQuery(Cursor.Limit(limit), after, sort, search, status, customerId, orderDateFrom, orderDateTo, leftToInvoice, updatedSince, expand), ct)))
            .WithName("ListOrders")
            .WithSummary("List orders")
            .WithDescription("`search` matches the number, the customer's purchase-order reference or the customer's name. Filters: `status`, `customerId` (ordering or invoiced customer), `orderDateFrom`/`orderDateTo`, `leftToInvoice=true` (validated orders still to invoice), `updatedSince`. `sort`: `-orderDate` (default), `totalExcludingVat`, `updatedAt`. `expand=customer` embeds each order's customer summary.")
            .RequirePermission(Permissions.Orders, Access.Read)
            .WithExamples(null, 200, SalesOpenApiExamples.OrderList);
}
