using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Users;

/// <summary>Inviting users by e-mail: the link really arrives over SMTP and works once.</summary>
public sealed class InvitationTests : ApiTest
{
    private static TestSmtpServer Smtp => ApiTestSetup.Smtp;

    [Test]
    public async Task An_invited_user_receives_a_link_over_SMTP_that_sets_their_password_once()
    {
        var company = await NewCompanyAsync("Boulangerie Dupain SAS");
        var email = UniqueEmail("lea");
        var invited = await company.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email, displayName = "Léa Petit", role = "Accountant" });
        await invited.ShouldHaveStatus(HttpStatusCode.Created);
        var user = await invited.Json();
        var userId = user.GetProperty("id").GetGuid();
        user.GetProperty("invitationPending").GetBoolean().ShouldBeTrue();
        user.GetProperty("mustChangePassword").GetBoolean().ShouldBeFalse();
        invited.Headers.Location!.ToString().ShouldBe($"/api/v1/users/{userId}");

        var login = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Whatever-Pass-2026" });
        await login.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");

        var mail = (await Smtp.WaitForAsync(email)).Single();
        mail.Message.Subject.ShouldBe("Invitation à rejoindre Boulangerie Dupain SAS sur Koban");
        mail.Message.From.Mailboxes.Single().Name.ShouldBe("Boulangerie Dupain SAS");
        mail.Message.ReplyTo.Mailboxes.Single().Address.ShouldBe(company.AdminEmail);
        mail.Text.ShouldContain("Bonjour Léa Petit");
        mail.Text.ShouldContain("valable 7 jours");
        mail.Link("accept-invitation").ShouldStartWith("http://koban.test:5080/accept-invitation#token=");
        var token = mail.Token("accept-invitation");

        var accept = await Anonymous().PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token, password = "Lea-Choisit-2026" });
        await accept.ShouldHaveStatus(HttpStatusCode.OK);
        (await accept.Json()).GetProperty("email").GetString().ShouldBe(email);

        var lea = await SignInAsync(email, "Lea-Choisit-2026");
        var me = await (await lea.GetAsync("/api/v1/auth/me")).Json();
        me.GetProperty("role").GetString().ShouldBe("Accountant");
        me.GetProperty("mustChangePassword").GetBoolean().ShouldBeFalse();

        var again = await Anonymous().PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token, password = "Quelqu-Un-Autre-2026" });
        var problem = await again.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "token_used");
        problem.GetProperty("errors").GetProperty("token").GetArrayLength().ShouldBe(1);
        await SignInAsync(email, "Lea-Choisit-2026");

        (await (await company.Admin.GetAsync($"/api/v1/users/{userId}")).Json()).GetProperty("invitationPending").GetBoolean().ShouldBeFalse();
        var delivery = await WaitForStatusAsync(company.Admin, "user", userId, "Sent");
        delivery.GetProperty("to").EnumerateArray().Single().GetString().ShouldBe(email);
        var audit = await (await company.Admin.GetAsync($"/api/v1/audit-events?entityId={userId}&sort=occurredAt&limit=100")).Json();
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldBe(["user.invited", "email.queued", "email.sent", "user.invitation_accepted", "user.signed_in", "user.signed_in"], ignoreOrder: true);
    }

    [Test]
    public async Task Resending_an_invitation_replaces_the_previous_link_and_is_refused_once_accepted()
    {
        var company = await NewCompanyAsync();
        var email = UniqueEmail("paul");
        var invited = await (await company.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email, displayName = "Paul", role = "Sales" })).Json();
        var userId = invited.GetProperty("id").GetGuid();
        var first = (await Smtp.WaitForAsync(email)).Single().Token("accept-invitation");

        await (await company.Admin.PostAsync($"/api/v1/users/{userId}/invitation", null)).ShouldHaveStatus(HttpStatusCode.OK);
        var second = (await Smtp.WaitForAsync(email, 2))[1].Token("accept-invitation");
        second.ShouldNotBe(first);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token = first, password = "Paul-Password-2026" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "token_used");
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token = second, password = "Paul-Password-2026" }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        await (await company.Admin.PostAsync($"/api/v1/users/{userId}/invitation", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invitation_already_accepted");
    }

    [Test]
    public async Task Unknown_tokens_weak_passwords_and_non_admins_are_refused_clearly()
    {
        var company = await NewCompanyAsync();
        var unknown = await Anonymous().PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token = "pas-un-vrai-jeton", password = "Solide-Password-2026" });
        (await unknown.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "token_invalid")).GetProperty("errors").GetProperty("token").GetArrayLength().ShouldBe(1);

        var email = UniqueEmail("faible");
        await (await company.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email, displayName = "Faible", role = "Viewer" })).ShouldHaveStatus(HttpStatusCode.Created);
        var token = (await Smtp.WaitForAsync(email)).Single().Token("accept-invitation");
        var weak = await Anonymous().PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token, password = "faible" });
        (await weak.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("password").GetArrayLength().ShouldBe(1);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token, password = "Solide-Password-2026" })).ShouldHaveStatus(HttpStatusCode.OK);

        var (sales, _, _) = await NewUserAsync(company, "Sales");
        await (await sales.PostAsJsonAsync("/api/v1/users/invitations", new { email = UniqueEmail(), displayName = "X", role = "Admin" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await company.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email = company.AdminEmail, displayName = "X", role = "Admin" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "email_already_used");
        await (await company.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email = "pas une adresse", displayName = "X", role = "Admin" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Another_company_cannot_see_or_retry_the_invitation_mail()
    {
        var a = await NewCompanyAsync();
        var email = UniqueEmail("secret");
        var userId = (await (await a.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email, displayName = "Secret", role = "Viewer" })).Json()).GetProperty("id").GetGuid();
        var delivery = await WaitForStatusAsync(a.Admin, "user", userId, "Sent");
        var b = await NewCompanyAsync();
        var list = await (await b.Admin.GetAsync($"/api/v1/emails?entityType=user&entityId={userId}")).Json();
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await b.Admin.PostAsync($"/api/v1/emails/{delivery.GetProperty("id").GetGuid()}/retry", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await b.Admin.PostAsync($"/api/v1/users/{userId}/invitation", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    /// <summary>Runs the shared host's outbox sender once, then returns the newest mail about the record, which must have
    /// the status.</summary>
    internal static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string entityType, Guid entityId, string status)
    {
        await ApiTestSetup.DeliverQueuedMailAsync();
        var response = await client.GetAsync($"/api/v1/emails?entityType={entityType}&entityId={entityId}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var items = (await response.Json()).GetProperty("items");
        items.GetArrayLength().ShouldBeGreaterThan(0, $"no e-mail about {entityType} {entityId}");
        items[0].GetProperty("status").GetString().ShouldBe(status, items.ToString());
        return items[0];
    }
}
