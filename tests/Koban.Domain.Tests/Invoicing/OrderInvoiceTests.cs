using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Sales;
using static Koban.Domain.Tests.Invoicing.InvoicingTestData;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>Full and intermediate invoices of an order, and direct invoices (domain-rules.md §5, §6).</summary>
public sealed class OrderInvoiceTests
{
    // Several rates, discounts, 3-decimal quantities and a negative discount line:
    //   L0 2.5 × 120.00 −10 % @20 %   = 270.00
    //   L1 1.333 × 45.1234 @10 %      = 60.1494922 → 60.15
    //   L2 3 × 19.99 −5 % @5.5 %      = 56.9715 → 56.97
    //   L3 1 × −20.00 @20 % (remise)  = −20.00
    // HT 367.12; bases 20 %: 250.00 (VAT 50.00), 10 %: 60.15 (6.015 → 6.02), 5.5 %: 56.97 (3.13335 → 3.13); VAT 59.15; TTC 426.27.
    private static OrderBillingDriver OrderA() => OrderBillingDriver.For(
        DocumentLineData.Title("Prestations"),
        Line(2.5m, 120m, 20m, discount: 10m),
        Line(1.333m, 45.1234m, 10m),
        Line(3m, 19.99m, 5.5m, discount: 5m),
        FreeLine(1m, -20m, 20m));

    [Test]
    public void A_full_invoice_bills_every_line_as_ordered_with_the_order_totals()
    {
        var flow = OrderA();

        var invoice = flow.Full();

        invoice.Kind.ShouldBe(InvoiceKind.Full);
        invoice.Title.ShouldBe("Facture");
        invoice.TraceableToOrder.ShouldBeTrue();
        invoice.OrderNumber.ShouldBe("CO-2026-001");
        invoice.Lines.Select(l => l.Kind).ShouldBe([LineKind.Title, LineKind.Product, LineKind.Product, LineKind.Product, LineKind.Free]);
        invoice.Lines.Skip(1).Select(l => l.NetAmount).ShouldBe([270m, 60.15m, 56.97m, -20m]);
        invoice.Lines.Skip(1).Select(l => l.Quantity).ShouldBe([2.5m, 1.333m, 3m, 1m]);
        invoice.Lines.Skip(1).Select(l => l.OrderLineId).ShouldBe(flow.Order.Lines.Skip(1).Select(l => (Guid?)l.Id));
        invoice.VatBreakdown.ShouldBe([new VatBreakdownLine(20m, 250m, 50m), new VatBreakdownLine(10m, 60.15m, 6.02m), new VatBreakdownLine(5.5m, 56.97m, 3.13m)]);
        invoice.TotalExcludingVat.ShouldBe(367.12m);
        invoice.TotalVat.ShouldBe(59.15m);
        invoice.TotalIncludingVat.ShouldBe(426.27m);
        invoice.TotalIncludingVat.ShouldBe(flow.Order.TotalIncludingVat);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void The_invoice_takes_the_order_payment_terms_and_method_unless_given()
    {
        var flow = OrderA();

        var invoice = flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full));

