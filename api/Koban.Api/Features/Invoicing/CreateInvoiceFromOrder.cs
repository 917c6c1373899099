using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Customers;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed class InvoiceFromOrderValidator : AbstractValidator<InvoiceFromOrderRequest>
{
    public InvoiceFromOrderValidator()
    {
        RuleFor(r => r.OrderId).NotEmpty();
        RuleFor(r => r.Kind).IsInEnum().NotEqual(InvoiceKind.Direct);
        RuleFor(r => r.Lines!.Count).LessThanOrEqualTo(500).When(r => r.Lines is not null).OverridePropertyName("lines");
        RuleFor(r => r.CustomerReference).MaximumLength(100);
        RuleFor(r => r.HeaderText).MaximumLength(4000);
        RuleFor(r => r.FooterText).MaximumLength(4000);
        RuleFor(r => r.Comment).MaximumLength(4000);
        RuleFor(r => r.PaymentMethod).IsInEnum().When(r => r.PaymentMethod is not null);
        RuleFor(r => r).Must(r => new[] { r.Percentage is not null, r.AmountExcludingVat is not null, r.AmountIncludingVat is not null, r.Lines is { Count: > 0 } }.Count(x => x) <= 1)
            .WithErrorCode(ApiErrorCodes.OneOfFields).OverridePropertyName("percentage");
    }
}

public sealed record CreateInvoiceFromOrderCommand(InvoiceFromOrderRequest Request) : ICommand<Versioned<InvoiceResponse>>;

public sealed class CreateInvoiceFromOrderCommandValidator : AbstractValidator<CreateInvoiceFromOrderCommand>
{
    public CreateInvoiceFromOrderCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new InvoiceFromOrderValidator()).OverridePropertyName("");
}

