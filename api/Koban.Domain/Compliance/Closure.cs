using System.Globalization;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;

namespace Koban.Domain.Compliance;

/// <summary>One row of a closure's totals: the documents of one type having a breakdown row at this VAT rate and category.
/// Amounts are the documents' own (a credit note's are positive, as printed).</summary>
public sealed record ClosureTotalsRow(string DocumentType, decimal VatRate, VatCategory Category, int Count, decimal Base, decimal Vat, decimal TotalIncludingVat);

/// <summary>Grand totals: document count, and amounts net of credit notes (invoices minus credit notes).</summary>
public sealed record ClosureGrandTotals(int Count, decimal Base, decimal Vat, decimal TotalIncludingVat)
{
    public static readonly ClosureGrandTotals Zero = new(0, 0m, 0m, 0m);
}

/// <summary>What a closure needs of a validated invoice or credit note.</summary>
public sealed record ClosureDocument(string TypeCode, bool IsCreditNote, DateOnly IssueDate, long ChainSequence, string Number, string Fingerprint,
    IReadOnlyList<VatBreakdownLine> VatBreakdown, decimal TotalExcludingVat, decimal TotalVat, decimal TotalIncludingVat);

/// <summary>What the caller gathers inside the closing transaction (chain head locked).</summary>
public sealed record ClosureContext(
    DateOnly Today,
    DateTimeOffset ClosedAt,
    Guid? ClosedBy,
    string? ClosedByName,
    IReadOnlyList<(ClosureKind Kind, DateOnly Start)> ExistingClosures,
    DateOnly? FirstDocumentOutsideClosedMonths,
    long ChainSequence,
    string PreviousFingerprint);

/// <summary>
/// A periodic closure (domain-rules.md §8): the totals of a month or a fiscal year per document type, VAT rate and
/// category, for the period and cumulated since the start of the fiscal year, with the last document of the period; it
/// takes the next place in the company's fingerprint chain, so a closed period can be neither altered nor extended
/// without the chain showing it. Rules (docs/compliance.md, "Closures"):
/// <list type="bullet">
/// <item>a period is closed once, and only after its last day (in the company's time zone);</item>
/// <item>months are closed in order: a month closes only when no validated document lies in an earlier month that is
/// not closed (months without documents need no closure of their own), and never before the last closed month;</item>
/// <item>a fiscal year closes once its last month is closed (which, by the previous rule, covers all its documents).</item>
/// </list>
/// Periods follow issue dates; validation refuses a date inside a closed month, so a closure's totals never change.
/// </summary>
public sealed class Closure : ICompanyOwned
{
    private Closure()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public ClosureKind Kind { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly FiscalYearStart { get; private set; }
    public IReadOnlyList<ClosureTotalsRow> PeriodRows { get; private set; } = [];
    public ClosureGrandTotals PeriodTotals { get; private set; } = ClosureGrandTotals.Zero;
    public IReadOnlyList<ClosureTotalsRow> CumulativeRows { get; private set; } = [];
    public ClosureGrandTotals CumulativeTotals { get; private set; } = ClosureGrandTotals.Zero;

    /// <summary>The period's last document in chain order (null: no document in the period).</summary>
    public string? LastDocumentNumber { get; private set; }
    public long? LastDocumentSequence { get; private set; }
    public string? LastDocumentFingerprint { get; private set; }
    public DateTimeOffset ClosedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }
    public string? ClosedByName { get; private set; }
    public long ChainSequence { get; private set; }
    public string PreviousFingerprint { get; private set; } = string.Empty;
    public string Fingerprint { get; private set; } = string.Empty;

    public ClosurePeriod Period => Kind == ClosureKind.Month
        ? ClosurePeriod.Month(PeriodStart.Year, PeriodStart.Month, FiscalYearStart.Month)
        : ClosurePeriod.FiscalYearEndingIn(PeriodEnd.Year, FiscalYearStart.Month);

    /// <summary>Short type code in the chain: <c>CLO-Month</c> or <c>CLO-FiscalYear</c>.</summary>
    public string TypeCode => $"CLO-{Kind}";

