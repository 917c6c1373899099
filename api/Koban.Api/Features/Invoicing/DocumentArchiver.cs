using System.Security.Cryptography;
using System.Text.Json;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Persistence.Configurations;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Invoicing;

/// <summary>
/// Renders a validated invoice or credit note from its snapshot — seller, buyer, wordings and the template settings copied
/// at validation — and archives the bytes with their SHA-256 (domain-rules.md §8). Later downloads return exactly those
/// bytes; a template or company change never alters them. After the validating commit, the validation request only wakes
/// the <see cref="ArchiveWorker"/>, which renders and archives within moments, outside the request; the validated row is
/// the durable to-do (a validated document without an archive row), so a crash in between loses nothing: the worker's
/// first pass at start-up catches up. A download before that renders and archives on demand (once: a second archiver
/// loses on the unique key and returns the first one's bytes). Where the worker does not run, the request archives itself.
/// </summary>
public sealed class DocumentArchiver(KobanDbContext db, DocumentTemplateService templates, BillingService billing, CompanyClock clock, TimeProvider time,
    IConfiguration configuration, ArchiveWorker worker, ILogger<DocumentArchiver> logger) : IBillingValidationHook
{
    public static PrintableKind KindOf(BillingDocument document) => document switch
    {
        Invoice { Kind: InvoiceKind.Deposit } => PrintableKind.DepositInvoice,
        Invoice => PrintableKind.Invoice,
        _ => PrintableKind.CreditNote,
    };

    public async Task<string?> TemplateSnapshotAsync(BillingDocument document, CancellationToken ct) =>
        JsonSerializer.Serialize(await templates.SettingsAsync(KindOf(document), ct), InvoicingConfiguration.Json);

    public async Task AfterCommitAsync(BillingDocument document, CancellationToken ct)
    {
        // Off only in tests that prove the worker catches up.
        if (!configuration.GetValue("Koban:Archive:AfterCommit", true)) return;
        if (worker.Running)
        {
            worker.Wake(document.Id, document.CompanyId);
            return;
        }
        try
        {
            await ArchiveAsync(document.Id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The PDF of {Number} could not be archived now; the archive worker will retry", document.Number);
        }
    }

    /// <summary>The archived PDF of a validated document, rendering and storing it first if it does not exist yet.</summary>
    public async Task<(byte[] Content, string FileName)> ArchiveAsync(Guid documentId, CancellationToken ct)
    {
        var existing = await ArchivedAsync(documentId, ct);
        if (existing is not null) return existing.Value;
        var document = await db.BillingDocuments.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new NotFoundException("document", documentId);
        if (!document.IsValidated) throw new InvalidOperationException("Only a validated document is archived.");
        var settings = document.TemplateSnapshot is { } json
            ? JsonSerializer.Deserialize<DocumentTemplateSettings>(json, InvoicingConfiguration.Json)!
            : DocumentTemplateSettings.Default(KindOf(document));
        var printable = BillingPdf.ToPrintable(document, document.Seller!, document.Buyer!, document.LegalNotes, document.IssueDate!.Value, await ReferencesAsync(document, ct));
        var bytes = await templates.RenderAsync(printable, settings, ct);
        var fileName = FileName(document);
        var now = time.GetUtcNow();
        var file = StoredFile.Create("archive", fileName, "application/pdf", bytes, now);
        db.Files.Add(file);
        db.ArchivedDocuments.Add(new ArchivedDocument
        {
            DocumentId = document.Id,
            FileId = file.Id,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            DocumentFingerprint = document.Fingerprint!,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another instance archived it first: theirs is the archive.
            db.ChangeTracker.Clear();
            return (await ArchivedAsync(documentId, ct))!.Value;
        }
        logger.LogInformation("Archived the PDF of {Number} ({Bytes} bytes)", document.Number, bytes.Length);
        return (bytes, fileName);
    }

    /// <summary>A draft rendered live, marked BROUILLON (no number), from the current company and customer rows; never stored.</summary>
    public async Task<(byte[] Content, string FileName)> RenderDraftAsync(BillingDocument document, CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == document.CustomerId, ct);
        var buyer = document is CreditNote note
            ? (await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => i.Id == note.InvoiceId).Select(i => i.Buyer).SingleAsync(ct))!
            : await billing.BuyerAsync(customer, document, ct);
        var printable = BillingPdf.ToPrintable(document, BillingService.Seller(company), buyer, await billing.LegalNotesAsync(company, document, ct),
            await clock.TodayAsync(ct), await ReferencesAsync(document, ct));
        var bytes = await templates.RenderAsync(printable, await templates.SettingsAsync(KindOf(document), ct), ct);
        return (bytes, FileName(document));
    }

    private async Task<(byte[] Content, string FileName)?> ArchivedAsync(Guid documentId, CancellationToken ct)
    {
        var row = await db.ArchivedDocuments.AsNoTracking().Where(a => a.DocumentId == documentId)
            .Join(db.Files, a => a.FileId, f => f.Id, (a, f) => new { f.Content, f.FileName }).SingleOrDefaultAsync(ct);
        return row is null ? null : (row.Content, row.FileName);
    }

    private async Task<IReadOnlyList<PrintableReference>> ReferencesAsync(BillingDocument document, CancellationToken ct)
    {
        var references = new List<PrintableReference>();
        if (document is CreditNote note)
            references.Add(new PrintableReference("Facture corrigée", note.InvoiceNumber, note.InvoiceDate));
        if (document.OrderId is { } orderId)
        {
            var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == orderId).Select(o => new { o.Number, o.OrderDate, o.SourceQuoteId }).SingleAsync(ct);
            references.Add(new PrintableReference("Commande", order.Number ?? string.Empty, order.OrderDate));
            if (order.SourceQuoteId is { } quoteId)
            {
                var quote = await db.Quotes.AsNoTracking().IgnoreAutoIncludes().Where(q => q.Id == quoteId).Select(q => new { q.Number, q.AcceptedOn }).SingleAsync(ct);
                if (quote.Number is not null) references.Add(new PrintableReference("Devis", quote.Number, quote.AcceptedOn));
            }
        }
        return references;
    }

    public static string FileName(BillingDocument document) =>
        $"{(document is CreditNote ? "Avoir" : document is Invoice { Kind: InvoiceKind.Deposit } ? "Facture d'acompte" : "Facture")} {document.Number ?? Infrastructure.Pdf.DocumentPdfRenderer.DraftFileSuffix}.pdf";
}

