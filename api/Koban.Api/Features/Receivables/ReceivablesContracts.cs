using Koban.Domain.Receivables;

namespace Koban.Api.Features.Receivables;

/// <summary>An open invoice (validated, something still owed) as the receivables list shows it.</summary>
public sealed record ReceivableSummary(
    Guid InvoiceId,
    string Number,
    Guid CustomerId,
    string CustomerName,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Total,
    decimal Outstanding,
    InvoicePaymentStatus PaymentStatus,
    int DaysLate,
    AgingBucket Bucket,
    bool Disputed,
    string? DisputeReason);

/// <summary>A page of open invoices; <see cref="Count"/> and <see cref="TotalOutstanding"/> cover every row the filters
/// match (all pages); <see cref="Today"/> is the company's date days late are counted at.</summary>
public sealed record ReceivableList(IReadOnlyList<ReceivableSummary> Items, string? NextCursor, bool HasMore, int Count, decimal TotalOutstanding, DateOnly Today);

/// <summary>Amounts still owed per aging bucket (days past the due date on the report's date).</summary>
public sealed record AgingAmounts(decimal NotDue, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Total, decimal Disputed, int OpenInvoices);

/// <summary>One customer's line of the aging report.</summary>
public sealed record CustomerAging(Guid CustomerId, string CustomerName, AgingAmounts Amounts);

/// <summary>The aging report on <see cref="AsOf"/>: per customer (largest total first), the totals, and days sales outstanding.</summary>
public sealed record AgingReport(
    DateOnly AsOf,
    IReadOnlyList<CustomerAging> Customers,
    AgingAmounts Totals,
    decimal SalesLast90Days,
    DateOnly DsoFrom,
    decimal? DaysSalesOutstanding);

/// <summary>One movement of a customer statement, with the balance after it (positive: the customer owes; negative: its credit).</summary>
public sealed record StatementLine(
    DateOnly Date,
    ReceivableKind Kind,
    Guid SourceId,
    string Reference,
    string Label,
    DateOnly? DueDate,
    decimal Debit,
    decimal Credit,
    decimal Balance);

/// <summary>An invoice still open at the statement's end date.</summary>
public sealed record StatementOpenInvoice(Guid InvoiceId, string Number, DateOnly IssueDate, DateOnly DueDate, decimal Total, decimal Outstanding, int DaysLate, bool Disputed);

/// <summary>A customer statement (relevé de compte) over a period, as JSON; the PDF prints the same figures.</summary>
public sealed record CustomerStatementResponse(
    Guid CustomerId,
    string CustomerName,
    string? AccountingCode,
    DateOnly From,
    DateOnly To,
    decimal OpeningBalance,
    IReadOnlyList<StatementLine> Lines,
    decimal TotalDebit,
    decimal TotalCredit,
    decimal ClosingBalance,
    IReadOnlyList<StatementOpenInvoice> OpenInvoices,
    decimal OpenInvoicesTotal);
