using Koban.Api.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>
/// Two API instances on a database of their own, sharing a <see cref="FakeTimeProvider"/> and an SMTP server the tests
/// switch on and off. Their background senders are off: tests run the dispatcher themselves and move the clock, so
/// retries, back-off and token expiry are exact. A separate database keeps the shared factory's sender (which runs for
/// real) from delivering these messages.
/// </summary>
public sealed class ClockedMailHost
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ClockedMailHost? _instance;

    private ClockedMailHost(TestDatabase database, FakeTimeProvider clock, TestSmtpServer smtp, ApiFactory first, ApiFactory second)
    {
        Database = database;
        Clock = clock;
        Smtp = smtp;
        First = first;
        Second = second;
    }

    public const int MaxAttempts = 3;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public TestSmtpServer Smtp { get; }

    /// <summary>The instance tests talk to over HTTP.</summary>
    public ApiFactory First { get; }

    /// <summary>A second instance on the same database (no migrations), for the "several senders" cases.</summary>
    public ApiFactory Second { get; }

    public static async Task<ClockedMailHost> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_instance is not null) return _instance;
            var database = await TestDatabase.CreateAsync("koban_mail");
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var smtp = TestSmtpServer.Reserve();
            Dictionary<string, string?> Settings(bool migrate)
            {
                var settings = ApiFactory.MailTo(smtp);
                settings["Koban:Mail:SenderEnabled"] = "false";
                settings["Koban:Mail:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings["Koban:Mail:SmtpTimeoutSeconds"] = "10";
                settings["Koban:Database:Migrate"] = migrate ? "true" : "false";
                return settings;
            }
            void UseClock(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            var first = new ApiFactory(database, Settings(migrate: true), UseClock);
            _ = first.Server;
            var second = new ApiFactory(database, Settings(migrate: false), UseClock);
            _ = second.Server;
            _instance = new ClockedMailHost(database, clock, smtp, first, second);
            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>One run of the first instance's sender, as its background service would do.</summary>
    public Task<int> DispatchAsync(ApiFactory? instance = null) =>
        (instance ?? First).Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Marks whatever earlier tests left in the queue as failed, so a test's sender runs see only its own mail.</summary>
    public async Task ClearQueueAsync() =>
        await ExecuteAsOwnerAsync("UPDATE outbox_messages SET status = 'Failed' WHERE status IN ('Pending', 'Sending')");

    /// <summary>Raw SQL as the tables' owner, across companies (the row-level security policy's system switch).</summary>
    public async Task<int> ExecuteAsOwnerAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Database.Owner);
        await connection.OpenAsync();
        await using (var system = new Npgsql.NpgsqlCommand("SELECT set_config('koban.system', 'on', false)", connection))
        {
            await system.ExecuteNonQueryAsync();
        }
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task DisposeIfStartedAsync()
    {
        if (_instance is null) return;
        await _instance.First.DisposeAsync();
        await _instance.Second.DisposeAsync();
        await _instance.Smtp.DisposeAsync();
        await _instance.Database.DropAsync();
        _instance = null;
    }
}
