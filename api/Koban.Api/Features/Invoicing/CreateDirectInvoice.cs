using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>The rules of a direct invoice's request; each line is checked by the line rules the sales documents share,
/// resolved as <see cref="IValidator{T}"/> of <see cref="SalesLineRequest"/> rather than named.</summary>
public sealed class InvoiceRequestValidator : AbstractValidator<InvoiceRequest>
{
    public InvoiceRequestValidator(IValidator<SalesLineRequest> lineValidator)
    {
        RuleFor(r => r.CustomerId).NotEmpty();
        RuleFor(r => r.CustomerReference).MaximumLength(100);
        RuleFor(r => r.HeaderText).MaximumLength(4000);
        RuleFor(r => r.FooterText).MaximumLength(4000);
        RuleFor(r => r.Comment).MaximumLength(4000);
        RuleFor(r => r.PaymentMethod).IsInEnum().When(r => r.PaymentMethod is not null);
        RuleFor(r => r.Lines!.Count).LessThanOrEqualTo(500).When(r => r.Lines is not null).OverridePropertyName("lines");
        RuleForEach(r => r.Lines).SetValidator(lineValidator);
    }
}

public sealed record CreateDirectInvoiceCommand(InvoiceRequest Request) : ICommand<Versioned<InvoiceResponse>>;

public sealed class CreateDirectInvoiceCommandValidator : AbstractValidator<CreateDirectInvoiceCommand>
{
    public CreateDirectInvoiceCommandValidator(IValidator<InvoiceRequest> requestValidator) =>
        RuleFor(c => c.Request).NotNull().SetValidator(requestValidator).OverridePropertyName("");
}

/// <summary>A draft invoice of free or catalogue lines, not traceable to an order.</summary>
public sealed class CreateDirectInvoiceHandler(KobanDbContext db, AuditLog audit, BillingService billing, SalesLineBuilder builder, InvoicingReader reader, TimeProvider clock)
    : ICommandHandler<CreateDirectInvoiceCommand, Versioned<InvoiceResponse>>
{
    public async ValueTask<Versioned<InvoiceResponse>> Handle(CreateDirectInvoiceCommand command, CancellationToken cancellationToken)
    {
        var (customer, header, lines) = await DirectInvoiceInput.ReadAsync(db, billing, builder, command.Request, null, cancellationToken);
        var invoice = Invoice.Direct(customer.Id, header, lines ?? [], customer.Kind == CustomerKind.Business, clock.GetUtcNow());
        db.Invoices.Add(invoice);
        audit.Record("invoice.created", "invoice", invoice.Id, after: new { invoice.Kind, traceableToOrder = false, invoice.CustomerId, invoice.TotalExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ToResponseAsync(invoice, cancellationToken), invoice.Version);
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPost("/", async Task<Created<InvoiceResponse>> (InvoiceRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var invoice = await mediator.Send(new CreateDirectInvoiceCommand(body), ct);
                return invoice.Created(response, $"/api/v1/invoices/{invoice.Value.Id}");
            })
            .WithName("CreateDirectInvoice")
            .WithSummary("Create a direct invoice (no order)")
            .WithDescription("A draft invoice of free or catalogue lines for a customer, marked as not traceable to an order (`traceableToOrder: false`) — allowed, but invoices of orders keep the order's amounts frozen and its left to invoice up to date. " + QuotesEndpoints.LinesRules)
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(422)
            .WithExamples(InvoicingExamples.DirectRequest, 201, InvoicingExamples.Direct);
}

/// <summary>What a direct invoice's request (or any draft's header on update) becomes: its customer, header and lines.</summary>
internal static class DirectInvoiceInput
{
    internal static async Task<(Customer Customer, BillingHeaderData Header, List<BillingLineData>? Lines)> ReadAsync(KobanDbContext db, BillingService billing,
        SalesLineBuilder builder, InvoiceRequest r, Invoice? invoice, CancellationToken ct)
    {
        var customer = await builder.CustomerAsync(r.CustomerId, "customerId", forNewDocument: true, ct);
        await References.EnsureContactAsync(db, r.ContactId, ct, customer.Id);
        var terms = r.PaymentTerms?.ToDomain() ?? invoice?.PaymentTerms ?? customer.PaymentTerms ?? await db.Companies.Select(c => c.DefaultPaymentTerms).SingleAsync(ct);
        var header = new BillingHeaderData(r.IssueDate, terms, r.PaymentMethod, r.CustomerReference, r.HeaderText, r.FooterText, r.Comment, r.ContactId, r.SaleDate);
        if (r.Lines is null) return (customer, header, null);
        var built = await builder.BuildAsync(r.Lines, customer, ct, invoice?.Lines.OrderBy(l => l.Position).ToList<SalesLine>());
        var natures = await billing.NaturesAsync(built.Select(l => l.ProductId), ct);
        var previous = invoice?.Lines.OrderBy(l => l.Position).ToList();
        List<BillingLineData> lines = [.. built.Select((l, i) => new BillingLineData(l, Nature: !l.Kind.IsPriced() ? null
            : l.ProductId is { } p && natures.TryGetValue(p, out var n) ? n : r.Lines[i].Nature ?? Invoice.NatureFromCategory(l.VatCategory),
            // a late-fee line edited in place (still a free line outside the scope of VAT) keeps its account
            LateFee: previous is not null && i < previous.Count && previous[i].LateFee is { } fee && l.Kind == LineKind.Free && l.VatCategory == VatCategory.OutsideScope
                ? fee : null,
            // a contract period's line edited in place keeps the service period it covers
            ServicePeriod: previous is not null && i < previous.Count && l.Kind.IsPriced() ? previous[i].ServicePeriod : null))];
        return (customer, header, lines);
    }
}
