using System.ComponentModel;
using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Features.Deliveries;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Pdf;
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

/// <summary>Invoice the delivered quantities of delivery notes of one order.</summary>
public sealed record InvoiceFromDeliveryNotesRequest(
    [property: Description("Validated or delivered notes of one order, not cancelled and not yet invoiced.")]
    IReadOnlyList<Guid> DeliveryNoteIds,
    DateOnly? IssueDate = null,
    PaymentTermsDto? PaymentTerms = null,
    PaymentMethod? PaymentMethod = null,
    string? CustomerReference = null,
    string? HeaderText = null,
    string? FooterText = null,
    [property: Description("Printed before the mention of the deliveries (\"Livraisons : BL-2026-0001 du 04/12/2026, …\"), which is always added.")]
    string? Comment = null,
    Guid? ContactId = null);

public sealed class InvoiceFromDeliveryNotesValidator : AbstractValidator<InvoiceFromDeliveryNotesRequest>
{
    public InvoiceFromDeliveryNotesValidator()
    {
        RuleFor(r => r.DeliveryNoteIds).NotNull();
        RuleFor(r => r.DeliveryNoteIds.Count).InclusiveBetween(1, 100).When(r => r.DeliveryNoteIds is not null).OverridePropertyName("deliveryNoteIds");
        RuleFor(r => r.DeliveryNoteIds).Must(ids => ids.Distinct().Count() == ids.Count).When(r => r.DeliveryNoteIds is not null)
            .WithMessage("Each delivery note is given once.");
        RuleForEach(r => r.DeliveryNoteIds).NotEmpty();
        RuleFor(r => r.CustomerReference).MaximumLength(100);
        RuleFor(r => r.HeaderText).MaximumLength(4000);
        RuleFor(r => r.FooterText).MaximumLength(4000);
        RuleFor(r => r.Comment).MaximumLength(3000);
        RuleFor(r => r.PaymentMethod).IsInEnum().When(r => r.PaymentMethod is not null);
    }
}

public sealed record CreateInvoiceFromDeliveryNotesCommand(InvoiceFromDeliveryNotesRequest Request) : ICommand<Versioned<InvoiceResponse>>;

public sealed class CreateInvoiceFromDeliveryNotesCommandValidator : AbstractValidator<CreateInvoiceFromDeliveryNotesCommand>
{
    public CreateInvoiceFromDeliveryNotesCommandValidator() =>
        RuleFor(c => c.Request).NotNull().SetValidator(new InvoiceFromDeliveryNotesValidator()).OverridePropertyName("");
}

/// <summary>
/// A draft intermediate invoice of the notes' order for exactly their delivered quantities, through the order's billing like
/// any order invoice. The notes are locked and linked to the invoice in the same transaction, so two requests on one note
/// make one invoice; the date of sale is the latest delivery.
/// </summary>
public sealed class CreateInvoiceFromDeliveryNotesHandler(KobanDbContext db, AuditLog audit, BillingService billing, InvoicingReader reader, IMediator mediator,
    TimeProvider clock) : ICommandHandler<CreateInvoiceFromDeliveryNotesCommand, Versioned<InvoiceResponse>>
{
    public async ValueTask<Versioned<InvoiceResponse>> Handle(CreateInvoiceFromDeliveryNotesCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        // An unknown contact is named before the notes are locked; that it belongs to the order's customer is checked with the order.
        if (r.ContactId is { } contactId && !await db.Set<Contact>().AnyAsync(c => c.Id == contactId, cancellationToken))
            throw new ReferenceNotFoundException("contactId");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delivered = await mediator.Send(new LockDeliveryNotesForInvoiceCommand(r.DeliveryNoteIds), cancellationToken);
        var mention = "Livraisons : " + string.Join(", ", delivered.Notes.Select(n => $"{n.Number} du {FrenchFormat.Date(n.SaleDate)}"));
        var request = new InvoiceFromOrderRequest(delivered.OrderId, InvoiceKind.Intermediate,
            Lines: [.. delivered.Lines.Select(l => new InvoiceOrderLineRequest(l.OrderLineId, l.Quantity))],
            IssueDate: r.IssueDate, PaymentTerms: r.PaymentTerms, PaymentMethod: r.PaymentMethod, CustomerReference: r.CustomerReference, HeaderText: r.HeaderText,
            FooterText: r.FooterText, Comment: string.IsNullOrWhiteSpace(r.Comment) ? mention : $"{r.Comment.Trim()}\n{mention}", ContactId: r.ContactId,
            SaleDate: delivered.Notes.Max(n => n.SaleDate));
        var (invoice, order, _) = await OrderInvoiceDraft.BuildAsync(db, billing, clock, request, cancellationToken);
        db.Invoices.Add(invoice);
        await mediator.Send(new MarkDeliveryNotesInvoicedCommand(r.DeliveryNoteIds, invoice.Id), cancellationToken);
        audit.Record("invoice.created", "invoice", invoice.Id, after: new
        {
            invoice.Kind,
            invoice.OrderId,
            order.Number,
            deliveryNotes = delivered.Notes.Select(n => n.Number),
            invoice.SaleDate,
            invoice.TotalExcludingVat,
            invoice.TotalIncludingVat,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ToResponseAsync(invoice, cancellationToken), invoice.Version);
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPost("/from-delivery-notes", async Task<Created<InvoiceResponse>> (InvoiceFromDeliveryNotesRequest body, IMediator mediator, HttpResponse response,
                CancellationToken ct) =>
            {
                var invoice = await mediator.Send(new CreateInvoiceFromDeliveryNotesCommand(body), ct);
                return invoice.Created(response, $"/api/v1/invoices/{invoice.Value.Id}");
            })
            .WithName("CreateInvoiceFromDeliveryNotes")
            .WithSummary("Invoice the delivered quantities of delivery notes")
            .WithDescription(Rules)
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(ExampleRequest, 201, InvoicingExamples.Draft);

    private static readonly InvoiceFromDeliveryNotesRequest ExampleRequest = new([Guid.Parse("01936f10-0000-7000-8000-0000000000b1")], new DateOnly(2026, 12, 7));

    private const string Rules = """
        Creates a draft intermediate invoice of the notes' order (kind `Intermediate`, one line per order line at the order's price) with exactly the quantities of the notes, summed per order line, never beyond what is left to invoice (422 `beyond_left_to_invoice`). The notes (`deliveryNoteIds`, each once) must be known (422 `reference_not_found` on `deliveryNoteIds[i]`), validated or delivered (409 `delivery_note_not_invoiceable`), not yet invoiced (409 `delivery_note_invoiced`) and of one order (422 `delivery_notes_of_several_orders`). They are locked and linked to the invoice in the same transaction: two requests on one note make one invoice. The date of sale (`saleDate`) is the latest of the notes' delivery dates (delivered on, else the note's date), and the comment ends with the mention "Livraisons : BL-2026-0001 du 04/12/2026, BL-2026-0002 du 07/12/2026". Deleting the draft gives the notes back. Payment terms, method and purchase-order reference default to the order's.
        """;
}
