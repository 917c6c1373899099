using Koban.Domain.Common;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Sales.SalesTestData;

namespace Koban.Domain.Tests.Sales;

public sealed class OrderBillingLedgerTests
{
    // Line 0: 2 × 100 @ 20 % = 200; line 1: 1 × 50 @ 5.5 % = 50; line 2: 4 × 25 @ 20 % = 100.
    private static (Order Order, OrderBillingLedger Ledger) Setup()
    {
        var order = Validated(Product(2m, 100m), Product(1m, 50m, 5.5m), Product(4m, 25m));
        return (order, OrderBillingLedger.For(order));
    }

    [Test]
    public void A_fresh_ledger_has_everything_left_to_invoice_per_line_and_per_rate()
    {
        var (order, ledger) = Setup();

        ledger.LeftToInvoice.ShouldBe(350m);
        ledger.LeftToInvoiceForRate(20m).ShouldBe(300m);
        ledger.LeftToInvoiceForRate(5.5m).ShouldBe(50m);
        ledger.LeftToInvoiceForLine(order.Lines[1].Id).ShouldBe(50m);
        ledger.InvoicedTotal.ShouldBe(0m);
        ledger.HasInvoicingOrDelivery.ShouldBeFalse();
    }

    [Test]
    public void The_ledger_rates_match_the_order_breakdown()
    {
        var (order, ledger) = Setup();

        ledger.Rates.ToDictionary(r => r.Rate, r => r.OrderedBase).ShouldBe(order.ComputeTotals().BaseByRate(), ignoreOrder: true);
    }

    [Test]
    public void A_draft_order_has_no_ledger() =>
        Should.Throw<DomainConflictException>(() => OrderBillingLedger.For(Draft())).Code.ShouldBe(ErrorCodes.OrderNotValidated);

    [Test]
    public void An_intermediate_invoice_reduces_what_is_left_on_its_lines()
    {
        var (order, ledger) = Setup();

        ledger.RecordInvoice([new(order.Lines[0].Id, 1m, 100m)]);

        ledger.LeftToInvoiceForLine(order.Lines[0].Id).ShouldBe(100m);
        ledger.LeftToInvoiceForRate(20m).ShouldBe(200m);
        ledger.LeftToInvoice.ShouldBe(250m);
        ledger.InvoicedTotal.ShouldBe(100m);
        ledger.HasInvoicingOrDelivery.ShouldBeTrue();
    }

    [Test]
    public void Invoicing_beyond_what_is_left_on_a_line_is_refused_and_changes_nothing()
    {
        var (order, ledger) = Setup();
        ledger.RecordInvoice([new(order.Lines[0].Id, 1m, 150m)]);

        var exception = Should.Throw<DomainException>(() => ledger.RecordInvoice([new(order.Lines[1].Id, 1m, 10m), new(order.Lines[0].Id, 1m, 50.01m)]));

        exception.Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
        exception.Field.ShouldBe("lines[1].net");
        exception.Arguments["leftToInvoice"].ShouldBe(50m);
        ledger.LeftToInvoiceForLine(order.Lines[1].Id).ShouldBe(50m);
        ledger.InvoiceCount.ShouldBe(1);
    }

    [Test]
    public void The_same_line_twice_in_one_invoice_is_checked_on_its_sum()
    {
        var (order, ledger) = Setup();

        Should.Throw<DomainException>(() => ledger.RecordInvoice([new(order.Lines[1].Id, 1m, 30m), new(order.Lines[1].Id, 1m, 30m)]))
            .Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
    }

    [Test]
    public void A_line_of_another_order_is_refused() =>
        Should.Throw<DomainException>(() => Setup().Ledger.RecordInvoice([new(Guid.NewGuid(), 1m, 1m)])).Code.ShouldBe(ErrorCodes.OrderLineNotFound);

