using Koban.Domain.Common;
using Koban.Domain.Documents;

namespace Koban.Domain.Invoicing;

/// <summary>
/// The totals of an invoice or credit note. Ordinary lines go through the one engine (<see cref="DocumentTotals.Compute"/>:
/// VAT per rate on the sum of nets). Deduction lines of a balance invoice then take back, at their rate and category, the
/// base and the VAT exactly as the deposit invoiced them (domain-rules.md §6): re-rounding the VAT on the net base could
/// leave the deposits and the balance a cent away from the order's VAT, and the VAT collected on the order would no
/// longer be the VAT of the order.
/// </summary>
public static class BillingTotals
{
    public static DocumentTotals Compute(IEnumerable<BillingLineData> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        var regular = DocumentTotals.Compute(list.Select(l => l.IsDeduction ? ZeroLayout(l) : l.Line.ToTotalsLine()));
        var deductions = list.Where(l => l.IsDeduction).ToList();
        if (deductions.Count == 0)
            return regular;

        var rows = regular.VatBreakdown.ToDictionary(r => (r.Rate, r.Category), r => (r.Base, r.Vat));
        var nets = regular.LineNets.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].IsDeduction)
                continue;
            var line = list[i].Line;
            var net = DocumentTotals.LineNet(line.Quantity, line.UnitPrice, line.DiscountPercent);
            nets[i] = net;
            (decimal Rate, VatCategory Category) key = (line.VatRate, line.VatCategory);
            var (b, v) = rows.GetValueOrDefault(key);
            rows[key] = (b + net, v - list[i].DeductedVat);
        }

        var breakdown = rows
            .Select(r => new VatBreakdownLine(r.Key.Rate, r.Value.Item1, r.Value.Item2, r.Key.Category))
            .OrderByDescending(r => r.Rate).ThenBy(r => r.Category)
            .ToList();
        var totalExcludingVat = nets.Sum();
        var totalVat = breakdown.Sum(r => r.Vat);
        return new DocumentTotals(totalExcludingVat, breakdown, totalVat, totalExcludingVat + totalVat, nets);
    }

    private static TotalsLine ZeroLayout(BillingLineData line) => new(LineKind.Comment, 0m, 0m, 0m, 0m, VatCategory.Standard);

    /// <summary>
    /// Splits a base across weighted rows (the order's or the invoice's per-rate bases) in proportion, each part rounded
    /// to the cent and the row with the largest weight taking the remainder, so the parts add up exactly (domain-rules.md §6).
    /// </summary>
    public static IReadOnlyList<decimal> SplitInProportion(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = weights.Sum();
        if (weights.Count == 0 || sum == 0m)
            throw new DomainException(ErrorCodes.DocumentHasNoPricedLine, "Nothing to split the amount across.") { Field = "lines" };
        var largest = 0;
        for (var i = 1; i < weights.Count; i++)
        {
            if (Math.Abs(weights[i]) > Math.Abs(weights[largest]))
                largest = i;
        }

        var parts = weights.Select(w => Rounding.Amount(total * w / sum)).ToArray();
        parts[largest] = total - parts.Where((_, i) => i != largest).Sum();
        return parts;
    }

    /// <summary>
    /// The per-row bases whose document total including VAT is exactly <paramref name="totalIncludingVat"/>: the base total
    /// is searched around its exact value, split in proportion each time, until the rounded VAT lands on the amount.
    /// Some amounts cannot be reached (at 20 %, a base step of 1 cent moves the total by 1 or 2 cents): then the nearest
    /// reachable totals are reported instead of a document that would not match what the user typed.
    /// </summary>
    public static IReadOnlyList<decimal> SplitIncludingVat(decimal totalIncludingVat, IReadOnlyList<(decimal Weight, decimal Rate)> rows, string field)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var weights = rows.Select(r => r.Weight).ToList();
        var sum = weights.Sum();
        if (rows.Count == 0 || sum == 0m)
            throw new DomainException(ErrorCodes.DocumentHasNoPricedLine, "Nothing to split the amount across.") { Field = "lines" };
        var grossPerNet = rows.Sum(r => r.Weight * (100m + r.Rate) / 100m) / sum;
        var start = Rounding.Amount(totalIncludingVat / grossPerNet);
        decimal? below = null, above = null;
        for (var step = 0; step <= 40; step++)
        {
            foreach (var candidate in step == 0 ? [start] : new[] { start - (step * 0.01m), start + (step * 0.01m) })
            {
                var parts = SplitInProportion(candidate, weights);
                var gross = candidate + parts.Select((p, i) => Rounding.Amount(p * rows[i].Rate / 100m)).Sum();
                if (gross == totalIncludingVat)
                    return parts;
                if (gross < totalIncludingVat && (below is null || gross > below)) below = gross;
                if (gross > totalIncludingVat && (above is null || gross < above)) above = gross;
            }
        }

        throw new DomainException(ErrorCodes.AmountIncludingVatUnreachable, "No base gives exactly this amount including VAT.")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["below"] = below ?? 0m, ["above"] = above ?? 0m },
        };
    }
}
