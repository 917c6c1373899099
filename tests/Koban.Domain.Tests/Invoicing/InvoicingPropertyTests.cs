using CsCheck;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>
/// Property tests (CsCheck): random orders (1–8 lines, rates 20 / 10 / 5.5 / 2.1 / 0 exempt, quantities with 0–3 decimals,
/// unit prices with up to 4, discounts, sometimes a negative discount line) and random sequences of deposits, intermediate
/// invoices and credit notes, finished by a balance. A failure is shrunk to a small counter-example, printed with its seed
/// (re-run it by passing that seed to <c>Sample</c>).
/// </summary>
public sealed class InvoicingPropertyTests
{
    /// <summary>300 cases per property by default; set KOBAN_PROPERTY_ITERATIONS for a longer hunt.</summary>
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("KOBAN_PROPERTY_ITERATIONS"), out var n) ? n : 300;

    [Test]
    public void Invoices_never_exceed_the_order_and_the_balance_completes_it()
    {
        var played = 0;
        var accepted = 0;

        InvoicingGen.Mixed.Sample(scenario =>
        {
            var runner = ScenarioRunner.Play(scenario);
            if (runner is null)
                return;
            Interlocked.Increment(ref played);
            Interlocked.Add(ref accepted, runner.Accepted);
        }, iter: Iterations, print: s => s.ToString());

        // The generators must exercise the domain, not only its refusals.
        TestContext.Out.WriteLine($"{played} orders played, {accepted} documents validated");
        played.ShouldBeGreaterThan(Iterations * 9 / 10);
        accepted.ShouldBeGreaterThan(played * 2);
    }

    [Test]
    public void Deposits_and_balance_add_up_to_the_order_to_the_cent_per_rate()
    {
        var played = 0;

        InvoicingGen.DepositsOnly.Sample(scenario =>
        {
            var runner = ScenarioRunner.Play(scenario);
            if (runner is null)
                return;
            Interlocked.Increment(ref played);
            var flow = runner.Flow;
            var corrections = flow.CreditNotes.Where(c => c.Reason == CreditReason.Correction).ToList();
            var documents = flow.Invoices.SelectMany(i => i.VatBreakdown).ToList();
            var corrected = corrections.SelectMany(c => c.VatBreakdown).ToList();

            (flow.Invoices.Sum(i => i.TotalIncludingVat) - corrections.Sum(c => c.TotalIncludingVat)).ShouldBe(flow.Order.TotalIncludingVat, "TTC");
            foreach (var row in flow.Order.ComputeTotals().VatBreakdown)
            {
                (documents.Sum(row.Rate, r => r.Base) - corrected.Sum(row.Rate, r => r.Base)).ShouldBe(row.Base, $"base at {row.Rate} %");
                (documents.Sum(row.Rate, r => r.Vat) - corrected.Sum(row.Rate, r => r.Vat)).ShouldBe(row.Vat, $"VAT at {row.Rate} %");
            }
        }, iter: Iterations, print: s => s.ToString());

        played.ShouldBeGreaterThan(Iterations * 9 / 10);
    }

    [Test]
    public void A_split_in_proportion_adds_up_and_stays_within_a_cent_of_each_exact_share()
    {
        var gen = Gen.Select(Gen.Int[1, 10_000_000].Select(n => n / 100m), Gen.Int[1, 1_000_000].Select(n => n / 100m).Array[1, 5]);

        gen.Sample((total, weights) =>
        {
            var parts = BillingTotals.SplitInProportion(total, weights);

            parts.Sum().ShouldBe(total);
            var sum = weights.Sum();
            for (var i = 0; i < parts.Count; i++)
            {
                Rounding.Amount(parts[i]).ShouldBe(parts[i]);
                Math.Abs(parts[i] - (total * weights[i] / sum)).ShouldBeLessThanOrEqualTo(0.005m * weights.Length);
            }
        }, iter: 1000);
    }

    [Test]
    public void An_amount_including_vat_is_reproduced_exactly_or_refused_with_reachable_neighbours()
    {
        var rows = Gen.Select(Gen.Int[1, 1_000_000].Select(n => n / 100m), Gen.OneOf(20m, 10m, 5.5m, 2.1m, 0m), (weight, rate) => (weight, rate)).Array[1, 4]
            .Select(a => a.DistinctBy(r => r.rate).ToArray());
        var gen = Gen.Select(Gen.Int[1, 10_000_000].Select(n => n / 100m), rows);

        gen.Sample((amount, split) =>
        {
            try
            {
                var parts = BillingTotals.SplitIncludingVat(amount, split, "amount");
                DocumentTotalsOf(parts, split).ShouldBe(amount);
            }
            catch (DomainException exception) when (exception.Code == ErrorCodes.AmountIncludingVatUnreachable)
            {
                var below = (decimal)exception.Arguments["below"];
                var above = (decimal)exception.Arguments["above"];
                below.ShouldBeLessThan(amount);
                above.ShouldBeGreaterThan(amount);
                DocumentTotalsOf(BillingTotals.SplitIncludingVat(below, split, "amount"), split).ShouldBe(below);
                DocumentTotalsOf(BillingTotals.SplitIncludingVat(above, split, "amount"), split).ShouldBe(above);
            }
        }, iter: 1000);
    }

    /// <summary>The total including VAT of one line per row at these bases, as the document engine computes it.</summary>
    private static decimal DocumentTotalsOf(IReadOnlyList<decimal> parts, (decimal Weight, decimal Rate)[] rows) =>
        DocumentTotals.Compute(parts.Select((p, i) => new TotalsLine(LineKind.Free, 1m, p, 0m, rows[i].Rate,
            rows[i].Rate == 0m ? VatCategory.Exempt : VatCategory.Standard))).TotalIncludingVat;
}
