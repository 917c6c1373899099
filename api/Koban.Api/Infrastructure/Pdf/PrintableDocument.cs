using Koban.Domain.Companies;
using Koban.Domain.Documents;

namespace Koban.Api.Infrastructure.Pdf;

/// <summary>Which document is printed: decides the title, the template used and the fixed blocks shown.</summary>
public enum PrintableKind
{
    Quote,
    Order,
    Invoice,
    DepositInvoice,
    CreditNote,
    DeliveryNote,
}

/// <summary>The seller as printed (domain-rules §4). For validated invoices and credit notes it comes from the snapshot taken
/// at validation, never from the live company row.</summary>
public sealed record PrintableSeller(
    string LegalName,
    string? LegalForm,
    decimal? ShareCapital,
    PostalAddress? Address,
    string? Siren,
    string? RcsCity,
    string? VatNumber,
    string? Iban,
    string? Bic,
    string? Email,
    string? Phone);

/// <summary>The buyer as printed: billing address, and the delivery address when it differs.</summary>
public sealed record PrintableBuyer(
    string Name,
    bool IsBusiness,
    PostalAddress? BillingAddress,
    PostalAddress? DeliveryAddress,
    string? Siren,
    string? VatNumber,
    string? ContactName);

/// <summary>One table row. Layout lines (title, comment, page break) have no amounts; <see cref="IsDeduction"/> marks the
/// negative deposit-deduction lines of a balance invoice; <see cref="PageBreakBefore"/> starts the row on a new page (the
/// domain has no page-break line kind, so a layout line carries it).</summary>
public sealed record PrintableLine(
    LineKind Kind,
    string Description,
    decimal Quantity,
    string? UnitCode,
    decimal UnitPrice,
    decimal DiscountPercent,
    decimal VatRate,
    VatCategory VatCategory,
    decimal Net,
    bool IsDeduction = false,
    bool PageBreakBefore = false);

/// <summary>One row of the per-rate VAT breakdown, read from the stored breakdown (never recomputed).</summary>
public sealed record PrintableVatRow(decimal Rate, VatCategory Category, decimal Base, decimal Vat);

/// <summary>A reference printed in the header ("Facture n° FA-2026-00012 du 15/11/2026", "Commande n° CO-2026-00031").</summary>
public sealed record PrintableReference(string Label, string Number, DateOnly? Date);

/// <summary>
/// Everything the PDF engine prints, already decided and rounded. The renderer formats and lays out; it computes no money.
/// The fixed mentions of domain-rules §4 all have a field here; <see cref="LegalNotes"/> carries VAT exemption wordings and
/// "Option pour le paiement de la taxe d'après les débits".
/// </summary>
public sealed record PrintableDocument(
    PrintableKind Kind,
    string Title,
    string? Number,
    DateOnly IssueDate,
    DateOnly? SaleDate,
    DateOnly? DueDate,
    DateOnly? ValidUntil,
    PrintableSeller Seller,
    PrintableBuyer Buyer,
    string? CustomerReference,
    IReadOnlyList<PrintableReference> References,
    string? OperationNature,
    IReadOnlyList<PrintableLine> Lines,
    IReadOnlyList<PrintableVatRow> VatBreakdown,
    decimal TotalExcludingVat,
    decimal TotalVat,
    decimal TotalIncludingVat,
    decimal AmountDue,
    string? PaymentTermsText,
    string? PaymentMethodText,
    string? EarlyPaymentDiscountText,
    decimal? LatePaymentPenaltyRate,
    bool RecoveryIndemnity,
    IReadOnlyList<string> LegalNotes,
    string? HeaderText,
    string? FooterText,
    string? Comment,
    string? CreditReasonText,
    bool? ShowPrices = null,
    PrintableReceipt? Receipt = null);

/// <summary>The reception block of a delivery note: planned and actual delivery, who signed, remarks, and room for a signature.</summary>
public sealed record PrintableReceipt(DateOnly? PlannedDate, DateOnly? DeliveredOn, string? ReceivedBy, string? Remarks);
