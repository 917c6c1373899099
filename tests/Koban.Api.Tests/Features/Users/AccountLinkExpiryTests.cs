using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Users;

/// <summary>Invitation links last 7 days, reset links 1 hour, measured on a fake clock.</summary>
public sealed class AccountLinkExpiryTests : ApiTest
{
    private ClockedMailHost _host = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _host = await ClockedMailHost.GetAsync();
        await _host.ClearQueueAsync();
        await _host.Smtp.StartListeningAsync();
    }

    [Test]
    public async Task An_invitation_link_works_until_7_days_and_is_refused_as_expired_after()
    {
        var company = await NewCompanyAsync(factory: _host.First);
        var late = UniqueEmail("tard");
        var onTime = UniqueEmail("atemps");
        await (await company.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email = late, displayName = "En retard", role = "Viewer" })).ShouldHaveStatus(HttpStatusCode.Created);
        await (await company.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email = onTime, displayName = "À temps", role = "Viewer" })).ShouldHaveStatus(HttpStatusCode.Created);
        await _host.DispatchAsync();
        var lateToken = (await _host.Smtp.WaitForAsync(late)).Single().Token("accept-invitation");
        var onTimeToken = (await _host.Smtp.WaitForAsync(onTime)).Single().Token("accept-invitation");

        _host.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await (await Anonymous(_host.First).PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token = onTimeToken, password = "Juste-A-Temps-2026" }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await Anonymous(_host.First).PostAsJsonAsync("/api/v1/auth/invitation/accept", new { token = lateToken, password = "Trop-Tard-2026-x" });
        (await expired.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "token_expired")).GetProperty("errors").GetProperty("token").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task A_reset_link_expires_after_one_hour()
    {
        var company = await NewCompanyAsync(factory: _host.First);
        await (await Anonymous(_host.First).PostAsJsonAsync("/api/v1/auth/password-reset", new { email = company.AdminEmail })).ShouldHaveStatus(HttpStatusCode.Accepted);
        await _host.DispatchAsync();
        var token = (await _host.Smtp.WaitForAsync(company.AdminEmail)).Single().Token("reset-password");

        _host.Clock.Advance(TimeSpan.FromMinutes(61));
        await (await Anonymous(_host.First).PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Trop-Tard-2026-x" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "token_expired");
        await SignInAsync(company.AdminEmail, Password, _host.First);
    }
}
