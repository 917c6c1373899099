using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>Builds order responses and summaries for every order use case: names, what is left to invoice (the ledger
/// replayed from the order's validated invoices and credit notes), linked documents and history.</summary>
public sealed class OrderReader(KobanDbContext db, Invoicing.BillingService billing)
{
    /// <summary>The ledger replayed from the order's validated invoices and credit notes: never stored, so it cannot drift from them.</summary>
    public async Task<OrderBillingLedger?> LedgerAsync(Order order, CancellationToken ct) =>
        order.Status is OrderStatus.InProgress or OrderStatus.Closed ? (await billing.OrderBillingAsync(order.Id, "orderId", ct)).Ledger : null;

    public async Task<List<OrderSummary>> SummariesAsync(IReadOnlyList<Order> rows, bool withCustomers, CancellationToken ct)
    {
        var names = await CustomerNamesAsync(rows.Select(o => o.CustomerId), ct);
        var customers = withCustomers ? await Expansions.CustomersAsync(db, rows.Select(o => o.CustomerId), ct) : [];
        var left = new Dictionary<Guid, decimal>();
        foreach (var o in rows)
            left[o.Id] = (await LedgerAsync(o, ct))?.LeftToInvoice ?? 0m;
        return [.. rows.Select(o => new OrderSummarySource(o, names.GetValueOrDefault(o.CustomerId, ""), left[o.Id], customers.GetValueOrDefault(o.CustomerId))
            .MapTo<OrderSummary>())];
    }

    public async Task<OrderResponse> ResponseAsync(Order order, CancellationToken ct, bool withCustomer = false)
    {
        var names = await CustomerNamesAsync([order.CustomerId, order.BillToCustomerId], ct);
        var ledger = await LedgerAsync(order, ct);
        var links = new List<DocumentLink>();
        if (order.SourceQuoteId is { } quoteId)
        {
            var quote = await db.Quotes.AsNoTracking().IgnoreAutoIncludes().Where(q => q.Id == quoteId).Select(q => new { q.Number, q.Status, q.AcceptedOn }).SingleAsync(ct);
            links.Add(new DocumentLink(quoteId, "Quote", quote.Number, quote.Status.ToString(), quote.AcceptedOn));
        }
        var billingDocuments = await db.BillingDocuments.AsNoTracking().IgnoreAutoIncludes().Where(d => d.OrderId == order.Id)
            .OrderBy(d => d.ChainSequence ?? long.MaxValue).ThenBy(d => d.CreatedAt).ToListAsync(ct);
        links.AddRange(billingDocuments.Select(d => new DocumentLink(d.Id, d switch
        {
            Invoice { Kind: InvoiceKind.Deposit } => "DepositInvoice",
            Invoice => "Invoice",
            _ => "CreditNote",
        }, d.Number, d.Status.ToString(), d.IssueDate)));
        var history = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == order.Id).OrderBy(e => e.OccurredAt)
            .Select(e => new OrderHistoryEntry(e.OccurredAt, e.Action, e.ActorName)).ToListAsync(ct);
        var customer = withCustomer ? (await Expansions.CustomersAsync(db, [order.CustomerId], ct)).GetValueOrDefault(order.CustomerId) : null;
        return new OrderSource(order, names.GetValueOrDefault(order.CustomerId, ""), names.GetValueOrDefault(order.BillToCustomerId, ""),
            ledger?.MapTo<OrderBillingResponse>(), links, history, customer).MapTo<OrderResponse>();
    }

    private async Task<Dictionary<Guid, string>> CustomerNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Customers.IgnoreAutoIncludes().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
