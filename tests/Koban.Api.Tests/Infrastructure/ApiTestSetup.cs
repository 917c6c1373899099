using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests;

[SetUpFixture]
public sealed class ApiTestSetup
{
    public static ApiFactory Factory { get; private set; } = null!;

    /// <summary>Receives every e-mail the shared <see cref="Factory"/> sends.</summary>
    public static TestSmtpServer Smtp { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var database = await TestDatabase.CreateAsync("koban_test");
        Smtp = await TestSmtpServer.StartAsync();
        Factory = new ApiFactory(database, ApiFactory.MailTo(Smtp));
        _ = Factory.Server; // starts the host: migrations and security set-up run now
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await ClockedMailHost.DisposeIfStartedAsync();
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await Factory.Database.DropAsync();
    }
}
