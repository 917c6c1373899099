using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>Creates draft orders with the customer's terms (or the company default) — the one place both the win flow
/// and direct creation take their defaults from.</summary>
public sealed class OrderFactory(KobanDbContext db)
{
    public async Task<Order> EmptyDraftAsync(Guid customerId, DateOnly today, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId, ct);
        return Order.CreateDraft(new OrderHeaderData(customerId, today, await TermsAsync(customer, ct), PaymentMethod.BankTransfer), [], customer.Kind == CustomerKind.Business);
    }

    public async Task<Order> FromQuoteAsync(Quote quote, DateOnly today, CancellationToken ct)
    {
        if (await db.Orders.IgnoreAutoIncludes().AnyAsync(o => o.SourceQuoteId == quote.Id, ct))
        {
            throw new DomainConflictException(ErrorCodes.QuoteAlreadyOrdered, "An order already exists for this quote.") { Field = "quoteId" };
        }
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == quote.CustomerId, ct);
        return Order.FromQuote(quote, today, await TermsAsync(customer, ct), PaymentMethod.BankTransfer, customer.Kind == CustomerKind.Business);
    }

    public async Task<PaymentTerms> TermsAsync(Customer customer, CancellationToken ct) =>
        customer.PaymentTerms ?? await db.Companies.Select(c => c.DefaultPaymentTerms).SingleAsync(ct);
}