    [Test]
    public void A_deposit_counts_as_invoiced_until_the_balance_deducts_it()
    {
        var (order, ledger) = Setup();

        ledger.RecordDeposit([new(20m, 90m), new(5.5m, 15m)]);
        ledger.LeftToInvoice.ShouldBe(245m);
        ledger.LeftToInvoiceForRate(20m).ShouldBe(210m);
        ledger.LeftToInvoiceForLine(order.Lines[0].Id).ShouldBe(200m);

        // Balance: deductions first, then every line left.
        ledger.RecordDepositDeduction([new(20m, 90m), new(5.5m, 15m)]);
        ledger.RecordInvoice(order.Lines.Select(l => new LedgerLineAmount(l.Id, l.Quantity, l.NetAmount)));

        ledger.LeftToInvoice.ShouldBe(0m);
        ledger.InvoicedTotal.ShouldBe(350m);
        ledger.FindInvariantViolations().ShouldBeEmpty();
    }

    [Test]
    public void Invoicing_every_line_while_a_deposit_is_outstanding_is_refused()
    {
        var (order, ledger) = Setup();
        ledger.RecordDeposit([new(20m, 90m)]);

        var exception = Should.Throw<DomainException>(() => ledger.RecordInvoice(order.Lines.Select(l => new LedgerLineAmount(l.Id, l.Quantity, l.NetAmount))));

        exception.Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
        ledger.LeftToInvoice.ShouldBe(260m);
    }

