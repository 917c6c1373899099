using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using static Koban.Domain.Tests.Invoicing.InvoicingTestData;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>Splitting amounts across rates and the totals of documents with deduction lines (domain-rules.md §5, §6).</summary>
public sealed class BillingTotalsTests
{
    [Test]
    public void A_split_in_proportion_adds_up_exactly_the_largest_weight_taking_the_remainder()
    {
        // 100 × 400/600 = 66.667 → 66.67 and 16.667 → 16.67 twice: 100.01; the largest takes 100 − 33.34 = 66.66.
        BillingTotals.SplitInProportion(100m, [400m, 100m, 100m]).ShouldBe([66.66m, 16.67m, 16.67m]);
        // 1.00 in three equal parts: 0.33 each, the first of the largest takes 0.34.
        BillingTotals.SplitInProportion(1m, [10m, 10m, 10m]).ShouldBe([0.34m, 0.33m, 0.33m]);
        // The largest by size, whatever the sign: 10 × 50/40 = 12.50, 10 × −10/40 = −2.50.
        BillingTotals.SplitInProportion(10m, [-10m, 50m]).ShouldBe([-2.50m, 12.50m]);
    }

    [Test]
    public void Nothing_to_split_across_is_refused()
    {
        Should.Throw<DomainException>(() => BillingTotals.SplitInProportion(10m, [])).Code.ShouldBe(ErrorCodes.DocumentHasNoPricedLine);
        Should.Throw<DomainException>(() => BillingTotals.SplitInProportion(10m, [10m, -10m])).Code.ShouldBe(ErrorCodes.DocumentHasNoPricedLine);
    }

    [Test]
    public void An_amount_including_vat_gives_bases_whose_total_is_that_amount()
    {
        // 120.00 TTC at 20 % alone: base 100.00.
        BillingTotals.SplitIncludingVat(120m, [(1m, 20m)], "amount").ShouldBe([100m]);
        // At 0 % the base is the amount.
        BillingTotals.SplitIncludingVat(99.99m, [(1m, 0m)], "amount").ShouldBe([99.99m]);
        // 500.00 over 400 @20 %, 100 @10 %, 100 @5.5 %: 287.57 + 71.89 + 71.89 = 431.35, VAT 57.51 + 7.19 + 3.95 = 68.65.
        BillingTotals.SplitIncludingVat(500m, [(400m, 20m), (100m, 10m), (100m, 5.5m)], "amount").ShouldBe([287.57m, 71.89m, 71.89m]);
    }

    [TestCase(12.03, 12.02, 12.04)]
    [TestCase(12.09, 12.08, 12.10)]
    public void An_unreachable_amount_including_vat_reports_the_nearest_totals(decimal amount, decimal below, decimal above)
    {
        // At 20 %: 10.07 → 12.08, 10.08 → 12.10 (2.016 → 2.02): 12.09 is skipped.
        var exception = Should.Throw<DomainException>(() => BillingTotals.SplitIncludingVat(amount, [(1m, 20m)], "amountIncludingVat"));

        exception.Code.ShouldBe(ErrorCodes.AmountIncludingVatUnreachable);
        exception.Field.ShouldBe("amountIncludingVat");
        exception.Arguments["below"].ShouldBe(below);
        exception.Arguments["above"].ShouldBe(above);
    }

    [Test]
    public void Deduction_lines_take_back_the_vat_given_not_the_vat_of_their_base()
    {
        // 100.00 @20 % (VAT 20.00), three deductions of 33.33 with their deposits' VAT 6.67 each (6.666 rounded):
        // base 0.01, VAT 20.00 − 20.01 = −0.01. Re-rounding 0.01 × 20 % would give 0.00.
        var lines = new List<BillingLineData> { new(FreeLine(1m, 100m, description: "Conseil")) };
        lines.AddRange(Enumerable.Range(0, 3).Select(_ => new BillingLineData(FreeLine(1m, -33.33m, description: "Déduction"), DeductedInvoiceId: Guid.NewGuid(), DeductedVat: 6.67m)));

        var totals = BillingTotals.Compute(lines);

        totals.LineNets.ShouldBe([100m, -33.33m, -33.33m, -33.33m]);
        totals.VatBreakdown.ShouldBe([new VatBreakdownLine(20m, 0.01m, -0.01m)]);
        totals.TotalExcludingVat.ShouldBe(0.01m);
        totals.TotalVat.ShouldBe(-0.01m);
        totals.TotalIncludingVat.ShouldBe(0m);
    }

    [Test]
    public void A_deduction_at_a_rate_with_no_ordinary_line_gets_its_own_row()
    {
        var lines = new List<BillingLineData>
        {
            new(FreeLine(1m, 50m, description: "Conseil")),
            new(FreeLine(1m, -10m, 5.5m, "Déduction"), DeductedInvoiceId: Guid.NewGuid(), DeductedVat: 0.55m),
        };

        var totals = BillingTotals.Compute(lines);

        totals.VatBreakdown.ShouldBe([new VatBreakdownLine(20m, 50m, 10m), new VatBreakdownLine(5.5m, -10m, -0.55m)]);
        totals.TotalIncludingVat.ShouldBe(49.45m);
    }

    [Test]
    public void Without_deductions_the_totals_are_the_document_engine_ones()
    {
        // 3 lines at 20 %: 0.015 × 1 → 0.02, 1.005 → 1.01, 2.675 → 2.68 (half away from zero); VAT on the sum 3.71 × 20 % = 0.742 → 0.74.
        var lines = new[] { 0.015m, 1.005m, 2.675m }.Select(p => new BillingLineData(FreeLine(1m, p, description: "Article"))).ToList();

        var totals = BillingTotals.Compute(lines);

        totals.ShouldBeEquivalentTo(DocumentTotals.Compute(lines.Select(l => l.Line.ToTotalsLine())));
        totals.LineNets.ShouldBe([0.02m, 1.01m, 2.68m]);
        totals.TotalVat.ShouldBe(0.74m);
    }
}
