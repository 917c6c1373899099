using Koban.Domain.Common;
using Koban.Domain.Documents;

namespace Koban.Domain.Tests.Documents;

public sealed class DocumentTotalsTests
{
    private static TotalsLine Line(decimal quantity, decimal unitPrice, decimal vatRate, decimal discount = 0m) =>
        TotalsLine.Priced(quantity, unitPrice, vatRate, discount);

    [TestCase("0.005", "0.01")]
    [TestCase("-0.005", "-0.01")]
    [TestCase("0.125", "0.13", Description = "banker's rounding would give 0.12")]
    [TestCase("0.135", "0.14")]
    [TestCase("-2.675", "-2.68")]
    [TestCase("0.004999", "0.00")]
    public void A_line_net_rounds_half_away_from_zero_to_the_cent(string unitPrice, string net) =>
        DocumentTotals.LineNet(1m, decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture), 0m)
            .ShouldBe(decimal.Parse(net, System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public void Three_units_at_33_33_with_a_10_percent_discount_make_89_99()
    {
        var totals = DocumentTotals.Compute([Line(3m, 33.33m, 20m, discount: 10m)]);

        totals.LineNets.ShouldBe([89.99m]);
        totals.TotalExcludingVat.ShouldBe(89.99m);
        totals.TotalVat.ShouldBe(18.00m);
        totals.TotalIncludingVat.ShouldBe(107.99m);
    }

    [Test]
    public void Two_and_a_half_hours_at_73_3333_make_183_33() =>
        DocumentTotals.Compute([Line(2.5m, 73.3333m, 20m)]).LineNets.ShouldBe([183.33m]);

    [Test]
    public void A_full_discount_gives_a_zero_line() =>
        DocumentTotals.LineNet(4m, 12.5m, 100m).ShouldBe(0m);

    [Test]
    public void Several_rates_give_one_breakdown_row_each_ordered_by_rate_descending()
    {
        var totals = DocumentTotals.Compute([Line(1m, 50m, 5.5m), Line(1m, 100m, 20m), Line(2m, 5m, 10m), Line(1m, 30m, 20m)]);

        totals.VatBreakdown.Select(b => (b.Rate, b.Base, b.Vat)).ShouldBe([(20m, 130m, 26m), (10m, 10m, 1m), (5.5m, 50m, 2.75m)]);
        totals.TotalExcludingVat.ShouldBe(190m);
        totals.TotalVat.ShouldBe(29.75m);
        totals.TotalIncludingVat.ShouldBe(219.75m);
    }

    [Test]
    public void VAT_is_computed_on_each_rate_base_not_summed_from_the_lines()
    {
        // Three lines of 0.10 € at 5.5 %: per line 0.0055 → 0.01, i.e. 0.03 in total; per rate 0.30 × 5.5 % = 0.0165 → 0.02.
        var totals = DocumentTotals.Compute([Line(1m, 0.10m, 5.5m), Line(1m, 0.10m, 5.5m), Line(1m, 0.10m, 5.5m)]);

        var perLineSum = totals.LineNets.Sum(net => Rounding.Amount(net * 5.5m / 100m));
        perLineSum.ShouldBe(0.03m);
        totals.TotalVat.ShouldBe(0.02m);
        totals.VatBreakdown.ShouldHaveSingleItem().ShouldBe(new VatBreakdownLine(5.5m, 0.30m, 0.02m));
        totals.TotalIncludingVat.ShouldBe(0.32m);
    }

    [Test]
    public void The_total_excluding_VAT_is_the_sum_of_the_rounded_line_nets()
    {
        // Unrounded the lines sum to 0.015 (→ 0.02); rounded first they make 0.01 + 0.01 = 0.02, and 3 × 0.005 → 0.03.
        var totals = DocumentTotals.Compute([Line(1m, 0.005m, 20m), Line(1m, 0.005m, 20m), Line(1m, 0.005m, 20m)]);

        totals.LineNets.ShouldBe([0.01m, 0.01m, 0.01m]);
        totals.TotalExcludingVat.ShouldBe(0.03m);
    }

    [Test]
    public void A_zero_rated_line_has_a_base_and_no_VAT()
    {
        var totals = DocumentTotals.Compute([Line(1m, 100m, 20m), Line(2m, 40m, 0m)]);

        totals.VatBreakdown.Last().ShouldBe(new VatBreakdownLine(0m, 80m, 0m, VatCategory.Exempt));
        totals.TotalVat.ShouldBe(20m);
        totals.TotalIncludingVat.ShouldBe(200m);
    }

    [Test]
    public void Zero_rate_lines_of_different_categories_get_separate_breakdown_rows()
    {
        var totals = DocumentTotals.Compute(
        [
            new TotalsLine(LineKind.Product, 1m, 100m, 0m, 0m, VatCategory.IntraCommunitySupply),
            new TotalsLine(LineKind.Free, 1m, 50m, 0m, 0m, VatCategory.ReverseCharge),
        ]);

        totals.VatBreakdown.Count.ShouldBe(2);
        totals.VatBreakdown.Sum(b => b.Base).ShouldBe(150m);
        totals.TotalVat.ShouldBe(0m);
    }

    [Test]
    public void A_document_with_only_title_and_comment_lines_totals_zero()
    {
        var totals = DocumentTotals.Compute([TotalsLine.Title, new TotalsLine(LineKind.Comment, 0m, 0m, 0m, 0m)]);

        totals.LineNets.ShouldBe([0m, 0m]);
        totals.VatBreakdown.ShouldBeEmpty();
        totals.TotalExcludingVat.ShouldBe(0m);
        totals.TotalVat.ShouldBe(0m);
        totals.TotalIncludingVat.ShouldBe(0m);
    }

    [Test]
    public void Layout_lines_keep_their_place_in_the_line_nets()
    {
        var totals = DocumentTotals.Compute([TotalsLine.Title, Line(1m, 10m, 20m)]);

        totals.LineNets.ShouldBe([0m, 10m]);
    }

    [Test]
    public void An_empty_document_totals_zero()
    {
        var totals = DocumentTotals.Compute([]);

        totals.TotalIncludingVat.ShouldBe(0m);
        totals.VatBreakdown.ShouldBeEmpty();
        totals.LineNets.ShouldBeEmpty();
    }

    [Test]
    public void A_negative_line_such_as_a_discount_reduces_its_rate_base()
    {
        var totals = DocumentTotals.Compute([Line(1m, 100m, 20m), Line(1m, -15.5m, 20m)]);

        totals.VatBreakdown.ShouldHaveSingleItem().ShouldBe(new VatBreakdownLine(20m, 84.5m, 16.9m));
    }

    [Test]
    public void Rates_written_with_different_scales_fall_in_one_group() =>
        DocumentTotals.Compute([Line(1m, 10m, 20m), Line(1m, 10m, 20.00m)]).VatBreakdown.Count.ShouldBe(1);

    [Test]
    public void Bases_by_rate_merge_categories()
    {
        var totals = DocumentTotals.Compute(
        [
            new TotalsLine(LineKind.Free, 1m, 100m, 0m, 0m, VatCategory.IntraCommunitySupply),
            new TotalsLine(LineKind.Free, 1m, 50m, 0m, 0m, VatCategory.ReverseCharge),
            Line(1m, 10m, 20m),
        ]);

        totals.BaseByRate().ShouldBe(new Dictionary<decimal, decimal> { [0m] = 150m, [20m] = 10m }, ignoreOrder: true);
    }

    [TestCase("1.0001", "10", "0", "20", ErrorCodes.LineQuantityTooPrecise, "lines[0].quantity")]
    [TestCase("1", "10.00001", "0", "20", ErrorCodes.LineUnitPriceTooPrecise, "lines[0].unitPrice")]
    [TestCase("1", "10", "100.01", "20", ErrorCodes.LineDiscountOutOfRange, "lines[0].discountPercent")]
    [TestCase("1", "10", "-1", "20", ErrorCodes.LineDiscountOutOfRange, "lines[0].discountPercent")]
    [TestCase("1", "10", "10.005", "20", ErrorCodes.LineDiscountOutOfRange, "lines[0].discountPercent")]
    [TestCase("1", "10", "0", "-5", ErrorCodes.VatRateOutOfRange, "lines[0].vatRate")]
    public void Lines_beyond_the_allowed_precision_are_refused(string quantity, string unitPrice, string discount, string rate, string code, string field)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var exception = Should.Throw<DomainException>(() => DocumentTotals.Compute([Line(D(quantity), D(unitPrice), D(rate), D(discount))]));

        exception.Code.ShouldBe(code);
        exception.Field.ShouldBe(field);
    }

    [Test]
    public void A_standard_category_at_zero_percent_is_refused() =>
        Should.Throw<DomainException>(() => DocumentTotals.Compute([new TotalsLine(LineKind.Free, 1m, 10m, 0m, 0m, VatCategory.Standard)]))
            .Code.ShouldBe(ErrorCodes.VatCategoryRateMismatch);

    [Test]
    public void An_exempt_category_with_a_rate_is_refused() =>
        Should.Throw<DomainException>(() => DocumentTotals.Compute([new TotalsLine(LineKind.Free, 1m, 10m, 0m, 20m, VatCategory.Exempt)]))
            .Code.ShouldBe(ErrorCodes.VatCategoryRateMismatch);

    [Test]
    public void A_title_line_carrying_an_amount_is_refused() =>
        Should.Throw<DomainException>(() => DocumentTotals.Compute([Line(1m, 1m, 20m), new TotalsLine(LineKind.Title, 1m, 0m, 0m, 0m)]))
            .Field.ShouldBe("lines[1]");
}