    [Test]
    public void A_deposit_beyond_what_is_left_at_its_rate_is_refused() =>
        Should.Throw<DomainException>(() => Setup().Ledger.RecordDeposit([new(5.5m, 50.01m)])).Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);

    [Test]
    public void A_deposit_at_a_rate_the_order_does_not_have_is_refused() =>
        Should.Throw<DomainException>(() => Setup().Ledger.RecordDeposit([new(10m, 1m)])).Code.ShouldBe(ErrorCodes.VatRateNotOnOrder);

    [Test]
    public void A_deduction_beyond_the_deposits_is_refused()
    {
        var (_, ledger) = Setup();
        ledger.RecordDeposit([new(20m, 90m)]);

        var exception = Should.Throw<DomainException>(() => ledger.RecordDepositDeduction([new(20m, 60m), new(20m, 30.01m)]));

        exception.Code.ShouldBe(ErrorCodes.DeductionBeyondDeposits);
        exception.Arguments["remaining"].ShouldBe(90m);
    }

    [Test]
    public void A_correction_credit_gives_back_left_to_invoice()
    {
        var (order, ledger) = Setup();
        ledger.RecordInvoice([new(order.Lines[0].Id, 2m, 200m)]);

        ledger.RecordCredit(CreditReason.Correction, [new LedgerLineAmount(order.Lines[0].Id, 1m, 100m)]);

        ledger.LeftToInvoiceForLine(order.Lines[0].Id).ShouldBe(100m);
        ledger.Lines[0].LeftQuantity.ShouldBe(1m);
    }

    [TestCase(CreditReason.CommercialDiscount)]
    [TestCase(CreditReason.WriteOff)]
    public void A_commercial_discount_or_write_off_gives_nothing_back(CreditReason reason)
    {
        var (order, ledger) = Setup();
        ledger.RecordInvoice([new(order.Lines[0].Id, 2m, 200m)]);

        ledger.RecordCredit(reason, [new LedgerLineAmount(order.Lines[0].Id, 0m, 20m)]);

        ledger.LeftToInvoiceForLine(order.Lines[0].Id).ShouldBe(0m);
        ledger.OtherCreditsTotal.ShouldBe(20m);
    }

    [Test]
    public void A_credit_beyond_what_was_invoiced_is_refused()
    {
        var (order, ledger) = Setup();
        ledger.RecordInvoice([new(order.Lines[0].Id, 1m, 100m)]);

        Should.Throw<DomainException>(() => ledger.RecordCredit(CreditReason.Correction, [new LedgerLineAmount(order.Lines[0].Id, 1m, 100.01m)]))
            .Code.ShouldBe(ErrorCodes.CreditBeyondInvoiced);
        Should.Throw<DomainException>(() => ledger.RecordCredit(CreditReason.Correction, [new LedgerRateAmount(5.5m, 0.01m)]))
            .Code.ShouldBe(ErrorCodes.CreditBeyondInvoiced);
    }

    [Test]
    public void A_per_rate_correction_credit_gives_back_left_at_that_rate()
    {
        var (order, ledger) = Setup();
        ledger.RecordInvoice([new(order.Lines[0].Id, 2m, 200m)]);

        ledger.RecordCredit(CreditReason.Correction, [new LedgerRateAmount(20m, 40m)]);

        ledger.LeftToInvoiceForRate(20m).ShouldBe(140m);
        ledger.LeftToInvoice.ShouldBe(190m);
        // Given back on the line that was invoiced, so a full invoice can bill it again.
        ledger.LeftToInvoiceForLine(order.Lines[0].Id).ShouldBe(40m);
    }

    [Test]
    public void A_per_rate_correction_credit_is_spread_over_the_invoiced_lines_to_the_cent()
    {
        // Three lines of 10.00 @20 % invoiced; 1.00 credited: 0.33 each, the rounding cent to the first line with room.
        var order = Validated(Product(1m, 10m), Product(1m, 10m), Product(1m, 10m));
        var ledger = OrderBillingLedger.For(order);
        ledger.RecordInvoice(order.Lines.Select(l => new LedgerLineAmount(l.Id, 1m, 10m)));

        ledger.RecordCredit(CreditReason.Correction, [new LedgerRateAmount(20m, 1m)]);

        ledger.Lines.Select(l => l.LeftNet).ShouldBe([0.34m, 0.33m, 0.33m]);
        ledger.RecordCredit(CreditReason.Correction, [new LedgerRateAmount(20m, 29m)]);
        ledger.Lines.Select(l => l.LeftNet).ShouldBe([10m, 10m, 10m]);
        ledger.FindInvariantViolations().ShouldBeEmpty();
    }

    [Test]
    public void Operations_recorded_together_are_checked_on_their_result_and_undone_as_one()
    {
        // Rate 20 %: 2 × 100 and 4 × 25 (300 ordered). A deposit of 90, then a balance deducting it with both lines.
        var (order, ledger) = Setup();
        ledger.RecordDeposit([new(20m, 90m)]);

        // Refused half-way (a line of another order): the deduction made before is undone.
        Should.Throw<DomainException>(() => ledger.RecordTogether(() =>
        {
            ledger.RecordDepositDeduction([new(20m, 90m)]);
            ledger.RecordInvoice([new(Guid.NewGuid(), 1m, 1m)]);
        })).Code.ShouldBe(ErrorCodes.OrderLineNotFound);
        ledger.Rates[0].DeductedBase.ShouldBe(0m);
        ledger.InvoiceCount.ShouldBe(1);

        // Refused on the result only: each step passes its own check, but billing everything and then giving the deduction
        // back would count the deposit on top of the lines (−90 left).
        Should.Throw<DomainException>(() => ledger.RecordTogether(() =>
        {
            ledger.RecordDepositDeduction([new(20m, 90m)]);
            ledger.RecordInvoice([new(order.Lines[0].Id, 2m, 200m)]);
            ledger.RecordInvoice([new(order.Lines[2].Id, 4m, 100m)]);
            ledger.ReverseDepositDeduction([new(20m, 90m)]);
        })).Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
        ledger.LeftToInvoiceForRate(20m).ShouldBe(210m);
        ledger.InvoiceCount.ShouldBe(1);
        ledger.FindInvariantViolations().ShouldBeEmpty();
    }

    [Test]
    public void A_correction_credit_on_a_deposit_reduces_what_the_balance_deducts()
    {
        var (_, ledger) = Setup();
        ledger.RecordDeposit([new(20m, 90m)]);

        ledger.RecordCredit(CreditReason.Correction, [new LedgerRateAmount(20m, 30m)], onDeposit: true);

        ledger.Rates.Single(r => r.Rate == 20m).OutstandingDeposits.ShouldBe(60m);
        ledger.LeftToInvoiceForRate(20m).ShouldBe(240m);
        Should.Throw<DomainException>(() => ledger.RecordCredit(CreditReason.Correction, [new LedgerRateAmount(20m, 60.01m)], onDeposit: true));
    }

    [Test]
    public void Deliveries_stay_between_zero_and_the_ordered_quantity()
    {
        var (order, ledger) = Setup();
        var line = order.Lines[2].Id;

        ledger.RecordDelivery(line, 3m);
        ledger.RecordDelivery(line, -1m);
        ledger.Lines[2].DeliveredQuantity.ShouldBe(2m);
        ledger.HasInvoicingOrDelivery.ShouldBeTrue();
        Should.Throw<DomainException>(() => ledger.RecordDelivery(line, 2.001m)).Code.ShouldBe(ErrorCodes.BeyondOrderedQuantity);
        Should.Throw<DomainException>(() => ledger.RecordDelivery(line, -2.001m)).Code.ShouldBe(ErrorCodes.BeyondOrderedQuantity);
    }

    [Test]
    public void Amounts_are_in_cents() =>
        Should.Throw<DomainException>(() => Setup().Ledger.RecordDeposit([new(20m, 1.001m)])).Code.ShouldBe(ErrorCodes.AmountTooPrecise);

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(42)]
    [TestCase(2026)]
    [TestCase(31337)]
    public void Random_sequences_of_operations_never_break_the_invariants(int seed)
    {
        var random = new Random(seed);
        var order = Validated(
            Product(2m, 100m),
            Product(1m, 50m, 5.5m),
            Product(3m, 33.33m, discount: 10m),
            Product(2.5m, 73.3333m, 10m),
            Free(1m, -20m, 20m));
        var ledger = OrderBillingLedger.For(order);
        var lines = order.Lines;
        var rates = ledger.Rates.Select(r => r.Rate).ToArray();
        decimal Cents(decimal max) => Math.Round((decimal)random.NextDouble() * max, 2);

        var accepted = 0;
        for (var step = 0; step < 400; step++)
        {
            var line = lines[random.Next(lines.Count)];
            var rate = rates[random.Next(rates.Length)];
            try
            {
                switch (random.Next(7))
                {
                    case 0:
                        ledger.RecordInvoice([new(line.Id, 0m, Cents(line.NetAmount * 1.2m))]);
                        break;
                    case 1:
                        ledger.RecordDeposit([new(rate, Cents(120m))]);
                        break;
                    case 2:
                        ledger.RecordDepositDeduction([new(rate, Cents(60m))]);
                        break;
                    case 3:
                        ledger.RecordCredit((CreditReason)random.Next(3), [new LedgerLineAmount(line.Id, 0m, Cents(line.NetAmount))]);
                        break;
                    case 4:
                        ledger.RecordCredit(CreditReason.Correction, [new LedgerRateAmount(rate, Cents(40m))], onDeposit: random.Next(2) == 0);
                        break;
                    case 5:
                        ledger.RecordDelivery(line.Id, Math.Round((decimal)(random.NextDouble() - 0.3) * line.Quantity, 3));
                        break;
                    default:
                        // The balance: deduct every outstanding deposit, then invoice every line's left.
                        ledger.RecordDepositDeduction(ledger.Rates.Where(r => r.OutstandingDeposits > 0m).Select(r => new LedgerRateAmount(r.Rate, r.OutstandingDeposits)));
                        ledger.RecordInvoice(ledger.Lines.Where(l => l.LeftNet != 0m).Select(l => new LedgerLineAmount(l.OrderLineId, 0m, l.LeftNet)));
                        break;
                }

                accepted++;
            }
            catch (DomainException exception)
            {
                exception.Code.ShouldBeOneOf(
                    ErrorCodes.BeyondLeftToInvoice, ErrorCodes.DeductionBeyondDeposits, ErrorCodes.CreditBeyondInvoiced, ErrorCodes.BeyondOrderedQuantity);
            }

            ledger.FindInvariantViolations().ShouldBeEmpty($"seed {seed}, step {step}");
            (ledger.LeftToInvoice + ledger.InvoicedTotal).ShouldBe(order.TotalExcludingVat);
            ledger.LeftToInvoice.ShouldBe(ledger.Rates.Sum(r => ledger.LeftToInvoiceForRate(r.Rate)));
        }

        accepted.ShouldBeGreaterThan(40);
    }
}
