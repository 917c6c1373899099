using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Auth;

/// <summary>"Mot de passe oublié" end to end over SMTP, without revealing which addresses have an account.</summary>
public sealed class PasswordResetTests : ApiTest
{
    private static TestSmtpServer Smtp => ApiTestSetup.Smtp;

    [Test]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link_which_works_once_and_ends_other_sessions()
    {
        var company = await NewCompanyAsync();
        var (session, userId, email) = await NewUserAsync(company, "Sales");
        for (var i = 0; i < 5; i++) await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong-Password-2026" });
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).ShouldBeProblem(HttpStatusCode.Unauthorized, "account_locked");

        var request = await Anonymous().PostAsJsonAsync("/api/v1/auth/password-reset", new { email = email.ToUpperInvariant() });
        await request.ShouldHaveStatus(HttpStatusCode.Accepted);

        var mail = (await Smtp.WaitForAsync(email)).Single();
        mail.Message.Subject.ShouldBe("Réinitialisation de votre mot de passe Koban");
        mail.Text.ShouldContain("valable 1 heure");
        mail.Link("reset-password").ShouldStartWith("http://koban.test:5080/reset-password#token=");
        var token = mail.Token("reset-password");

        var confirm = await Anonymous().PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Nouveau-Secret-2026" });
        await confirm.ShouldHaveStatus(HttpStatusCode.OK);
        (await confirm.Json()).GetProperty("email").GetString().ShouldBe(email);

        await (await session.GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        await SignInAsync(email, "Nouveau-Secret-2026");
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Encore-Un-Autre-2026" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "token_used");

        await Users.InvitationTests.WaitForStatusAsync(company.Admin, "user", userId, "Sent");
        var audit = await (await company.Admin.GetAsync($"/api/v1/audit-events?entityId={userId}&limit=100")).Json();
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("user.password_reset_requested");
        actions.ShouldContain("user.password_reset");
        actions.ShouldContain("email.sent");
    }

    [Test]
    public async Task The_answer_is_the_same_for_unknown_inactive_and_real_addresses_and_only_real_active_users_get_mail()
    {
        var company = await NewCompanyAsync();
        var (_, inactiveId, inactiveEmail) = await NewUserAsync(company, "Viewer");
        var get = await company.Admin.GetAsync($"/api/v1/users/{inactiveId}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{inactiveId}") { Content = JsonContent.Create(new { displayName = "Parti", role = "Viewer", isActive = false }) };
        put.Headers.IfMatch.Add(get.Headers.ETag!);
        await (await company.Admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
        var unknown = UniqueEmail("personne");

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var address in new[] { unknown, inactiveEmail, company.AdminEmail })
        {
            var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/password-reset", new { email = address });
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Accepted && a.Body == "");

        await ApiTestSetup.DeliverQueuedMailAsync(); // whatever the requests queued has now been delivered
        Smtp.For(company.AdminEmail).Count.ShouldBe(1);
        Smtp.For(unknown).ShouldBeEmpty();
        Smtp.For(inactiveEmail).ShouldBeEmpty();
    }

    [Test]
    public async Task Asking_again_replaces_the_previous_link_and_an_account_gets_at_most_three_reset_mails_an_hour()
    {
        var company = await NewCompanyAsync();
        var email = company.AdminEmail;
        for (var i = 0; i < 4; i++)
        {
            await (await Anonymous().PostAsJsonAsync("/api/v1/auth/password-reset", new { email })).ShouldHaveStatus(HttpStatusCode.Accepted);
        }
        await ApiTestSetup.DeliverQueuedMailAsync(); // whatever the four requests queued has now been delivered
        var mails = Smtp.For(email);
        mails.Count.ShouldBe(3);
        var tokens = mails.Select(m => m.Token("reset-password")).ToList();
        tokens.Distinct().Count().ShouldBe(3);

        // Each request superseded the one before: only the link of the last mail still works.
        var statuses = new List<HttpStatusCode>();
        foreach (var token in tokens)
        {
            statuses.Add((await Anonymous().PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Dernier-Lien-2026" })).StatusCode);
        }
        statuses.ShouldBe([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.OK]);
        await SignInAsync(email, "Dernier-Lien-2026");
    }

    [Test]
    public async Task Reset_requests_are_rate_limited_per_client_address()
    {
        await using var factory = new ApiFactory(Factory.Database, new Dictionary<string, string?> { ["Koban:RateLimits:LoginPerMinute"] = "2", ["Koban:Database:Migrate"] = "false", ["Koban:Mail:SenderEnabled"] = "false" });
        var client = Anonymous(factory);
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++) last = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = UniqueEmail() });
        await last!.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
    }
}
