using Koban.Domain.Common;

namespace Koban.Domain.Accounting;

public enum JournalKind
{
    Sales,
    Bank,
    Miscellaneous,
}

/// <summary>What caused an entry.</summary>
public enum EntrySource
{
    Invoice,
    CreditNote,
    Receipt,
    Refund,
    PaymentCancelled,
    WriteOff,
    WriteOffCancelled,
    VatOnReceipt,
    VatOnReceiptCancelled,
    ReceiptIdentified,
}

/// <summary>One debit or credit of an entry, with the accounts and labels copied at posting time.</summary>
public sealed class JournalLine
{
    private JournalLine()
    {
    }

    public Guid Id { get; private set; }
    public Guid EntryId { get; private set; }
    public int Position { get; private set; }
    public string Account { get; private set; } = string.Empty;
    public string AccountLabel { get; private set; } = string.Empty;
    public string? AuxiliaryAccount { get; private set; }
    public string? AuxiliaryLabel { get; private set; }
    public string Label { get; private set; } = string.Empty;
    public decimal Debit { get; private set; }
    public decimal Credit { get; private set; }

    /// <summary>On VAT lines and the bases they tax: the rate (percent), for the VAT return.</summary>
    public decimal? VatRate { get; private set; }

    /// <summary>On VAT lines: the taxable base the VAT was computed on (signed like the VAT: credit positive).</summary>
    public decimal? VatBase { get; private set; }

    /// <summary>The invoice a customer-account line belongs to, for lettering.</summary>
    public Guid? InvoiceId { get; private set; }

    /// <summary>On the revenue (or bad-debt) lines of a sale: how VAT treats it, for the VAT return's non-taxable lines.</summary>
    public VatTreatmentKind? Treatment { get; private set; }

    internal static JournalLine Create(Guid entryId, int position, PostingLine p) => new()
    {
        Id = Guid.CreateVersion7(),
        EntryId = entryId,
        Position = position,
        Account = p.Account,
        AccountLabel = p.AccountLabel,
        AuxiliaryAccount = p.AuxiliaryAccount,
        AuxiliaryLabel = p.AuxiliaryLabel,
        Label = p.Label,
        Debit = p.Debit,
        Credit = p.Credit,
        VatRate = p.VatRate,
        VatBase = p.VatBase,
        InvoiceId = p.InvoiceId,
        Treatment = p.Treatment,
    };
}

/// <summary>A line as the posting rules build it, before it belongs to an entry.</summary>
public sealed record PostingLine(
    string Account,
    string AccountLabel,
    string Label,
    decimal Debit,
    decimal Credit,
    string? AuxiliaryAccount = null,
    string? AuxiliaryLabel = null,
    decimal? VatRate = null,
    decimal? VatBase = null,
    Guid? InvoiceId = null,
    VatTreatmentKind? Treatment = null);

/// <summary>
/// An accounting entry (domain-rules.md §9): balanced, dated, written in the same transaction as the validation or
/// payment that causes it and never changed afterwards — the database refuses it (triggers), except for the one-time
/// setting of <see cref="Number"/> (EcritureNum, given per journal and fiscal year at the first export) and of
/// <see cref="ExportId"/> (the export batch that first carried it). Corrections are new entries (reversals).
/// </summary>
public sealed class JournalEntry : ICompanyOwned
{
    private readonly List<JournalLine> _lines = [];

    private JournalEntry()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public JournalKind Journal { get; private set; }
    public string JournalCode { get; private set; } = string.Empty;
    public string JournalLabel { get; private set; } = string.Empty;

    /// <summary>EcritureDate: the accounting date (document date, payment date).</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The closing date of the fiscal year the entry belongs to: numbering restarts with each fiscal year.</summary>
    public DateOnly FiscalYearEnd { get; private set; }
    public string PieceRef { get; private set; } = string.Empty;
    public DateOnly PieceDate { get; private set; }
    public string Label { get; private set; } = string.Empty;
    public EntrySource Source { get; private set; }
    public Guid SourceId { get; private set; }

