using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features;

/// <summary>
/// Never an error for a request whose transaction committed (<see cref="CommittedRequests"/>): a host whose database
/// fails right after the request's commit, on demand (<see cref="FailAfterCommit"/>), answers what tells the client the
/// action happened, and an idempotent retry gets the same answer without acting twice.
/// </summary>
public sealed class CommittedRequestTests : ApiTest
{
    /// <summary>The request header that asks <see cref="FailAfterCommit"/> to fail: <c>read</c> — the first read after the
    /// commit loses its connection (a transient database failure, else a 503); <c>commit</c> — the code right after the
    /// commit throws (a bug, else a 500).</summary>
    private const string FaultHeader = "X-Test-Fail-After-Commit";

    /// <summary>Test-only fault: registered by this fixture's host after the application's own interceptors, so the
    /// request's <see cref="CommitTracker"/> has already seen the commit when it fails. Shared by every context, like the
    /// application's interceptors: the tracker is the intercepted context's (its scope's).</summary>
    private sealed class FailAfterCommit(IHttpContextAccessor accessor) : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
    {
        private static bool Committed(DbContext? context) => context is KobanDbContext { Commits.Committed: true };

        private string? Mode => accessor.HttpContext?.Request.Headers[FaultHeader].ToString() is { Length: > 0 } mode ? mode : null;

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            if (Committed(eventData.Context) && Mode == "read")
                throw new Npgsql.NpgsqlException("Injected: the connection dropped after the commit", new System.IO.IOException("connection reset"));
            return ValueTask.FromResult(result);
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            ThrowIfCommitted(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ThrowIfCommitted(eventData.Context);
            return Task.CompletedTask;
        }

        private void ThrowIfCommitted(DbContext? context)
        {
            if (Committed(context) && Mode == "commit") throw new InvalidOperationException("Injected: a failure right after the commit");
        }
    }

    private static ApiFactory? _host;

