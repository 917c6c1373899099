using System.Net;
using System.Text.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koban.Api.Tests.Features.Speed;

/// <summary>
/// The context options are built once for the application and their interceptors are shared by every context
/// (issue 12 §5, the CPU of building a context per request): the company a connection acts for must still come from the
/// context's own actor, never from whichever context or request used the interceptor or the physical connection before.
/// </summary>
public sealed class SharedContextOptionsTests : ApiTest
{
    private static Task<string> CompanySetting(KobanDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT current_setting('koban.company_id') AS \"Value\"").SingleAsync();

    private static Task<long> VisibleCompanies(KobanDbContext db, Guid a, Guid b) =>
        db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM companies WHERE id IN ({a}, {b})").SingleAsync();

    private static Task<int> BackendPid(KobanDbContext db) =>
        db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();

    [Test]
    public async Task Two_live_contexts_of_different_companies_share_the_options_but_each_acts_for_its_own_company()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        using var scopeA = Factory.Services.CreateScope();
        using var scopeB = Factory.Services.CreateScope();
        scopeA.ServiceProvider.GetRequiredService<DbContextOptions<KobanDbContext>>()
            .ShouldBeSameAs(scopeB.ServiceProvider.GetRequiredService<DbContextOptions<KobanDbContext>>(), "the options (and their interceptors) are built once");
        scopeA.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(a.Id, null, "Test A");
        scopeB.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(b.Id, null, "Test B");
        var dbA = scopeA.ServiceProvider.GetRequiredService<KobanDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<KobanDbContext>();
        await dbA.Database.OpenConnectionAsync();
        await dbB.Database.OpenConnectionAsync();