/// <summary>Stores the draft invoice of a validated order (full, intermediate, deposit or balance) and links it to its milestone.</summary>
public sealed class CreateInvoiceFromOrderHandler(KobanDbContext db, AuditLog audit, BillingService billing, InvoicingReader reader, TimeProvider clock)
    : ICommandHandler<CreateInvoiceFromOrderCommand, Versioned<InvoiceResponse>>
{
    public async ValueTask<Versioned<InvoiceResponse>> Handle(CreateInvoiceFromOrderCommand command, CancellationToken cancellationToken)
    {
        var (invoice, order, schedule) = await OrderInvoiceDraft.BuildAsync(db, billing, clock, command.Request, cancellationToken);
        db.Invoices.Add(invoice);
        if (schedule is not null) schedule.LinkInvoice(command.Request.MilestoneId!.Value, invoice.Id);
        audit.Record("invoice.created", "invoice", invoice.Id, after: new { invoice.Kind, invoice.OrderId, order.Number, invoice.MilestoneId, invoice.TotalExcludingVat, invoice.TotalIncludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ToResponseAsync(invoice, cancellationToken), invoice.Version);
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPost("/from-order", async Task<Created<InvoiceResponse>> (InvoiceFromOrderRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var invoice = await mediator.Send(new CreateInvoiceFromOrderCommand(body), ct);
                return invoice.Created(response, $"/api/v1/invoices/{invoice.Value.Id}");
            })
            .WithName("CreateInvoiceFromOrder")
            .WithSummary("Invoice a validated order: full, intermediate, deposit or balance")
            .WithDescription(Rules)
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(InvoicingExamples.BalanceRequest, 201, InvoicingExamples.Draft);

    private const string Rules = """
        Creates a draft (no number) from a validated order (409 `order_not_validated` otherwise), computed from what is left to invoice on each line and VAT rate (domain-rules §6); never beyond it (422 `beyond_left_to_invoice`). Give at most one of `percentage`, `amountExcludingVat`, `amountIncludingVat`, `lines`.
        - `Full`: every line left to invoice (contract lines excluded: their contract bills them). 409 `nothing_left_to_invoice` when nothing is left.
        - `Intermediate`: `percentage` (each line's net = round(line net × %, 2), capped at what is left of it), `amountExcludingVat` (split over the lines in proportion, the largest taking the rounding) or `lines` (order line + quantity).
        - `Deposit` (facture d'acompte): `percentage` or `amountExcludingVat` of the order, or `amountIncludingVat` reproduced exactly by the document's total (422 `amount_including_vat_unreachable` with the nearest reachable amounts when VAT rounding makes it impossible); one line per VAT rate of the order, naming the order (and quote), the base split in proportion to the order's per-rate bases, the largest base taking the remainder. It carries VAT.
        - `Balance` (facture de solde): everything left, then one negative line per validated deposit and VAT rate naming the deposit's number and date, deducting its base and its VAT exactly as invoiced (net of correction credit notes on it), so deposits + balance = order total to the cent.
        `milestoneId` links the invoice to a milestone of the order's billing schedule and, without an amount, bills the milestone's percentage or amount. Payment terms, method and purchase-order reference default to the order's.
        """;
}

/// <summary>The draft invoice of an order as the domain computes it from the order's billing, shared by the creation and
/// its preview: nothing is stored here.</summary>
internal static class OrderInvoiceDraft
{
    internal static async Task<(Invoice Invoice, Order Order, BillingSchedule? Schedule)> BuildAsync(KobanDbContext db, BillingService billing, TimeProvider clock,
        InvoiceFromOrderRequest r, CancellationToken ct)
    {
        var orderBilling = await billing.OrderBillingAsync(r.OrderId, "orderId", ct);
        var order = orderBilling.Order;
        if (r.Lines is { Count: > 0 })
            await References.EnsureExistAsync<OrderLine>(db, [.. r.Lines.Select(l => l.OrderLineId)], i => $"lines[{i}].orderLineId", ct);
        var (basis, value) = (r.Percentage, r.AmountExcludingVat, r.AmountIncludingVat) switch
        {
            ({ } p, _, _) => (AmountBasis.Percentage, p),
            (_, { } a, _) => (AmountBasis.ExcludingVat, a),
            (_, _, { } t) => (AmountBasis.IncludingVat, t),
            _ => ((AmountBasis?)null, (decimal?)null),
        };
        BillingSchedule? schedule = null;
        if (r.MilestoneId is { } milestoneId)
        {
            schedule = await db.Set<BillingSchedule>().SingleOrDefaultAsync(s => s.OrderId == order.Id, ct);
            var milestone = schedule?.Milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new ReferenceNotFoundException("milestoneId");
            if (basis is null && r.Lines is not { Count: > 0 })
                (basis, value) = milestone.Percentage is { } p ? (AmountBasis.Percentage, p) : (AmountBasis.ExcludingVat, milestone.Amount);
        }
        if (basis == AmountBasis.IncludingVat && r.Kind == InvoiceKind.Intermediate)
            throw new FieldValidationException("amountIncludingVat", ApiErrorCodes.OneOfFields);
        var quoteNumber = order.SourceQuoteId is { } quoteId
            ? await db.Quotes.AsNoTracking().IgnoreAutoIncludes().Where(q => q.Id == quoteId).Select(q => q.Number).SingleOrDefaultAsync(ct)
            : null;
        var billTo = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleAsync(c => c.Id == order.BillToCustomerId, ct);
        await References.EnsureContactAsync(db, r.ContactId, ct, order.CustomerId, order.BillToCustomerId);
        var spec = new OrderInvoiceSpec(r.Kind, basis, value,
            r.Lines?.Select(l => new OrderLinePortion(l.OrderLineId, l.Quantity)).ToList(),
            QuoteNumber: quoteNumber, MilestoneId: r.MilestoneId, ProductNatures: await billing.NaturesAsync(order.Lines.Select(l => l.ProductId), ct));
        var header = new BillingHeaderData(r.IssueDate, r.PaymentTerms?.ToDomain(), r.PaymentMethod, r.CustomerReference, r.HeaderText, r.FooterText, r.Comment, r.ContactId,
            r.SaleDate);
        var invoice = orderBilling.DraftInvoice(spec, header, billTo.Kind == CustomerKind.Business, clock.GetUtcNow());
        return (invoice, order, schedule);
    }
}