    /// <summary>Checks the closing rules (see the class summary), throwing the matching domain error.</summary>
    public static void EnsureCanClose(ClosurePeriod period, ClosureContext context)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(context);
        if (context.ExistingClosures.Any(c => c.Kind == period.Kind && c.Start == period.Start))
        {
            throw new DomainConflictException(ErrorCodes.ClosureAlreadyClosed, $"The period {period.Label} is already closed.")
            {
                Arguments = new Dictionary<string, object> { ["period"] = period.Label },
            };
        }
        if (period.End >= context.Today)
        {
            throw new DomainException(ErrorCodes.ClosurePeriodNotEnded, $"The period {period.Label} has not ended.")
            {
                Field = period.Kind == ClosureKind.Month ? "month" : "year",
                Arguments = new Dictionary<string, object> { ["period"] = period.Label, ["end"] = period.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) },
            };
        }
        if (period.Kind == ClosureKind.Month)
        {
            var lastMonth = context.ExistingClosures.Where(c => c.Kind == ClosureKind.Month).Select(c => (DateOnly?)c.Start).Max();
            if (lastMonth is { } last && last > period.Start)
            {
                throw new DomainException(ErrorCodes.ClosureOutOfOrder, "Months are closed in order; a later month is already closed.")
                {
                    Field = "month",
                    Arguments = new Dictionary<string, object> { ["lastClosed"] = last.ToString("yyyy-MM", CultureInfo.InvariantCulture) },
                };
            }
            if (context.FirstDocumentOutsideClosedMonths is { } first && first < period.Start)
            {
                throw new DomainException(ErrorCodes.ClosurePreviousMonthOpen, "An earlier month with documents is not closed yet.")
                {
                    Field = "month",
                    Arguments = new Dictionary<string, object> { ["month"] = first.ToString("yyyy-MM", CultureInfo.InvariantCulture) },
                };
            }
        }
        else
        {
            var lastMonth = period.LastMonth(period.FiscalYearStart.Month);
            if (!context.ExistingClosures.Any(c => c.Kind == ClosureKind.Month && c.Start == lastMonth.Start))
            {
                throw new DomainException(ErrorCodes.ClosureMonthsOpen, "A fiscal year closes after its last month.")
                {
                    Field = "year",
                    Arguments = new Dictionary<string, object> { ["month"] = lastMonth.Label },
                };
            }
        }
    }

    /// <summary>
    /// Closes the period: <paramref name="fiscalYearDocuments"/> are the validated documents dated from the start of
    /// the fiscal year to the end of the period (those of the period give the period totals, all of them the cumulative ones).
    /// </summary>
    public static Closure Close(Guid id, Guid companyId, ClosurePeriod period, ClosureContext context, IEnumerable<ClosureDocument> fiscalYearDocuments)
    {
        ArgumentNullException.ThrowIfNull(fiscalYearDocuments);
        EnsureCanClose(period, context);
        var all = fiscalYearDocuments.Where(d => d.IssueDate >= period.FiscalYearStart && d.IssueDate <= period.End).ToList();
        var inPeriod = all.Where(d => period.Contains(d.IssueDate)).ToList();
        var last = inPeriod.MaxBy(d => d.ChainSequence);
        var closure = new Closure
        {
            Id = id,
            CompanyId = companyId,
            Kind = period.Kind,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            FiscalYearStart = period.FiscalYearStart,
            PeriodRows = Rows(inPeriod),
            PeriodTotals = Grand(inPeriod),
            CumulativeRows = Rows(all),
            CumulativeTotals = Grand(all),
            LastDocumentNumber = last?.Number,
            LastDocumentSequence = last?.ChainSequence,
            LastDocumentFingerprint = last?.Fingerprint,
            ClosedAt = context.ClosedAt,
            ClosedBy = context.ClosedBy,
            ClosedByName = context.ClosedByName,
            ChainSequence = context.ChainSequence,
            PreviousFingerprint = context.PreviousFingerprint,
        };
        closure.Fingerprint = closure.RecomputeFingerprint();
        return closure;
    }

    public string RecomputeFingerprint() => DocumentFingerprint.Compute(ClosureFingerprint.Canonical(this));

    /// <summary>Rows in a fixed order: document type (ordinal), rate descending, category code (ordinal).</summary>
    internal static IReadOnlyList<ClosureTotalsRow> Rows(IEnumerable<ClosureDocument> documents) =>
        [.. documents
            .SelectMany(d => d.VatBreakdown.Select(r => (d.TypeCode, r)))
            .GroupBy(x => (x.TypeCode, x.r.Rate, x.r.Category))
            .Select(g => new ClosureTotalsRow(g.Key.TypeCode, g.Key.Rate, g.Key.Category, g.Count(), g.Sum(x => x.r.Base), g.Sum(x => x.r.Vat), g.Sum(x => x.r.Base + x.r.Vat)))
            .OrderBy(r => r.DocumentType, StringComparer.Ordinal).ThenByDescending(r => r.VatRate).ThenBy(r => r.Category.Code(), StringComparer.Ordinal)];

    internal static ClosureGrandTotals Grand(IReadOnlyCollection<ClosureDocument> documents)
    {
        decimal Signed(ClosureDocument d, decimal amount) => d.IsCreditNote ? -amount : amount;
        return new ClosureGrandTotals(documents.Count, documents.Sum(d => Signed(d, d.TotalExcludingVat)), documents.Sum(d => Signed(d, d.TotalVat)),
            documents.Sum(d => Signed(d, d.TotalIncludingVat)));
    }
}
