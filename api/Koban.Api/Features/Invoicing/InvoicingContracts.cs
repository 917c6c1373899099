using Koban.Api.Features.Common;
using Koban.Api.Features.Sales;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mapster;

namespace Koban.Api.Features.Invoicing;

/// <summary>A line to bill: a part of an order line, by quantity.</summary>
public sealed record InvoiceOrderLineRequest(Guid OrderLineId, decimal Quantity);

/// <summary>
/// Invoice a validated order. <c>kind</c>: Full (everything left), Intermediate (<c>percentage</c>, <c>amountExcludingVat</c>
/// or <c>lines</c>), Deposit (<c>percentage</c>, <c>amountExcludingVat</c> or <c>amountIncludingVat</c>), Balance (everything
/// left minus the validated deposits). <c>milestoneId</c> bills a milestone of the order's schedule (its percentage or
/// amount when none is given; Intermediate unless <c>kind</c> is Deposit).
/// </summary>
public sealed record InvoiceFromOrderRequest(
    Guid OrderId,
    InvoiceKind Kind,
    decimal? Percentage = null,
    decimal? AmountExcludingVat = null,
    decimal? AmountIncludingVat = null,
    IReadOnlyList<InvoiceOrderLineRequest>? Lines = null,
    Guid? MilestoneId = null,
    DateOnly? IssueDate = null,
    PaymentTermsDto? PaymentTerms = null,
    PaymentMethod? PaymentMethod = null,
    string? CustomerReference = null,
    string? HeaderText = null,
    string? FooterText = null,
    string? Comment = null,
    Guid? ContactId = null,
    [property: System.ComponentModel.Description("The date of the sale or of the service (delivery or completion), printed when it differs from the invoice date. Omitted: the order's planned delivery date (none on a deposit invoice). Example: 2026-12-10.")]
    DateOnly? SaleDate = null);

/// <summary>A direct invoice (no order, marked not traceable to one), or the header of any draft on update.</summary>
public sealed record InvoiceRequest(
    Guid CustomerId,
    DateOnly? IssueDate = null,
    PaymentTermsDto? PaymentTerms = null,
    PaymentMethod? PaymentMethod = null,
    string? CustomerReference = null,
    string? HeaderText = null,
    string? FooterText = null,
    string? Comment = null,
    Guid? ContactId = null,
    IReadOnlyList<SalesLineRequest>? Lines = null,
    [property: System.ComponentModel.Description("The date of the sale or of the service (delivery or completion), printed on the invoice when it differs from the invoice date; editable while the invoice is a draft, frozen at validation. Omitted on update: unchanged. Example: 2026-12-10.")]
    DateOnly? SaleDate = null);

public sealed record ValidateBillingDocumentRequest(DateOnly? IssueDate = null);

public sealed record BillingLineResponse(
    Guid Id,
    int Position,
    LineKind Kind,
    Guid? ProductId,
    string Description,
    decimal Quantity,
    string? UnitCode,
    decimal UnitPrice,
    decimal DiscountPercent,
    decimal VatRate,
    VatCategory VatCategory,
    decimal NetAmount,
    Guid? OrderLineId,
    Guid? DeductedInvoiceId,
    decimal DeductedVat,
    Guid? SourceLineId,
    ProductNature? Nature,
    [property: System.ComponentModel.Description("On a French 0 % exempt line (category E), the legal basis of the exemption as given on the line or copied from its product, printed on the document, e.g. \"Exonération de TVA, article 261-4-4° du CGI\".")]
    string? VatExemptionReason = null,
    [property: System.ComponentModel.Description("The period of service the line covers, both days included (a subscription contract's billing period, EN 16931 BT-134/BT-135), printed under the line as \"Période du 01/01/2027 au 31/01/2027\"; null on other lines.")]
    ServicePeriodResponse? ServicePeriod = null);

/// <summary>First and last day of a service period, both included.</summary>
public sealed record ServicePeriodResponse(DateOnly Start, DateOnly End);

/// <summary>The seller and buyer as copied onto the document at validation.</summary>
public sealed record BillingSnapshotResponse(SellerSnapshot Seller, BuyerSnapshot Buyer, IReadOnlyList<string> LegalNotes);

/// <summary>A document linked to an invoice: its order, the deposits it deducts, its credit notes.</summary>
public sealed record BillingLinkResponse(Guid Id, string Type, string? Number, DateOnly? Date, decimal? TotalIncludingVat);

/// <summary>The archived PDF: its SHA-256 and when it was stored; null until the worker has rendered it.</summary>
public sealed record ArchiveResponse(string Sha256, DateTimeOffset ArchivedAt);

