namespace Koban.Domain.Receivables;

/// <summary>One movement of a customer's account as a statement prints it: a debit (invoice, refund, gain written off)
/// raises what the customer owes, a credit (credit note, receipt, loss written off) lowers it.</summary>
public sealed record StatementMovement(DateOnly Date, ReceivableKind Kind, ReceivableSide Side, decimal Amount);

/// <summary>A movement with the balance after it.</summary>
public sealed record StatementEntry(StatementMovement Movement, decimal Debit, decimal Credit, decimal Balance);

/// <summary>
/// A customer statement (relevé de compte) over a period: the balance before it (what the customer owed, positive, or
/// the credit it had, negative), every movement of the period in date order with the running balance, and the balance
/// at the end. The movements arrive already sorted; this only adds up.
/// </summary>
public sealed record AccountStatement(decimal OpeningBalance, IReadOnlyList<StatementEntry> Entries, decimal TotalDebit, decimal TotalCredit, decimal ClosingBalance)
{
    public static AccountStatement Build(decimal openingBalance, IEnumerable<StatementMovement> movements)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var balance = openingBalance;
        var entries = new List<StatementEntry>();
        decimal debits = 0m, credits = 0m;
        foreach (var m in movements)
        {
            var (debit, credit) = m.Side == ReceivableSide.Debit ? (m.Amount, 0m) : (0m, m.Amount);
            balance += debit - credit;
            debits += debit;
            credits += credit;
            entries.Add(new StatementEntry(m, debit, credit, balance));
        }
        return new AccountStatement(openingBalance, entries, debits, credits, balance);
    }
}
