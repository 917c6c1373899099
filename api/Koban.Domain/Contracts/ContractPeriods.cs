using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;

namespace Koban.Domain.Contracts;

/// <summary>
/// One billing period of a contract term: the days it covers (<see cref="Start"/> to <see cref="End"/>, both included),
/// the day it is invoiced, and — when the contract ends inside it — the share of the full period it still covers, in days.
/// </summary>
public sealed record BillingPeriod(int Index, DateOnly Start, DateOnly End, DateOnly BillingDate, int ServiceDays, int FullDays)
{
    /// <summary>A period cut short by the end of the contract (termination, expiry) or of a term that is not a whole
    /// number of periods.</summary>
    public bool IsPartial => ServiceDays < FullDays;

    /// <summary>The share billed, to six decimals, for display and storage; amounts are computed from the days themselves.</summary>
    public decimal ProRataFactor => IsPartial ? decimal.Round((decimal)ServiceDays / FullDays, 6, MidpointRounding.AwayFromZero) : 1m;

    public ServicePeriod Service => new(Start, End);

    /// <summary>What this period bills of a full period's amount: the amount itself, or its share by days rounded once
    /// to the cent (half away from zero).</summary>
    public decimal Share(decimal fullPeriodAmount) =>
        IsPartial ? Rounding.Amount(fullPeriodAmount * ServiceDays / FullDays) : fullPeriodAmount;
}

/// <summary>A contract as the revenue forecast sees it: its current term, how it bills, and what a full period costs
/// excluding VAT.</summary>
public sealed record ContractSchedule(
    DateOnly TermStart,
    int TermMonths,
    ContractPeriodicity Periodicity,
    BillingTiming Timing,
    bool TacitRenewal,
    DateOnly? LastServiceDay,
    decimal AmountPerPeriod);

