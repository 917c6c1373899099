using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Users;

public sealed class UserTests : ApiTest
{
    [Test]
    public async Task An_email_already_used_in_another_company_is_refused()
    {
        var first = await NewCompanyAsync();
        var second = await NewCompanyAsync();
        var response = await second.Admin.PostAsJsonAsync("/api/v1/users", new { email = first.AdminEmail, displayName = "Doublon", role = "Viewer", temporaryPassword = "Temporary-Pass-2026" });
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "email_already_used");
        problem.GetProperty("errors").GetProperty("email").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task The_last_active_admin_cannot_be_demoted_and_nobody_changes_their_own_role()
    {
        var company = await NewCompanyAsync();
        var (admin2, admin2Id, _) = await NewUserAsync(company, "Admin");
        var me = await (await company.Admin.GetAsync("/api/v1/auth/me")).Json();
        var firstId = me.GetProperty("userId").GetGuid();

        var own = await Put(company.Admin, firstId, new { displayName = "Moi", role = "Viewer", isActive = true });
        await own.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "cannot_change_own_role");

        await (await Put(company.Admin, admin2Id, new { displayName = "Ex admin", role = "Viewer", isActive = true })).ShouldHaveStatus(HttpStatusCode.OK);
        var demoteLast = await Put(admin2, firstId, new { displayName = "Admin Test", role = "Viewer", isActive = true });
        // admin2 is no longer an Admin: the role change ended the session's rights.
        demoteLast.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Users_are_listed_with_cursor_paging_and_search()
    {
        var company = await NewCompanyAsync();
        for (var i = 0; i < 3; i++) await NewUserAsync(company, "Viewer");
        var page1 = await (await company.Admin.GetAsync("/api/v1/users?limit=2")).Json();
        page1.GetProperty("items").GetArrayLength().ShouldBe(2);
        page1.GetProperty("hasMore").GetBoolean().ShouldBeTrue();
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await (await company.Admin.GetAsync($"/api/v1/users?limit=2&after={cursor}")).Json();
        page2.GetProperty("items").GetArrayLength().ShouldBe(2);
        page2.GetProperty("hasMore").GetBoolean().ShouldBeFalse();
        var ids = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(u => u.GetProperty("id").GetGuid()).ToList();
        ids.Distinct().Count().ShouldBe(4);

        var search = await (await company.Admin.GetAsync("/api/v1/users?search=admin")).Json();
        search.GetProperty("items").EnumerateArray().Single().GetProperty("email").GetString().ShouldBe(company.AdminEmail);
        await (await company.Admin.GetAsync("/api/v1/users?limit=500")).ShouldBeProblem(HttpStatusCode.BadRequest, "limit_out_of_range");
        await (await company.Admin.GetAsync("/api/v1/users?sort=passwordHash")).ShouldBeProblem(HttpStatusCode.BadRequest, "sort_unknown");
        await (await company.Admin.GetAsync($"/api/v1/users?sort=-email&after={cursor}")).ShouldBeProblem(HttpStatusCode.BadRequest, "cursor_invalid");
        await (await company.Admin.GetAsync("/api/v1/users?after=not-a-cursor")).ShouldBeProblem(HttpStatusCode.BadRequest, "cursor_invalid");
    }

    [Test]
    public async Task Users_sorted_by_name_descending_page_through_every_user_once_in_order()
    {
        var company = await NewCompanyAsync();
        for (var i = 0; i < 4; i++) await NewUserAsync(company, "Viewer");
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await company.Admin.GetAsync($"/api/v1/users?limit=2&sort=-displayName{(cursor is null ? "" : $"&after={cursor}")}")).Json();
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("displayName").GetString()!));
            cursor = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);
        names.Count.ShouldBe(5);
        names.ShouldBe(names.OrderByDescending(n => n, StringComparer.Ordinal).ToList());
    }

    [Test]
    public async Task UpdatedSince_returns_only_the_users_changed_after_that_instant()
    {
        var company = await NewCompanyAsync();
        await NewUserAsync(company, "Viewer");
        var since = DateTimeOffset.UtcNow;
        var (_, changedId, _) = await NewUserAsync(company, "Sales");
        var page = await (await company.Admin.GetAsync($"/api/v1/users?updatedSince={Uri.EscapeDataString(since.ToString("O"))}")).Json();
        page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ShouldBe([changedId]);
    }

    private static async Task<HttpResponseMessage> Put(HttpClient client, Guid id, object body)
    {
        var get = await client.GetAsync($"/api/v1/users/{id}");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}") { Content = JsonContent.Create(body) };
        if (get.Headers.ETag is { } etag) request.Headers.IfMatch.Add(etag);
        else request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return await client.SendAsync(request);
    }
}
