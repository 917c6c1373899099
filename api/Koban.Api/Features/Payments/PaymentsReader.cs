using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

/// <summary>Builds every response of the Payments feature: a payment with its allocations, a page of payments, an invoice's
/// payment side and where a customer stands. Reads committed rows and the rows of the current unit of work alike.</summary>
public sealed class PaymentsReader(KobanDbContext db, CompanyClock companyClock)
{
    public async Task<PaymentResponse> PaymentAsync(Guid id, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("payment", id);
        var item = await db.ReceivableItems.AsNoTracking().SingleOrDefaultAsync(i => i.SourceId == id && (i.Kind == ReceivableKind.Receipt || i.Kind == ReceivableKind.Refund), ct);
        var allocations = new List<PaymentAllocationResponse>();
        if (item is not null)
        {
            var rows = await (from a in db.Allocations.AsNoTracking()
                              where a.CreditItemId == item.Id || a.DebitItemId == item.Id
                              join other in db.ReceivableItems.AsNoTracking() on (a.CreditItemId == item.Id ? a.DebitItemId : a.CreditItemId) equals other.Id
                              orderby a.CreatedAt
                              select new { Allocation = a, Other = other }).ToListAsync(ct);
            allocations.AddRange(rows.Select(r => new AllocationWith(r.Allocation, r.Other).MapTo<PaymentAllocationResponse>()));
        }
        var allocated = allocations.Where(a => a.Active).Sum(a => a.Amount);
        var name = payment.CustomerId is { } c ? (await NamesAsync([c], ct)).GetValueOrDefault(c) : null;
        return new PaymentView(payment, name, allocated, payment.Unallocated(item?.Outstanding), allocations).MapTo<PaymentResponse>();
    }

    /// <summary>A page of payments as the list shows them: one query for what is left of them, one for their customers' names.</summary>
    public async Task<List<PaymentSummary>> SummariesAsync(IReadOnlyList<Payment> payments, CancellationToken ct)
    {
        var ids = payments.Select(p => p.Id).ToList();
        var open = await db.ReceivableItems.AsNoTracking().Where(i => ids.Contains(i.SourceId) && (i.Kind == ReceivableKind.Receipt || i.Kind == ReceivableKind.Refund))
            .ToDictionaryAsync(i => i.SourceId, i => i.Outstanding, ct);
        var names = await NamesAsync(payments.Select(p => p.CustomerId), ct);
        return [.. payments.Select(p => new PaymentRow(p, p.CustomerId is { } c ? names.GetValueOrDefault(c) : null,
            p.Unallocated(open.TryGetValue(p.Id, out var outstanding) ? outstanding : null)).MapTo<PaymentSummary>())];
    }

    /// <summary>An invoice's payment side, or null when it has no row on its customer's account (a draft, or a validated
    /// invoice of nothing); 404 when there is no such invoice.</summary>
    public async Task<InvoicePaymentResponse?> InvoicePaymentsAsync(Guid invoiceId, CancellationToken ct)
    {
        var item = await db.ReceivableItems.AsNoTracking().SingleOrDefaultAsync(i => i.SourceId == invoiceId && i.Kind == ReceivableKind.Invoice, ct);
        if (item is null)
        {
            if (!await db.Invoices.AnyAsync(i => i.Id == invoiceId, ct)) throw new NotFoundException("invoice", invoiceId);
            return null;
        }
        var settlements = await (from a in db.Allocations.AsNoTracking()
                                 where a.DebitItemId == item.Id
                                 join c in db.ReceivableItems.AsNoTracking() on a.CreditItemId equals c.Id
                                 orderby a.Date, a.CreatedAt
                                 select new { Allocation = a, Other = c }).ToListAsync(ct);
        return new InvoicePaymentResponse(PaymentStatus: item.PaymentStatus, Outstanding: item.Outstanding, Disputed: item.Disputed, DisputeReason: item.DisputeReason,
            DisputedAt: item.DisputedAt, Settlements: [.. settlements.Select(s => new AllocationWith(s.Allocation, s.Other).MapTo<InvoiceSettlementResponse>())]);
    }

    /// <summary>The payment side of an invoice that must have one (after a settlement of it was written).</summary>
    public async Task<InvoicePaymentResponse> RequiredInvoicePaymentsAsync(Guid invoiceId, CancellationToken ct) =>
        await InvoicePaymentsAsync(invoiceId, ct) ?? throw new NotFoundException("invoice", invoiceId);

    public async Task<CustomerAccountResponse> CustomerAccountAsync(Guid customerId, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == customerId).Select(c => new { c.Id, c.Name })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("customer", customerId);
        var today = await companyClock.TodayAsync(ct);
        var items = await db.ReceivableItems.AsNoTracking().Where(i => i.CustomerId == customerId && i.Outstanding > 0m && !i.Cancelled)
            .OrderBy(i => i.DueDate ?? i.Date).ThenBy(i => i.Date).ThenBy(i => i.Reference).ToListAsync(ct);
        var open = items.Where(i => i.Side == ReceivableSide.Debit && i.Kind == ReceivableKind.Invoice)
            .Select(i => new OpenInvoiceOn(i, today).MapTo<OpenInvoiceResponse>()).ToList();
        var credits = items.Where(i => i.Side == ReceivableSide.Credit).OrderBy(i => i.Date).Select(i => i.MapTo<CustomerCreditResponse>()).ToList();
        return new CustomerAccountView(customer.Id, customer.Name, CustomerBalance.Of(items, today), open, credits).MapTo<CustomerAccountResponse>();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        return await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => list.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
