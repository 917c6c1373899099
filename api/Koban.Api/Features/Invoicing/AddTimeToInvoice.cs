using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>One line of billed time: hours (3 decimals) at an hourly rate excluding VAT, unit <c>HUR</c>, a service.</summary>
public sealed record TimeInvoiceLine(string Description, decimal Hours, decimal HourlyRate, decimal VatRate);

/// <summary>
/// Adds billed time (a project's) to the draft <see cref="InvoiceId"/> — a draft of <see cref="CustomerId"/>, direct or of
/// the order <see cref="OrderId"/> — or, without one, to a new direct draft for that customer dated of the last day of
/// service (<see cref="SaleDate"/>). A title line <see cref="Heading"/> precedes the time lines. The lines bill no order
/// line, so an order's ledger leaves them out. Changes tracked entities only: the caller saves, in its transaction, with
/// whatever it marks as invoiced.
/// </summary>
public sealed record AddTimeToInvoiceCommand(Guid? InvoiceId, Guid CustomerId, Guid? OrderId, string Heading, DateOnly SaleDate, IReadOnlyList<TimeInvoiceLine> Lines)
    : ICommand<AddTimeToInvoiceResult>;

public sealed record AddTimeToInvoiceResult(Guid InvoiceId, bool Created, decimal AddedExcludingVat);

public sealed class AddTimeToInvoiceHandler(KobanDbContext db, AuditLog audit, SalesLineBuilder builder, TimeProvider clock)
    : ICommandHandler<AddTimeToInvoiceCommand, AddTimeToInvoiceResult>
{
    public async ValueTask<AddTimeToInvoiceResult> Handle(AddTimeToInvoiceCommand command, CancellationToken cancellationToken)
    {
        var customer = await builder.CustomerAsync(command.CustomerId, "customerId", forNewDocument: command.InvoiceId is null, cancellationToken);
        var requests = new List<SalesLineRequest> { new(LineKind.Title, null, command.Heading, null, null, null, null, null, null, null) };
        requests.AddRange(command.Lines.Select(l => new SalesLineRequest(LineKind.Free, null, l.Description, l.Hours, UnitCode.Hour, l.HourlyRate, 0m, l.VatRate, ProductNature.Service, null)));
        var built = await builder.BuildAsync(requests, customer, cancellationToken);
        var lines = built.Select(l => new BillingLineData(l, Nature: l.Kind.IsPriced() ? ProductNature.Service : null)).ToList();
        var added = lines.Where(l => l.Line.Kind.IsPriced()).Sum(l => DocumentTotals.LineNet(l.Line.Quantity, l.Line.UnitPrice, l.Line.DiscountPercent));

        if (command.InvoiceId is { } invoiceId)
        {
            var invoice = await db.Invoices.AsSplitQuery().SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken) ?? throw new ReferenceNotFoundException("invoiceId");
            if (invoice.IsValidated || invoice.CustomerId != command.CustomerId || (invoice.OrderId is { } orderId && orderId != command.OrderId))
                throw new DomainConflictException(ErrorCodes.TimeInvoiceNotApplicable, $"Invoice {invoiceId} does not take this time.") { Field = "invoiceId" };
            invoice.AppendLines(lines);
            audit.Record("invoice.time_added", "invoice", invoice.Id, after: new { added, lines = command.Lines.Count });
            return new AddTimeToInvoiceResult(invoice.Id, false, added);
        }

        var terms = customer.PaymentTerms ?? await db.Companies.Select(c => c.DefaultPaymentTerms).SingleAsync(cancellationToken);
        var header = new BillingHeaderData(PaymentTerms: terms, SaleDate: command.SaleDate);
        var created = Invoice.Direct(customer.Id, header, lines, customer.Kind == CustomerKind.Business, clock.GetUtcNow());
        db.Invoices.Add(created);
        audit.Record("invoice.created", "invoice", created.Id, after: new { created.Kind, traceableToOrder = false, created.CustomerId, created.TotalExcludingVat, source = "time" });
        return new AddTimeToInvoiceResult(created.Id, true, added);
    }
}
