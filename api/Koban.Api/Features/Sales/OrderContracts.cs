using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Domain.Sales;
using Mapster;

namespace Koban.Api.Features.Sales;

/// <summary>Header and free fields of an order. On a draft every field applies; once validated, the frozen ones
/// (customer, invoiced account, order date, payment terms and method, currency, lines) must be sent back unchanged —
/// a real change is refused with 409 <c>document_frozen</c> naming the field — while the free ones still apply.</summary>
public sealed record OrderRequest(
    Guid CustomerId,
    Guid? BillToCustomerId,
    DateOnly? OrderDate,
    PaymentTermsDto? PaymentTerms,
    PaymentMethod? PaymentMethod,
    string? Currency,
    Guid? ContactId,
    string? CustomerReference,
    Guid? TemplateId,
    string? HeaderText,
    string? FooterText,
    string? GeneralComment,
    Guid? SalespersonId,
    DateOnly? PlannedDeliveryDate,
    string? DeliveryMethod,
    PostalAddressDto? DeliveryAddress,
    string? InternalNotes,
    IReadOnlyList<SalesLineRequest> Lines);

public sealed record OrderLineLedgerResponse(Guid OrderLineId, decimal OrderedQuantity, decimal OrderedNet, decimal DeliveredQuantity, decimal InvoicedNet,
    decimal CreditedNet, decimal LeftNet);

public sealed record OrderRateLedgerResponse(decimal Rate, decimal OrderedBase, decimal DepositedBase, decimal DeductedBase, decimal LeftBase);

/// <summary>What has been ordered, invoiced (deposits included, net of correction credit notes) and what is left, overall,
/// per line and per VAT rate: the one source invoices and deliveries will update.</summary>
public sealed record OrderBillingResponse(decimal OrderedExcludingVat, decimal InvoicedExcludingVat, decimal LeftToInvoiceExcludingVat,
    IReadOnlyList<OrderLineLedgerResponse> Lines, IReadOnlyList<OrderRateLedgerResponse> Rates);

public sealed record DocumentLink(Guid Id, string Kind, string? Number, string Status, DateOnly? Date);

public sealed record OrderHistoryEntry(DateTimeOffset OccurredAt, string Action, string? ActorName);

public sealed record OrderResponse(
    Guid Id,
    string? Number,
    OrderStatus Status,
    Guid CustomerId,
    string CustomerName,
    Guid BillToCustomerId,
    string BillToCustomerName,
    DateOnly OrderDate,
    PaymentTermsDto PaymentTerms,
    PaymentMethod PaymentMethod,
    string Currency,
    Guid? SourceQuoteId,
    bool TraceableToQuote,
    Guid? ContactId,
    string? CustomerReference,
    Guid? TemplateId,
    string? HeaderText,
    string? FooterText,
    string? GeneralComment,
    Guid? SalespersonId,
    DateOnly? PlannedDeliveryDate,
    string? DeliveryMethod,
    PostalAddressDto? DeliveryAddress,
    string? InternalNotes,
    string? CancellationReason,
    IReadOnlyList<SalesLineResponse> Lines,
    TotalsResponse Totals,
    OrderBillingResponse? Billing,
    IReadOnlyList<DocumentLink> LinkedDocuments,
    IReadOnlyList<OrderHistoryEntry> History,
    DateTimeOffset UpdatedAt,
    Customers.CustomerSummary? Customer = null);

public sealed record OrderSummary(
    Guid Id,
    string? Number,
    OrderStatus Status,
    Guid CustomerId,
    string CustomerName,
    DateOnly OrderDate,
    string? CustomerReference,
    decimal TotalExcludingVat,
    decimal TotalIncludingVat,
    decimal LeftToInvoiceExcludingVat,
    bool TraceableToQuote,
    DateTimeOffset UpdatedAt,
    Customers.CustomerSummary? Customer = null);

