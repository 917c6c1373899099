using Koban.Domain.Common;

namespace Koban.Domain.Accounting.Export;

public enum AccountingExportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One requested export of a period's journal entries (table <c>accounting_exports</c>): queued by a user, run by a background
/// worker that numbers the entries, writes the file while hashing it and stores it in chunks (<c>accounting_export_chunks</c>);
/// the finished file stays re-downloadable with its SHA-256. The row is the record of who exported what, when.
/// </summary>
public sealed class AccountingExport : ICompanyOwned
{
    /// <summary>The error message kept on a failed export is cut to this length.</summary>
    public const int ErrorMaxLength = 2000;

    private AccountingExport()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public AccountingExportFormat Format { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }

    /// <summary>The layout options as JSON (FEC separator and encoding, or the CSV layout), as they were when requested.</summary>
    public string Options { get; private set; } = "{}";
    public AccountingExportStatus Status { get; private set; }
    public long RowsWritten { get; private set; }
    public long? RowsTotal { get; private set; }
    public Guid? RequestedBy { get; private set; }
    public string? RequestedByName { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>While Running: until when the worker that claimed it owns it (extended with each progress report); past it, another worker may take it over.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }
    public int Attempts { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? Size { get; private set; }
    public string? Sha256 { get; private set; }
    public int? EntryCount { get; private set; }
    public string? Error { get; private set; }

    /// <summary>
    /// Queues an export of <paramref name="from"/>–<paramref name="to"/>. The period lies within one fiscal year
    /// (domain-rules.md §9: a FEC never spans two; the same rule holds for every format so that numbering, lettering and the
    /// file name always refer to one fiscal year): a period running into the next fiscal year is refused — export each
    /// fiscal year on its own.
    /// </summary>
    public static AccountingExport Request(AccountingExportFormat format, DateOnly from, DateOnly to, int fiscalYearStartMonth, string options, Guid? requestedBy,
        string? requestedByName, DateTimeOffset now)
    {
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        CheckOneFiscalYear(from, to, fiscalYearStartMonth);
        return new AccountingExport
        {
            Id = Guid.CreateVersion7(),
            Format = format,
            PeriodFrom = from,
            PeriodTo = to,
            Options = options,
            Status = AccountingExportStatus.Queued,
            RequestedBy = requestedBy,
            RequestedByName = requestedByName,
            RequestedAt = now,
        };
    }

    /// <summary>Refuses (<see cref="ErrorCodes.AccountingExportSpansFiscalYears"/>, on <c>to</c>) a period that ends after the fiscal year of its first day.</summary>
    public static void CheckOneFiscalYear(DateOnly from, DateOnly to, int fiscalYearStartMonth)
    {
        var end = FiscalYear.EndOf(from, fiscalYearStartMonth);
        if (to <= end) return;
        throw new DomainException(ErrorCodes.AccountingExportSpansFiscalYears, $"The period runs past the fiscal year closing on {end:yyyy-MM-dd}.")
        {
            Field = "to",
            Arguments = new Dictionary<string, object> { ["fiscalYearEnd"] = end.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) },
        };
    }

    /// <summary>0–100: rows written over rows to write; 100 once completed.</summary>
    public int ProgressPercent => Status == AccountingExportStatus.Completed ? 100
        : RowsTotal is > 0 and var total ? (int)Math.Min(99, RowsWritten * 100 / total) : 0;
}

/// <summary>One piece (at most <see cref="MaxSize"/> bytes) of an export's file, in order of <see cref="Index"/>.</summary>
public sealed class AccountingExportChunk
{
    public const int MaxSize = 1 << 20;

    private AccountingExportChunk()
    {
    }

    public Guid ExportId { get; private set; }
    public int Index { get; private set; }
    public byte[] Data { get; private set; } = [];
}

/// <summary>Lettering codes (EcritureLet) from a settled invoice's place in the document chain: 1 → A, 26 → Z, 27 → AA, 28 → AB…</summary>
public static class LetteringCode
{
    public static string From(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        var n = sequence;
        while (n > 0)
        {
            n--;
            buffer[--i] = (char)('A' + (int)(n % 26));
            n /= 26;
        }
        return new string(buffer[i..]);
    }
}