    /// <summary>Creation order within the company (a database identity): ties between entries of one date.</summary>
    public long Sequence { get; private set; }

    /// <summary>ValidDate: the day the entry was written.</summary>
    public DateOnly ValidationDate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int? Number { get; private set; }
    public Guid? ExportId { get; private set; }
    public IReadOnlyList<JournalLine> Lines => _lines.OrderBy(l => l.Position).ToList();

    public decimal TotalDebit => _lines.Sum(l => l.Debit);
    public decimal TotalCredit => _lines.Sum(l => l.Credit);

    public static JournalEntry Create(JournalKind journal, JournalSetting setting, DateOnly date, int fiscalYearStartMonth, string pieceRef, DateOnly pieceDate,
        string label, EntrySource source, Guid sourceId, DateOnly validationDate, DateTimeOffset now, IEnumerable<PostingLine> lines)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var entry = new JournalEntry
        {
            Id = Guid.CreateVersion7(),
            Journal = journal,
            JournalCode = setting.Code,
            JournalLabel = setting.Label,
            Date = date,
            FiscalYearEnd = FiscalYear.EndOf(date, fiscalYearStartMonth),
            PieceRef = pieceRef,
            PieceDate = pieceDate,
            Label = label,
            Source = source,
            SourceId = sourceId,
            ValidationDate = validationDate,
            CreatedAt = now,
        };
        var position = 0;
        foreach (var line in Normalise(lines))
            entry._lines.Add(JournalLine.Create(entry.Id, position++, line));
        if (entry._lines.Count < 2 || entry.TotalDebit != entry.TotalCredit)
            throw new InvalidOperationException($"Unbalanced entry {pieceRef}: debit {entry.TotalDebit} ≠ credit {entry.TotalCredit}.");
        return entry;
    }

    /// <summary>The day a mirror entry of this one is dated when it is reversed on <paramref name="today"/>: today, never before
    /// the entry itself (a payment dated later than today is cancelled as of its own date).</summary>
    public DateOnly ReversalDate(DateOnly today) => today < Date ? Date : today;

    /// <summary>The mirror entry (debits become credits) dated <paramref name="date"/>: how a cancelled payment leaves the books.</summary>
    public JournalEntry Reverse(EntrySource source, DateOnly date, int fiscalYearStartMonth, string label, DateOnly validationDate, DateTimeOffset now) =>
        Create(Journal, new JournalSetting(JournalCode, JournalLabel), date, fiscalYearStartMonth, PieceRef, date, label, source, SourceId, validationDate, now,
            Lines.Select(l => new PostingLine(l.Account, l.AccountLabel, label, l.Credit, l.Debit, l.AuxiliaryAccount, l.AuxiliaryLabel, l.VatRate,
                l.VatBase is { } b ? -b : null, l.InvoiceId, l.Treatment)));

    /// <summary>A negative amount changes side; zero lines disappear; each line is rounded to the cent once, here.</summary>
    private static IEnumerable<PostingLine> Normalise(IEnumerable<PostingLine> lines)
    {
        foreach (var line in lines)
        {
            var net = Rounding.Amount(line.Debit) - Rounding.Amount(line.Credit);
            if (net == 0m) continue;
            yield return net > 0m ? line with { Debit = net, Credit = 0m } : line with { Debit = 0m, Credit = -net };
        }
    }
}

/// <summary>Fiscal years: twelve months from the company's start month (January by default).</summary>
public static class FiscalYear
{
    public static DateOnly EndOf(DateOnly date, int startMonth)
    {
        if (startMonth is < 1 or > 12) startMonth = 1;
        var startYear = date.Month >= startMonth ? date.Year : date.Year - 1;
        return new DateOnly(startYear, startMonth, 1).AddYears(1).AddDays(-1);
    }

    public static DateOnly StartOf(DateOnly date, int startMonth) => EndOf(date, startMonth).AddDays(1).AddYears(-1);
}
