using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>
/// A draft invoice for one billing period of a subscription contract, sent by the Contracts feature's billing run. The
/// invoice is a direct invoice (kind <c>Direct</c>, not traceable to an order): contract lines are outside the order's
/// billing ledger (the order's full and balance invoices leave them out), so an order invoice could not carry them; the
/// contract and, when it was made from an order, the order number are named in <paramref name="HeaderText"/>. Each priced
/// line carries the period it covers (<see cref="BillingLineData.ServicePeriod"/>). The issue date is left to validation
/// (the day it is validated), so a period billed late never backdates the invoice sequence.
/// </summary>
public sealed record CreateContractPeriodInvoiceCommand(
    Guid CustomerId,
    string HeaderText,
    string? CustomerReference,
    IReadOnlyList<BillingLineData> Lines,
    string Comment) : ICommand<ContractPeriodInvoiceCreated>;

/// <summary>The draft created: its id and totals.</summary>
public sealed record ContractPeriodInvoiceCreated(Guid InvoiceId, decimal TotalExcludingVat, decimal TotalIncludingVat);

public sealed class CreateContractPeriodInvoiceCommandValidator : AbstractValidator<CreateContractPeriodInvoiceCommand>
{
    public CreateContractPeriodInvoiceCommandValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.HeaderText).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Comment).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Lines).NotEmpty();
    }
}

public sealed class CreateContractPeriodInvoiceHandler(KobanDbContext db, AuditLog audit, BillingService billing, TimeProvider clock)
    : ICommandHandler<CreateContractPeriodInvoiceCommand, ContractPeriodInvoiceCreated>
{
    public async ValueTask<ContractPeriodInvoiceCreated> Handle(CreateContractPeriodInvoiceCommand command, CancellationToken cancellationToken)
    {
        // The contract's customer, archived or not: a running contract is billed until it ends.
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(c => c.Id == command.CustomerId, cancellationToken)
            ?? throw new NotFoundException("customer", command.CustomerId);
        var terms = customer.PaymentTerms ?? await db.Companies.Select(c => c.DefaultPaymentTerms).SingleAsync(cancellationToken);
        var natures = await billing.NaturesAsync(command.Lines.Select(l => l.Line.ProductId), cancellationToken);
        var lines = command.Lines.Select(l => l.Line.Kind.IsPriced() && l.Nature is null
            ? l with { Nature = l.Line.ProductId is { } p && natures.TryGetValue(p, out var n) ? n : Invoice.NatureFromCategory(l.Line.VatCategory) }
            : l).ToList();
        var header = new BillingHeaderData(PaymentTerms: terms, CustomerReference: command.CustomerReference, HeaderText: command.HeaderText, Comment: command.Comment);
        var invoice = Invoice.Direct(customer.Id, header, lines, customer.Kind == CustomerKind.Business, clock.GetUtcNow());
        db.Invoices.Add(invoice);
        audit.Record("invoice.created", "invoice", invoice.Id, after: new { invoice.Kind, traceableToOrder = false, invoice.CustomerId, invoice.TotalExcludingVat, source = command.Comment });
        await db.SaveChangesAsync(cancellationToken);
        return new ContractPeriodInvoiceCreated(invoice.Id, invoice.TotalExcludingVat, invoice.TotalIncludingVat);
    }
}
