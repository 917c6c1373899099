using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Koban.Api.Features.Compliance;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Tests.Features.Invoicing;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Invoicing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Koban.Api.Tests.Features.Compliance;

/// <summary>
/// Closures and the archive, on a second host sharing the test database whose clock is a <see cref="FakeTimeProvider"/>:
/// documents are validated on chosen days, then the clock moves past the month's end.
/// </summary>
public sealed class ClosuresTests : ApiTest
{
    private sealed class Clocked(ApiFactory host, FakeTimeProvider clock, InvoicingFlowTests.Billing billing) : IAsyncDisposable
    {
        public ApiFactory Host { get; } = host;
        public FakeTimeProvider Clock { get; } = clock;
        public InvoicingFlowTests.Billing Billing { get; } = billing;
        public HttpClient Admin { get; set; } = null!;

        /// <summary>Moves the clock and signs in again (the session cookie follows the clock, so a jump of weeks ends it).</summary>
        public async Task<HttpClient> AtAsync(int year, int month, int day)
        {
            Clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));
            Admin = await SignInAsync(Billing.Catalog.Company.AdminEmail, Password, Host);
            return Admin;
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    private static async Task<Clocked> ClockedCompanyAsync(int year, int month, int day)
    {
        var billing = await InvoicingFlowTests.ValidatedOrderAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));
        var host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(), s => s.AddSingleton<TimeProvider>(clock));
        var clocked = new Clocked(host, clock, billing);
        await clocked.AtAsync(year, month, day);
        return clocked;
    }

    private static async Task<JsonElement> ValidatedInvoiceAsync(HttpClient client, object draft)
    {
        var created = await SalesFlowTests.Post(client, "/api/v1/invoices" + (draft.GetType().GetProperty("orderId") is null ? "" : "/from-order"), draft, HttpStatusCode.Created);
        return await SalesFlowTests.Post(client, $"/api/v1/invoices/{created.GetProperty("id").GetGuid()}/validate");
    }

    private static object Direct(Guid customerId, decimal unitPrice, decimal vatRate) => new
    {
        customerId,
        lines = new[] { new { kind = "Free", description = $"Prestation à {vatRate} %", quantity = 1m, unitCode = "C62", unitPrice, vatRate, nature = "Goods" } },
    };

    private static Task<HttpResponseMessage> Close(HttpClient client, string kind, int year, int? month = null) =>
        client.PostAsJsonAsync("/api/v1/compliance/closures", new { kind, year, month });

    private static void ShouldBeRow(JsonElement rows, string type, decimal rate, int count, decimal b, decimal vat, decimal total)
    {
        var row = rows.EnumerateArray().Single(r => r.GetProperty("documentType").GetString() == type && r.GetProperty("vatRate").GetDecimal() == rate);
        (row.GetProperty("count").GetInt32(), row.GetProperty("base").GetDecimal(), row.GetProperty("vat").GetDecimal(), row.GetProperty("totalIncludingVat").GetDecimal())
            .ShouldBe((count, b, vat, total), $"{type} {rate} %");
    }

    private static void ShouldBeTotals(JsonElement totals, int count, decimal b, decimal vat, decimal total) =>
        (totals.GetProperty("count").GetInt32(), totals.GetProperty("base").GetDecimal(), totals.GetProperty("vat").GetDecimal(), totals.GetProperty("totalIncludingVat").GetDecimal())
            .ShouldBe((count, b, vat, total));

    /// <summary>January: a 30 % deposit (436.77 + 87.35) and a direct invoice at 5.5 % (100.00 + 5.50). February: the balance
    /// (1 019.13 + 203.83) and a credit note on it (337.95 + 67.59).</summary>
    private static async Task<(JsonElement Deposit, JsonElement Direct, JsonElement Balance, JsonElement Credit)> TwoMonthsAsync(Clocked c)
    {
        var b = c.Billing;
        var deposit = await ValidatedInvoiceAsync(c.Admin, new { orderId = b.OrderId, kind = "Deposit", percentage = 30m });
        var direct = await ValidatedInvoiceAsync(c.Admin, Direct(b.Catalog.CustomerId, 100m, 5.5m));
        await c.AtAsync(2027, 2, 5);
        var balance = await ValidatedInvoiceAsync(c.Admin, new { orderId = b.OrderId, kind = "Balance" });
        var shelf = balance.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("description").GetString() == "Étagère chêne massif");
        var creditDraft = await SalesFlowTests.Post(c.Admin, "/api/v1/credit-notes", new
        {
            invoiceId = balance.GetProperty("id").GetGuid(),
            reason = "Correction",
            mode = "Lines",
            reasonText = "Une étagère livrée en moins",
            lines = new[] { new { invoiceLineId = shelf.GetProperty("id").GetGuid(), quantity = 1m } },
        }, HttpStatusCode.Created);
        var credit = await SalesFlowTests.Post(c.Admin, $"/api/v1/credit-notes/{creditDraft.GetProperty("id").GetGuid()}/validate");
        return (deposit, direct, balance, credit);
    }

    [Test]
    public async Task Closing_months_totals_each_type_and_rate_to_the_cent_cumulates_over_the_fiscal_year_and_extends_the_chain()
    {
        await using var c = await ClockedCompanyAsync(2027, 1, 11);
        await TwoMonthsAsync(c);

        await (await Close(c.Admin, "Month", 2027, 2)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "closure_period_not_ended");
        await c.AtAsync(2027, 3, 1);
        var refused = await (await Close(c.Admin, "Month", 2027, 2)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "closure_previous_month_open");
        refused.GetProperty("title").GetString()!.ShouldContain("2027-01");

        var response = await Close(c.Admin, "Month", 2027, 1);
        await response.ShouldHaveStatus(HttpStatusCode.Created);
        var january = await response.Json();
        january.GetProperty("period").GetString().ShouldBe("2027-01");
        january.GetProperty("periodRows").GetArrayLength().ShouldBe(2);
        ShouldBeRow(january.GetProperty("periodRows"), "INV-Deposit", 20m, 1, 436.77m, 87.35m, 524.12m);
        ShouldBeRow(january.GetProperty("periodRows"), "INV-Direct", 5.5m, 1, 100.00m, 5.50m, 105.50m);
        ShouldBeTotals(january.GetProperty("periodTotals"), 2, 536.77m, 92.85m, 629.62m);
        ShouldBeTotals(january.GetProperty("cumulativeTotals"), 2, 536.77m, 92.85m, 629.62m);
        january.GetProperty("lastDocumentNumber").GetString()!.ShouldMatch(@"^FA-2027-00002$");
        january.GetProperty("chainSequence").GetInt64().ShouldBe(5, "after the four documents");
        await (await Close(c.Admin, "Month", 2027, 1)).ShouldBeProblem(HttpStatusCode.Conflict, "closure_already_closed");

        var february = await (await Close(c.Admin, "Month", 2027, 2)).Json();
        ShouldBeRow(february.GetProperty("periodRows"), "INV-Balance", 20m, 1, 1019.13m, 203.83m, 1222.96m);
        ShouldBeRow(february.GetProperty("periodRows"), "CRN", 20m, 1, 337.95m, 67.59m, 405.54m);
        ShouldBeTotals(february.GetProperty("periodTotals"), 2, 1019.13m - 337.95m, 203.83m - 67.59m, 1222.96m - 405.54m);
        february.GetProperty("cumulativeRows").GetArrayLength().ShouldBe(4);
        ShouldBeRow(february.GetProperty("cumulativeRows"), "INV-Deposit", 20m, 1, 436.77m, 87.35m, 524.12m);
        ShouldBeTotals(february.GetProperty("cumulativeTotals"), 4, 536.77m + 681.18m, 92.85m + 136.24m, 629.62m + 817.42m);
        february.GetProperty("previousFingerprint").GetString().ShouldBe(january.GetProperty("fingerprint").GetString());
        february.GetProperty("lastDocumentNumber").GetString()!.ShouldStartWith("AV-2027-");

        var chain = await (await c.Admin.GetAsync("/api/v1/compliance/chain")).Json();
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue(chain.ToString());
        chain.GetProperty("documentsChecked").GetInt32().ShouldBe(4);
        chain.GetProperty("closuresChecked").GetInt32().ShouldBe(2);
        chain.GetProperty("lastSequence").GetInt64().ShouldBe(6);
        chain.GetProperty("lastFingerprint").GetString().ShouldBe(february.GetProperty("fingerprint").GetString());

        var list = await (await c.Admin.GetAsync("/api/v1/compliance/closures?year=2027")).Json();
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("period").GetString()).ShouldBe(["2027-01", "2027-02"]);
        var one = await (await c.Admin.GetAsync($"/api/v1/compliance/closures/{january.GetProperty("id").GetGuid()}")).Json();
        one.GetProperty("fingerprint").GetString().ShouldBe(january.GetProperty("fingerprint").GetString());

        // A closed month receives nothing: an invoice dated in it is refused, and the number is not burnt.
        var late = await SalesFlowTests.Post(c.Admin, "/api/v1/invoices", Direct(c.Billing.Catalog.CustomerId, 10m, 20m), HttpStatusCode.Created);
        await (await c.Admin.PostAsJsonAsync($"/api/v1/invoices/{late.GetProperty("id").GetGuid()}/validate", new { issueDate = "2027-02-20" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "period_closed");
        (await SalesFlowTests.Post(c.Admin, $"/api/v1/invoices/{late.GetProperty("id").GetGuid()}/validate")).GetProperty("number").GetString().ShouldBe("FA-2027-00004");

        await (await Close(c.Admin, "FiscalYear", 2027)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "closure_period_not_ended");
        await (await Close(c.Admin, "Month", 2026, 12)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "closure_out_of_order");
        await (await c.Admin.GetAsync("/api/v1/compliance/closures/" + Guid.CreateVersion7())).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        var audit = await (await c.Admin.GetAsync($"/api/v1/audit-events?entityId={january.GetProperty("id").GetGuid()}")).Json();
        audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("closure.closed");
    }

    [Test]
    public async Task Only_accounting_writers_close_sales_read_closures_and_only_auditors_export()
    {
        await using var c = await ClockedCompanyAsync(2027, 1, 11);
        var (_, _, salesEmail) = await NewUserAsync(c.Billing.Catalog.Company, "Sales");
        var salesHere = await SignInAsync(salesEmail, Password, c.Host);
        await (await Close(salesHere, "Month", 2026, 12)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await salesHere.GetAsync("/api/v1/compliance/closures")).ShouldHaveStatus(HttpStatusCode.OK);
        await (await salesHere.GetAsync("/api/v1/compliance/archive?year=2027")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task A_closure_total_changed_behind_the_API_is_found_by_the_chain_check_and_the_table_refuses_changes_from_the_application()
    {
        await using var c = await ClockedCompanyAsync(2027, 1, 11);
        await ValidatedInvoiceAsync(c.Admin, Direct(c.Billing.Catalog.CustomerId, 100m, 20m));
        await c.AtAsync(2027, 2, 1);
        var closure = await (await Close(c.Admin, "Month", 2027, 1)).Json();
        var id = closure.GetProperty("id").GetGuid();

        await using (var app = new NpgsqlConnection(Factory.Database.App))
        {
            await app.OpenAsync();
            await using (var scope = new NpgsqlCommand($"SELECT set_config('koban.company_id', '{c.Billing.Catalog.Company.Id}', false)", app)) await scope.ExecuteNonQueryAsync();
            foreach (var sql in new[] { $"UPDATE compliance_closures SET period_base = 0 WHERE id = '{id}'", $"DELETE FROM compliance_closures WHERE id = '{id}'", "TRUNCATE compliance_closures" })
            {
                await using var command = new NpgsqlCommand(sql, app);
                (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(), sql)).SqlState.ShouldBeOneOf("23000", "42501");
            }
        }

        await using (var owner = new NpgsqlConnection(Factory.Database.Owner))
        {
            await owner.OpenAsync();
            await using var command = new NpgsqlCommand($$"""
                SELECT set_config('koban.system', 'on', false);
                ALTER TABLE compliance_closures DISABLE TRIGGER USER;
                UPDATE compliance_closures SET period_rows = jsonb_set(period_rows, '{0,base}', '99.99') WHERE id = '{{id}}';
                ALTER TABLE compliance_closures ENABLE TRIGGER USER;
                """, owner);
            await command.ExecuteNonQueryAsync();
        }

        var chain = await (await c.Admin.GetAsync("/api/v1/compliance/chain")).Json();
        chain.GetProperty("intact").GetBoolean().ShouldBeFalse();
        var broken = chain.GetProperty("firstBreak");
        broken.GetProperty("documentId").GetGuid().ShouldBe(id);
        broken.GetProperty("documentType").GetString().ShouldBe("CLO-Month");
        broken.GetProperty("problem").GetString().ShouldBe("content_changed");
        broken.GetProperty("sequence").GetInt64().ShouldBe(2);
    }

    [Test]
    public async Task The_daily_job_closes_every_ended_month_once_even_with_two_instances_and_catches_up_after_days_without_running()
    {
        await using var c = await ClockedCompanyAsync(2027, 3, 10);
        await ValidatedInvoiceAsync(c.Admin, Direct(c.Billing.Catalog.CustomerId, 100m, 20m));
        AutoClosureJob Job() => new(c.Host.Services.GetRequiredService<CompanyWorkRunner>(), c.Clock, NullLogger<AutoClosureJob>.Instance);

        await Job().RunOnceAsync(CancellationToken.None);
        async Task<List<string?>> Periods() =>
            [.. (await (await c.Admin.GetAsync("/api/v1/compliance/closures")).Json()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("period").GetString())];
        (await Periods()).ShouldBeEmpty("March has not ended");

        await c.AtAsync(2027, 6, 5); // the job did not run for almost three months
        await Task.WhenAll(Job().RunOnceAsync(CancellationToken.None), Job().RunOnceAsync(CancellationToken.None));
        (await Periods()).ShouldBe(["2027-03", "2027-04", "2027-05"], "February and earlier hold no document; each month exactly once");
        await Job().RunOnceAsync(CancellationToken.None);
        (await Periods()).Count.ShouldBe(3);

        await c.AtAsync(2027, 7, 1);
        await Job().RunOnceAsync(CancellationToken.None);
        var items = (await (await c.Admin.GetAsync("/api/v1/compliance/closures")).Json()).GetProperty("items");
        items.EnumerateArray().Select(i => i.GetProperty("period").GetString()).ShouldBe(["2027-03", "2027-04", "2027-05", "2027-06", "FY2027"],
            "the company's fiscal year runs from July to June, so June's closure lets the job close the year");
        ShouldBeTotals(items[4].GetProperty("periodTotals"), 1, 100m, 20m, 120m);
        items[0].GetProperty("closedByName").GetString().ShouldBe(AutoClosureJob.ActorName);
        ShouldBeTotals(items[0].GetProperty("periodTotals"), 1, 100m, 20m, 120m);
        ShouldBeTotals(items[3].GetProperty("periodTotals"), 0, 0m, 0m, 0m);
        ShouldBeTotals(items[3].GetProperty("cumulativeTotals"), 1, 100m, 20m, 120m);
        var chain = await (await c.Admin.GetAsync("/api/v1/compliance/chain")).Json();
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue(chain.ToString());
        chain.GetProperty("closuresChecked").GetInt32().ShouldBe(5);
    }

    [Test]
    public async Task The_archive_holds_every_document_with_its_fingerprint_text_the_pdfs_the_audit_log_the_chain_and_closures_all_hashed_in_the_manifest()
    {
        await using var c = await ClockedCompanyAsync(2027, 1, 11);
        var (deposit, _, _, credit) = await TwoMonthsAsync(c);
        await c.AtAsync(2027, 3, 1);
        await (await Close(c.Admin, "Month", 2027, 1)).ShouldHaveStatus(HttpStatusCode.Created);

        // The PDF archiving runs elsewhere; one archived PDF is enough to prove the archive carries its bytes.
        // The PDF archived at validation (rendered from the snapshot) is the one the archive carries, byte for byte.
        var pdf = await (await c.Admin.GetAsync($"/api/v1/invoices/{deposit.GetProperty("id").GetGuid()}/pdf")).Content.ReadAsByteArrayAsync();
        pdf.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());

        var response = await c.Admin.GetAsync("/api/v1/compliance/archive?year=2027");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("FY2027");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        byte[] Read(string path)
        {
            using var stream = (zip.GetEntry(path) ?? throw new InvalidOperationException($"{path} is missing")).Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        var manifest = JsonDocument.Parse(Read("manifest.json")).RootElement;
        manifest.GetProperty("formatVersion").GetString().ShouldBe("koban-archive-1");
        manifest.GetProperty("company").GetProperty("id").GetGuid().ShouldBe(c.Billing.Catalog.Company.Id);
        var files = manifest.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("path").GetString()).ShouldBe(zip.Entries.Select(e => e.FullName).Where(n => n != "manifest.json"), ignoreOrder: true);
        foreach (var file in files)
        {
            var bytes = Read(file.GetProperty("path").GetString()!);
            Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(file.GetProperty("sha256").GetString(), file.GetProperty("path").GetString());
            file.GetProperty("bytes").GetInt64().ShouldBe(bytes.LongLength);
        }
        Encoding.UTF8.GetString(Read("README.txt")).ShouldContain("sha256sum");

        var documents = manifest.GetProperty("documents").EnumerateArray().ToList();
        documents.Count.ShouldBe(4);
        foreach (var entry in documents)
        {
            var json = JsonDocument.Parse(Read(entry.GetProperty("json").GetString()!)).RootElement;
            var canonical = json.GetProperty("canonicalText").GetString()!;
            DocumentFingerprint.Compute(canonical).ShouldBe(json.GetProperty("fingerprint").GetString(), "the document's own text hashes to its fingerprint");
            json.GetProperty("fingerprint").GetString().ShouldBe(entry.GetProperty("fingerprint").GetString());
            canonical.ShouldStartWith($"KOBAN-DOC-1|{c.Billing.Catalog.Company.Id}|{json.GetProperty("typeCode").GetString()}|{json.GetProperty("number").GetString()}|");
            canonical.ShouldEndWith($"PREVIOUS|{json.GetProperty("previousFingerprint").GetString()}\n");
            foreach (var line in json.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() != "Title"))
                canonical.ShouldContain($"|{Escape(line.GetProperty("description").GetString()!)}|");
            CanonicalTotal(json).ShouldBe(canonical.Split('\n').Single(l => l.StartsWith("TOTAL|", StringComparison.Ordinal)), "the JSON totals are those hashed");
            DocumentFingerprint.Compute(RebuildCanonical(json)).ShouldBe(json.GetProperty("fingerprint").GetString(),
                "docs/compliance.md's format, applied to the JSON fields alone, gives the fingerprint: the readable content is what was fingerprinted");
        }
        var depositEntry = documents.Single(d => d.GetProperty("number").GetString() == deposit.GetProperty("number").GetString());
        depositEntry.GetProperty("pdfMissing").GetBoolean().ShouldBeFalse();
        Read(depositEntry.GetProperty("pdf").GetString()!).ShouldBe(pdf);
        manifest.GetProperty("missingPdfs").GetArrayLength().ShouldBe(0, "every validated document was archived right after its validation");
        documents.Single(d => d.GetProperty("number").GetString() == credit.GetProperty("number").GetString()).GetProperty("type").GetString().ShouldBe("CRN");

        var links = JsonDocument.Parse(Read("chain.json")).RootElement.GetProperty("links").EnumerateArray().ToList();
        links.Select(l => l.GetProperty("sequence").GetInt64()).ShouldBe([1, 2, 3, 4, 5]);
        for (var i = 1; i < links.Count; i++) links[i].GetProperty("previousFingerprint").GetString().ShouldBe(links[i - 1].GetProperty("fingerprint").GetString());
        links[^1].GetProperty("type").GetString().ShouldBe("CLO-Month");

        var closures = JsonDocument.Parse(Read("closures.json")).RootElement.GetProperty("closures").EnumerateArray().ToList();
        closures.Count.ShouldBe(1);
        DocumentFingerprint.Compute(closures[0].GetProperty("canonicalText").GetString()!).ShouldBe(closures[0].GetProperty("closure").GetProperty("fingerprint").GetString());

        var audit = Encoding.UTF8.GetString(Read("audit-log.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        audit.Select(e => e.GetProperty("action").GetString()).ShouldContain("invoice.validated");
        audit.Select(e => e.GetProperty("action").GetString()).ShouldContain("closure.closed");
        audit.Select(e => e.GetProperty("action").GetString()).ShouldContain("compliance.archive.exported");
    }

    /// <summary>The escaping docs/compliance.md gives: backslash, bar, CR and LF preceded by a backslash.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>The canonical text rebuilt from the archived JSON with nothing but docs/compliance.md, section 2.</summary>
    private static string RebuildCanonical(JsonElement d)
    {
        static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
        static string? Scaled(JsonElement e, string name, decimal scale) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? decimal.ToInt64(decimal.Round(v.GetDecimal() * scale, 0, MidpointRounding.AwayFromZero)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        static string? Date(JsonElement e, string name) => Str(e, name)?.Replace("-", "", StringComparison.Ordinal);
        static string Flag(JsonElement e, string name) => e.GetProperty(name).GetBoolean() ? "1" : "0";
        static string? Address(JsonElement e, string name) => e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Object
            ? string.Join(";", Str(a, "line1"), Str(a, "line2") ?? "", Str(a, "postalCode"), Str(a, "city"), Str(a, "countryCode")) : null;
        var text = new StringBuilder();
        void Record(params string?[] fields) => text.Append(string.Join("|", fields.Select(f => Escape(f ?? "")))).Append('\n');

        var validatedAt = DateTimeOffset.Parse(Str(d, "validatedAt")!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        Record("KOBAN-DOC-1", Str(d, "companyId"), Str(d, "typeCode"), Str(d, "number"), Date(d, "issueDate"), Date(d, "dueDate"), validatedAt, Str(d, "chainSequence"),
            Str(d, "currency"), Str(d, "orderId"), Str(d, "correctedInvoiceId"), Str(d, "customerReference"));
        var s = d.GetProperty("seller");
        Record("SELLER", Str(s, "legalName"), Str(s, "legalForm"), Scaled(s, "shareCapital", 100m), Address(s, "address"), Str(s, "siren"), Str(s, "rcsCity"), Str(s, "vatNumber"),
            Str(s, "iban"), Str(s, "bic"), Flag(s, "vatFranchise"), Flag(s, "vatOnDebits"), Scaled(s, "latePaymentPenaltyRate", 100m));
        var b = d.GetProperty("buyer");
        Record("BUYER", Str(b, "customerId"), Str(b, "name"), Flag(b, "isBusiness"), Str(b, "countryCode"), Str(b, "vatRegime"), Address(b, "billingAddress"), Address(b, "deliveryAddress"),
            Str(b, "siren"), Str(b, "vatNumber"), Str(b, "accountingCode"));
        Record("TERMS", Str(d.GetProperty("paymentTerms"), "kind"), Str(d.GetProperty("paymentTerms"), "days"), Str(d, "paymentMethod"));
        foreach (var l in d.GetProperty("lines").EnumerateArray())
        {
            Record("LINE", Str(l, "position"), Str(l, "kind"), Str(l, "productId"), Str(l, "description"), Scaled(l, "quantity", 1000m), Str(l, "unitCode"), Scaled(l, "unitPrice", 10000m),
                Scaled(l, "discountPercent", 100m), Scaled(l, "vatRate", 100m), Str(l, "vatCategoryCode"), Scaled(l, "netAmount", 100m), Str(l, "orderLineId"), Str(l, "deductedInvoiceId"),
                Scaled(l, "deductedVat", 100m), Str(l, "sourceLineId"));
            if (Str(l, "serviceStart") is not null) Record("PERIOD", Date(l, "serviceStart"), Date(l, "serviceEnd"));
        }
        foreach (var r in d.GetProperty("vatBreakdown").EnumerateArray())
            Record("VAT", Scaled(r, "rate", 100m), Str(r, "categoryCode"), Scaled(r, "base", 100m), Scaled(r, "vat", 100m));
        foreach (var note in d.GetProperty("legalNotes").EnumerateArray())
            Record("NOTE", note.GetString());
        var t = d.GetProperty("totals");
        Record("TOTAL", Scaled(t, "totalExcludingVat", 100m), Scaled(t, "totalVat", 100m), Scaled(t, "totalIncludingVat", 100m));
        Record("PREVIOUS", Str(d, "previousFingerprint"));
        return text.ToString();
    }

    private static string CanonicalTotal(JsonElement json)
    {
        static string Cents(JsonElement v) => decimal.ToInt64(v.GetDecimal() * 100m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var totals = json.GetProperty("totals");
        return $"TOTAL|{Cents(totals.GetProperty("totalExcludingVat"))}|{Cents(totals.GetProperty("totalVat"))}|{Cents(totals.GetProperty("totalIncludingVat"))}";
    }
}