        // Interleaved: each command goes through the same interceptor instance, one context after the other.
        (await CompanySetting(dbA)).ShouldBe(a.Id.ToString());
        (await CompanySetting(dbB)).ShouldBe(b.Id.ToString());
        (await dbA.Customers.IgnoreQueryFilters().Select(c => c.CompanyId).Distinct().ToListAsync()).ShouldAllBe(id => id == a.Id);
        (await VisibleCompanies(dbA, a.Id, b.Id)).ShouldBe(1);
        (await CompanySetting(dbA)).ShouldBe(a.Id.ToString(), "B's setting is not taken for A's");
        (await CompanySetting(dbB)).ShouldBe(b.Id.ToString());
        scopeA.ServiceProvider.GetRequiredService<DatabaseSession>().ContextSettings.ShouldBe(1, "A's connection was told once, whatever B did");
        scopeB.ServiceProvider.GetRequiredService<DatabaseSession>().ContextSettings.ShouldBe(1);
    }

    [Test]
    public async Task A_physical_connection_reused_by_the_next_scope_never_carries_the_previous_actors_company_or_system_rights()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        // A private pool of one connection: every scope below gets the same PostgreSQL backend, one after the other.
        var oneConnection = new NpgsqlConnectionStringBuilder(Factory.Database.App)
        {
            MaxPoolSize = 1,
            ApplicationName = $"reuse-{Guid.NewGuid():N}",
        }.ConnectionString;

        async Task<(int Pid, string Company, long Visible)> ScopeAsync(Action<CurrentActor> act, bool rollBack = false)
        {
            using var scope = Factory.Services.CreateScope();
            act(scope.ServiceProvider.GetRequiredService<CurrentActor>());
            var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
            var original = db.Database.GetConnectionString();
            db.Database.SetConnectionString(oneConnection);
            await db.Database.OpenConnectionAsync();
            try
            {
                if (rollBack)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    (await VisibleCompanies(db, a.Id, b.Id)).ShouldBeGreaterThan(0L);
                    await transaction.RollbackAsync();
                }
                return (await BackendPid(db), await CompanySetting(db), await VisibleCompanies(db, a.Id, b.Id));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
                db.Database.SetConnectionString(original); // the context goes back to the application's pool
            }
        }

        var system = await ScopeAsync(actor => actor.EnterSystemScope());
        system.Visible.ShouldBe(2L, "a system scope reads across companies");
        var first = await ScopeAsync(actor => actor.Impersonate(a.Id, null, "Test A"));
        first.Pid.ShouldBe(system.Pid, "the test needs the same physical connection");
        (first.Company, first.Visible).ShouldBe((a.Id.ToString(), 1L), "the next scope does not inherit the system rights");
        var second = await ScopeAsync(actor => actor.Impersonate(b.Id, null, "Test B"), rollBack: true);
        second.Pid.ShouldBe(system.Pid);
        (second.Company, second.Visible).ShouldBe((b.Id.ToString(), 1L), "B after A on one connection, a rollback in between");
        var anonymous = await ScopeAsync(_ => { });
        anonymous.Pid.ShouldBe(system.Pid);
        (anonymous.Company, anonymous.Visible).ShouldBe((string.Empty, 0L), "an actor without a company sees no company's rows");
    }

    [Test]
    public async Task A_statement_prepared_for_one_company_stays_prepared_on_the_connection_and_shows_the_next_company_only_its_rows()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        var (customerA, _) = await CustomerTests.CreateAsync(a.Admin, CustomerTests.Business());
        var (customerB, _) = await CustomerTests.CreateAsync(b.Admin, CustomerTests.Business());
        // The application's own connection string (automatic preparation on), in a private pool of one connection.
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Koban"] = Factory.Database.App }).Build();
        var oneConnection = new NpgsqlConnectionStringBuilder(DatabaseSetup.AppConnectionString(settings))
        {
            MaxPoolSize = 1,
            ApplicationName = $"prepared-{Guid.NewGuid():N}",
        };
        oneConnection.MaxAutoPrepare.ShouldBe(DatabaseSetup.AutoPreparedStatements);

        async Task<(int Pid, List<Guid> Customers, long Prepared)> ScopeAsync(Guid company)
        {
            using var scope = Factory.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(company, null, "Test");
            var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
            var original = db.Database.GetConnectionString();
            db.Database.SetConnectionString(oneConnection.ConnectionString);
            await db.Database.OpenConnectionAsync();
            try
            {
                var customers = new List<Guid>();
                for (var i = 0; i < 3; i++)
                    customers = await db.Customers.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Id).ToListAsync();
                var prepared = await db.Database.SqlQueryRaw<long>(
                    "SELECT count(*) AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%FROM customers%' AND statement NOT LIKE '%pg_prepared_statements%'").SingleAsync();
                return (await BackendPid(db), customers, prepared);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
                db.Database.SetConnectionString(original);
            }
        }

        var first = await ScopeAsync(a.Id);
        first.Customers.ShouldBe(new[] { customerA.GetProperty("id").GetGuid() });
        first.Prepared.ShouldBeGreaterThan(0L, "a statement run more than once is prepared on the connection");
        var second = await ScopeAsync(b.Id);
        second.Pid.ShouldBe(first.Pid, "the test needs the same physical connection");
        second.Prepared.ShouldBe(first.Prepared, "the connection's reset keeps its prepared statements");
        second.Customers.ShouldHaveSingleItem().ShouldBe(customerB.GetProperty("id").GetGuid(), "the prepared plan reads the company of the new actor");
    }

    [Test]
    public async Task A_pooled_context_leased_again_reads_and_writes_only_for_its_new_scopes_company()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        var (customerA, _) = await CustomerTests.CreateAsync(a.Admin, CustomerTests.Business());
        var (customerB, _) = await CustomerTests.CreateAsync(b.Admin, CustomerTests.Business());
        Factory.Services.GetRequiredService<IDbContextFactory<KobanDbContext>>().ShouldBeOfType<PooledDbContextFactory<KobanDbContext>>("the application pools its contexts");
        // The application's options in a pool of one context: every lease below gets the same instance back.
        var pool = new PooledDbContextFactory<KobanDbContext>(Factory.Services.GetRequiredService<DbContextOptions<KobanDbContext>>(), poolSize: 1);

        async Task<(KobanDbContext Instance, List<Guid> Customers, string Setting, Guid ProductCompany)> LeaseAsync(Guid company)
        {
            using var scope = Factory.Services.CreateScope();
            var services = scope.ServiceProvider;
            var actor = services.GetRequiredService<CurrentActor>();
            actor.Impersonate(company, null, "Test");
            await using var db = pool.CreateDbContext().Lease(actor, TimeProvider.System, services.GetRequiredService<DatabaseSession>(), services.GetRequiredService<CommitTracker>());
            var customers = await db.Customers.AsNoTracking().Select(c => c.Id).ToListAsync();
            var setting = await CompanySetting(db);
            var product = Product.Create(new ProductData($"P-{Guid.NewGuid():N}"[..20], "Produit du bail", null, "C62", 10m, 20m, null, ProductNature.Goods));
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return (db, customers, setting, product.CompanyId);
        }

        var first = await LeaseAsync(a.Id);
        first.Customers.ShouldBe(new[] { customerA.GetProperty("id").GetGuid() });
        (first.Setting, first.ProductCompany).ShouldBe((a.Id.ToString(), a.Id));
        var second = await LeaseAsync(b.Id);
        second.Instance.ShouldBeSameAs(first.Instance, "the test needs the same pooled context");
        await using (var unleased = pool.CreateDbContext())
        {
            await Should.ThrowAsync<InvalidOperationException>(() => unleased.Customers.AsNoTracking().ToListAsync(), "a context back in the pool keeps no company");
        }
        second.Customers.ShouldHaveSingleItem().ShouldBe(customerB.GetProperty("id").GetGuid(), "the query filter reads the new lessee's company");
        (second.Setting, second.ProductCompany).ShouldBe((b.Id.ToString(), b.Id), "the connection and the new row belong to the new lessee");
    }

    [Test]
    public async Task Requests_of_two_companies_through_a_single_pooled_connection_each_see_only_their_own_rows()
    {
        await using var host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Koban"] = new NpgsqlConnectionStringBuilder(Factory.Database.App) { MaxPoolSize = 1, ApplicationName = $"one-{Guid.NewGuid():N}" }.ConnectionString,
        }));
        var a = await NewCompanyAsync("Société A SAS", factory: host);
        var b = await NewCompanyAsync("Société B SAS", factory: host);
        var (customerA, _) = await CustomerTests.CreateAsync(a.Admin, CustomerTests.Business());
        var (customerB, _) = await CustomerTests.CreateAsync(b.Admin, CustomerTests.Business());

        async Task<List<Guid>> CustomersOf(HttpClient client)
        {
            var response = await client.GetAsync("/api/v1/customers");
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            return [.. (await response.Json()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
        }

        for (var round = 0; round < 3; round++)
        {
            (await CustomersOf(a.Admin)).ShouldBe(new[] { customerA.GetProperty("id").GetGuid() });
            (await CustomersOf(b.Admin)).ShouldBe(new[] { customerB.GetProperty("id").GetGuid() });
            (await a.Admin.GetAsync($"/api/v1/customers/{customerB.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            // A sign-in runs its look-up in a system scope on the same connection: the next request must not keep it.
            await SignInAsync(b.AdminEmail, Password, host);
        }
        (await Anonymous(host).GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
