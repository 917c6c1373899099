using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Invoicing.InvoicingTestData;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>Deposit invoices (percentage, amount excluding or including VAT) and the balance that deducts them at their exact
/// VAT, so deposits + balance = order total to the cent (domain-rules.md §6).</summary>
public sealed class DepositAndBalanceTests
{
    // Three rates, bases 400 / 100 / 100:
    //   L0 4 × 100.00 @20 % = 400.00 (VAT 80.00); L1 1 × 100.00 @10 % = 100.00 (VAT 10.00); L2 2 × 50.00 @5.5 % = 100.00 (VAT 5.50).
    // HT 600.00, VAT 95.50, TTC 695.50.
    private static OrderBillingDriver ThreeRates() => OrderBillingDriver.For(Line(4m, 100m), Line(1m, 100m, 10m), Line(2m, 50m, 5.5m));

    [Test]
    public void A_deposit_by_percentage_has_one_line_per_rate_split_in_proportion()
    {
        var flow = ThreeRates();

        // 30 % of 600.00 = 180.00 → 120.00 / 30.00 / 30.00; VAT 24.00 + 3.00 + 1.65 = 28.65; TTC 208.65.
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);

        deposit.Kind.ShouldBe(InvoiceKind.Deposit);
        deposit.Title.ShouldBe("Facture d'acompte");
        deposit.Lines.Select(l => (l.VatRate, l.NetAmount)).ShouldBe([(20m, 120m), (10m, 30m), (5.5m, 30m)]);
        deposit.Lines.ShouldAllBe(l => l.Kind == LineKind.Free && l.Quantity == 1m && l.OrderLineId == null);
        deposit.Lines[0].Description.ShouldBe("Acompte de 30 % sur la commande CO-2026-001 — TVA 20 %");
        deposit.Lines[2].Description.ShouldBe("Acompte de 30 % sur la commande CO-2026-001 — TVA 5,5 %");
        deposit.TotalExcludingVat.ShouldBe(180m);
        deposit.TotalVat.ShouldBe(28.65m);
        deposit.TotalIncludingVat.ShouldBe(208.65m);
        var ledger = flow.Ledger();
        ledger.Rates.Select(r => r.DepositedBase).ShouldBe([120m, 30m, 30m]);
        ledger.LeftToInvoice.ShouldBe(420m);
    }

    [Test]
    public void A_deposit_names_the_quote_and_a_single_rate_order_gets_one_line_without_the_rate()
    {
        var flow = OrderBillingDriver.For(Line(1m, 100m));

        var deposit = flow.Invoice(new OrderInvoiceSpec(InvoiceKind.Deposit, AmountBasis.Percentage, 40m, QuoteNumber: "DE-2026-007"));

        deposit.Lines.Single().Description.ShouldBe("Acompte de 40 % sur la commande CO-2026-001 (devis DE-2026-007)");
    }

    [Test]
    public void The_rate_with_the_largest_base_takes_the_rounding_remainder()
    {
        var flow = ThreeRates();

        // 100.00 HT: 100 × 400/600 = 66.667 → 66.67, 100 × 100/600 = 16.667 → 16.67 twice: 100.01.
        // The 20 % rate (largest base) takes the remainder: 100.00 − 16.67 − 16.67 = 66.66.
        // VAT: 66.66 × 20 % = 13.332 → 13.33; 16.67 × 10 % = 1.667 → 1.67; 16.67 × 5.5 % = 0.91685 → 0.92. TTC 115.92.
        var deposit = flow.Deposit(AmountBasis.ExcludingVat, 100m);

        deposit.Lines.Select(l => l.NetAmount).ShouldBe([66.66m, 16.67m, 16.67m]);
        deposit.TotalExcludingVat.ShouldBe(100m);
        deposit.VatBreakdown.Select(r => r.Vat).ShouldBe([13.33m, 1.67m, 0.92m]);
        deposit.TotalIncludingVat.ShouldBe(115.92m);
    }

    [Test]
    public void A_deposit_given_including_vat_is_reproduced_exactly()
    {
        var flow = ThreeRates();

        // 500.00 TTC: bases 287.57 / 71.89 / 71.89 (= 431.35 split 4:1:1, 431.35 × 4/6 = 287.567 → 287.57, × 1/6 = 71.892 → 71.89);
        // VAT 287.57 × 20 % = 57.514 → 57.51, 71.89 × 10 % = 7.189 → 7.19, 71.89 × 5.5 % = 3.95395 → 3.95: 68.65. 431.35 + 68.65 = 500.00.
        var deposit = flow.Deposit(AmountBasis.IncludingVat, 500m);

        deposit.Lines.Select(l => l.NetAmount).ShouldBe([287.57m, 71.89m, 71.89m]);
        deposit.TotalVat.ShouldBe(68.65m);
        deposit.TotalIncludingVat.ShouldBe(500m);
    }

    [Test]
    public void An_unreachable_amount_including_vat_is_refused_with_the_nearest_reachable_amounts()
    {
        // At 20 % alone: base 10.02 → 12.02 (2.004 → 2.00), base 10.03 → 12.04 (2.006 → 2.01): 12.03 cannot be reached.
        var flow = OrderBillingDriver.For(Line(1m, 100m));

        var exception = Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Deposit, AmountBasis.IncludingVat, 12.03m)));

        exception.Code.ShouldBe(ErrorCodes.AmountIncludingVatUnreachable);
        exception.Field.ShouldBe("amount");
        exception.Arguments["below"].ShouldBe(12.02m);
        exception.Arguments["above"].ShouldBe(12.04m);
        flow.Deposit(AmountBasis.IncludingVat, 12.04m).TotalExcludingVat.ShouldBe(10.03m);
    }

    [TestCase(AmountBasis.Percentage, 0)]
    [TestCase(AmountBasis.Percentage, 100.01)]
    [TestCase(AmountBasis.Percentage, 33.333)]
    [TestCase(AmountBasis.ExcludingVat, 0)]
    [TestCase(AmountBasis.ExcludingVat, 10.001)]
    [TestCase(AmountBasis.IncludingVat, -5)]
    public void A_deposit_takes_a_valid_percentage_or_amount(AmountBasis basis, decimal value) =>
        Should.Throw<DomainException>(() => ThreeRates().Draft(new OrderInvoiceSpec(InvoiceKind.Deposit, basis, value))).Code.ShouldBe(ErrorCodes.DepositAmountInvalid);

    [Test]
    public void Deposits_never_go_beyond_what_is_left_at_a_rate()
    {
        var flow = ThreeRates();
        flow.Deposit(AmountBasis.Percentage, 60m);

        Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Deposit, AmountBasis.Percentage, 40.01m))).Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
        flow.Deposit(AmountBasis.Percentage, 40m).TotalExcludingVat.ShouldBe(240m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void Three_deposits_of_33_33_percent_then_the_balance_add_up_to_the_order_to_the_cent()
    {
        var flow = ThreeRates();

        // Each: round(600 × 33.33 %) = 199.98 → 133.32 / 33.33 / 33.33; VAT 26.664 → 26.66, 3.333 → 3.33, 1.83315 → 1.83 = 31.82;
        // TTC 231.80. Three of them: HT 599.94, VAT 95.46, TTC 695.40.
        var deposits = Enumerable.Range(0, 3).Select(_ => flow.Deposit(AmountBasis.Percentage, 33.33m)).ToList();
        deposits.ShouldAllBe(d => d.TotalIncludingVat == 231.80m);

        // Balance: the three lines as ordered (600.00), then −133.32 / −33.33 / −33.33 for each deposit, VAT taken back exactly.
        // 20 %: 400.00 − 399.96 = 0.04, VAT 80.00 − 79.98 = 0.02; 10 %: 0.01, VAT 10.00 − 9.99 = 0.01; 5.5 %: 0.01, VAT 5.50 − 5.49 = 0.01.
        // HT 0.06, VAT 0.04, TTC 0.10: 695.40 + 0.10 = 695.50.
        var balance = flow.Balance();

        balance.Kind.ShouldBe(InvoiceKind.Balance);
        balance.Lines.Count(l => l.IsDeduction).ShouldBe(9);
        balance.Lines.Where(l => !l.IsDeduction).Select(l => l.NetAmount).ShouldBe([400m, 100m, 100m]);
        var deduction = balance.Lines.First(l => l.IsDeduction);
        deduction.DeductedInvoiceId.ShouldBe(deposits[0].Id);
        deduction.NetAmount.ShouldBe(-133.32m);
        deduction.DeductedVat.ShouldBe(26.66m);
        deduction.Description.ShouldBe("Déduction de la facture d'acompte n° FA-2026-0001 du 15/03/2026 — TVA 20 %");
        balance.VatBreakdown.ShouldBe([new VatBreakdownLine(20m, 0.04m, 0.02m), new VatBreakdownLine(10m, 0.01m, 0.01m), new VatBreakdownLine(5.5m, 0.01m, 0.01m)]);
        balance.TotalIncludingVat.ShouldBe(0.10m);
        (deposits.Sum(d => d.TotalIncludingVat) + balance.TotalIncludingVat).ShouldBe(695.50m);
        ShouldAddUpPerRate(flow, deposits.Append(balance));
        var ledger = flow.Ledger();
        ledger.LeftToInvoice.ShouldBe(0m);
        ledger.Rates.ShouldAllBe(r => r.OutstandingDeposits == 0m);
        ledger.FindInvariantViolations().ShouldBeEmpty();
    }

    [Test]
    public void The_balance_takes_back_the_deposit_vat_as_invoiced_not_recomputed_on_its_net_base()
    {
        // 100.00 @20 % (VAT 20.00); three deposits of 33.33 % = 33.33 each, VAT 6.666 → 6.67: 20.01 deposited.
        // Balance: 100.00 − 99.99 = 0.01 HT; VAT 20.00 − 20.01 = −0.01 (re-rounding 0.01 × 20 % would give 0.00 and
        // leave the order's VAT a cent off). TTC 0.00, and 3 × 40.00 + 0.00 = 120.00.
        var flow = OrderBillingDriver.For(Line(1m, 100m));
        var deposits = Enumerable.Range(0, 3).Select(_ => flow.Deposit(AmountBasis.Percentage, 33.33m)).ToList();

        var balance = flow.Balance();

        balance.VatBreakdown.ShouldBe([new VatBreakdownLine(20m, 0.01m, -0.01m)]);
        balance.TotalIncludingVat.ShouldBe(0m);
        (deposits.Sum(d => d.TotalIncludingVat) + balance.TotalIncludingVat).ShouldBe(120m);
    }

    [Test]
    public void Several_rates_discounts_and_decimal_quantities_still_add_up_per_rate()
    {
        // L0 2.5 × 120.00 −10 % @20 % = 270.00; L1 1.333 × 45.1234 @10 % = 60.15; L2 3 × 19.99 −5 % @5.5 % = 56.97; L3 −20.00 @20 %.
        // Bases 250.00 / 60.15 / 56.97 (HT 367.12), VAT 50.00 / 6.02 / 3.13, TTC 426.27.
        var flow = OrderBillingDriver.For(Line(2.5m, 120m, 20m, discount: 10m), Line(1.333m, 45.1234m, 10m), Line(3m, 19.99m, 5.5m, discount: 5m), FreeLine(1m, -20m, 20m));
        // 33.33 % of 367.12 = 122.361 → 122.36, split 250 : 60.15 : 56.97: 122.36 × 60.15 / 367.12 = 20.048 → 20.05,
        // × 56.97 / 367.12 = 18.988 → 18.99, and the 20 % rate (largest base) takes 122.36 − 20.05 − 18.99 = 83.32.
        var first = flow.Deposit(AmountBasis.Percentage, 33.33m);
        first.Lines.Select(l => l.NetAmount).ShouldBe([83.32m, 20.05m, 18.99m]);
        // 150.00 TTC: bases 87.97 / 21.17 / 20.05 (= 129.19), VAT 17.594 → 17.59, 2.117 → 2.12, 1.10275 → 1.10: 129.19 + 20.81 = 150.00.
        var second = flow.Deposit(AmountBasis.IncludingVat, 150m);
        second.Lines.Select(l => l.NetAmount).ShouldBe([87.97m, 21.17m, 20.05m]);
        second.TotalIncludingVat.ShouldBe(150m);
        var third = flow.Deposit(AmountBasis.ExcludingVat, 33.33m);

        var balance = flow.Balance();

        (first.TotalIncludingVat + second.TotalIncludingVat + third.TotalIncludingVat + balance.TotalIncludingVat).ShouldBe(426.27m);
        ShouldAddUpPerRate(flow, [first, second, third, balance]);
    }

    [Test]
    public void A_deposit_of_the_whole_order_leaves_a_balance_of_zero_that_can_be_validated()
    {
        var flow = ThreeRates();
        flow.Deposit(AmountBasis.Percentage, 100m);

        var balance = flow.Balance();

        balance.TotalExcludingVat.ShouldBe(0m);
        balance.TotalIncludingVat.ShouldBe(0m);
        balance.IsValidated.ShouldBeTrue();
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void A_full_invoice_is_refused_while_a_deposit_waits_for_its_balance()
    {
        var flow = ThreeRates();
        flow.Deposit(AmountBasis.Percentage, 10m);

        Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full))).Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
    }

    [Test]
    public void A_balance_after_an_intermediate_invoice_bills_what_is_left_minus_the_deposits()
    {
        var flow = ThreeRates();
        // Deposit 30 %: 120 / 30 / 30, TTC 208.65. Intermediate: 2 units of L0 = 200.00 @20 % (TTC 240.00).
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        var intermediate = flow.Intermediate(new OrderLinePortion(flow.Order.Lines[0].Id, 2m));

        // Balance: L0 2 × 100 = 200, L1 100, L2 100, minus 120 / 30 / 30. 20 %: 80.00 (VAT 40.00 − 24.00 = 16.00);
        // 10 %: 70.00 (10.00 − 3.00 = 7.00); 5.5 %: 70.00 (5.50 − 1.65 = 3.85). HT 220.00, VAT 26.85, TTC 246.85.
        var balance = flow.Balance();

        balance.Lines.Where(l => !l.IsDeduction).Select(l => (l.Quantity, l.NetAmount)).ShouldBe([(2m, 200m), (1m, 100m), (2m, 100m)]);
        balance.TotalExcludingVat.ShouldBe(220m);
        balance.TotalVat.ShouldBe(26.85m);
        balance.TotalIncludingVat.ShouldBe(246.85m);
        (deposit.TotalIncludingVat + intermediate.TotalIncludingVat + balance.TotalIncludingVat).ShouldBe(695.50m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void A_correction_credit_note_on_a_deposit_is_netted_in_the_balance()
    {
        var flow = ThreeRates();
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        // Correction of 60.00 HT on the deposit: 40 / 10 / 10, VAT 8.00 + 1.00 + 0.55 = 9.55, TTC 69.55.
        var credit = flow.CreditAmount(deposit, AmountBasis.ExcludingVat, 60m);
        credit.TotalIncludingVat.ShouldBe(69.55m);
        flow.Ledger().Rates.Select(r => r.DepositedBase).ShouldBe([80m, 20m, 20m]);

        // Deductions 80 / 20 / 20 with VAT 24.00 − 8.00 = 16.00, 3.00 − 1.00 = 2.00, 1.65 − 0.55 = 1.10.
        // Balance: 20 %: 320.00 (VAT 80.00 − 16.00 = 64.00), 10 %: 80.00 (8.00), 5.5 %: 80.00 (4.40). HT 480.00, TTC 556.40.
        var balance = flow.Balance();

        balance.Lines.Where(l => l.IsDeduction).Select(l => (l.NetAmount, l.DeductedVat)).ShouldBe([(-80m, 16m), (-20m, 2m), (-20m, 1.10m)]);
        balance.TotalExcludingVat.ShouldBe(480m);
        balance.TotalIncludingVat.ShouldBe(556.40m);
        (deposit.TotalIncludingVat - credit.TotalIncludingVat + balance.TotalIncludingVat).ShouldBe(695.50m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void A_deposit_corrected_in_two_parts_leaves_its_vat_rounding_cent_to_the_balance()
    {
        // 200.06 @20 % (VAT 40.012 → 40.01, TTC 240.07). Deposit 50 %: 100.03, VAT 20.006 → 20.01, TTC 120.04.
        var flow = OrderBillingDriver.For(Line(1m, 200.06m));
        var deposit = flow.Deposit(AmountBasis.Percentage, 50m);
        // Corrected in two parts: half the line, 50.02 (0.5 × 100.03 = 50.015), VAT 10.004 → 10.00; then the rest, 50.01,
        // VAT 10.002 → 10.00. All the base is credited but only 20.00 of the 20.01 of VAT.
        var first = flow.CreditLines(deposit, CreditReason.Correction, new InvoiceLinePortion(deposit.Lines[0].Id, 0.5m));
        var rest = flow.CreditFull(deposit);
        (first.TotalIncludingVat + rest.TotalIncludingVat).ShouldBe(120.03m);

        // The balance deducts the cent of VAT left on the deposit (base 0.00): 200.06 HT, VAT 40.01 − 0.01 = 40.00, TTC 240.06.
        var balance = flow.Balance();

        balance.Lines.Single(l => l.IsDeduction).NetAmount.ShouldBe(0m);
        balance.Lines.Single(l => l.IsDeduction).DeductedVat.ShouldBe(0.01m);
        balance.TotalVat.ShouldBe(40m);
        (deposit.TotalIncludingVat - first.TotalIncludingVat - rest.TotalIncludingVat + balance.TotalIncludingVat).ShouldBe(240.07m);
        flow.DepositsToDeduct().ShouldBeEmpty();
    }

    [Test]
    public void A_commercial_discount_on_a_deposit_is_not_netted_in_the_balance()
    {
        var flow = ThreeRates();
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        flow.CreditAmount(deposit, AmountBasis.ExcludingVat, 60m, CreditReason.CommercialDiscount);

        // The whole deposit is deducted: 600 − 180 = 420.00 HT, VAT 95.50 − 28.65 = 66.85, TTC 486.85.
        var balance = flow.Balance();

        balance.Lines.Where(l => l.IsDeduction).Select(l => l.NetAmount).ShouldBe([-120m, -30m, -30m]);
        balance.TotalIncludingVat.ShouldBe(486.85m);
        (deposit.TotalIncludingVat + balance.TotalIncludingVat).ShouldBe(695.50m);
        flow.Ledger().OtherCreditsTotal.ShouldBe(60m);
    }

    [Test]
    public void A_deposit_deducted_by_a_balance_is_not_deducted_again()
    {
        var flow = ThreeRates();
        flow.Deposit(AmountBasis.Percentage, 30m);
        flow.Balance();

        flow.DepositsToDeduct().ShouldBeEmpty();
        Should.Throw<DomainConflictException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Balance))).Code.ShouldBe(ErrorCodes.NothingLeftToInvoice);
    }

    [Test]
    public void A_balance_cannot_deduct_more_than_the_deposits()
    {
        var flow = ThreeRates();
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        var inflated = new DepositDeduction(deposit.Id, deposit.Number!, Today, [new VatBreakdownLine(20m, 120.01m, 24m)]);

        Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Balance, Deposits: [inflated]))).Code.ShouldBe(ErrorCodes.DeductionBeyondDeposits);
    }

    [Test]
    public void A_balance_without_deposits_bills_everything_left_like_a_full_invoice()
    {
        var flow = ThreeRates();

        var balance = flow.Balance();

        balance.Lines.ShouldAllBe(l => !l.IsDeduction);
        balance.TotalIncludingVat.ShouldBe(695.50m);
    }

    [Test]
    public void Two_deposits_of_half_the_order_then_the_balance_still_close_the_order()
    {
        // 100.06 @20 % (VAT 20.012 → 20.01, TTC 120.07). Each 50 % deposit: 50.03, VAT 10.006 → 10.01, TTC 60.04; 120.08 deposited.
        // Balance: 100.06 − 100.06 = 0.00 HT, VAT 20.01 − 20.02 = −0.01: deposits + balance = 120.07 only with a −0.01 balance.
        var flow = OrderBillingDriver.For(Line(1m, 100.06m));
        var deposits = new[] { flow.Deposit(AmountBasis.Percentage, 50m), flow.Deposit(AmountBasis.Percentage, 50m) };

        var balance = flow.Balance();

        balance.TotalExcludingVat.ShouldBe(0m);
        balance.TotalVat.ShouldBe(-0.01m);
        (deposits.Sum(d => d.TotalIncludingVat) + balance.TotalIncludingVat).ShouldBe(120.07m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void A_balance_after_part_of_a_discount_line_was_billed_deducts_and_bills_in_one_step()
    {
        // L0 1000.00 @20 %, L1 remise −400.00 @20 %, L2 1 × 600.00 @10 %: bases 600 / 600, VAT 120 + 60, TTC 1380.00.
        var flow = OrderBillingDriver.For(Line(1m, 1000m), FreeLine(1m, -400m), Line(1m, 600m, 10m));
        // Deposit 50 %: 300 @20 % + 300 @10 %, TTC 690.00.
        var deposit = flow.Deposit(AmountBasis.Percentage, 50m);
        // Half of the remise (−200.00 @20 %) and half of L2 (300.00 @10 %): HT 100.00, TTC −240 + 330 = 90.00.
        var intermediate = flow.Intermediate(new OrderLinePortion(flow.Order.Lines[1].Id, 0.5m), new OrderLinePortion(flow.Order.Lines[2].Id, 0.5m));
        // Left at 20 %: 1000 − 200 on the lines, 300 still deposited: 500. Deducting the deposit before billing the lines would
        // show 800 left of the 600 ordered for a moment: both go in one step.

        var balance = flow.Balance();

        // 20 %: 1000 − 200 − 300 = 500.00, VAT round(800 × 20 %) − 60 = 100.00; 10 %: 300 − 300 = 0, VAT 30 − 30 = 0. TTC 600.00.
        balance.TotalExcludingVat.ShouldBe(500m);
        balance.TotalIncludingVat.ShouldBe(600m);
        (deposit.TotalIncludingVat + intermediate.TotalIncludingVat + balance.TotalIncludingVat).ShouldBe(1380m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);

        // Its full correction credits the lines and gives the deductions back in one step too.
        flow.CreditFull(balance).TotalIncludingVat.ShouldBe(600m);
        flow.Ledger().LeftToInvoice.ShouldBe(500m);
        flow.Balance().TotalIncludingVat.ShouldBe(600m);
        flow.Ledger().FindInvariantViolations().ShouldBeEmpty();
    }

    /// <summary>Per rate, the bases and the VAT of <paramref name="documents"/> are the order's exactly.</summary>
    private static void ShouldAddUpPerRate(OrderBillingDriver flow, IEnumerable<Invoice> documents)
    {
        var order = flow.Order.ComputeTotals().VatBreakdown;
        var rows = documents.SelectMany(d => d.VatBreakdown).ToList();
        foreach (var rate in order.Select(r => r.Rate))
        {
            rows.Sum(rate, r => r.Base).ShouldBe(order.Sum(rate, r => r.Base), $"base at {rate} %");
            rows.Sum(rate, r => r.Vat).ShouldBe(order.Sum(rate, r => r.Vat), $"VAT at {rate} %");
        }
    }
}