/// <summary>
/// The period rules of subscription contracts (docs/contracts.md, "Periods and invoices").
/// <list type="bullet">
/// <item>Period <c>i</c> of a term starts at <c>termStart.AddMonths(i × months)</c>, always computed from the term's start,
/// never from the previous period: a monthly term from 31 January gives 31/01–27/02, 28/02–30/03, 31/03–29/04…, so a
/// month end lost in February comes back in March.</item>
/// <item>A period ends the day before the next one starts; the term ends the day before
/// <c>termStart.AddMonths(termMonths)</c>.</item>
/// <item>In advance (terme à échoir) a period is billed on its first day; in arrears (terme échu) the day after its last.</item>
/// <item>The last period is cut at the contract's last day of service (termination or expiry) and at the term's end; a cut
/// period bills its share by days: amount × service days ÷ days of the full period, rounded once per line to the cent.</item>
/// </list>
/// </summary>
public static class ContractPeriods
{
    public static int MonthsOf(ContractPeriodicity periodicity) => periodicity switch
    {
        ContractPeriodicity.Monthly => 1,
        ContractPeriodicity.Quarterly => 3,
        ContractPeriodicity.HalfYearly => 6,
        ContractPeriodicity.Yearly => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(periodicity), periodicity, null),
    };

    /// <summary>The last day of a term of <paramref name="termMonths"/> months starting on <paramref name="termStart"/>.</summary>
    public static DateOnly TermEnd(DateOnly termStart, int termMonths) => termStart.AddMonths(termMonths).AddDays(-1);

    /// <summary>The day a period covering <paramref name="start"/> to <paramref name="end"/> is invoiced.</summary>
    public static DateOnly BillingDate(DateOnly start, DateOnly end, BillingTiming timing) =>
        timing == BillingTiming.InAdvance ? start : end.AddDays(1);

    /// <summary>
    /// The periods of one term, in order. <paramref name="lastServiceDay"/> is the contract's last day of service when it
    /// ends inside the term (termination): periods starting after it do not exist and the one containing it is cut there.
    /// </summary>
    public static IReadOnlyList<BillingPeriod> OfTerm(
        DateOnly termStart, int termMonths, ContractPeriodicity periodicity, BillingTiming timing, DateOnly? lastServiceDay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);
        var months = MonthsOf(periodicity);
        var termEnd = TermEnd(termStart, termMonths);
        var last = lastServiceDay is { } day && day < termEnd ? day : termEnd;
        var periods = new List<BillingPeriod>();
        for (var i = 0; ; i++)
        {
            var start = termStart.AddMonths(i * months);
            if (start > last) break;
            var fullEnd = termStart.AddMonths((i + 1) * months).AddDays(-1);
            var end = fullEnd < last ? fullEnd : last;
            var fullDays = fullEnd.DayNumber - start.DayNumber + 1;
            var serviceDays = end.DayNumber - start.DayNumber + 1;
            periods.Add(new BillingPeriod(i, start, end, BillingDate(start, end, timing), serviceDays, fullDays));
        }
        return periods;
    }

    /// <summary>The periods of every term of <paramref name="contract"/> so far (its <see cref="Contract.Terms"/>), each term
    /// cut at the contract's last day (<see cref="Contract.EndDate"/>), with the number of the term they belong to.</summary>
    public static IReadOnlyList<(int Term, BillingPeriod Period)> OfContract(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return [.. contract.Terms.OrderBy(t => t.Number).SelectMany(t => OfTerm(t.Start, contract.TermMonths, contract.Periodicity, contract.Timing,
            contract.EndDate is { } end && end < t.End ? end : t.End).Select(p => (t.Number, p)))];
    }

    /// <summary>The periods whose billing date has come by <paramref name="today"/> (the catch-up list of a run), in order.</summary>
    public static IReadOnlyList<BillingPeriod> DueBy(IEnumerable<BillingPeriod> periods, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return [.. periods.Where(p => p.BillingDate <= today).OrderBy(p => p.Start)];
    }

    /// <summary>
    /// The invoice line billing a contract line for <paramref name="period"/>, carrying the period as its service period.
    /// A full period bills the line as it is; a cut one bills its share of the line's net, rounded once to the cent, as a
    /// lump sum (1 × share) labelled "(prorata 15/30 jours)", so the net printed is exactly the share.
    /// </summary>
    public static BillingLineData InvoiceLine(DocumentLineData line, BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(period);
        var data = line with { IsContractLine = false };
        if (!line.Kind.IsPriced()) return new BillingLineData(data);
        if (period.IsPartial)
        {
            var share = period.Share(DocumentTotals.LineNet(line.Quantity, line.UnitPrice, line.DiscountPercent));
            data = data with
            {
                Description = $"{line.Description} (prorata {period.ServiceDays}/{period.FullDays} jours)",
                Quantity = 1m,
                UnitCode = "C62",
                UnitPrice = share,
                DiscountPercent = 0m,
            };
        }
        return new BillingLineData(data, ServicePeriod: period.Service);
    }

    /// <summary>What <paramref name="period"/> bills of <paramref name="lines"/>, excluding VAT: the sum of the nets of
    /// <see cref="InvoiceLine"/> (each share rounded once, per line).</summary>
    public static decimal AmountOf(IEnumerable<DocumentLineData> lines, BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Where(l => l.Kind.IsPriced()).Select(l => InvoiceLine(l, period).Line)
            .Sum(l => DocumentTotals.LineNet(l.Quantity, l.UnitPrice, l.DiscountPercent));
    }

    /// <summary>The monthly equivalent of a period's amount (recurring revenue), rounded to the cent.</summary>
    public static decimal MonthlyEquivalent(decimal amountPerPeriod, ContractPeriodicity periodicity) =>
        Rounding.Amount(amountPerPeriod / MonthsOf(periodicity));

    /// <summary>
    /// Revenue to come per month, excluding VAT: for the current month and the eleven after it, the periods whose billing
    /// date falls in the month and after <paramref name="today"/> (what today's run already billed is revenue invoiced).
    /// A contract renewing tacitly is assumed to go on at today's prices; one without tacit renewal, or terminated, stops
    /// at its last day. Each period's share is rounded once; each month's sum is of rounded amounts.
    /// </summary>
    public static IReadOnlyList<MonthRevenue> RevenueToCome(DateOnly today, IEnumerable<ContractSchedule> contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var windowStart = new DateOnly(today.Year, today.Month, 1);
        var windowEnd = windowStart.AddMonths(MonthlyRevenue.Months).AddDays(-1);
        var byMonth = new Dictionary<(int, int), decimal>();
        foreach (var contract in contracts)
        {
            var termStart = contract.TermStart;
            while (termStart <= windowEnd)
            {
                foreach (var period in OfTerm(termStart, contract.TermMonths, contract.Periodicity, contract.Timing, contract.LastServiceDay))
                {
                    if (period.BillingDate <= today || period.BillingDate > windowEnd) continue;
                    var key = (period.BillingDate.Year, period.BillingDate.Month);
                    byMonth[key] = byMonth.GetValueOrDefault(key) + period.Share(contract.AmountPerPeriod);
                }
                var termEnd = TermEnd(termStart, contract.TermMonths);
                if (!contract.TacitRenewal || contract.LastServiceDay is { } lastDay && lastDay <= termEnd) break;
                termStart = termEnd.AddDays(1);
            }
        }
        return [.. Enumerable.Range(0, MonthlyRevenue.Months).Select(i => windowStart.AddMonths(i))
            .Select(d => new MonthRevenue(d.Year, d.Month, Rounding.Amount(byMonth.GetValueOrDefault((d.Year, d.Month)))))];
    }
}
