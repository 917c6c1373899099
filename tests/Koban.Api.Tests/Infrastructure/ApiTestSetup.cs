using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests;

[SetUpFixture]
public sealed class ApiTestSetup
{
    public static ApiFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var database = await TestDatabase.CreateAsync("koban_test");
        Factory = new ApiFactory(database);
        _ = Factory.Server; // starts the host: migrations and security set-up run now
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Factory.DisposeAsync();
        await Factory.Database.DropAsync();
    }
}
