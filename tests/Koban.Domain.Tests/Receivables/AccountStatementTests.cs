using Koban.Domain.Receivables;

namespace Koban.Domain.Tests.Receivables;

public sealed class AccountStatementTests
{
    [Test]
    public void The_running_balance_starts_from_the_opening_balance_and_ends_on_the_closing_one()
    {
        var d = new DateOnly(2026, 11, 1);
        var statement = AccountStatement.Build(250.00m,
        [
            new StatementMovement(d, ReceivableKind.Invoice, ReceivableSide.Debit, 1200.00m),
            new StatementMovement(d.AddDays(3), ReceivableKind.CreditNote, ReceivableSide.Credit, 200.00m),
            new StatementMovement(d.AddDays(10), ReceivableKind.Receipt, ReceivableSide.Credit, 1250.00m),
            new StatementMovement(d.AddDays(12), ReceivableKind.WriteOff, ReceivableSide.Credit, 0.30m),
            new StatementMovement(d.AddDays(15), ReceivableKind.Refund, ReceivableSide.Debit, 99.70m),
        ]);

        statement.Entries.Select(e => e.Balance).ShouldBe([1450.00m, 1250.00m, 0.00m, -0.30m, 99.40m]);
        statement.Entries.Select(e => e.Debit).ShouldBe([1200.00m, 0m, 0m, 0m, 99.70m]);
        statement.Entries.Select(e => e.Credit).ShouldBe([0m, 200.00m, 1250.00m, 0.30m, 0m]);
        statement.TotalDebit.ShouldBe(1299.70m);
        statement.TotalCredit.ShouldBe(1450.30m);
        statement.ClosingBalance.ShouldBe(99.40m);
        (statement.OpeningBalance + statement.TotalDebit - statement.TotalCredit).ShouldBe(statement.ClosingBalance);
    }

    [Test]
    public void A_period_without_movements_closes_on_its_opening_balance()
    {
        var statement = AccountStatement.Build(-40.00m, []);
        statement.Entries.ShouldBeEmpty();
        statement.ClosingBalance.ShouldBe(-40.00m);
        statement.TotalDebit.ShouldBe(0m);
    }
}
