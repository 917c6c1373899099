using System.Net;
using System.Net.Http.Json;
using Koban.Api.Features.Payments;
using Koban.Api.Features.Reminders;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Receivables;
using Koban.Domain.Receivables.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Koban.Api.Tests.Features.Reminders;

/// <summary>
/// Two API instances on a database of their own sharing a <see cref="FakeTimeProvider"/>: the reminder tests move the
/// clock and run the job themselves (schedulers and mail senders off), on one instance or both at once.
/// </summary>
public sealed class ReminderHost : IAsyncDisposable
{
    internal ReminderHost(TestDatabase database, FakeTimeProvider clock, ApiFactory first, ApiFactory second)
    {
        Database = database;
        Clock = clock;
        First = first;
        Second = second;
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public ApiFactory First { get; }
    public ApiFactory Second { get; }

    public static Dictionary<string, string?> Settings(bool migrate, bool scheduler = false)
    {
        var settings = ApiFactory.MailTo(TestSmtpServer.Reserve());
        settings["Koban:Mail:SenderEnabled"] = "false";
        settings["Koban:Archive:Worker"] = "false";
        settings["Koban:Database:Migrate"] = migrate ? "true" : "false";
        settings["Koban:Scheduler:Enabled"] = scheduler ? "true" : "false";
        return settings;
    }

    public static async Task<ReminderHost> StartAsync()
    {
        var database = await TestDatabase.CreateAsync("koban_rem");
        // Mid-morning in Paris, so "today" is the same date in UTC and in the company's zone.
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero));
        var first = new ApiFactory(database, Settings(migrate: true), s => UseClock(s, clock));
        _ = first.Server;
        var second = new ApiFactory(database, Settings(migrate: false), s => UseClock(s, clock));
        _ = second.Server;
        return new ReminderHost(database, clock, first, second);
    }

    public static void UseClock(IServiceCollection services, TimeProvider clock) => services.Replace(ServiceDescriptor.Singleton(clock));

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public void MoveTo(DateOnly day) => Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    public Task<int> RunAsync(ApiFactory? instance = null) =>
        (instance ?? First).Services.GetRequiredService<ReminderRunner>().RunOnceAsync(CancellationToken.None);

    /// <summary>A company with a complete profile (30 days terms, 12,15 %), reminders switched on with the default levels,
    /// and a business customer whose billing contact is claire@durand.fr.</summary>
    public async Task<Tenant> CompanyAsync(bool remindersOn = true, object? customer = null)
    {
        var company = await ApiTestAccess.NewCompanyAsync(First);
        var admin = company.Admin;
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag);
        await (await admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
        var (created, _) = await CustomerTests.CreateAsync(admin, customer ?? CustomerTests.Business());
        if (remindersOn)
        {
            var read = await admin.GetAsync("/api/v1/reminders/settings");
            var levels = (await read.Json()).GetProperty("levels");
            var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/reminders/settings")
            {
                Content = JsonContent.Create(new { enabled = true, levels }),
            }.WithIfMatch(read.Headers.ETag));
            await response.ShouldHaveStatus(HttpStatusCode.OK);
        }
        return new Tenant(company, created.GetProperty("id").GetGuid());
    }

    /// <summary>A validated direct invoice of one service line (net × 1,20 including VAT); returns its id, number and due date.</summary>
    public static async Task<(Guid Id, string Number, DateOnly DueDate)> InvoiceAsync(Tenant company, decimal net = 1000m)
    {
        var admin = company.Company.Admin;
        var draft = await admin.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId = company.CustomerId,
            lines = new[] { new { kind = "Free", description = "Prestation de conseil", quantity = 1m, unitCode = "C62", unitPrice = net, vatRate = 20m, nature = "Service" } },
        });
        await draft.ShouldHaveStatus(HttpStatusCode.Created);
        var id = (await draft.Json()).GetProperty("id").GetGuid();
        var validated = await admin.PostAsJsonAsync($"/api/v1/invoices/{id}/validate", new { });
        await validated.ShouldHaveStatus(HttpStatusCode.OK);
        var body = await validated.Json();
        return (id, body.GetProperty("number").GetString()!, DateOnly.Parse(body.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Runs <paramref name="work"/> as the company, as background work does.</summary>
    public async Task<T> AsCompanyAsync<T>(Guid companyId, Func<IServiceProvider, KobanDbContext, Task<T>> work, ApiFactory? instance = null)
    {
        using var scope = (instance ?? First).Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(companyId, null, "Test");
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<KobanDbContext>());
    }

    public Task<List<InvoiceReminder>> RemindersAsync(Guid companyId, Guid invoiceId) =>
        AsCompanyAsync(companyId, (_, db) => db.InvoiceReminders.AsNoTracking().Where(r => r.InvoiceId == invoiceId).OrderBy(r => r.Level).ToListAsync());

    public Task<List<OutboxMessage>> MailsAsync(Guid companyId, Guid invoiceId) =>
        AsCompanyAsync(companyId, (_, db) => db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).Where(m => m.EntityId == invoiceId).OrderBy(m => m.CreatedAt).ToListAsync());

    /// <summary>Records a bank receipt of <paramref name="amount"/> dated <paramref name="date"/> allocated to the invoice,
    /// through the receivables ledger (the payments API is another part of this issue).</summary>
    public Task<bool> PayAsync(Guid companyId, Guid customerId, Guid invoiceId, decimal amount, DateOnly date) =>
        AsCompanyAsync(companyId, async (services, db) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var receipt = ReceivableItem.Create(ReceivableKind.Receipt, customerId, Guid.CreateVersion7(), "VIR-TEST", date, null, amount, Clock.GetUtcNow());
            db.ReceivableItems.Add(receipt);
            await services.GetRequiredService<ReceivablesLedger>().AllocateAsync(receipt, [new AllocationRequest(invoiceId, amount)], date, "allocations", CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return true;
        });

    public Task<bool> DisputeAsync(Guid companyId, Guid invoiceId, bool disputed) =>
        AsCompanyAsync(companyId, async (_, db) =>
        {
            var item = await db.ReceivableItems.SingleAsync(i => i.SourceId == invoiceId && i.Kind == ReceivableKind.Invoice);
            if (disputed) item.FlagDispute("Livraison contestée", Clock.GetUtcNow());
            else item.ClearDispute();
            await db.SaveChangesAsync();
            return true;
        });

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await Database.DropAsync();
    }

    public sealed record Tenant(TestCompany Company, Guid CustomerId)
    {
        public Guid Id => Company.Id;
    }
}

/// <summary>A <see cref="ReminderHost"/> over factories a test built itself (and disposes itself).</summary>
internal sealed record ReminderHostView(TestDatabase Database, FakeTimeProvider Clock, ApiFactory First, ApiFactory Second)
{
    public ReminderHost Host { get; } = new(Database, Clock, First, Second);
}

/// <summary>Opens the protected helpers of <see cref="ApiTest"/> to the host above.</summary>
internal sealed class ApiTestAccess : ApiTest
{
    public static new Task<TestCompany> NewCompanyAsync(string name = "Société de test SAS", ApiFactory? factory = null) => ApiTest.NewCompanyAsync(name, factory);

    public static Task<TestCompany> NewCompanyAsync(ApiFactory factory) => ApiTest.NewCompanyAsync("Société de test SAS", factory);

    public static new Task<HttpClient> SignInAsync(string email, string password, ApiFactory? factory = null) => ApiTest.SignInAsync(email, password, factory);

    public const string AdminPassword = Password;

    public static new Task<(HttpClient Client, Guid Id, string Email)> NewUserAsync(TestCompany company, string role) => ApiTest.NewUserAsync(company, role);
}