    [OneTimeSetUp]
    public void StartHost() => _host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(), s =>
        s.ConfigureDbContext<KobanDbContext>((services, options) =>
            options.AddInterceptors(new FailAfterCommit(services.GetRequiredService<IHttpContextAccessor>()))));

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    private static async Task<(TestCompany Company, Guid CustomerId)> CompanyAsync()
    {
        var company = await NewCompanyAsync(factory: _host);
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) };
        await (await company.Admin.SendAsync(put.WithIfMatch(etag))).ShouldHaveStatus(HttpStatusCode.OK);
        var (customer, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business());
        return (company, customer.GetProperty("id").GetGuid());
    }

    private static object DirectInvoice(Guid customerId) => new
    {
        customerId,
        lines = new[] { new { kind = "Free", description = "Intervention de dépannage", quantity = 1.5m, unitCode = "HUR", unitPrice = 60m, vatRate = 20m, nature = "Service" } },
    };

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body, string? fault, string? key)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (fault is not null) request.Headers.Add(FaultHeader, fault);
        if (key is not null) request.Headers.Add(IdempotencyMiddleware.Header, key);
        return request;
    }

    private static async Task<JsonElement> Invoices(HttpClient client, Guid customerId) =>
        (await (await client.GetAsync($"/api/v1/invoices?customerId={customerId}")).Json()).GetProperty("items");

    private static async Task ShouldBeSeeOther(HttpResponseMessage response, string location, bool replayed)
    {
        await response.ShouldHaveStatus(HttpStatusCode.SeeOther);
        response.Headers.Location?.OriginalString.ShouldBe(location);
        response.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBe(replayed);
    }

    [TestCase("read")]
    [TestCase("commit")]
    public async Task A_creation_that_fails_after_its_commit_answers_303_to_the_created_resource_and_an_idempotent_retry_creates_nothing_more(string fault)
    {
        var (company, customerId) = await CompanyAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await company.Admin.SendAsync(Request(HttpMethod.Post, "/api/v1/invoices", DirectInvoice(customerId), fault, key));
        var invoices = await Invoices(company.Admin, customerId);
        invoices.GetArrayLength().ShouldBe(1, "the invoice was created");
        var location = $"/api/v1/invoices/{invoices[0].GetProperty("id").GetGuid()}";
        await ShouldBeSeeOther(first, location, replayed: false);
        (await (await company.Admin.GetAsync(location)).Json()).GetProperty("status").GetString().ShouldBe("Draft");

        using var retry = await company.Admin.SendAsync(Request(HttpMethod.Post, "/api/v1/invoices", DirectInvoice(customerId), null, key));
        await ShouldBeSeeOther(retry, location, replayed: true);
        (await Invoices(company.Admin, customerId)).GetArrayLength().ShouldBe(1, "the retry created nothing");

        // without an Idempotency-Key the exception handler gives the same kind of answer
        using var unkeyed = await company.Admin.SendAsync(Request(HttpMethod.Post, "/api/v1/invoices", DirectInvoice(customerId), fault, null));
        await unkeyed.ShouldHaveStatus(HttpStatusCode.SeeOther);
        var ids = (await Invoices(company.Admin, customerId)).EnumerateArray().Select(i => $"/api/v1/invoices/{i.GetProperty("id").GetGuid()}").ToList();
        ids.Count.ShouldBe(2);
        ids.ShouldContain(unkeyed.Headers.Location!.OriginalString);
        unkeyed.Headers.Location!.OriginalString.ShouldNotBe(location);
    }

    [Test]
    public async Task A_validation_that_fails_after_its_commit_answers_303_to_the_invoice_numbered_once_and_a_retry_validates_nothing_more()
    {
        var (company, customerId) = await CompanyAsync();
        var draft = await (await company.Admin.PostAsJsonAsync("/api/v1/invoices", DirectInvoice(customerId))).Json();
        var id = draft.GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        using var first = await company.Admin.SendAsync(Request(HttpMethod.Post, $"/api/v1/invoices/{id}/validate", new { }, "read", key));
        await ShouldBeSeeOther(first, $"/api/v1/invoices/{id}", replayed: false);
        var invoice = await (await company.Admin.GetAsync($"/api/v1/invoices/{id}")).Json();
        invoice.GetProperty("status").GetString().ShouldBe("Validated");
        var number = invoice.GetProperty("number").GetString()!;
        number.ShouldMatch(@"^FA-\d{4}-00001$");

        using var retry = await company.Admin.SendAsync(Request(HttpMethod.Post, $"/api/v1/invoices/{id}/validate", new { }, "read", key));
        await ShouldBeSeeOther(retry, $"/api/v1/invoices/{id}", replayed: true);
        var after = await (await company.Admin.GetAsync($"/api/v1/invoices/{id}")).Json();
        (after.GetProperty("number").GetString(), after.GetProperty("chainSequence").GetInt64()).ShouldBe((number, invoice.GetProperty("chainSequence").GetInt64()));
        var entries = await (await company.Admin.GetAsync($"/api/v1/accounting/entries?sourceId={id}")).Json();
        entries.GetProperty("items").GetArrayLength().ShouldBe(1, "one sales entry");
    }

    [Test]
    public async Task A_delete_that_fails_after_its_commit_answers_204_and_a_retry_gets_the_same_answer()
    {
        var (company, customerId) = await CompanyAsync();
        var keyed = (await (await company.Admin.PostAsJsonAsync("/api/v1/invoices", DirectInvoice(customerId))).Json()).GetProperty("id").GetGuid();
        var unkeyed = (await (await company.Admin.PostAsJsonAsync("/api/v1/invoices", DirectInvoice(customerId))).Json()).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        using var first = await company.Admin.SendAsync(Request(HttpMethod.Delete, $"/api/v1/invoices/{keyed}", null, "commit", key));
        await first.ShouldHaveStatus(HttpStatusCode.NoContent);
        await (await company.Admin.GetAsync($"/api/v1/invoices/{keyed}")).ShouldHaveStatus(HttpStatusCode.NotFound);

        using var retry = await company.Admin.SendAsync(Request(HttpMethod.Delete, $"/api/v1/invoices/{keyed}", null, "commit", key));
        await retry.ShouldHaveStatus(HttpStatusCode.NoContent);
        retry.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).ShouldBeTrue("the retry is answered from the stored answer");

        using var withoutKey = await company.Admin.SendAsync(Request(HttpMethod.Delete, $"/api/v1/invoices/{unkeyed}", null, "commit", null));
        await withoutKey.ShouldHaveStatus(HttpStatusCode.NoContent);
        (await Invoices(company.Admin, customerId)).GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task A_refusal_and_a_failure_before_any_commit_are_still_answered_as_such()
    {
        var (company, _) = await CompanyAsync();
        await (await company.Admin.SendAsync(Request(HttpMethod.Post, "/api/v1/invoices", DirectInvoice(Guid.NewGuid()), "read", Guid.NewGuid().ToString())))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        await (await company.Admin.SendAsync(Request(HttpMethod.Delete, $"/api/v1/invoices/{Guid.NewGuid()}", null, "commit", null)))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public void Every_write_endpoint_tracks_its_commits()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.All(p => !p.IsCatchAll))
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(50);
        endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<CommitTrackedMetadata>() is null)
            .Select(e => $"{string.Join(',', e.Methods)} {e.Endpoint.RoutePattern.RawText}").ShouldBeEmpty("every write endpoint arms the commit tracker");
    }
}
