using Koban.Domain.Common;

namespace Koban.Domain.Documents;

/// <summary>One row of the per-rate VAT breakdown (EN 16931 BG-23): the base and the VAT of one rate and category.</summary>
public sealed record VatBreakdownLine(decimal Rate, decimal Base, decimal Vat, VatCategory Category = VatCategory.Standard);

/// <summary>
/// The totals of a document, computed once by <see cref="Compute"/> for quotes, orders, invoices and credit notes alike
/// (domain-rules.md §5). Validated documents store this breakdown and never recompute it.
/// </summary>
public sealed record DocumentTotals(
    decimal TotalExcludingVat,
    IReadOnlyList<VatBreakdownLine> VatBreakdown,
    decimal TotalVat,
    decimal TotalIncludingVat,
    IReadOnlyList<decimal> LineNets)
{
    public static DocumentTotals Empty { get; } = new(0m, [], 0m, 0m, []);

    /// <summary>Line net = round(quantity × unit price × (1 − discount %), 2), half away from zero (domain-rules.md §5).
    /// The only rounding of a line: the product is exact in <see cref="decimal"/> (28 significant digits).</summary>
    public static decimal LineNet(decimal quantity, decimal unitPrice, decimal discountPercent) =>
        Rounding.Amount(quantity * unitPrice * (100m - discountPercent) / 100m);

    /// <summary>
    /// EN 16931 arithmetic (BR-CO-10, BR-CO-14, BR-S-08): the net total is the sum of the rounded line nets; VAT is
    /// computed once per rate on the sum of that rate's nets, never summed from per-line VAT, which would drift by
    /// cents. <see cref="LineNets"/> follows the input order, 0 for layout lines.
    /// </summary>
    public static DocumentTotals Compute(IEnumerable<TotalsLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var nets = new List<decimal>();
        var bases = new Dictionary<(decimal Rate, VatCategory Category), decimal>();
        var index = 0;
        foreach (var line in lines)
        {
            LineAmountRules.Check(line.Kind, line.Quantity, line.UnitPrice, line.DiscountPercent, line.VatRate, line.VatCategory, $"lines[{index}]");
            index++;
            if (!line.Kind.IsPriced())
            {
                nets.Add(0m);
                continue;
            }

            var net = LineNet(line.Quantity, line.UnitPrice, line.DiscountPercent);
            nets.Add(net);
            // Rates are grouped with their category too: EN 16931 wants one BG-23 per category and rate, so 0 % exempt
            // and 0 % reverse-charge lines on one invoice get separate rows (both with 0 VAT, so totals are unchanged).
            // decimal equality ignores scale, so 20 and 20.00 fall in one group.
            var key = (line.VatRate, line.VatCategory);
            bases[key] = bases.GetValueOrDefault(key) + net;
        }

        var breakdown = bases
            .Select(b => new VatBreakdownLine(b.Key.Rate, b.Value, Rounding.Amount(b.Value * b.Key.Rate / 100m), b.Key.Category))
            .OrderByDescending(b => b.Rate)
            .ThenBy(b => b.Category)
            .ToList();
        var totalExcludingVat = nets.Sum();
        var totalVat = breakdown.Sum(b => b.Vat);
        return new DocumentTotals(totalExcludingVat, breakdown, totalVat, totalExcludingVat + totalVat, nets);
    }

    /// <summary>The base of each rate, categories merged: what the order billing ledger tracks (domain-rules.md §6).</summary>
    public IReadOnlyDictionary<decimal, decimal> BaseByRate() =>
        VatBreakdown.GroupBy(b => b.Rate).ToDictionary(g => g.Key, g => g.Sum(b => b.Base));
}
