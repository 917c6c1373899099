using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record UpdateInvoiceCommand(Guid Id, uint ExpectedVersion, InvoiceRequest Request) : ICommand<Versioned<InvoiceResponse>>;

public sealed class UpdateInvoiceCommandValidator : AbstractValidator<UpdateInvoiceCommand>
{
    public UpdateInvoiceCommandValidator(IValidator<InvoiceRequest> requestValidator) =>
        RuleFor(c => c.Request).NotNull().SetValidator(requestValidator).OverridePropertyName("");
}

/// <summary>Changes a draft's header; the lines of a direct invoice only (an order invoice's follow from its order).</summary>
public sealed class UpdateInvoiceHandler(KobanDbContext db, AuditLog audit, BillingService billing, SalesLineBuilder builder, InvoicingReader reader)
    : ICommandHandler<UpdateInvoiceCommand, Versioned<InvoiceResponse>>
{
    public async ValueTask<Versioned<InvoiceResponse>> Handle(UpdateInvoiceCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var invoice = await db.Invoices.AsSplitQuery().SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException("invoice", command.Id);
        if (invoice.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(invoice).Property(i => i.Version).OriginalValue = command.ExpectedVersion;
        invoice.EnsureDraft();
        if (r.CustomerId != invoice.CustomerId && invoice.Kind != InvoiceKind.Direct)
            throw new DomainConflictException(ErrorCodes.InvoiceLinesFollowOrder, "An order invoice bills the order's customer.") { Field = "customerId" };
        var (customer, header, lines) = await DirectInvoiceInput.ReadAsync(db, billing, builder, r, invoice, cancellationToken);
        var before = new { invoice.TotalExcludingVat, invoice.CustomerReference, invoice.RequestedIssueDate, invoice.SaleDate };
        invoice.UpdateHeader(header, customer.Kind == CustomerKind.Business);
        if (lines is not null && invoice.Kind == InvoiceKind.Direct) invoice.ReplaceLines(lines);
        else if (lines is not null && r.Lines!.Count > 0) invoice.ReplaceLines(lines);
        if (invoice.Kind == InvoiceKind.Direct && r.CustomerId != invoice.CustomerId)
            db.Entry(invoice).Property(i => i.CustomerId).CurrentValue = r.CustomerId;
        audit.Record("invoice.updated", "invoice", invoice.Id, before, new { invoice.TotalExcludingVat, invoice.CustomerReference, invoice.RequestedIssueDate, invoice.SaleDate });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ToResponseAsync(invoice, cancellationToken), invoice.Version);
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPut("/{id:guid}", async Task<Ok<InvoiceResponse>> (Guid id, InvoiceRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateInvoiceCommand(id, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateInvoice")
            .WithSummary("Update a draft invoice")
            .WithDescription("Drafts only: a validated invoice never changes (409 `document_frozen`; correct it with a credit note). Header fields (requested date, payment terms and method, purchase-order reference, texts, contact) apply to every draft; `lines` replace the lines of a direct invoice only — the lines of an order invoice follow from the order (409 `invoice_lines_follow_order`: delete the draft and create another).")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(InvoicingExamples.UpdateRequest, 200, InvoicingExamples.Draft);
}
