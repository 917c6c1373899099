using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Receivables;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Receivables;

/// <summary>An invoice's row of its customer's account with what was still owed on it at some date.</summary>
public sealed class OpenInvoiceRow
{
    public Guid Id { get; init; }
    public Guid InvoiceId { get; init; }
    public Guid CustomerId { get; init; }
    public string Number { get; init; } = string.Empty;
    public DateOnly IssueDate { get; init; }
    public DateOnly DueDate { get; init; }
    public decimal Total { get; init; }
    public decimal Outstanding { get; init; }
    public bool Disputed { get; init; }
}

/// <summary>
/// The open invoices of the company on a date, as a query the caller narrows and aggregates in SQL.
/// <list type="bullet">
/// <item>On today or later: the invoices' current <c>outstanding</c> (&gt; 0), which the partial index
/// <c>(company_id, kind, due_date) WHERE outstanding &gt; 0</c> serves.</item>
/// <item>On an earlier date: invoices issued by then, minus the allocations (payments, credit notes, write-offs) dated
/// by then that are still active — an allocation later cancelled is a payment entered by mistake and never counted.</item>
/// </list>
/// The dispute flag is the current one. Invoices always have a due date once validated.
/// </summary>
public static class OpenInvoices
{
    public static IQueryable<OpenInvoiceRow> At(KobanDbContext db, DateOnly asOf, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var invoices = db.ReceivableItems.Where(i => i.Kind == ReceivableKind.Invoice);
        if (asOf >= today)
        {
            return invoices.Where(i => i.Outstanding > 0m).Select(i => new OpenInvoiceRow
            {
                Id = i.Id,
                InvoiceId = i.SourceId,
                CustomerId = i.CustomerId,
                Number = i.Reference,
                IssueDate = i.Date,
                DueDate = i.DueDate!.Value,
                Total = i.Amount,
                Outstanding = i.Outstanding,
                Disputed = i.Disputed,
            });
        }
        // One pass over the allocations, summed per invoice and hash-joined (a sub-query per invoice takes seconds on
        // 100 000 invoices). Raw SQL because EF cannot group what follows such a join; table security (RLS) keeps it
        // to the current company, like every query of the application role, and the caller composes on it in LINQ.
        return db.Database.SqlQuery<OpenInvoiceRow>($"""
            SELECT i.id, i.source_id AS invoice_id, i.customer_id, i.reference AS number, i.date AS issue_date, i.due_date, i.amount AS total,
                   i.amount - COALESCE(s.amount, 0) AS outstanding, i.disputed
            FROM receivable_items i
            LEFT JOIN (SELECT a.debit_item_id, sum(a.amount) AS amount FROM allocations a
                       WHERE a.cancelled_at IS NULL AND a.date <= {asOf} GROUP BY a.debit_item_id) s ON s.debit_item_id = i.id
            WHERE i.kind = 'Invoice' AND i.date <= {asOf} AND i.amount - COALESCE(s.amount, 0) > 0
            """);
    }
}
