using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>Builds order responses and summaries for every order use case: names, what is left to invoice (the ledger
/// replayed from the order's validated invoices and credit notes), linked documents and history. The order's own parts
/// (names, source quote, billing documents, history) come in one query; the ledger in one more for validated orders.</summary>
public sealed class OrderReader(KobanDbContext db, IMediator mediator)
{
    /// <summary>The ledger replayed from the order's validated invoices and credit notes: never stored, so it cannot drift from them.</summary>
    public async Task<OrderBillingLedger?> LedgerAsync(Order order, CancellationToken ct) =>
        IsValidated(order) ? (await mediator.Send(new Invoicing.GetOrderLedgersQuery([order]), ct))[order.Id] : null;

    public async Task<List<OrderSummary>> SummariesAsync(IReadOnlyList<Order> rows, bool withCustomers, CancellationToken ct)
    {
        var ids = rows.Select(o => o.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var customers = withCustomers ? await Expansions.CustomersAsync(db, rows.Select(o => o.CustomerId), ct) : [];
        var validated = rows.Where(IsValidated).ToList();
        var ledgers = await mediator.Send(new Invoicing.GetOrderLedgersQuery(validated), ct);
        return [.. rows.Select(o => new OrderSummarySource(o, names.GetValueOrDefault(o.CustomerId, ""), ledgers.GetValueOrDefault(o.Id)?.LeftToInvoice ?? 0m,
            customers.GetValueOrDefault(o.CustomerId)).MapTo<OrderSummary>())];
    }

    public async Task<OrderResponse> ResponseAsync(Order order, CancellationToken ct, bool withCustomer = false)
    {
        var parts = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == order.Id).Select(o => new
        {
            CustomerName = db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).FirstOrDefault(),
            BillToCustomerName = db.Customers.Where(c => c.Id == o.BillToCustomerId).Select(c => c.Name).FirstOrDefault(),
            Quote = db.Quotes.Where(q => q.Id == o.SourceQuoteId).Select(q => new { q.Id, q.Number, q.Status, q.AcceptedOn }).FirstOrDefault(),
            Documents = db.BillingDocuments.Where(d => d.OrderId == o.Id).OrderBy(d => d.ChainSequence ?? long.MaxValue).ThenBy(d => d.CreatedAt)
                .Select(d => new { d.Id, IsInvoice = d is Invoice, IsDeposit = d is Invoice && ((Invoice)d).Kind == InvoiceKind.Deposit, d.Number, d.Status, d.IssueDate })
                .ToList(),
            History = db.AuditEvents.Where(e => e.EntityId == o.Id).OrderBy(e => e.OccurredAt).Select(e => new { e.OccurredAt, e.Action, e.ActorName }).ToList(),
        }).SingleAsync(ct);
        var ledger = await LedgerAsync(order, ct);
        List<DocumentLink> links = parts.Quote is { } quote ? [new DocumentLink(quote.Id, "Quote", quote.Number, quote.Status.ToString(), quote.AcceptedOn)] : [];
        links.AddRange(parts.Documents.Select(d => new DocumentLink(d.Id, d.IsDeposit ? "DepositInvoice" : d.IsInvoice ? "Invoice" : "CreditNote", d.Number, d.Status.ToString(), d.IssueDate)));
        var customer = withCustomer ? (await Expansions.CustomersAsync(db, [order.CustomerId], ct)).GetValueOrDefault(order.CustomerId) : null;
        return new OrderSource(order, parts.CustomerName ?? "", parts.BillToCustomerName ?? "", ledger?.MapTo<OrderBillingResponse>(), links,
            [.. parts.History.Select(e => new OrderHistoryEntry(e.OccurredAt, e.Action, e.ActorName))], customer).MapTo<OrderResponse>();
    }

    private static bool IsValidated(Order order) => order.Status is OrderStatus.InProgress or OrderStatus.Closed;
}
