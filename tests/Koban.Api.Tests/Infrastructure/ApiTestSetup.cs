using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests;

[SetUpFixture]
public sealed class ApiTestSetup
{
    public static ApiFactory Factory { get; private set; } = null!;

    /// <summary>Receives every e-mail the shared <see cref="Factory"/> sends; waiting on it runs the factory's outbox
    /// sender.</summary>
    public static TestSmtpServer Smtp { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var database = await TestDatabase.CreateAsync("koban_test");
        Smtp = await TestSmtpServer.StartAsync();
        var settings = ApiFactory.MailTo(Smtp);
        // Archiving happens in the validating request; the retry worker's 30 s pass would race tests that drive it.
        settings["Koban:Archive:Worker"] = "false";
        Factory = new ApiFactory(database, settings);
        Smtp.DeliveredBy(Factory);
        _ = Factory.Server; // starts the host: migrations and security set-up run now
    }

    /// <summary>Delivers every due mail of the shared database to <see cref="Smtp"/> (one pass of the shared factory's
    /// sender). Tests run it before asserting what was sent, and before a host of their own drives the outbox, so that
    /// what earlier tests queued never reaches that host's server.</summary>
    public static Task<int> DeliverQueuedMailAsync() => Smtp.DeliverQueuedAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await ClockedMailHost.DisposeIfStartedAsync();
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await Factory.Database.DropAsync();
    }
}
