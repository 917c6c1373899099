using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features;

[NonParallelizable]
public sealed class RateLimitTests : ApiTest
{
    [Test]
    public async Task Past_the_limit_a_caller_gets_429_with_Retry_After_and_other_callers_are_unaffected()
    {
        await using var factory = new ApiFactory(Factory.Database, new Dictionary<string, string?> { ["Koban:RateLimits:PerMinute"] = "5", ["Koban:Database:Migrate"] = "false" });
        var company = await NewCompanyAsync(factory: factory);
        var (client, _, _) = await NewApiKeyAsync(company, "company:read");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++) last = await client.GetAsync("/api/v1/company");
        await last!.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        var (other, _, _) = await NewApiKeyAsync(company, "company:read");
        await (await other.GetAsync("/api/v1/company")).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        await using var factory = new ApiFactory(Factory.Database, new Dictionary<string, string?> { ["Koban:RateLimits:LoginPerMinute"] = "3", ["Koban:Database:Migrate"] = "false" });
        var client = Anonymous(factory);
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++) last = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = UniqueEmail(), password = "Whatever-Pass-1" });
        await last!.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        last!.Headers.Contains("Retry-After").ShouldBeTrue();
    }
}
