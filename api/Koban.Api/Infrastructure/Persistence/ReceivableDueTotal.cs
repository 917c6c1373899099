using Koban.Domain.Common;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>
/// One row of <c>receivable_due_totals</c>: a change of the count and the outstanding of the company's open invoices
/// (account rows of kind <c>Invoice</c> with <c>outstanding &gt; 0</c>, exactly the rows <c>GET /receivables</c> lists) for
/// one due date and dispute flag. The rows are deltas written by a trigger on <c>receivable_items</c> in the transaction
/// that changes the item, never updated (<see cref="Sql.ReceivableTotalsSql"/>): the totals for a key are the sums of its
/// rows, and compaction replaces a company's rows by one per key from time to time.
/// </summary>
public sealed class ReceivableDueTotal : ICompanyOwned
{
    public long Id { get; init; }
    public Guid CompanyId { get; init; }
    public DateOnly? DueDate { get; init; }
    public bool Disputed { get; init; }
    public long OpenCount { get; init; }
    public decimal Outstanding { get; init; }
}