public sealed record InvoiceResponse(
    Guid Id,
    InvoiceKind Kind,
    BillingStatus Status,
    string? Number,
    string Title,
    Guid CustomerId,
    string CustomerName,
    Guid? OrderId,
    string? OrderNumber,
    bool TraceableToOrder,
    Guid? MilestoneId,
    DateOnly? IssueDate,
    DateOnly? RequestedIssueDate,
    DateOnly? DueDate,
    PaymentTermsDto PaymentTerms,
    PaymentMethod PaymentMethod,
    string Currency,
    string? CustomerReference,
    string? HeaderText,
    string? FooterText,
    string? Comment,
    Guid? ContactId,
    IReadOnlyList<BillingLineResponse> Lines,
    TotalsResponse Totals,
    decimal CreditedTotal,
    decimal AmountDue,
    bool IsOverdue,
    BillingSnapshotResponse? Snapshot,
    string? Fingerprint,
    long? ChainSequence,
    DateTimeOffset? ValidatedAt,
    ArchiveResponse? Archive,
    IReadOnlyList<BillingLinkResponse> LinkedDocuments,
    IReadOnlyList<OrderHistoryEntry> History,
    DateTimeOffset UpdatedAt,
    Payments.InvoicePaymentResponse? Payment = null,
    [property: System.ComponentModel.Description("The date of the sale or of the service when known (the order's planned delivery date by default); printed when it differs from the issue date. Example: 2026-12-10.")]
    DateOnly? SaleDate = null);

public sealed record InvoiceSummary(
    Guid Id,
    InvoiceKind Kind,
    BillingStatus Status,
    string? Number,
    Guid CustomerId,
    string CustomerName,
    Guid? OrderId,
    string? OrderNumber,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    decimal TotalExcludingVat,
    decimal TotalIncludingVat,
    decimal AmountDue,
    bool IsOverdue,
    DateTimeOffset UpdatedAt,
    InvoicePaymentStatus? PaymentStatus = null,
    bool Disputed = false);

public sealed record InvoiceList(IReadOnlyList<InvoiceSummary> Items, string? NextCursor, bool HasMore);

/// <summary>How a credit note is made from its invoice.</summary>
public enum CreditNoteMode
{
    /// <summary>Everything the invoice still carries.</summary>
    Full,

    /// <summary>Chosen lines and quantities.</summary>
    Lines,

    /// <summary>An amount excluding or including VAT, split across the invoice's VAT rates.</summary>
    Amount,
}

public sealed record CreditNoteLineRequest(Guid InvoiceLineId, decimal Quantity);

public sealed record CreditNoteRequest(
    Guid InvoiceId,
    CreditReason Reason,
    CreditNoteMode Mode,
    string? ReasonText = null,
    IReadOnlyList<CreditNoteLineRequest>? Lines = null,
    decimal? AmountExcludingVat = null,
    decimal? AmountIncludingVat = null,
    DateOnly? IssueDate = null,
    string? HeaderText = null,
    string? FooterText = null,
    string? Comment = null);

/// <summary>The editable header of a draft credit note.</summary>
public sealed record CreditNoteUpdateRequest(DateOnly? IssueDate = null, string? ReasonText = null, string? HeaderText = null, string? FooterText = null, string? Comment = null);

public sealed record CreditNoteResponse(
    Guid Id,
    BillingStatus Status,
    string? Number,
    Guid InvoiceId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    CreditReason Reason,
    string? ReasonText,
    Guid CustomerId,
    string CustomerName,
    Guid? OrderId,
    DateOnly? IssueDate,
    DateOnly? RequestedIssueDate,
    string? HeaderText,
    string? FooterText,
    string? Comment,
    IReadOnlyList<BillingLineResponse> Lines,
    TotalsResponse Totals,
    decimal AppliedToInvoice,
    decimal CustomerCredit,
    BillingSnapshotResponse? Snapshot,
    string? Fingerprint,
    long? ChainSequence,
    DateTimeOffset? ValidatedAt,
    ArchiveResponse? Archive,
    IReadOnlyList<OrderHistoryEntry> History,
    DateTimeOffset UpdatedAt);

public sealed record CreditNoteSummary(
    Guid Id,
    BillingStatus Status,
    string? Number,
    Guid InvoiceId,
    string InvoiceNumber,
    CreditReason Reason,
    Guid CustomerId,
    string CustomerName,
    DateOnly? IssueDate,
    decimal TotalExcludingVat,
    decimal TotalIncludingVat,
    DateTimeOffset UpdatedAt);

