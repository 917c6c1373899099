using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Speed;

/// <summary>
/// One pool checkout and one company-context setting per request, carried by its first query (issue 12 §5): every
/// statement of a request runs on the connection opened for it, and the company settings are written once — while they
/// still follow every change of the acting company or system scope and never survive a rollback.
/// </summary>
public sealed class RequestConnectionTests : ApiTest
{
    private const string OpensHeader = "X-Test-Db-Opens";
    private const string SettingsHeader = "X-Test-Db-Settings";
    private const string RoundTripsHeader = "X-Test-Db-Round-Trips";

    /// <summary>Answers each request's <see cref="DatabaseSession"/> figures in response headers, and the number of
    /// commands Npgsql sent to PostgreSQL for it (one traced activity per command or batch, i.e. per round trip).</summary>
    private sealed class SessionFigures : IStartupFilter
    {
        private static readonly ActivitySource Requests = new("Koban.Tests.RequestFigures");
        private static readonly ConcurrentDictionary<ActivityTraceId, int> RoundTrips = new();
        private static readonly ActivityListener Listener = Listen();

        private static ActivityListener Listen()
        {
            var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is "Npgsql" || source == Requests,
                Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.Source.Name == "Npgsql") RoundTrips.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
                },
            };
            ActivitySource.AddActivityListener(listener);
            return listener;
        }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, call) =>
            {
                GC.KeepAlive(Listener);
                using var request = Requests.StartActivity("request", ActivityKind.Server, parentContext: default);
                var trace = request!.TraceId;
                var session = http.RequestServices.GetRequiredService<DatabaseSession>();
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers[OpensHeader] = session.PhysicalOpens.ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers[SettingsHeader] = session.ContextSettings.ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers[RoundTripsHeader] = RoundTrips.GetValueOrDefault(trace).ToString(CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                await call(http);
            });
            next(app);
        };
    }

    private static int RoundTripsOf(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(RoundTripsHeader).Single(), CultureInfo.InvariantCulture);

    private static ApiFactory FiguresHost() =>
        new(Factory.Database, ApiFactory.NoBackgroundWork(), services => services.AddTransient<IStartupFilter, SessionFigures>());

    private static (int Opens, int Settings) Figures(HttpResponseMessage response) =>
        (int.Parse(response.Headers.GetValues(OpensHeader).Single(), CultureInfo.InvariantCulture),
         int.Parse(response.Headers.GetValues(SettingsHeader).Single(), CultureInfo.InvariantCulture));

    private static async Task CompleteProfileAsync(HttpClient admin)
    {
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) };
        await (await admin.SendAsync(put.WithIfMatch(etag))).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task Creating_validating_reading_and_listing_an_invoice_each_take_one_connection_one_company_setting_and_few_round_trips()
    {
        await using var host = FiguresHost();
        var company = await NewCompanyAsync(factory: host);
        var admin = company.Admin;
        await CompleteProfileAsync(admin);
        var (customer, _) = await CustomerTests.CreateAsync(admin, CustomerTests.Business());
        var lines = Enumerable.Range(0, 10).Select(i => new
        {
            kind = "Free",
            description = $"Prestation {i}",
            quantity = 1m + i,
            unitCode = "HUR",
            unitPrice = 65.25m + i,
            vatRate = i % 4 == 0 ? 10m : 20m,
            nature = "Service",
        }).ToArray();

        var created = await admin.PostAsJsonAsync("/api/v1/invoices", new { customerId = customer.GetProperty("id").GetGuid(), lines });
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        Figures(created).ShouldBe((1, 1), "creating a draft");
        var id = (await created.Json()).GetProperty("id").GetGuid();

        var validated = await admin.PostAsJsonAsync($"/api/v1/invoices/{id}/validate", new { });
        await validated.ShouldHaveStatus(HttpStatusCode.OK);
        Figures(validated).ShouldBe((1, 1), "validating, archiving included");

        var read = await admin.GetAsync($"/api/v1/invoices/{id}");
        await read.ShouldHaveStatus(HttpStatusCode.OK);
        Figures(read).ShouldBe((1, 1), "reading one invoice");
        RoundTripsOf(read).ShouldBe(3, "the session check carrying the company setting, the invoice with its lines, everything around it");

        var list = await admin.GetAsync("/api/v1/invoices?limit=25");
        await list.ShouldHaveStatus(HttpStatusCode.OK);
        Figures(list).ShouldBe((1, 1), "listing invoices");
        RoundTripsOf(list).ShouldBe(3, "the session check carrying the company setting, the page, the page's extras");
        // Ceilings, today's figures: the company setting costs no round trip of its own.
        RoundTripsOf(created).ShouldBeLessThanOrEqualTo(6);
        RoundTripsOf(validated).ShouldBeLessThanOrEqualTo(32);
    }

    [Test]
    public async Task A_frequent_payment_status_is_probed_once_then_listed_without_its_probe_and_still_exactly()
    {
        // A host where two matches already count as many: the first list of a status probes it, the next ones do not.
        await using var host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(new() { ["Koban:Lists:SparseFilterLimit"] = "1" }),
            services => services.AddTransient<IStartupFilter, SessionFigures>());
        var company = await NewCompanyAsync(factory: host);
        var admin = company.Admin;
        await CompleteProfileAsync(admin);
        var (customer, _) = await CustomerTests.CreateAsync(admin, CustomerTests.Business());
        var customerId = customer.GetProperty("id").GetGuid();
        var invoices = new List<JsonElement>();
        for (var i = 0; i < 2; i++)
        {
            var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices", new
            {
                customerId,
                lines = new[] { new { kind = "Free", description = $"Prestation {i}", quantity = 1m, unitCode = "C62", unitPrice = 100m + i, vatRate = 20m, nature = "Service" } },
            }, HttpStatusCode.Created);
            invoices.Add(await SalesFlowTests.Post(admin, $"/api/v1/invoices/{draft.GetProperty("id").GetGuid()}/validate", new { }));
        }
        var older = invoices[0].GetProperty("id").GetGuid();
        var newer = invoices[1].GetProperty("id").GetGuid();

        async Task<(List<Guid> Ids, int RoundTrips)> ListAsync(string status)
        {
            var response = await admin.GetAsync($"/api/v1/invoices?paymentStatus={status}");
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            var ids = (await response.Json()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            return (ids, RoundTripsOf(response));
        }

        var first = await ListAsync("Unpaid");
        first.Ids.ShouldBe([newer, older]);
        first.RoundTrips.ShouldBe(4, "the session check, the probe of the status's matches, the page, the page's extras");
        var second = await ListAsync("Unpaid");
        second.Ids.ShouldBe([newer, older]);
        second.RoundTrips.ShouldBe(3, "the status is remembered as frequent: no probe");

        // Paid in full, the older invoice leaves the unpaid ones at once, though the status is still remembered as frequent.
        var today = invoices[0].GetProperty("issueDate").GetString()!;
        var total = invoices[0].GetProperty("totals").GetProperty("totalIncludingVat").GetDecimal();
        await SalesFlowTests.Post(admin, "/api/v1/payments", Payments.PaymentsFlowTests.Receipt(customerId, today, total, (older, total)), HttpStatusCode.Created);
        var afterPayment = await ListAsync("Unpaid");
        afterPayment.Ids.ShouldBe([newer]);
        afterPayment.RoundTrips.ShouldBe(3);

        // A rare status is probed on every request: its few ids are read first, and they are the answer's only rows.
        for (var i = 0; i < 2; i++)
        {
            var paid = await ListAsync("Paid");
            paid.Ids.ShouldBe([older]);
            paid.RoundTrips.ShouldBe(4);
        }
    }

    [Test]
    public async Task An_api_key_request_also_holds_one_connection_and_sets_the_company_after_its_cross_company_key_look_up()
    {
        await using var host = FiguresHost();
        var company = await NewCompanyAsync(factory: host);
        var (client, _, _) = await NewApiKeyAsync(company, "invoices:read");
        var list = await client.GetAsync("/api/v1/invoices?limit=25");
        await list.ShouldHaveStatus(HttpStatusCode.OK);
        Figures(list).ShouldBe((1, 2), "the key look-up runs across companies, then the request runs for the key's company");
        (await list.Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task A_held_connection_follows_every_change_of_the_acting_company_and_system_scope()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        using var scope = Factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        await db.Database.OpenConnectionAsync();

        async Task<(string Company, long Visible)> Seen() =>
            (await db.Database.SqlQueryRaw<string>("SELECT current_setting('koban.company_id') AS \"Value\"").SingleAsync(),
             await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM companies WHERE id IN ({a.Id}, {b.Id})").SingleAsync());

        using (actor.EnterSystemScope())
        {
            (await Seen()).Visible.ShouldBe(2, "a system scope reads across companies");
        }
        actor.Impersonate(a.Id, null, "Test");
        (await Seen()).ShouldBe((a.Id.ToString(), 1L), "leaving the system scope on the same connection ends its rights at once");
        using (actor.EnterCompanyScope(b.Id))
        {
            (await Seen()).ShouldBe((b.Id.ToString(), 1L));
        }
        (await Seen()).ShouldBe((a.Id.ToString(), 1L), "the company scope ends with its using block");
    }

    [Test]
    public async Task A_company_setting_undone_by_a_rollback_is_written_again_before_the_next_statement()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        using var scope = Factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        actor.Impersonate(a.Id, null, "Test");
        await db.Database.OpenConnectionAsync();
        Task<string> Company() => db.Database.SqlQueryRaw<string>("SELECT current_setting('koban.company_id') AS \"Value\"").SingleAsync();
        (await Company()).ShouldBe(a.Id.ToString());

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            actor.Impersonate(b.Id, null, "Test");
            (await Company()).ShouldBe(b.Id.ToString(), "written inside the transaction");
            await transaction.RollbackAsync();
        }
        (await db.Database.SqlQueryRaw<string>("SELECT current_setting('koban.company_id') AS \"Value\"").SingleAsync()).ShouldBe(b.Id.ToString(),
            "PostgreSQL undid the setting with the rollback: it must be written again, not assumed");
    }

    [Test]
    public async Task A_setting_sent_with_a_query_that_fails_is_not_assumed_and_goes_again_with_the_next_query()
    {
        var a = await NewCompanyAsync();
        var (customer, _) = await CustomerTests.CreateAsync(a.Admin, CustomerTests.Business());
        using var scope = Factory.Services.CreateScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        await db.Database.OpenConnectionAsync();
        actor.Impersonate(a.Id, null, "Test");

        // The setting rides in the failing query's batch: PostgreSQL undoes both (one implicit transaction).
        await Should.ThrowAsync<Npgsql.PostgresException>(() => db.Database.SqlQueryRaw<int>("SELECT 1 / 0 AS \"Value\"").SingleAsync());
        await using (var raw = db.Database.GetDbConnection().CreateCommand())
        {
            raw.CommandText = "SELECT current_setting('koban.company_id', true)";
            ((string?)await raw.ExecuteScalarAsync() ?? string.Empty).ShouldBeEmpty("the failed batch left the connection without a company");
        }
        (await db.Customers.AsNoTracking().Select(c => c.Id).ToListAsync()).ShouldHaveSingleItem()
            .ShouldBe(customer.GetProperty("id").GetGuid(), "the next query carries the setting again instead of assuming it");
        scope.ServiceProvider.GetRequiredService<DatabaseSession>().ContextSettings.ShouldBe(2, "the open's (no company yet) and the one that took; not the failed one");
    }
}
