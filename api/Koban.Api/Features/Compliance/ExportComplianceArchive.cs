using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Compliance;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Compliance;

/// <summary>What the endpoint streams: the file name and the writer of the ZIP.</summary>
public sealed record ComplianceArchiveExport(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

public sealed record ExportComplianceArchiveQuery(int Year) : IQuery<ComplianceArchiveExport>;

/// <summary>
/// The conservation archive of one fiscal year (domain-rules.md §8), readable without Koban: a ZIP written straight to the
/// response (documents read in pages, PDFs one at a time, the audit log as a stream), so memory does not grow with the
/// year. The manifest comes last because it carries the SHA-256 of every other file. docs/compliance.md describes every file.
/// </summary>
public sealed class ExportComplianceArchiveHandler(KobanDbContext db, AuditLog audit, TimeProvider clock)
    : IQueryHandler<ExportComplianceArchiveQuery, ComplianceArchiveExport>
{
    public const string FormatVersion = "koban-archive-1";
    private const int Page = 200;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions JsonLine = new(Json) { WriteIndented = false };

    public async ValueTask<ComplianceArchiveExport> Handle(ExportComplianceArchiveQuery query, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(cancellationToken);
        var fiscalYear = ClosurePeriod.FiscalYearEndingIn(query.Year, company.FiscalYearStartMonth);
        var generatedAt = clock.GetUtcNow();
        audit.Record("compliance.archive.exported", "archive", null, after: new { fiscalYear = fiscalYear.Label, fiscalYear.Start, fiscalYear.End, format = FormatVersion });
        await db.SaveChangesAsync(cancellationToken);

        var from = CompanyClock.StartOfDay(fiscalYear.Start, company.TimeZone);
        var to = CompanyClock.StartOfDay(fiscalYear.End.AddDays(1), company.TimeZone);
        var identity = new { id = company.Id, legalName = company.LegalName, siren = company.Siren, vatNumber = company.VatNumber, timeZone = company.TimeZone };

        return new ComplianceArchiveExport($"koban-archive-{company.Siren ?? company.Id.ToString("N")}-{fiscalYear.Label}.zip", async (output, ct) =>
        {
            var files = new List<object>();
            var documents = new List<ArchiveManifestDocument>();
            var chain = new List<ArchiveChainLink>();
            // ZipArchive writes synchronously (DeflateStream flushes on Dispose) and the server refuses synchronous writes:
            // each entry goes to a small buffer that is copied to the response asynchronously once the entry is complete.
            using var buffer = new EntryBuffer();
            var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8);

            await AddAsync(zip, buffer, output, "README.txt", Encoding.UTF8.GetBytes(ArchiveReadme.Text(fiscalYear, FormatVersion)), files, ct);

            long after = 0;
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                var page = await db.BillingDocuments.AsNoTracking().AsSplitQuery()
                    .Where(d => d.Status == BillingStatus.Validated && d.IssueDate >= fiscalYear.Start && d.IssueDate <= fiscalYear.End && d.ChainSequence > after)
                    .OrderBy(d => d.ChainSequence).Take(Page).ToListAsync(ct);
                foreach (var d in page)
                {
                    after = d.ChainSequence!.Value;
                    var name = FileName(d.Number!, usedNames);
                    var jsonPath = $"documents/{name}.json";
                    var jsonHash = await AddAsync(zip, buffer, output, jsonPath, JsonSerializer.SerializeToUtf8Bytes(ArchivedDocumentJson.From(d), Json), files, ct);
                    string? pdfPath = null, pdfHash = null;
                    var pdf = await db.ArchivedDocuments.AsNoTracking().Where(a => a.DocumentId == d.Id)
                        .Join(db.Files.AsNoTracking(), a => a.FileId, f => f.Id, (a, f) => new { f.Content })
                        .SingleOrDefaultAsync(ct);
                    if (pdf is not null)
                    {
                        pdfPath = $"documents/{name}.pdf";
                        pdfHash = await AddAsync(zip, buffer, output, pdfPath, pdf.Content, files, ct);
                    }
                    documents.Add(new ArchiveManifestDocument(d.Number!, d.TypeCode, d.IssueDate!.Value, d.ChainSequence!.Value, d.Fingerprint!, d.PreviousFingerprint!,
                        jsonPath, jsonHash, pdfPath, pdfHash, pdf is null));
                    chain.Add(new ArchiveChainLink(d.ChainSequence!.Value, d.TypeCode, d.Id, d.Number, d.Fingerprint!, d.PreviousFingerprint!));
                }
                db.ChangeTracker.Clear();
                if (page.Count < Page) break;
            }

            var closures = await db.Closures.AsNoTracking().Where(c => c.FiscalYearStart == fiscalYear.Start).OrderBy(c => c.ChainSequence).ToListAsync(ct);
            chain.AddRange(closures.Select(c => new ArchiveChainLink(c.ChainSequence, c.TypeCode, c.Id, c.Period.Label, c.Fingerprint, c.PreviousFingerprint)));
            var orderedChain = chain.OrderBy(l => l.Sequence).ToList();
            await AddAsync(zip, buffer, output, "chain.json", JsonSerializer.SerializeToUtf8Bytes(new { formatVersion = FormatVersion, links = orderedChain }, Json), files, ct);
            await AddAsync(zip, buffer, output, "closures.json", JsonSerializer.SerializeToUtf8Bytes(
                new { formatVersion = FormatVersion, closures = closures.Select(c => new { closure = c.MapTo<ClosureResponse>(), canonicalText = ClosureFingerprint.Canonical(c) }) }, Json), files, ct);

            await AddAuditLogAsync(zip, buffer, output, from, to, files, ct);

            var manifest = new
            {
                formatVersion = FormatVersion,
                generatedAt,
                company = identity,
                fiscalYear = new { label = fiscalYear.Label, start = fiscalYear.Start, end = fiscalYear.End },
                hashAlgorithm = "SHA-256",
                fingerprintFormat = new { document = "KOBAN-DOC-1", closure = ClosureFingerprint.FormatTag, reference = "README.txt, docs/compliance.md" },
                files,
                documents,
                closures = closures.Select(c => new { period = c.Period.Label, kind = c.Kind, chainSequence = c.ChainSequence, fingerprint = c.Fingerprint, previousFingerprint = c.PreviousFingerprint }),
                missingPdfs = documents.Where(d => d.PdfMissing).Select(d => d.Number),
            };
            var entry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
            using (var stream = entry.Open())
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
            zip.Dispose(); // writes the central directory into the buffer
            await buffer.DrainToAsync(output, ct);
        });
    }

    private async Task AddAuditLogAsync(ZipArchive zip, EntryBuffer buffer, Stream output, DateTimeOffset from, DateTimeOffset to, List<object> files, CancellationToken ct)
    {
        const string path = "audit-log.jsonl";
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        using (var stream = entry.Open())
        {
            var events = db.AuditEvents.AsNoTracking().Where(e => e.OccurredAt >= from && e.OccurredAt < to).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).AsAsyncEnumerable();
            await foreach (var e in events.WithCancellation(ct))
            {
                var line = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    e.Id,
                    e.OccurredAt,
                    e.ActorUserId,
                    e.ActorApiKeyId,
                    e.ActorName,
                    e.Action,
                    e.EntityType,
                    e.EntityId,
                    before = e.Before?.RootElement,
                    after = e.After?.RootElement,
                    e.RequestId,
                }, JsonLine);
                stream.Write(line);
                stream.Write("\n"u8);
                hash.AppendData(line);
                hash.AppendData("\n"u8);
                bytes += line.Length + 1;
                if (buffer.Length >= EntryBuffer.DrainAt) await buffer.DrainToAsync(output, ct);
            }
        }
        await buffer.DrainToAsync(output, ct);
        files.Add(new { path, sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), bytes });
    }

    private static async Task<string> AddAsync(ZipArchive zip, EntryBuffer buffer, Stream output, string path, byte[] content, List<object> files, CancellationToken ct)
    {
        var entry = zip.CreateEntry(path, path.EndsWith(".pdf", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
        using (var stream = entry.Open())
            stream.Write(content);
        await buffer.DrainToAsync(output, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        files.Add(new { path, sha256 = sha, bytes = content.LongLength });
        return sha;
    }

    /// <summary>The document number as a portable file name (anything but letters, digits, <c>.</c> <c>_</c> <c>-</c> becomes <c>_</c>), made unique.</summary>
    internal static string FileName(string number, HashSet<string> used)
    {
        var name = new string([.. number.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-' ? ch : '_')]);
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++) candidate = $"{name}~{i}";
        return candidate;
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/archive", async Task<PushStreamHttpResult> (int year, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var export = await mediator.Send(new ExportComplianceArchiveQuery(year), ct);
                return TypedResults.Stream(stream => export.WriteAsync(stream, http.RequestAborted), "application/zip", export.FileName);
            })
            .WithName("ExportComplianceArchive")
            .WithSummary("Download the conservation archive of a fiscal year (ZIP)")
            .WithDescription("A ZIP readable without Koban, streamed as it is written: `README.txt` (French and English: every file and how to verify by hand), `documents/<number>.json` (full content of every validated invoice and credit note dated in the fiscal year, with the canonical text its fingerprint hashes) and `documents/<number>.pdf` (the archived PDF, when it exists), `audit-log.jsonl` (the year's audit events), `chain.json` (the year's chain links in sequence order), `closures.json` (the year's closures with their canonical text) and, last, `manifest.json` (company identity, generation time, format version, the SHA-256 and size of every other file, every document's number, type, fingerprint and chain sequence, and the PDFs missing). `year` is the fiscal year named after its closing date. The export is recorded in the audit log.")
            .RequirePermission(Permissions.Audit, Access.Read)
            .WithProblems(422)
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip");
}

/// <summary>A write-only, non-seekable stream (so the ZIP uses data descriptors) that keeps what the archive wrote until
/// <see cref="DrainToAsync"/> copies it to the response: memory holds one entry (or 1 MB of the audit log) at a time.</summary>
internal sealed class EntryBuffer : Stream
{
    public const int DrainAt = 1 << 20;
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _pending.Length;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _pending.Write(buffer, offset, count);
        _written += count;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public async Task DrainToAsync(Stream output, CancellationToken ct)
    {
        if (_pending.Length == 0) return;
        await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        await output.FlushAsync(ct);
        _pending.SetLength(0);
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _pending.Dispose();
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

internal sealed record ArchiveManifestDocument(string Number, string Type, DateOnly IssueDate, long ChainSequence, string Fingerprint, string PreviousFingerprint,
    string Json, string JsonSha256, string? Pdf, string? PdfSha256, bool PdfMissing);

internal sealed record ArchiveChainLink(long Sequence, string Type, Guid Id, string? Number, string Fingerprint, string PreviousFingerprint);

/// <summary>A validated document as the archive writes it: the full content, and the canonical text its fingerprint hashes.</summary>
internal static class ArchivedDocumentJson
{
    public static object From(BillingDocument d) => new
    {
        formatVersion = ExportComplianceArchiveHandler.FormatVersion,
        id = d.Id,
        companyId = d.CompanyId,
        documentType = d is CreditNote ? "CreditNote" : "Invoice",
        typeCode = d.TypeCode,
        invoiceKind = (d as Invoice)?.Kind.ToString(),
        number = d.Number,
        issueDate = d.IssueDate,
        dueDate = d.DueDate,
        currency = d.Currency,
        customerId = d.CustomerId,
        orderId = d.OrderId,
        orderNumber = (d as Invoice)?.OrderNumber,
        correctedInvoiceId = d.CorrectedInvoiceId,
        correctedInvoiceNumber = (d as CreditNote)?.InvoiceNumber,
        creditReason = (d as CreditNote)?.Reason.ToString(),
        creditReasonText = (d as CreditNote)?.ReasonText,
        customerReference = d.CustomerReference,
        paymentTerms = new { kind = d.PaymentTerms.Kind.ToString(), days = d.PaymentTerms.Days },
        paymentMethod = d.PaymentMethod.ToString(),
        headerText = d.HeaderText,
        footerText = d.FooterText,
        seller = d.Seller,
        buyer = d.Buyer,
        lines = d.Lines.Select(l => new
        {
            l.Id,
            l.Position,
            kind = l.Kind.ToString(),
            l.ProductId,
            l.Description,
            l.Quantity,
            l.UnitCode,
            l.UnitPrice,
            l.DiscountPercent,
            l.VatRate,
            vatCategory = l.VatCategory.ToString(),
            vatCategoryCode = l.VatCategory.Code(),
            l.NetAmount,
            nature = l.Nature?.ToString(),
            l.OrderLineId,
            l.DeductedInvoiceId,
            l.DeductedVat,
            l.SourceLineId,
            l.ServiceStart,
            l.ServiceEnd,
        }),
        vatBreakdown = d.VatBreakdown.Select(r => new { r.Rate, category = r.Category.ToString(), categoryCode = r.Category.Code(), @base = r.Base, r.Vat }),
        legalNotes = d.LegalNotes,
        totals = new { d.TotalExcludingVat, d.TotalVat, d.TotalIncludingVat },
        validatedAt = d.ValidatedAt,
        validatedBy = d.ValidatedBy,
        templateSnapshot = d.TemplateSnapshot,
        chainSequence = d.ChainSequence,
        previousFingerprint = d.PreviousFingerprint,
        fingerprint = d.Fingerprint,
        canonicalText = DocumentFingerprint.Canonical(d),
    };
}