public sealed record CreditNoteList(IReadOnlyList<CreditNoteSummary> Items, string? NextCursor, bool HasMore);

/// <summary>What an invoice's response adds to the entity: read from the customer, the linked documents, the archive, the
/// audit log and the customer's account (<see cref="InvoicingReader"/>), or computed (totals, amount due).</summary>
public sealed record InvoiceView(
    Invoice Invoice,
    string CustomerName,
    TotalsResponse Totals,
    decimal CreditedTotal,
    decimal AmountDue,
    bool IsOverdue,
    BillingSnapshotResponse? Snapshot,
    ArchiveResponse? Archive,
    IReadOnlyList<BillingLinkResponse> LinkedDocuments,
    IReadOnlyList<OrderHistoryEntry> History,
    Payments.InvoicePaymentResponse? Payment)
{
    /// <summary>The lines in position order, mapped one by one to their responses.</summary>
    public IReadOnlyList<BillingLine> Lines => Invoice.Lines;
}

/// <summary>A row of the invoice list: the entity and what the list reads beside it.</summary>
/// <summary>The columns of an invoice a list row shows (no snapshot, no lines, no breakdown): what a list page reads.</summary>
public sealed class InvoiceListRow
{
    public Guid Id { get; init; }
    public InvoiceKind Kind { get; init; }
    public BillingStatus Status { get; init; }
    public string? Number { get; init; }
    public Guid CustomerId { get; init; }
    public Guid? OrderId { get; init; }
    public string? OrderNumber { get; init; }
    public DateOnly? IssueDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public decimal TotalExcludingVat { get; init; }
    public decimal TotalIncludingVat { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>What an invoice list row adds to its columns (<see cref="InvoicingReader"/>).</summary>
public sealed record InvoiceRowView(InvoiceListRow Invoice, string CustomerName, decimal AmountDue, bool IsOverdue, InvoicePaymentStatus? PaymentStatus, bool Disputed);

/// <summary>What a credit note's response adds to the entity (<see cref="InvoicingReader"/>).</summary>
public sealed record CreditNoteView(
    CreditNote CreditNote,
    string CustomerName,
    TotalsResponse Totals,
    decimal AppliedToInvoice,
    decimal CustomerCredit,
    BillingSnapshotResponse? Snapshot,
    ArchiveResponse? Archive,
    IReadOnlyList<OrderHistoryEntry> History)
{
    /// <summary>The lines in position order, mapped one by one to their responses.</summary>
    public IReadOnlyList<BillingLine> Lines => CreditNote.Lines;
}

/// <summary>A row of the credit-note list: the entity and its customer's name.</summary>
/// <summary>The columns of a credit note a list row shows: what a list page reads.</summary>
public sealed class CreditNoteListRow
{
    public Guid Id { get; init; }
    public BillingStatus Status { get; init; }
    public string? Number { get; init; }
    public Guid InvoiceId { get; init; }
    public string InvoiceNumber { get; init; } = string.Empty;
    public CreditReason Reason { get; init; }
    public Guid CustomerId { get; init; }
    public DateOnly? IssueDate { get; init; }
    public decimal TotalExcludingVat { get; init; }
    public decimal TotalIncludingVat { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record CreditNoteSummaryView(CreditNoteListRow CreditNote, string CustomerName);

/// <summary>Entity→response mappings of invoices and credit notes: the entity's own fields by name, what the reader adds
/// from the view record's named members.</summary>
public sealed class InvoicingMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<BillingLine, BillingLineResponse>()
            .Map(d => d.ServicePeriod, s => s.ServiceStart != null && s.ServiceEnd != null ? new ServicePeriodResponse(s.ServiceStart.Value, s.ServiceEnd.Value) : null);
        config.NewConfig<InvoicingReader.SettlementRow, Payments.InvoiceSettlementResponse>();

        config.NewConfig<InvoiceView, InvoiceResponse>()
            .Map(d => d, s => s.Invoice)
            .Map(d => d.PaymentTerms, s => new PaymentTermsDto(s.Invoice.PaymentTerms.Kind, s.Invoice.PaymentTerms.Days));

        config.NewConfig<InvoiceRowView, InvoiceSummary>()
            .Map(d => d, s => s.Invoice);

        config.NewConfig<CreditNoteView, CreditNoteResponse>()
            .Map(d => d, s => s.CreditNote);

        config.NewConfig<CreditNoteSummaryView, CreditNoteSummary>()
            .Map(d => d, s => s.CreditNote);
    }
}
