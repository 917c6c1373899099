using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Auth;

public sealed class AuthenticationTests : ApiTest
{
    [Test]
    public async Task A_request_without_credentials_is_refused_with_401()
    {
        var response = await Anonymous().GetAsync("/api/v1/company");
        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public async Task Signing_in_returns_the_user_with_company_role_and_permissions_and_sets_an_HttpOnly_cookie()
    {
        var company = await NewCompanyAsync("Boulangerie Martin SARL");
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = company.AdminEmail, password = Password });
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldContain(c => c.StartsWith("koban.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        cookies.ShouldContain(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal) && !c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var me = await response.Json();
        me.GetProperty("companyName").GetString().ShouldBe("Boulangerie Martin SARL");
        me.GetProperty("role").GetString().ShouldBe("Admin");
        me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldContain("users:write");
    }

    [Test]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var company = await NewCompanyAsync();
        var wrongPassword = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = company.AdminEmail, password = "Not-The-Password-1" });
        await wrongPassword.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        var unknownUser = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = UniqueEmail(), password = "Not-The-Password-1" });
        await unknownUser.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var company = await NewCompanyAsync();
        for (var i = 0; i < 5; i++)
        {
            await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = company.AdminEmail, password = $"Wrong-Password-{i}" });
        }
        var right = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = company.AdminEmail, password = Password });
        await right.ShouldBeProblem(HttpStatusCode.Unauthorized, "account_locked");
    }

    [Test]
    public async Task An_unsafe_request_from_a_cookie_session_without_the_CSRF_header_is_refused()
    {
        var company = await NewCompanyAsync();
        company.Admin.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        var response = await company.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "customers:read" } });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "csrf_token_invalid");
        var list = await company.Admin.GetAsync("/api/v1/api-keys");
        (await list.Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task After_signing_out_the_cookie_no_longer_works()
    {
        var company = await NewCompanyAsync();
        (await company.Admin.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var response = await company.Admin.GetAsync("/api/v1/auth/me");
        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public async Task A_user_with_a_temporary_password_must_change_it_before_anything_else()
    {
        var company = await NewCompanyAsync();
        var email = UniqueEmail("sales");
        await company.Admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "Nouvelle Commerciale", role = "Sales", temporaryPassword = "Temporary-Pass-2026" });

        var user = await SignInAsync(email, "Temporary-Pass-2026");
        var me = await (await user.GetAsync("/api/v1/auth/me")).Json();
        me.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        await (await user.GetAsync("/api/v1/company")).ShouldBeProblem(HttpStatusCode.Forbidden, "password_change_required");

        var weak = await user.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = "Temporary-Pass-2026", newPassword = "short" });
        var problem = await weak.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();

        var changed = await user.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = "Temporary-Pass-2026", newPassword = "Brand-New-Password-7" });
        await changed.ShouldHaveStatus(HttpStatusCode.NoContent);
        UseCsrfToken(user, changed);
        await (await user.GetAsync("/api/v1/company")).ShouldHaveStatus(HttpStatusCode.OK);
        await SignInAsync(email, "Brand-New-Password-7");
    }

    [Test]
    public async Task Changing_the_password_with_a_wrong_current_password_names_the_field()
    {
        var company = await NewCompanyAsync();
        var response = await company.Admin.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = "Not-My-Password-1", newPassword = "Brand-New-Password-7" });
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "current_password_wrong");
        problem.GetProperty("errors").GetProperty("currentPassword").GetArrayLength().ShouldBe(1);
    }
}
