using Koban.Domain.Customers;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mapster;

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

/// <summary>An open invoice as the list query reads it, before days late and bucket are added (they depend on today, not stored).</summary>
public sealed class ReceivableRow
{
    public Guid Id { get; init; }
    public Guid InvoiceId { get; init; }
    public string Number { get; init; } = string.Empty;
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = string.Empty;
    public DateOnly IssueDate { get; init; }
    public DateOnly DueDate { get; init; }
    public decimal Total { get; init; }
    public decimal Outstanding { get; init; }
    public decimal SettledByCreditNotes { get; init; }
    public bool Disputed { get; init; }
    public string? DisputeReason { get; init; }
}

/// <summary>An open invoice of the list on the day days late are counted at.</summary>
public sealed record ReceivableRowOn(ReceivableRow Row, DateOnly Today);

/// <summary>What the database sums per customer (or for the company) for the aging report.</summary>
public sealed class AgingRow
{
    public Guid CustomerId { get; init; }
    public decimal NotDue { get; init; }
    public decimal Days1To30 { get; init; }
    public decimal Days31To60 { get; init; }
    public decimal Days61To90 { get; init; }
    public decimal Over90 { get; init; }
    public decimal Total { get; init; }
    public decimal Disputed { get; init; }
    public int Count { get; init; }
}

/// <summary>One row of a customer's account in a statement's period, with its payment's method (receipts and refunds) and
/// its debit, credit and running balance.</summary>
public sealed record StatementRow(DateOnly Date, ReceivableKind Kind, ReceivableSide Side, Guid SourceId, string Reference, DateOnly? DueDate, PaymentMethod? Method,
    StatementEntry Entry);

/// <summary>An invoice still open at a statement's end date, whose days late are counted at that date.</summary>
public sealed record OpenInvoiceAt(OpenInvoiceRow Row, DateOnly AsOf);

/// <summary>A customer's statement over a period before it is read out: the customer, the period, the movements and the
/// invoices still open at its end.</summary>
public sealed record StatementView(Customer Customer, DateOnly From, DateOnly To, AccountStatement Statement, IReadOnlyList<StatementLine> Lines,
    IReadOnlyList<StatementOpenInvoice> OpenInvoices);

/// <summary>How open invoices, the aging report and customer statements read in the API.</summary>
public sealed class ReceivablesMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ReceivableRowOn, ReceivableSummary>()
            .Map(d => d.InvoiceId, s => s.Row.InvoiceId)
            .Map(d => d.Number, s => s.Row.Number)
            .Map(d => d.CustomerId, s => s.Row.CustomerId)
            .Map(d => d.CustomerName, s => s.Row.CustomerName)
            .Map(d => d.IssueDate, s => s.Row.IssueDate)
            .Map(d => d.DueDate, s => s.Row.DueDate)
            .Map(d => d.Total, s => s.Row.Total)
            .Map(d => d.Outstanding, s => s.Row.Outstanding)
            .Map(d => d.PaymentStatus, s => ReceivableItem.Status(s.Row.Total, s.Row.Outstanding, s.Row.SettledByCreditNotes))
            .Map(d => d.DaysLate, s => Aging.DaysLate(s.Row.DueDate, s.Today))
            .Map(d => d.Bucket, s => Aging.BucketOf(Aging.DaysLate(s.Row.DueDate, s.Today)))
            .Map(d => d.Disputed, s => s.Row.Disputed)
            .Map(d => d.DisputeReason, s => s.Row.DisputeReason);

        config.NewConfig<AgingRow, AgingAmounts>()
            .Map(d => d.OpenInvoices, s => s.Count);

        config.NewConfig<StatementRow, StatementLine>()
            .Map(d => d.Label, s => CustomerStatementHandler.Label(s.Kind, s.Side, s.Method))
            .Map(d => d.DueDate, s => s.Kind == ReceivableKind.Invoice ? s.DueDate : null)
            .Map(d => d.Debit, s => s.Entry.Debit)
            .Map(d => d.Credit, s => s.Entry.Credit)
            .Map(d => d.Balance, s => s.Entry.Balance);

        config.NewConfig<OpenInvoiceAt, StatementOpenInvoice>()
            .Map(d => d.InvoiceId, s => s.Row.InvoiceId)
            .Map(d => d.Number, s => s.Row.Number)
            .Map(d => d.IssueDate, s => s.Row.IssueDate)
            .Map(d => d.DueDate, s => s.Row.DueDate)
            .Map(d => d.Total, s => s.Row.Total)
            .Map(d => d.Outstanding, s => s.Row.Outstanding)
            .Map(d => d.DaysLate, s => Aging.DaysLate(s.Row.DueDate, s.AsOf))
            .Map(d => d.Disputed, s => s.Row.Disputed);

        config.NewConfig<StatementView, CustomerStatementResponse>()
            .ShallowCopyForSameType(true)
            .Map(d => d.CustomerId, s => s.Customer.Id)
            .Map(d => d.CustomerName, s => s.Customer.Name)
            .Map(d => d.AccountingCode, s => string.IsNullOrEmpty(s.Customer.AccountingCode) ? null : s.Customer.AccountingCode)
            .Map(d => d.OpeningBalance, s => s.Statement.OpeningBalance)
            .Map(d => d.TotalDebit, s => s.Statement.TotalDebit)
            .Map(d => d.TotalCredit, s => s.Statement.TotalCredit)
            .Map(d => d.ClosingBalance, s => s.Statement.ClosingBalance)
            .Map(d => d.OpenInvoicesTotal, s => s.OpenInvoices.Sum(o => o.Outstanding));
    }
}