/// <summary>Archives validated documents without their PDF: the ones validations hand it, as soon as they are handed
/// (no scan), and every document still without its PDF at start-up (catching up on whatever a stopped process left)
/// and every 30 seconds (retrying failures), each document in a scope of its company (<see cref="CompanyWorkRunner"/>).</summary>
public sealed class ArchiveWorker(CompanyWorkRunner companies, TimeProvider clock, ILogger<ArchiveWorker> logger) : BackgroundService
{
    public const string ActorName = "Archivage";
    private const int Batch = 100;
    private readonly System.Threading.Channels.Channel<bool> _wake = System.Threading.Channels.Channel.CreateBounded<bool>(
        new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    private readonly System.Collections.Concurrent.ConcurrentQueue<(Guid Id, Guid CompanyId)> _handed = new();

    /// <summary>Hands over a document just validated (after its commit): archived at once by the running loop.</summary>
    public void Wake(Guid documentId, Guid companyId)
    {
        _handed.Enqueue((documentId, companyId));
        _wake.Writer.TryWrite(true);
    }

    /// <summary>True when documents have been handed over and not yet taken.</summary>
    public bool IsAwake => !_handed.IsEmpty;

    /// <summary>True once the hosted loop runs (it does not in hosts that switch it off with <c>Koban:Archive:Worker</c>):
    /// validations then leave the rendering to it.</summary>
    public bool Running { get; internal set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Running = true;
        var nextScan = clock.GetUtcNow();
        DateTimeOffset? scannedFrom = null; // the first pass reads everything: it catches up what a crash left unarchived
        while (!stoppingToken.IsCancellationRequested)
        {
            _wake.Reader.TryRead(out _);
            try
            {
                while (_handed.TryDequeue(out var handed)) await ArchiveOneAsync(handed.Id, handed.CompanyId, stoppingToken);
                if (clock.GetUtcNow() >= nextScan)
                {
                    var started = clock.GetUtcNow();
                    while (await RunOnceAsync(stoppingToken, scannedFrom) == Batch)
                    {
                    }
                    scannedFrom = started - ScanOverlap;
                    nextScan = clock.GetUtcNow().AddSeconds(30);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Archiving pass failed; it runs again in 30 seconds");
                nextScan = clock.GetUtcNow().AddSeconds(30);
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = _wake.Reader.WaitToReadAsync(wait.Token).AsTask();
            var delay = nextScan - clock.GetUtcNow();
            await Task.WhenAny(woken, Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, clock, wait.Token));
            await wait.CancelAsync();
        }
    }

    /// <summary>Archives the documents handed over so far (what the running loop does when woken); returns how many.</summary>
    public async Task<int> ArchiveHandedAsync(CancellationToken ct)
    {
        var done = 0;
        while (_handed.TryDequeue(out var handed))
        {
            if (await ArchiveOneAsync(handed.Id, handed.CompanyId, ct)) done++;
        }
        return done;
    }

    /// <summary>How far back a periodic pass looks before the start of the previous one: a validation stamped before that
    /// start but committed after it (a long transaction) is still seen.</summary>
    internal static readonly TimeSpan ScanOverlap = TimeSpan.FromMinutes(10);

    /// <summary>One pass over at most 100 documents: returns how many were archived. Without <paramref name="validatedSince"/>
    /// it reads every validated document (the catch-up at start); the periodic passes read only those validated since the
    /// previous pass began (less <see cref="ScanOverlap"/>), through the partial index on <c>validated_at</c>, so their cost
    /// does not grow with the company's history (a full anti-join took 5 s every 30 s at 300 000 invoices).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct, DateTimeOffset? validatedSince = null)
    {
        var missing = await companies.ReadAsSystemAsync(async (db, c) => (await db.BillingDocuments.IgnoreQueryFilters().IgnoreAutoIncludes()
            .Where(d => d.Status == BillingStatus.Validated && (validatedSince == null || d.ValidatedAt >= validatedSince)
                && !db.ArchivedDocuments.IgnoreQueryFilters().Any(a => a.DocumentId == d.Id))
            .OrderBy(d => d.ValidatedAt).Take(Batch).Select(d => new { d.Id, d.CompanyId }).ToListAsync(c)).Select(d => (d.Id, d.CompanyId)).ToList(), ct);
        var done = 0;
        foreach (var (id, companyId) in missing)
        {
            if (await ArchiveOneAsync(id, companyId, ct)) done++;
        }
        return done;
    }

    private async Task<bool> ArchiveOneAsync(Guid id, Guid companyId, CancellationToken ct)
    {
        var (archived, _) = await companies.RunForCompanyAsync(companyId, ActorName, $"Archiving document {id}", async (company, c) =>
        {
            await company.Services.GetRequiredService<DocumentArchiver>().ArchiveAsync(id, c);
            return true;
        }, ct);
        return archived;
    }
}
