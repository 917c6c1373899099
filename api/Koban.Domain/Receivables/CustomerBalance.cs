namespace Koban.Domain.Receivables;

/// <summary>
/// Where a customer stands on its account: what it still owes (<see cref="Owed"/>: its invoices and the other debit rows —
/// refunds, gains written off — still open), the part of its invoices past their due date (<see cref="Overdue"/>), the credit
/// it may still use (<see cref="Credit"/>: receipts' unallocated parts, credit notes' remaining amounts) and the balance
/// (owed − credit). Cancelled rows and rows with nothing left count for nothing.
/// </summary>
public sealed record CustomerBalance(decimal Owed, decimal Overdue, decimal Credit, decimal Balance)
{
    public static CustomerBalance Of(IEnumerable<ReceivableItem> items, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(items);
        var open = items.Where(i => !i.Cancelled && i.Outstanding > 0m).ToList();
        var owed = open.Where(i => i.Side == ReceivableSide.Debit).Sum(i => i.Outstanding);
        var overdue = open.Where(i => i.Side == ReceivableSide.Debit && i.Kind == ReceivableKind.Invoice && i.DaysLate(today) > 0).Sum(i => i.Outstanding);
        var credit = open.Where(i => i.Side == ReceivableSide.Credit).Sum(i => i.Outstanding);
        return new CustomerBalance(owed, overdue, credit, owed - credit);
    }
}
