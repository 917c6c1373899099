using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Features.Invoicing;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Speed;

/// <summary>
/// Where the archive worker runs, a validation does not render its PDF in the request (issue 12 §5): the validated
/// document is readable at once, the worker archives it when woken, and a download before that renders and archives it
/// once. The worker's loop never runs in tests: the test marks it running and drives its passes itself.
/// </summary>
public sealed class ArchiveAfterCommitTests : ApiTest
{
    private static async Task<(HttpClient Admin, Guid CustomerId)> CompanyAsync(ApiFactory host)
    {
        var company = await NewCompanyAsync(factory: host);
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) };
        await (await company.Admin.SendAsync(put.WithIfMatch(etag))).ShouldHaveStatus(HttpStatusCode.OK);
        var (customer, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business());
        return (company.Admin, customer.GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> ValidatedAsync(HttpClient admin, Guid customerId)
    {
        var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices", new
        {
            customerId,
            lines = new[] { new { kind = "Free", description = "Conseil", quantity = 2m, unitCode = "HUR", unitPrice = 90m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        return await SalesFlowTests.Post(admin, $"/api/v1/invoices/{draft.GetProperty("id").GetGuid()}/validate");
    }

    [Test]
    public async Task A_validation_hands_the_PDF_to_the_worker_and_what_a_stopped_process_left_is_archived_at_the_next_start()
    {
        await using var host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork());
        var worker = host.Services.GetRequiredService<ArchiveWorker>();
        worker.Running = true;
        var (admin, customerId) = await CompanyAsync(host);

        var validated = await ValidatedAsync(admin, customerId);
        var id = validated.GetProperty("id").GetGuid();
        validated.GetProperty("fingerprint").GetString()!.Length.ShouldBe(64, "numbered and chained in the validating transaction");
        validated.GetProperty("archive").ValueKind.ShouldBe(JsonValueKind.Null, "the PDF is not rendered in the request");
        worker.IsAwake.ShouldBeTrue("the validation handed the document to the worker");
        (await (await admin.GetAsync($"/api/v1/invoices/{id}")).Json()).GetProperty("number").GetString().ShouldBe(validated.GetProperty("number").GetString());
        (await worker.ArchiveHandedAsync(CancellationToken.None)).ShouldBe(1, "the running loop archives what it is handed, without a scan");
        worker.IsAwake.ShouldBeFalse();
        var first = await (await admin.GetAsync($"/api/v1/invoices/{id}")).Json();
        var firstPdf = await (await admin.GetAsync($"/api/v1/invoices/{id}/pdf")).Content.ReadAsByteArrayAsync();
        first.GetProperty("archive").GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(firstPdf)));

        // A process that stops before archiving what it was handed loses nothing: the validated row without an archive
        // is the to-do, and the next process's first pass (here a second host on the same database) archives it.
        var lost = (await ValidatedAsync(admin, customerId)).GetProperty("id").GetGuid();
        await using var restarted = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork());
        while (await restarted.Services.GetRequiredService<ArchiveWorker>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }
        var archived = await (await admin.GetAsync($"/api/v1/invoices/{lost}")).Json();
        var pdf = await (await admin.GetAsync($"/api/v1/invoices/{lost}/pdf")).Content.ReadAsByteArrayAsync();
        archived.GetProperty("archive").GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
    }

    [Test]
    public async Task A_download_before_the_worker_s_pass_archives_the_PDF_once_and_the_worker_keeps_it()
    {
        await using var host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork());
        var worker = host.Services.GetRequiredService<ArchiveWorker>();
        worker.Running = true;
        var (admin, customerId) = await CompanyAsync(host);
        var id = (await ValidatedAsync(admin, customerId)).GetProperty("id").GetGuid();

        var downloads = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.GetAsync($"/api/v1/invoices/{id}/pdf")));
        var bytes = await Task.WhenAll(downloads.Select(d => d.Content.ReadAsByteArrayAsync()));
        bytes[1].ShouldBe(bytes[0], "concurrent first downloads return the one archived PDF");
        bytes[2].ShouldBe(bytes[0]);
        await worker.RunOnceAsync(CancellationToken.None);
        var sha = (await (await admin.GetAsync($"/api/v1/invoices/{id}")).Json()).GetProperty("archive").GetProperty("sha256").GetString();
        sha.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes[0])));
        (await (await admin.GetAsync($"/api/v1/invoices/{id}/pdf")).Content.ReadAsByteArrayAsync()).ShouldBe(bytes[0]);
    }

    [Test]
    public async Task A_periodic_pass_reads_only_what_was_validated_since_the_previous_one_and_the_pass_at_start_reads_everything()
    {
        await using var host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork());
        var worker = host.Services.GetRequiredService<ArchiveWorker>();
        worker.Running = true;
        var (admin, customerId) = await CompanyAsync(host);
        var validated = await ValidatedAsync(admin, customerId); // handed to the worker, never taken: a lost hand-off
        var id = validated.GetProperty("id").GetGuid();
        var validatedAt = validated.GetProperty("validatedAt").GetDateTimeOffset();

        while (await worker.RunOnceAsync(CancellationToken.None, validatedAt.AddMinutes(1)) > 0)
        {
        }
        (await (await admin.GetAsync($"/api/v1/invoices/{id}")).Json()).GetProperty("archive").ValueKind
            .ShouldBe(JsonValueKind.Null, "a periodic pass does not read documents validated before its window");

        while (await worker.RunOnceAsync(CancellationToken.None, validatedAt.Add(-ArchiveWorker.ScanOverlap)) > 0)
        {
        }
        (await (await admin.GetAsync($"/api/v1/invoices/{id}")).Json()).GetProperty("archive").ValueKind
            .ShouldBe(JsonValueKind.Object, "a document validated inside the window (overlap included) is archived");
    }
}