        invoice.PaymentTerms.ShouldBe(new PaymentTerms(PaymentTermsKind.Days, 30));
        invoice.PaymentMethod.ShouldBe(PaymentMethod.BankTransfer);
        flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full), new BillingHeaderData(PaymentTerms: PaymentTerms.OnReceipt)).PaymentTerms.ShouldBe(PaymentTerms.OnReceipt);
    }

    [Test]
    public void A_second_full_invoice_finds_nothing_left()
    {
        var flow = OrderA();
        flow.Full();

        Should.Throw<DomainConflictException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Full))).Code.ShouldBe(ErrorCodes.NothingLeftToInvoice);
    }

    [Test]
    public void An_intermediate_percentage_bills_each_line_at_its_natural_quantity_when_it_gives_the_exact_net()
    {
        var flow = OrderA();

        // 30 %: L0 round(270 × 0.3) = 81.00 = 0.75 × 120 × 0.9; L1 round(18.045) = 18.05 = round(0.4 × 45.1234 = 18.04936);
        // L2 round(17.091) = 17.09 = round(0.9 × 19.99 × 0.95 = 17.09145); L3 −6.00 = 0.3 × −20.
        // Bases 20 %: 75.00 (VAT 15.00), 10 %: 18.05 (1.805 → 1.81), 5.5 %: 17.09 (0.93995 → 0.94). HT 110.14, VAT 17.75, TTC 127.89.
        var invoice = flow.Intermediate(30m);

        var priced = invoice.Lines.Where(l => l.Kind.IsPriced()).ToList();
        priced.Select(l => l.Quantity).ShouldBe([0.75m, 0.4m, 0.9m, 0.3m]);
        priced.Select(l => l.NetAmount).ShouldBe([81m, 18.05m, 17.09m, -6m]);
        priced.Select(l => l.UnitPrice).ShouldBe([120m, 45.1234m, 19.99m, -20m]);
        invoice.TotalExcludingVat.ShouldBe(110.14m);
        invoice.TotalVat.ShouldBe(17.75m);
        invoice.TotalIncludingVat.ShouldBe(127.89m);
        var ledger = flow.Ledger();
        ledger.Lines[0].InvoicedQuantity.ShouldBe(0.75m);
        ledger.LeftToInvoice.ShouldBe(367.12m - 110.14m);
    }

    [Test]
    public void An_intermediate_percentage_bills_a_lump_sum_where_no_quantity_gives_the_net_and_the_full_invoice_bills_the_rest()
    {
        var flow = OrderA();

        // 33.33 %: L0 round(89.991) = 89.99 (0.833 × 120 × 0.9 = 89.96: lump sum); L1 round(20.048) = 20.05 (0.444 gives 20.03:
        // lump sum); L2 round(18.988) = 18.99 = round(1 × 19.99 × 0.95 = 18.9905): natural, 1 unit; L3 round(−6.666) = −6.67 (lump sum).
        // Bases 20 %: 83.32 (16.664 → 16.66), 10 %: 20.05 (2.005 → 2.01), 5.5 %: 18.99 (1.04445 → 1.04). HT 122.36, VAT 19.71, TTC 142.07.
        var intermediate = flow.Intermediate(33.33m);

        var priced = intermediate.Lines.Where(l => l.Kind.IsPriced()).ToList();
        priced.Select(l => l.NetAmount).ShouldBe([89.99m, 20.05m, 18.99m, -6.67m]);
        priced.Select(l => l.Quantity).ShouldBe([1m, 1m, 1m, 1m]);
        priced.Select(l => l.UnitPrice).ShouldBe([89.99m, 20.05m, 19.99m, -6.67m]);
        priced[0].UnitCode.ShouldBe("C62");
        priced[0].Description.ShouldBe("Conseil — 33,33 % de 270,00 € HT");
        priced[2].UnitCode.ShouldBe("HUR");
        priced[2].DiscountPercent.ShouldBe(5m);
        intermediate.TotalExcludingVat.ShouldBe(122.36m);
        intermediate.TotalVat.ShouldBe(19.71m);
        intermediate.TotalIncludingVat.ShouldBe(142.07m);

        // The rest: L0 180.01 and L1 40.10 and L3 −13.33 as lump sums "(reste à facturer)"; L2 2 × 19.99 × 0.95 = 37.981 → 37.98 natural.
        // Bases 20 %: 166.68 (33.336 → 33.34), 10 %: 40.10 (4.01), 5.5 %: 37.98 (2.0889 → 2.09). HT 244.76 = 367.12 − 122.36.
        var full = flow.Full();

        var rest = full.Lines.Where(l => l.Kind.IsPriced()).ToList();
        rest.Select(l => l.NetAmount).ShouldBe([180.01m, 40.10m, 37.98m, -13.33m]);
        rest[0].Description.ShouldBe("Conseil (reste à facturer)");
        rest[2].Quantity.ShouldBe(2m);
        full.TotalExcludingVat.ShouldBe(244.76m);
        full.TotalVat.ShouldBe(39.44m);
        (intermediate.TotalExcludingVat + full.TotalExcludingVat).ShouldBe(flow.Order.TotalExcludingVat);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void An_intermediate_invoice_by_chosen_lines_never_goes_beyond_what_is_left_on_a_line()
    {
        // L0 4 × 50.00 @20 % = 200.00; L1 2 × 30.00 @10 % = 60.00.
        var flow = OrderBillingDriver.For(Line(4m, 50m), Line(2m, 30m, 10m));
        var l0 = flow.Order.Lines[0].Id;
        var l1 = flow.Order.Lines[1].Id;

        var first = flow.Intermediate(new OrderLinePortion(l0, 3m), new OrderLinePortion(l1, 0.5m));

        // 3 × 50 = 150.00 @20 % (VAT 30.00) and 0.5 × 30 = 15.00 @10 % (VAT 1.50): HT 165.00, TTC 196.50.
        first.Lines.Select(l => (l.Quantity, l.NetAmount)).ShouldBe([(3m, 150m), (0.5m, 15m)]);
        first.TotalIncludingVat.ShouldBe(196.50m);
        var beyond = Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Intermediate, Lines: [new(l0, 1.001m)])));
        beyond.Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
        beyond.Field.ShouldBe("lines[0].quantity");
        beyond.Arguments["leftToInvoice"].ShouldBe(50m);

        var second = flow.Intermediate(new OrderLinePortion(l0, 1m), new OrderLinePortion(l1, 1.5m));

        second.TotalExcludingVat.ShouldBe(95m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
        Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Intermediate, Lines: [new(l1, 0.001m)])))
            .Code.ShouldBe(ErrorCodes.BeyondLeftToInvoice);
    }

    [Test]
    public void Chosen_lines_are_checked_for_existence_and_quantity()
    {
        var flow = OrderBillingDriver.For(DocumentLineData.Title("Lot 1"), Line(4m, 50m));

        Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Intermediate, Lines: [new(Guid.NewGuid(), 1m)])))
            .Code.ShouldBe(ErrorCodes.OrderLineNotFound);
        Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Intermediate, Lines: [new(flow.Order.Lines[0].Id, 1m)])))
            .Code.ShouldBe(ErrorCodes.OrderLineNotFound);
        Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Intermediate, Lines: [new(flow.Order.Lines[1].Id, 0.0001m)])))
            .Code.ShouldBe(ErrorCodes.LineQuantityInvalid);
        Should.Throw<DomainException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Intermediate, Lines: [new(flow.Order.Lines[1].Id, 0m)])))
            .Code.ShouldBe(ErrorCodes.LineQuantityInvalid);
    }

    [Test]
    public void An_intermediate_percentage_is_capped_at_what_is_left_on_each_line_and_says_so()
    {
        // 10 × 10.00 @20 % = 100.00; 8 units invoiced, then 50 % asked: round(100 × 0.5) = 50.00 capped at the 20.00 left,
        // billed as the 2 units left (2 × 10.00 = 20.00), not labelled "50 %".
        var flow = OrderBillingDriver.For(Line(10m, 10m));
        flow.Intermediate(new OrderLinePortion(flow.Order.Lines[0].Id, 8m));

        var capped = flow.Intermediate(50m);

        capped.Lines.Single().Quantity.ShouldBe(2m);
        capped.Lines.Single().Description.ShouldBe("Conseil");
        capped.TotalExcludingVat.ShouldBe(20m);
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
        Should.Throw<DomainConflictException>(() => flow.Draft(new OrderInvoiceSpec(InvoiceKind.Intermediate, AmountBasis.Percentage, 10m)))
            .Code.ShouldBe(ErrorCodes.NothingLeftToInvoice);
    }

    [Test]
    public void A_capped_lump_sum_is_labelled_with_the_share_it_really_bills()
    {
        // 1 × 33.33 @20 %. 33.33 %: round(33.33 × 0.3333 = 11.1089) = 11.11, while 0.333 unit gives 11.10: a lump sum.
        // Then 70 %: round(33.33 × 0.7 = 23.331) = 23.33 > 22.22 left: capped at 22.22, i.e. 22.22 / 33.33 = 66.67 % of the line.
        var flow = OrderBillingDriver.For(Line(1m, 33.33m));
        flow.Intermediate(33.33m).TotalExcludingVat.ShouldBe(11.11m);

        var capped = flow.Intermediate(70m);

        capped.Lines.Single().NetAmount.ShouldBe(22.22m);
        capped.Lines.Single().Description.ShouldBe("Conseil — 66,67 % de 33,33 € HT");
        flow.Ledger().LeftToInvoice.ShouldBe(0m);
    }

    [Test]
    public void An_intermediate_amount_excluding_vat_is_billed_exactly_the_largest_line_absorbing_the_rounding()
    {
        // 3 lines of 33.33 @20 % = 99.99; 50.00 asked: each round(33.33 × 50 / 99.99 = 16.6667) = 16.67, sum 50.01:
        // the first largest line absorbs −0.01 → 16.66.
        var flow = OrderBillingDriver.For(Line(1m, 33.33m), Line(1m, 33.33m), Line(1m, 33.33m));

        var invoice = flow.Invoice(new OrderInvoiceSpec(InvoiceKind.Intermediate, AmountBasis.ExcludingVat, 50m));

        invoice.Lines.Select(l => l.NetAmount).ShouldBe([16.66m, 16.67m, 16.67m]);
        invoice.TotalExcludingVat.ShouldBe(50m);
        invoice.TotalVat.ShouldBe(10m);
    }

    [TestCase(AmountBasis.Percentage, 0)]
    [TestCase(AmountBasis.Percentage, 100.01)]
    [TestCase(AmountBasis.Percentage, 12.345)]
    [TestCase(AmountBasis.ExcludingVat, -1)]
    [TestCase(AmountBasis.ExcludingVat, 1.001)]
    [TestCase(AmountBasis.IncludingVat, 10)]
    public void An_intermediate_invoice_needs_a_valid_basis(AmountBasis basis, decimal value) =>
        Should.Throw<DomainException>(() => OrderA().Draft(new OrderInvoiceSpec(InvoiceKind.Intermediate, basis, value))).Code.ShouldBe(ErrorCodes.IntermediateBasisRequired);

    [Test]
    public void Only_a_validated_order_is_invoiced_and_never_as_a_direct_invoice()
    {
        var draft = SalesTestData.Draft();
        var ledger = OrderBillingLedger.For(SalesTestData.Validated());

        Should.Throw<DomainConflictException>(() => Invoice.FromOrder(draft, ledger, new OrderInvoiceSpec(InvoiceKind.Full), Header, true, Now))
            .Code.ShouldBe(ErrorCodes.OrderNotValidated);
        Should.Throw<DomainException>(() => OrderA().Draft(new OrderInvoiceSpec(InvoiceKind.Direct))).Code.ShouldBe(ErrorCodes.InvoiceKindInvalid);
    }

    [Test]
    public void The_lines_of_an_order_invoice_follow_the_order()
    {
        var invoice = OrderA().Draft(new OrderInvoiceSpec(InvoiceKind.Full));

        Should.Throw<DomainConflictException>(() => invoice.ReplaceLines([new BillingLineData(FreeLine(1m, 5m))])).Code.ShouldBe(ErrorCodes.InvoiceLinesFollowOrder);
    }

    [Test]
    public void A_direct_invoice_is_not_traceable_to_an_order_and_takes_free_lines()
    {
        // 1.5 × 80.00 @20 % = 120.00 (VAT 24.00); 2.125 × 9.9999 @5.5 % = 21.2497875 → 21.25 (VAT 1.16875 → 1.17). HT 141.25, VAT 25.17, TTC 166.42.
        var invoice = Invoice.Direct(Guid.NewGuid(), Header, [new BillingLineData(FreeLine(1.5m, 80m, description: "Formation")), new BillingLineData(FreeLine(2.125m, 9.9999m, 5.5m, "Livres"))],
            businessCustomer: true, Now);

        invoice.Kind.ShouldBe(InvoiceKind.Direct);
        invoice.TraceableToOrder.ShouldBeFalse();
        invoice.TypeCode.ShouldBe("INV-Direct");
        invoice.TotalExcludingVat.ShouldBe(141.25m);
        invoice.TotalVat.ShouldBe(25.17m);
        invoice.TotalIncludingVat.ShouldBe(166.42m);

        invoice.ReplaceLines([new BillingLineData(FreeLine(1m, 10m))]);
        invoice.TotalIncludingVat.ShouldBe(12m);
    }
}
