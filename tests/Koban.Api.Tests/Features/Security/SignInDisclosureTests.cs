using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Koban.Api.Tests.Features.Security;

/// <summary>
/// Sign-in never tells which addresses have an account: an unknown address, a deactivated account and a wrong password
/// get the same answers — lock-out included — and every attempt runs the password hasher exactly once (what makes the
/// timings alike; asserted by counting the real hasher's work, not by measuring time).
/// </summary>
[Parallelizable(ParallelScope.Self)] // its tests count one shared hasher: never two at once
public sealed class SignInDisclosureTests : ApiTest
{
    private sealed class HasherCalls
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>The real PBKDF2 hasher, counting its verifications.</summary>
    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options, HasherCalls calls) : PasswordHasher<KobanUser>(options)
    {
        public override PasswordVerificationResult VerifyHashedPassword(KobanUser user, string hashedPassword, string providedPassword)
        {
            calls.Add();
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static ApiFactory? _host;
    private static HasherCalls Calls => _host!.Services.GetRequiredService<HasherCalls>();

    [OneTimeSetUp]
    public void StartHost() => _host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(), s =>
    {
        s.AddSingleton<HasherCalls>();
        s.AddScoped<IPasswordHasher<KobanUser>, CountingHasher>();
    });

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    /// <summary>One attempt: the answer's visible parts and how many times the hasher ran for it.</summary>
    private static async Task<(int Status, string Code, string Title, string Shape, int Hashes)> AttemptAsync(string email, string password)
    {
        var before = Calls.Count;
        var response = await Anonymous(_host).PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        var body = await response.Json();
        var shape = string.Join(",", body.EnumerateObject().Select(p => p.Name).Where(n => n is not "traceId").Order());
        var code = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var c) ? c.GetString()! : "";
        var title = body.TryGetProperty("title", out var t) ? t.GetString()! : "";
        return ((int)response.StatusCode, code, title, shape + "|" + response.Content.Headers.ContentType?.MediaType, Calls.Count - before);
    }

    [Test]
    public async Task An_unknown_address_a_deactivated_account_and_a_wrong_password_get_the_same_answer_after_the_same_work()
    {
        var company = await NewCompanyAsync(factory: _host);
        var (_, id, deactivatedEmail) = await NewUserAsync(company, "Viewer");
        var get = await company.Admin.GetAsync($"/api/v1/users/{id}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}")
        {
            Content = JsonContent.Create(new { displayName = "Viewer Test", role = "Viewer", isActive = false }),
        }.WithIfMatch(get.Headers.ETag);
        await (await company.Admin.SendAsync(put)).ShouldHaveStatus(System.Net.HttpStatusCode.OK);

        var wrongPassword = await AttemptAsync(company.AdminEmail, "Not-The-Password-1");
        var unknown = await AttemptAsync(UniqueEmail("nobody"), "Not-The-Password-1");
        var deactivated = await AttemptAsync(deactivatedEmail, Password);

        wrongPassword.ShouldBe((401, "invalid_credentials", wrongPassword.Title, wrongPassword.Shape, 1));
        unknown.ShouldBe(wrongPassword);
        deactivated.ShouldBe(wrongPassword);
    }

    [Test]
    public async Task An_unknown_address_locks_after_five_failures_exactly_like_an_account()
    {
        var company = await NewCompanyAsync(factory: _host);
        var unknownEmail = UniqueEmail("nobody");
        var account = new List<(int, string, string, string, int)>();
        var nobody = new List<(int, string, string, string, int)>();
        for (var i = 0; i < 6; i++)
        {
            account.Add(await AttemptAsync(company.AdminEmail, $"Wrong-Password-{i}"));
            nobody.Add(await AttemptAsync(unknownEmail, $"Wrong-Password-{i}"));
        }
        account.Select(a => a.Item2).ShouldBe(["invalid_credentials", "invalid_credentials", "invalid_credentials", "invalid_credentials", "account_locked", "account_locked"]);
        nobody.ShouldBe(account);
        account.ShouldAllBe(a => a.Item5 == 1, "every attempt hashes once, locked or not");

        // The right password does not open a locked account, and the answer is the unknown address's.
        var right = await AttemptAsync(company.AdminEmail, Password);
        right.ShouldBe(await AttemptAsync(unknownEmail, Password));
        right.Item2.ShouldBe("account_locked");
    }

    [Test]
    public async Task A_successful_sign_in_clears_the_failures_of_its_address()
    {
        var company = await NewCompanyAsync(factory: _host);
        for (var i = 0; i < 4; i++) (await AttemptAsync(company.AdminEmail, $"Wrong-Password-{i}")).Item2.ShouldBe("invalid_credentials");
        (await AttemptAsync(company.AdminEmail, Password)).Status.ShouldBe(200);
        for (var i = 0; i < 4; i++) (await AttemptAsync(company.AdminEmail, $"Wrong-Password-{i}")).Item2.ShouldBe("invalid_credentials");
    }
}
