using System.ComponentModel;
using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Domain.Deliveries;
using Mapster;

namespace Koban.Api.Features.Deliveries;

/// <summary>A quantity of one order line to deliver.</summary>
public sealed record DeliveryNoteLineRequest(
    Guid OrderLineId,
    [property: Description("Quantity delivered, positive, at most 3 decimals, never beyond what is left to deliver on the order line.")]
    decimal Quantity);

public sealed record CreateDeliveryNoteRequest(
    Guid OrderId,
    [property: Description("Order lines and quantities. Omitted: every deliverable line at the quantity left to deliver.")]
    IReadOnlyList<DeliveryNoteLineRequest>? Lines = null,
    DateOnly? PlannedDate = null,
    [property: Description("Omitted: the order's delivery address.")]
    PostalAddressDto? DeliveryAddress = null,
    string? Remarks = null,
    [property: Description("Print unit prices and amounts on the PDF (template option). Default false: quantities only.")]
    bool? ShowPrices = null);

/// <summary>A full replacement of a draft's editable part.</summary>
public sealed record UpdateDeliveryNoteRequest(
    [property: Description("Order lines and quantities. Omitted: the lines are kept.")]
    IReadOnlyList<DeliveryNoteLineRequest>? Lines = null,
    DateOnly? PlannedDate = null,
    PostalAddressDto? DeliveryAddress = null,
    string? Remarks = null,
    bool? ShowPrices = null);

public sealed record ValidateDeliveryNoteRequest(
    [property: Description("The note's date. Omitted: today in the company's time zone. Never in the future nor before the last validated note.")]
    DateOnly? IssueDate = null);

public sealed record DeliverDeliveryNoteRequest(
    [property: Description("The day the goods were handed over; never before the note's date nor in the future.")]
    DateOnly? DeliveredOn,
    [property: Description("Who received the goods (name of the signer).")]
    string? ReceivedBy,
    string? Remarks = null);

public sealed record CancelDeliveryNoteRequest(string? Reason);

public sealed record DeliveryNoteLineResponse(
    Guid Id,
    int Position,
    Guid OrderLineId,
    string Description,
    string? UnitCode,
    decimal Quantity,
    decimal UnitPrice,
    decimal DiscountPercent,
    [property: Description("Quantity × unit price less the discount, rounded to the cent (the order line's price).")]
    decimal NetAmount);