public sealed record OrderList(IReadOnlyList<OrderSummary> Items, string? NextCursor, bool HasMore);

public sealed record OrderFromQuoteRequest(Guid QuoteId);

public sealed record CancelOrderRequest(string Reason);

public sealed record PreviewTotalsRequest(Guid CustomerId, IReadOnlyList<SalesLineRequest> Lines);

public sealed record PreviewTotalsResponse(IReadOnlyList<SalesLineResponse> Lines, TotalsResponse Totals);

public sealed class OrderRequestValidator : AbstractValidator<OrderRequest>
{
    public OrderRequestValidator()
    {
        RuleFor(o => o.CustomerId).NotEmpty();
        RuleFor(o => o.PaymentMethod).IsInEnum();
        RuleFor(o => o.PaymentTerms!.Kind).IsInEnum().When(o => o.PaymentTerms is not null).OverridePropertyName("paymentTerms.kind");
        RuleFor(o => o.Currency).Length(3).When(o => o.Currency is not null);
        RuleFor(o => o.CustomerReference).MaximumLength(100);
        RuleFor(o => o.HeaderText).MaximumLength(4000);
        RuleFor(o => o.FooterText).MaximumLength(4000);
        RuleFor(o => o.GeneralComment).MaximumLength(4000);
        RuleFor(o => o.DeliveryMethod).MaximumLength(100);
        RuleFor(o => o.InternalNotes).MaximumLength(4000);
        this.ValidAddress(o => o.DeliveryAddress, "deliveryAddress");
        RuleFor(o => o.Lines).NotNull();
        RuleFor(o => o.Lines.Count).LessThanOrEqualTo(500).OverridePropertyName("lines");
        RuleForEach(o => o.Lines).SetValidator(new SalesLineValidator());
    }
}

/// <summary>What an order's response is made of: the order with its lines, the names of its customers, its billing
/// ledger (validated orders), the documents linked to it, its history and, on request, its customer.</summary>
public sealed record OrderSource(Order Order, string CustomerName, string BillToCustomerName, OrderBillingResponse? Billing,
    IReadOnlyList<DocumentLink> LinkedDocuments, IReadOnlyList<OrderHistoryEntry> History, Customers.CustomerSummary? Customer);

/// <summary>An order in a list, with what is left to invoice and, on request, its customer.</summary>
public sealed record OrderSummarySource(Order Order, string CustomerName, decimal LeftToInvoiceExcludingVat, Customers.CustomerSummary? Customer);

public sealed class OrderMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<OrderSource, OrderResponse>()
            .Map(d => d, s => s.Order)
            .Map(d => d.PaymentTerms, s => PaymentTermsDto.From(s.Order.PaymentTerms))
            .Map(d => d.TraceableToQuote, s => s.Order.SourceQuoteId != null)
            .Map(d => d.DeliveryAddress, s => PostalAddressDto.From(s.Order.DeliveryAddress))
            .Map(d => d.Lines, s => s.Order.Lines.OrderBy(l => l.Position))
            .Map(d => d.Totals, s => s.Order.ComputeTotals());
        config.NewConfig<OrderSummarySource, OrderSummary>()
            .Map(d => d, s => s.Order)
            .Map(d => d.TraceableToQuote, s => s.Order.SourceQuoteId != null);
        config.NewConfig<OrderLedgerLine, OrderLineLedgerResponse>();
        config.NewConfig<OrderBillingLedger, OrderBillingResponse>()
            .Map(d => d.OrderedExcludingVat, s => s.OrderedTotal)
            .Map(d => d.InvoicedExcludingVat, s => s.InvoicedTotal)
            .Map(d => d.LeftToInvoiceExcludingVat, s => s.LeftToInvoice)
            .Map(d => d.Rates, s => s.Rates.Select(r => new OrderRateLedgerResponse(r.Rate, r.OrderedBase, r.DepositedBase, r.DeductedBase, s.LeftToInvoiceForRate(r.Rate))));
    }
}
