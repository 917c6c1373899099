using Koban.Api.Features.Common;
using Koban.Domain.Sales;

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

public sealed record MilestoneRequest(Guid? Id, string Label, DateOnly PlannedDate, decimal? Percentage, decimal? Amount);

public sealed record BillingScheduleRequest(IReadOnlyList<MilestoneRequest> Milestones);

public sealed record MilestoneResponse(Guid Id, string Label, DateOnly PlannedDate, decimal? Percentage, decimal? Amount, decimal PlannedAmountExcludingVat,
    Guid? InvoiceId, bool IsDue, bool IsLate);

public sealed record BillingScheduleResponse(Guid OrderId, string? OrderNumber, decimal OrderTotalExcludingVat, decimal PlannedTotalExcludingVat,
    decimal UnplannedExcludingVat, IReadOnlyList<MilestoneResponse> Milestones);

public sealed record DueMilestone(Guid OrderId, string? OrderNumber, string CustomerName, Guid MilestoneId, string Label, DateOnly PlannedDate,
    decimal PlannedAmountExcludingVat, bool IsLate);

public sealed record OrderLeftToInvoice(Guid OrderId, string? OrderNumber, string CustomerName, DateOnly OrderDate, decimal TotalExcludingVat, decimal LeftToInvoiceExcludingVat);

/// <summary>Nothing forgotten: milestones due or late, and validated orders with an amount left to invoice.</summary>
public sealed record BillingOverview(DateOnly Today, IReadOnlyList<DueMilestone> DueMilestones, IReadOnlyList<OrderLeftToInvoice> OrdersLeftToInvoice);
