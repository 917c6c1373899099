using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Accounting;
using Koban.Domain.Accounting.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Koban.Api.Features.Accounting;

/// <summary>Settings under <c>Koban:AccountingExport</c>.</summary>
public sealed class AccountingExportSettings
{
    /// <summary>Whether this instance runs the export worker (default true).</summary>
    public bool Worker { get; set; } = true;

    /// <summary>How often the worker looks for queued exports when nobody wakes it (default 5 s).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long a running export belongs to its worker without a progress report before another may take it over (default 5 min).</summary>
    public double LeaseMinutes { get; set; } = 5;

    /// <summary>Rows between two progress reports (default 5 000).</summary>
    public int ProgressEvery { get; set; } = 5_000;

    /// <summary>Attempts (a worker dying mid-export leaves one) before an export is marked Failed (default 3).</summary>
    public int MaxAttempts { get; set; } = 3;
}

/// <summary>Wakes this instance's export worker as soon as an export is queued here.</summary>
public sealed class AccountingExportSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount > 0) return;
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    public Task WaitAsync(CancellationToken ct) => _signal.WaitAsync(ct);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Runs queued accounting exports. Each is claimed by one statement (<c>UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)</c>)
/// that marks it Running with a lease, so two API instances never run the same export; a worker that dies leaves a lease
/// that expires, and another instance runs the export again from the start (nothing of the first attempt was committed).
/// <para>
/// One export is one transaction, serialised per company by <c>pg_advisory_xact_lock</c>: number the unnumbered entries of the
/// period's fiscal year(s) up to the period's end (EcritureNum per journal and fiscal year, continuing the last number, in
/// order of date then creation; one <c>UPDATE</c> with <c>row_number()</c>; numbers are never changed), stamp the period's
/// entries not yet exported with the export's id, stream the period's lines (journal, fiscal year, number, position) from a
/// data reader through the format's writer into a temporary file while hashing it, copy the file into 1 MiB chunks, mark the
/// export Completed and record <c>accounting.exported</c>. Progress goes through another connection every few thousand rows
/// so it can be polled. On failure the transaction rolls back and the export is marked Failed with the error.
/// </para>
/// </summary>
public sealed class AccountingExportRunner(CompanyWorkRunner companies, TimeProvider clock, IOptions<AccountingExportSettings> settings,
    ILogger<AccountingExportRunner> logger)
{
    private const int LockClass = 0x4B455850; // "KEXP"

    /// <summary>Runs queued exports until none is left; returns how many were run (completed or failed).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var run = 0;
        while (!ct.IsCancellationRequested && await ClaimAsync(ct) is { } id)
        {
            await RunAsync(id, ct);
            run++;
        }
        return run;
    }

    private TimeSpan Lease => TimeSpan.FromMinutes(Math.Max(0.1, settings.Value.LeaseMinutes));

    private Task<Guid?> ClaimAsync(CancellationToken ct) => companies.ReadAsSystemAsync(async (db, c) =>
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + Lease;
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE accounting_exports
               SET status = 'Running', started_at = coalesce(started_at, {now}), lease_until = {leaseUntil}, attempts = attempts + 1
             WHERE id = (SELECT id FROM accounting_exports
                          WHERE status = 'Queued' OR (status = 'Running' AND lease_until < {now})
                          ORDER BY requested_at, id
                          LIMIT 1
                          FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(c);
        return claimed.Count == 0 ? (Guid?)null : claimed[0];
    }, ct);

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        var export = await companies.ReadAsSystemAsync((db, c) => db.AccountingExports.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == id, c), ct);
        if (export.Attempts > settings.Value.MaxAttempts)
        {
            await MarkFailedAsync(export, $"Given up after {export.Attempts - 1} interrupted attempts.", ct);
            return;
        }
        await using var scope = OpenScope(export);
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        try
        {
            await ExportAsync(scope.ServiceProvider, db, export, ct);
        }
        catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            logger.LogWarning(e, "Accounting export {ExportId} of company {CompanyId} failed", export.Id, export.CompanyId);
            await MarkFailedAsync(export, e.Message, CancellationToken.None);
        }
    }

    /// <summary>A scope acting as the export's company and the user who asked for it.</summary>
    private AsyncServiceScope OpenScope(AccountingExport export) => companies.OpenCompanyScope(export.CompanyId, export.RequestedByName ?? "Koban", export.RequestedBy);

    private async Task MarkFailedAsync(AccountingExport export, string error, CancellationToken ct)
    {
        await using var scope = OpenScope(export);
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        var message = error.Length > AccountingExport.ErrorMaxLength ? error[..AccountingExport.ErrorMaxLength] : error;
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE accounting_exports SET status = 'Failed', error = {message}, completed_at = {now}, lease_until = NULL
             WHERE id = {export.Id} AND status <> 'Completed'
            """, ct);
    }

    private async Task ExportAsync(IServiceProvider services, KobanDbContext db, AccountingExport export, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var options = JsonSerializer.Deserialize<AccountingExportOptionsResponse>(export.Options, AccountingExportResponse.Json) ?? new(null, null);
        var writer = AccountingFileWriters.For(export.Format, options.Fec?.ToDomain(), options.Csv?.ToDomain());
        var fileName = export.Format == AccountingExportFormat.Fec
            ? FecFileName.For(company.Siren ?? "000000000", FiscalYear.EndOf(export.PeriodTo, company.FiscalYearStartMonth))
            : $"koban-{export.Format.ToString().ToLowerInvariant()}-{export.PeriodFrom:yyyyMMdd}-{export.PeriodTo:yyyyMMdd}{writer.FileExtension}";
        var firstYearEnd = FiscalYear.EndOf(export.PeriodFrom, company.FiscalYearStartMonth);

        await using var progress = new ExportProgress(OpenScope(export), clock, export, Lease);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = (NpgsqlTransaction)transaction.GetDbTransaction();

        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("company", export.CompanyId);
            command.Parameters.AddWithValue("export", export.Id);
            command.Parameters.AddWithValue("from", export.PeriodFrom);
            command.Parameters.AddWithValue("to", export.PeriodTo);
            command.Parameters.AddWithValue("first_year_end", firstYearEnd);
            return command;
        }

        await using (var lockCommand = Command("SELECT pg_advisory_xact_lock(@class, hashtext(@company::text))"))
        {
            lockCommand.Parameters.AddWithValue("class", LockClass);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        await using (var status = Command("SELECT status FROM accounting_exports WHERE id = @export"))
        {
            if (await status.ExecuteScalarAsync(ct) is "Completed" or "Failed") return; // another instance finished it meanwhile
        }

        var clockStart = System.Diagnostics.Stopwatch.GetTimestamp();
        int numbered, stamped;
        await using (var number = Command(NumberAndStampSql))
        await using (var reader = await number.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            numbered = reader.GetInt32(0);
            stamped = reader.GetInt32(1);
        }
        long rowsTotal;
        int entries;
        await using (var count = Command("""
            SELECT count(*), count(DISTINCT e.id)::int FROM journal_entries e JOIN journal_entry_lines l ON l.entry_id = e.id
             WHERE e.company_id = @company AND e.date BETWEEN @from AND @to
            """))
        await using (var reader = await count.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            rowsTotal = reader.GetInt64(0);
            entries = reader.GetInt32(1);
        }
        await progress.StartAsync(rowsTotal, ct);
        await CheckAccountNumbersAsync(Command, export.Format, ct);
        var letters = await LettersAsync(Command, export, ct);
        var numberedAt = System.Diagnostics.Stopwatch.GetElapsedTime(clockStart);

        var path = Path.Combine(Path.GetTempPath(), $"koban-export-{export.Id:N}.tmp");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        long rows, size;
        string sha256;
        await using (var hashing = new HashingStream(file))
        {
            rows = await writer.WriteAsync(ReadRowsAsync(Command(LinesSql), letters, progress, ct), hashing, null, ct);
            await hashing.FlushAsync(ct);
            size = hashing.BytesWritten;
            sha256 = hashing.Sha256Hex();
        }

        var writtenAt = System.Diagnostics.Stopwatch.GetElapsedTime(clockStart);
        file.Position = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(AccountingExportChunk.MaxSize);
        try
        {
            await using var insert = Command("INSERT INTO accounting_export_chunks (export_id, index, data, company_id) VALUES (@export, @index, @data, @company)");
            var index = insert.Parameters.Add("index", NpgsqlDbType.Integer);
            var data = insert.Parameters.Add("data", NpgsqlDbType.Bytea);
            for (var i = 0; ; i++)
            {
                var read = await file.ReadAtLeastAsync(buffer.AsMemory(0, AccountingExportChunk.MaxSize), AccountingExportChunk.MaxSize, throwOnEndOfStream: false, ct);
                if (read == 0) break;
                index.Value = i;
                data.Value = new ArraySegment<byte>(buffer, 0, read);
                await insert.ExecuteNonQueryAsync(ct);
                if (read < AccountingExportChunk.MaxSize) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var now = clock.GetUtcNow();
        await using (var complete = Command("""
            UPDATE accounting_exports
               SET status = 'Completed', completed_at = @now, rows_written = @rows, rows_total = @rows, file_name = @file_name,
                   content_type = @content_type, size = @size, sha256 = @sha256, entry_count = @entries, error = NULL, lease_until = NULL
             WHERE id = @export
            """))
        {
            complete.Parameters.AddWithValue("now", now);
            complete.Parameters.AddWithValue("rows", rows);
            complete.Parameters.AddWithValue("file_name", fileName);
            complete.Parameters.AddWithValue("content_type", writer.ContentType);
            complete.Parameters.AddWithValue("size", size);
            complete.Parameters.AddWithValue("sha256", sha256);
            complete.Parameters.AddWithValue("entries", entries);
            await complete.ExecuteNonQueryAsync(ct);
        }
        services.GetRequiredService<AuditLog>().Record("accounting.exported", "accounting_export", export.Id, after: new
        {
            format = export.Format.ToString(),
            from = export.PeriodFrom,
            to = export.PeriodTo,
            requestedBy = export.RequestedByName,
            fileName,
            size,
            sha256,
            entries,
            rows,
            numbered,
            stamped,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Accounting export {ExportId} ({Format}, {From}–{To}): {Rows} lines, {Entries} entries ({Numbered} numbered now), {Size} bytes; "
            + "GC heap peak seen at progress reports {PeakHeapMiB} MiB; numbering and stamping {NumberingSeconds} s, writing {WritingSeconds} s, storing {StoringSeconds} s",
            export.Id, export.Format, export.PeriodFrom, export.PeriodTo, rows, entries, numbered, size, progress.PeakHeapBytes / (1024 * 1024),
            Math.Round(numberedAt.TotalSeconds, 1), Math.Round((writtenAt - numberedAt).TotalSeconds, 1),
            Math.Round((System.Diagnostics.Stopwatch.GetElapsedTime(clockStart) - writtenAt).TotalSeconds, 1));
    }

    /// <summary>
    /// In one pass over the rows (each row version written once, through the journal's insert-only trigger):
    /// EcritureNum for every unnumbered entry of the period's fiscal year(s) dated up to the period's end, per journal and fiscal
    /// year, continuing each one's last number, in order of date then creation — entries dated before the period but not yet
    /// numbered are numbered too (before the period's), so numbers follow dates across the fiscal year whatever order months
    /// are exported in; and this export's id on the period's entries that no export carried yet. Returns (numbered, stamped).
    /// </summary>
    internal const string NumberAndStampSql = """
        WITH todo AS (
          SELECT id, journal_code, fiscal_year_end,
                 CASE WHEN number IS NULL THEN row_number() OVER (PARTITION BY journal_code, fiscal_year_end, number IS NULL ORDER BY date, sequence) END AS rn,
                 export_id IS NULL AND date BETWEEN @from AND @to AS stamp
            FROM journal_entries
           WHERE company_id = @company AND date <= @to AND fiscal_year_end >= @first_year_end
             AND (number IS NULL OR (export_id IS NULL AND date >= @from))),
        last AS (
          SELECT journal_code, fiscal_year_end, max(number) AS n
            FROM journal_entries
           WHERE company_id = @company AND number IS NOT NULL AND fiscal_year_end >= @first_year_end
           GROUP BY journal_code, fiscal_year_end),
        updated AS (
          UPDATE journal_entries j
             SET number = coalesce(j.number, coalesce(l.n, 0) + t.rn),
                 export_id = CASE WHEN t.stamp THEN @export ELSE j.export_id END
            FROM todo t LEFT JOIN last l ON l.journal_code = t.journal_code AND l.fiscal_year_end = t.fiscal_year_end
           WHERE j.id = t.id
          RETURNING t.rn, t.stamp)
        SELECT (count(*) FILTER (WHERE rn IS NOT NULL))::int, (count(*) FILTER (WHERE stamp))::int FROM updated
        """;

    /// <summary>
    /// The period's lines in file order — chronological, as the FEC wants it (domain-rules.md §9): entry date, then journal,
    /// then EcritureNum, then position — with, on customer-account lines, the receivable row they belong to (the row whose
    /// source is the entry's source) and, for a receipt's line booked for one invoice, that invoice (the lettering key).
    /// </summary>
    internal const string LinesSql = """
        SELECT e.journal_code, e.journal_label, e.number, e.date, l.account, l.account_label, l.auxiliary_account, l.auxiliary_label,
               e.piece_ref, e.piece_date, l.label, l.debit, l.credit, r.id, CASE WHEN r.kind = 'Receipt' THEN l.invoice_id END, e.validation_date
          FROM journal_entries e
          JOIN journal_entry_lines l ON l.entry_id = e.id
          LEFT JOIN receivable_items r ON l.auxiliary_account IS NOT NULL AND r.company_id = e.company_id AND r.source_id = e.source_id
         WHERE e.company_id = @company AND e.date BETWEEN @from AND @to
         ORDER BY e.date, e.journal_code COLLATE "C", e.number, l.position
        """;

    /// <summary>
    /// The lettering nodes of the period: every receivable row with a customer-account line in the period, and all its
    /// customer-account lines (in the period or not) summed per row — per invoice for a receipt's lines booked for one.
    /// </summary>
    internal const string LetteringNodesSql = """
        WITH items AS (
          SELECT DISTINCT r.id, r.kind, r.source_id
            FROM journal_entries e
            JOIN journal_entry_lines l ON l.entry_id = e.id AND l.auxiliary_account IS NOT NULL
            JOIN receivable_items r ON r.company_id = e.company_id AND r.source_id = e.source_id
           WHERE e.company_id = @company AND e.date BETWEEN @from AND @to)
        SELECT i.id, CASE WHEN i.kind = 'Receipt' THEN l.invoice_id END, sum(l.debit - l.credit), min(e.date), max(e.date), min(b.chain_sequence)
          FROM items i
          JOIN journal_entries e ON e.company_id = @company AND e.source_id = i.source_id
          JOIN journal_entry_lines l ON l.entry_id = e.id AND l.auxiliary_account IS NOT NULL
          LEFT JOIN billing_documents b ON i.kind IN ('Invoice', 'CreditNote') AND b.id = i.source_id
         GROUP BY i.id, 2
        """;

    /// <summary>The active allocations touching these rows, with the source of the row they settle.</summary>
    internal const string LetteringLinksSql = """
        SELECT a.debit_item_id, a.credit_item_id, d.source_id
          FROM allocations a JOIN receivable_items d ON d.id = a.debit_item_id
         WHERE a.company_id = @company AND a.cancelled_at IS NULL AND (a.debit_item_id = ANY(@items) OR a.credit_item_id = ANY(@items))
        """;

    /// <summary>The request refused a format that would merge two accounts; a customer posted meanwhile could still bring a clash: the export then fails, naming them.</summary>
    private static async Task CheckAccountNumbersAsync(Func<string, NpgsqlCommand> command, AccountingExportFormat format, CancellationToken ct)
    {
        if (AccountingExportFormats.AccountWidth(format) is not { } width) return;
        var accounts = new List<ExportAccount>();
        await using (var read = command(RequestAccountingExportHandler.AccountNumbersSql))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) accounts.Add(new ExportAccount(reader.GetString(0), reader.GetString(1)));
        }
        var clashes = AccountingExportFormats.Clashes(format, accounts);
        if (clashes.Count > 0)
            throw new InvalidOperationException($"{format} keeps {width} characters of account numbers: {RequestAccountingExportHandler.Name(clashes)} would become one account.");
    }

    /// <summary>Letters every group of customer-account lines that balances to zero within the period (<see cref="Lettering"/>).</summary>
    private static async Task<IReadOnlyDictionary<(Guid Item, Guid? Tag), Letter>> LettersAsync(Func<string, NpgsqlCommand> command, AccountingExport export,
        CancellationToken ct)
    {
        var nodes = new List<LetteringNode>();
        await using (var read = command(LetteringNodesSql))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                nodes.Add(new LetteringNode(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetDecimal(2),
                    reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetInt64(5)));
            }
        }
        if (nodes.Count == 0) return new Dictionary<(Guid, Guid?), Letter>();
        var links = new List<LetteringLink>();
        await using (var read = command(LetteringLinksSql))
        {
            read.Parameters.AddWithValue("items", nodes.Select(n => n.Item).Distinct().ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                links.Add(new LetteringLink(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2)));
        }
        return Lettering.Assign(nodes, links, export.PeriodFrom, export.PeriodTo);
    }

    private async IAsyncEnumerable<ExportRow> ReadRowsAsync(NpgsqlCommand command, IReadOnlyDictionary<(Guid Item, Guid? Tag), Letter> letters, ExportProgress progress,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var owned = command;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var every = Math.Max(100, settings.Value.ProgressEvery);
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            var letter = reader.IsDBNull(13) ? null : letters.GetValueOrDefault((reader.GetGuid(13), reader.IsDBNull(14) ? null : reader.GetGuid(14)));
            yield return new ExportRow(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<DateOnly>(3),
                reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetFieldValue<DateOnly>(9), reader.GetString(10), reader.GetDecimal(11), reader.GetDecimal(12),
                letter?.Code, letter?.Date,
                reader.GetFieldValue<DateOnly>(15), null, null);
            if (++count % every == 0) await progress.ReportAsync(count, ct);
        }
    }

    /// <summary>Writes the running count (and extends the lease) through its own connection, outside the export's transaction.</summary>
    private sealed class ExportProgress(AsyncServiceScope scope, TimeProvider clock, AccountingExport export, TimeSpan lease) : IAsyncDisposable
    {
        private KobanDbContext? _db;

        private KobanDbContext Db => _db ??= scope.ServiceProvider.GetRequiredService<KobanDbContext>();

        public async Task StartAsync(long total, CancellationToken ct)
        {
            var leaseUntil = clock.GetUtcNow() + lease;
            await Db.Database.ExecuteSqlAsync($"""
                UPDATE accounting_exports SET rows_total = {total}, rows_written = 0, lease_until = {leaseUntil}
                 WHERE id = {export.Id} AND status = 'Running'
                """, ct);
        }

        /// <summary>The largest managed heap size (<see cref="GC.GetTotalMemory"/>) seen at a progress report: the benchmark's memory probe.</summary>
        public long PeakHeapBytes { get; private set; }

        public async Task ReportAsync(long written, CancellationToken ct)
        {
            PeakHeapBytes = Math.Max(PeakHeapBytes, GC.GetTotalMemory(forceFullCollection: false));
            var leaseUntil = clock.GetUtcNow() + lease;
            await Db.Database.ExecuteSqlAsync($"""
                UPDATE accounting_exports SET rows_written = {written}, lease_until = {leaseUntil}
                 WHERE id = {export.Id} AND status = 'Running'
                """, ct);
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}

/// <summary>Runs <see cref="AccountingExportRunner"/> every <c>Koban:AccountingExport:PollSeconds</c>, or at once when an export was queued
/// on this instance. Registered unless <c>Koban:AccountingExport:Worker</c> is false (never during the build-time OpenAPI generation).</summary>
public sealed class AccountingExportWorker(AccountingExportRunner runner, AccountingExportSignal signal, TimeProvider clock, IOptions<AccountingExportSettings> settings,
    ILogger<AccountingExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, settings.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The accounting export worker failed; it will try again");
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(poll, clock, wake.Token);
            var signalled = signal.WaitAsync(wake.Token);
            await Task.WhenAny(delay, signalled);
            await wake.CancelAsync();
            await Task.WhenAll(delay, signalled).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
