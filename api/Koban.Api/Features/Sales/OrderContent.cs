using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>An order request resolved against the company's data: header, free fields and lines, as a new draft or an
/// update of <c>order</c> would take them.</summary>
internal sealed record OrderContent(OrderHeaderData Header, OrderFreeFields Free, List<DocumentLineData> Lines, bool Business)
{
    /// <summary>Checks every reference of the request (customers, contact, salesperson, template) and fills the defaults:
    /// the order's own values when it exists, else today, the invoiced customer's terms (or the company's), bank transfer, EUR.</summary>
    public static async Task<OrderContent> ResolveAsync(KobanDbContext db, SalesLineBuilder builder, CompanyClock clock, OrderFactory factory, OrderRequest r, Order? order,
        CancellationToken ct)
    {
        var customer = await builder.CustomerAsync(r.CustomerId, "customerId", forNewDocument: order is null || !order.IsFrozen, ct);
        var billTo = r.BillToCustomerId is { } billToId && billToId != customer.Id ? await builder.CustomerAsync(billToId, "billToCustomerId", order is null || !order.IsFrozen, ct) : customer;
        await References.EnsureContactAsync(db, r.ContactId, ct, customer.Id, billTo.Id);
        if (r.SalespersonId is { } salesperson && !await db.Users.AnyAsync(u => u.Id == salesperson, ct)) throw new ReferenceNotFoundException("salespersonId");
        // Document templates are one per company and kind, addressed by kind, never by id: no templateId can name one.
        if (r.TemplateId is not null) throw new ReferenceNotFoundException("templateId");
        var today = await clock.TodayAsync(ct);
        var header = new OrderHeaderData(r.CustomerId, r.OrderDate ?? order?.OrderDate ?? today,
            r.PaymentTerms?.ToDomain() ?? order?.PaymentTerms ?? await factory.TermsAsync(billTo, ct),
            r.PaymentMethod ?? order?.PaymentMethod ?? PaymentMethod.BankTransfer, r.BillToCustomerId, r.Currency ?? Currencies.Euro);
        var free = new OrderFreeFields(r.ContactId, r.CustomerReference, r.TemplateId, r.HeaderText, r.FooterText, r.GeneralComment, r.SalespersonId,
            r.PlannedDeliveryDate, r.DeliveryMethod, r.DeliveryAddress?.ToDomain(), r.InternalNotes);
        var lines = await builder.BuildAsync(r.Lines, billTo, ct, order?.Lines);
        return new OrderContent(header, free, lines, billTo.Kind == CustomerKind.Business);
    }
}