public sealed record DeliveryNoteResponse(
    Guid Id,
    string? Number,
    DeliveryNoteStatus Status,
    Guid OrderId,
    string OrderNumber,
    Guid CustomerId,
    string CustomerName,
    string? CustomerReference,
    DateOnly? IssueDate,
    DateOnly? PlannedDate,
    PostalAddressDto? DeliveryAddress,
    string? Remarks,
    bool ShowPrices,
    DateOnly? DeliveredOn,
    string? ReceivedBy,
    string? DeliveryRemarks,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    [property: Description("The invoice billing this note (draft or validated); null while not invoiced.")]
    Guid? InvoiceId,
    string? InvoiceNumber,
    IReadOnlyList<DeliveryNoteLineResponse> Lines,
    [property: Description("Sum of the lines' net amounts (excluding VAT).")]
    decimal TotalExcludingVat,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record DeliveryNoteSummary(
    Guid Id,
    string? Number,
    DeliveryNoteStatus Status,
    Guid OrderId,
    string OrderNumber,
    Guid CustomerId,
    string CustomerName,
    DateOnly? IssueDate,
    DateOnly? PlannedDate,
    DateOnly? DeliveredOn,
    Guid? InvoiceId,
    [property: Description("Sum of the lines' quantities.")]
    decimal TotalQuantity,
    DateTimeOffset UpdatedAt);

public sealed record DeliveryNoteList(IReadOnlyList<DeliveryNoteSummary> Items, string? NextCursor, bool HasMore);

/// <summary>One priced line of the order: what was ordered, delivered (validated and delivered notes) and is left.</summary>
public sealed record OrderDeliveryLineResponse(
    Guid OrderLineId,
    int Position,
    string Description,
    string? UnitCode,
    [property: Description("The line's product is flagged Deliverable: only such lines go on delivery notes.")]
    bool Deliverable,
    decimal OrderedQuantity,
    decimal DeliveredQuantity,
    decimal LeftToDeliverQuantity);

public sealed record OrderDeliveriesResponse(
    Guid OrderId,
    string? OrderNumber,
    [property: Description("NotDeliverable (no deliverable line), NotDelivered, PartiallyDelivered (\"Partiellement livrée\"), Delivered (\"Livrée\").")]
    OrderDeliveryStatus DeliveryStatus,
    IReadOnlyList<OrderDeliveryLineResponse> Lines,
    IReadOnlyList<DeliveryNoteSummary> Notes);

public sealed class DeliveryNoteLineRequestValidator : AbstractValidator<DeliveryNoteLineRequest>
{
    public DeliveryNoteLineRequestValidator()
    {
        RuleFor(l => l.OrderLineId).NotEmpty();
        RuleFor(l => l.Quantity).GreaterThan(0m).LessThanOrEqualTo(999_999_999m).PrecisionScale(18, 3, true);
    }
}

public sealed class CreateDeliveryNoteRequestValidator : AbstractValidator<CreateDeliveryNoteRequest>
{
    public CreateDeliveryNoteRequestValidator()
    {
        RuleFor(r => r.OrderId).NotEmpty();
        RuleFor(r => r.Lines!.Count).InclusiveBetween(1, 500).When(r => r.Lines is not null).OverridePropertyName("lines");
        RuleForEach(r => r.Lines).NotNull().SetValidator(new DeliveryNoteLineRequestValidator());
        RuleFor(r => r.Remarks).MaximumLength(4000);
        this.ValidAddress(r => r.DeliveryAddress, "deliveryAddress");
    }
}

public sealed class UpdateDeliveryNoteRequestValidator : AbstractValidator<UpdateDeliveryNoteRequest>
{
    public UpdateDeliveryNoteRequestValidator()
    {
        RuleFor(r => r.Lines!.Count).InclusiveBetween(1, 500).When(r => r.Lines is not null).OverridePropertyName("lines");
        RuleForEach(r => r.Lines).NotNull().SetValidator(new DeliveryNoteLineRequestValidator());
        RuleFor(r => r.Remarks).MaximumLength(4000);
        this.ValidAddress(r => r.DeliveryAddress, "deliveryAddress");
    }
}

public sealed class DeliverDeliveryNoteRequestValidator : AbstractValidator<DeliverDeliveryNoteRequest>
{
    public DeliverDeliveryNoteRequestValidator()
    {
        RuleFor(r => r.DeliveredOn).NotNull();
        RuleFor(r => r.ReceivedBy).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Remarks).MaximumLength(4000);
    }
}

public sealed class CancelDeliveryNoteRequestValidator : AbstractValidator<CancelDeliveryNoteRequest>
{
    public CancelDeliveryNoteRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
}

/// <summary>What a note's response is made of: the row and the names of what it points at.</summary>
public sealed record DeliveryNoteSource(DeliveryNote Note, string OrderNumber, string CustomerName, string? CustomerReference, string? InvoiceNumber, decimal TotalExcludingVat);

/// <summary>What a list row is made of.</summary>
public sealed record DeliveryNoteSummarySource(DeliveryNote Note, string OrderNumber, string CustomerName, decimal TotalQuantity);

public sealed class DeliveryNoteMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<DeliveryNoteLine, DeliveryNoteLineResponse>();
        config.NewConfig<OrderDeliveryLine, OrderDeliveryLineResponse>();
        config.NewConfig<DeliveryNoteSource, DeliveryNoteResponse>()
            .Map(d => d, s => s.Note)
            .Map(d => d.DeliveryAddress, s => PostalAddressDto.From(s.Note.DeliveryAddress))
            .Map(d => d.Lines, s => s.Note.Lines.OrderBy(l => l.Position));
        config.NewConfig<DeliveryNoteSummarySource, DeliveryNoteSummary>()
            .Map(d => d, s => s.Note);
    }
}
