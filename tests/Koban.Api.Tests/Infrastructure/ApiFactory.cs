using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>The real application over HTTP, on a real PostgreSQL database, connected as the non-owner application
/// role; migrations run at start-up exactly as in production.</summary>
public sealed class ApiFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Koban", Database.App);
        builder.UseSetting("ConnectionStrings:KobanOwner", Database.Owner);
        builder.UseSetting("Koban:Database:Migrate", "true");
        builder.UseSetting("Koban:Database:AppRole", TestDatabase.AppRole);
        builder.UseSetting("Koban:Demo:Seed", "false");
        builder.UseSetting("Koban:RateLimits:PerMinute", "100000");
        builder.UseSetting("Koban:RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("Koban:Compliance:AutoClose", "false"); // tests drive the closure job themselves, on a fake clock
        builder.UseSetting("Koban:Scheduler:Enabled", "false"); // tests run the reminder job themselves; scheduler tests switch it on
        builder.UseSetting("Koban:ReceivableTotals:Worker", "false"); // tests run the compaction themselves (ReceivableTotalsCompactor)
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
        EnsureNoBackgroundMailSender(settings);
    }

    /// <summary>A host that can reach an SMTP server must not also send from a background timer: on a database other
    /// hosts share, whichever sender polls first would deliver a test's mail to another test's server, and a test
    /// waiting for mail would depend on the machine's speed. Tests run the sender themselves
    /// (<see cref="TestSmtpServer.DeliveredBy"/>, <see cref="ClockedMailHost.DispatchAsync"/>).</summary>
    public static void EnsureNoBackgroundMailSender(IReadOnlyDictionary<string, string?>? settings)
    {
        if (settings is null || string.IsNullOrEmpty(settings.GetValueOrDefault("Koban:Smtp:Host"))) return;
        if (!string.Equals(settings.GetValueOrDefault("Koban:Mail:SenderEnabled"), "false", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "A test host with Koban:Smtp:Host must set Koban:Mail:SenderEnabled=false and drive the outbox sender itself (ApiFactory.MailTo does).");
        }
    }

    /// <summary>
    /// Settings for a second host on a database other tests share, when that host runs on a fake clock: none of the
    /// background workers that act on every company's rows by the time (export queue leases, outbox retries, idempotency
    /// clean-up, PDF archiving) may run there, or a clock months ahead would take over or delete other tests' work.
    /// </summary>
    public static Dictionary<string, string?> NoBackgroundWork(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Koban:Database:Migrate"] = "false",
            ["Koban:AccountingExport:Worker"] = "false",
            ["Koban:Mail:SenderEnabled"] = "false",
            ["Koban:Archive:Worker"] = "false",
            ["Koban:Idempotency:Cleanup"] = "false",
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    /// <summary>Settings that send the API's mail to <paramref name="smtp"/> when the test runs the outbox sender (the
    /// background sender is off: see <see cref="EnsureNoBackgroundMailSender"/>).</summary>
    public static Dictionary<string, string?> MailTo(TestSmtpServer smtp) => new()
    {
        ["Koban:Smtp:Host"] = "127.0.0.1",
        ["Koban:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Koban:Smtp:From"] = "noreply@koban.test",
        ["Koban:Mail:SenderEnabled"] = "false",
        ["Koban:PublicUrl"] = "http://koban.test:5080",
    };
}
