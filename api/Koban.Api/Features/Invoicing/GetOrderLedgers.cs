using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Mediator;

namespace Koban.Api.Features.Invoicing;

/// <summary>What each of these orders has billed and has left to bill, replayed from its validated billing documents
/// (<see cref="OrderBilling"/>): the question the order pages, the billing schedule and the dashboard ask Invoicing.</summary>
public sealed record GetOrderLedgersQuery(IReadOnlyCollection<Order> Orders) : IQuery<IReadOnlyDictionary<Guid, OrderBillingLedger>>;

public sealed class GetOrderLedgersHandler(BillingService billing) : IQueryHandler<GetOrderLedgersQuery, IReadOnlyDictionary<Guid, OrderBillingLedger>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, OrderBillingLedger>> Handle(GetOrderLedgersQuery query, CancellationToken cancellationToken) =>
        query.Orders.Count == 0 ? new Dictionary<Guid, OrderBillingLedger>() : await billing.OrderLedgersAsync(query.Orders, cancellationToken);
}
