using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Projects;

/// <summary>Projects through the API: from an order, time against budget, the own-time rule, refusals and isolation.</summary>
public sealed class ProjectTests : ApiTest
{
    internal sealed record Setup(TestCompany Company, Guid CustomerId, Guid OrderId, JsonElement Order, Guid ProjectId, HttpClient Sales, Guid SalesId, Guid AdminId);

    internal static readonly DateOnly Monday = new(2026, 11, 30);

    /// <summary>A company with a validated order (12 h at 65.1234 € and two shelves) and a project from it whose members are a
    /// Sales user and the Admin.</summary>
    internal static async Task<Setup> ArrangeAsync(string name = "Projets SAS")
    {
        var company = await NewCompanyAsync(name);
        var customer = (await (await company.Admin.PostAsJsonAsync("/api/v1/customers", Customers.CustomerTests.Business())).Json()).GetProperty("id").GetGuid();
        var product = (await (await company.Admin.PostAsJsonAsync("/api/v1/products", Products.ProductTests.Product())).Json()).GetProperty("id").GetGuid();
        var orderId = (await (await company.Admin.PostAsJsonAsync("/api/v1/orders", new { customerId = customer, lines = Sales.SalesFlowTests.Lines(product) })).Json()).GetProperty("id").GetGuid();
        var order = await Sales.SalesFlowTests.Post(company.Admin, $"/api/v1/orders/{orderId}/validate");
        var (sales, salesId, _) = await NewUserAsync(company, "Sales");
        var me = await (await company.Admin.GetAsync("/api/v1/auth/me")).Json();
        var adminId = me.GetProperty("userId").GetGuid();
        var project = await Sales.SalesFlowTests.Post(company.Admin, "/api/v1/projects/from-order", new { orderId, memberIds = new[] { salesId, adminId } }, HttpStatusCode.Created);
        return new Setup(company, customer, orderId, order, project.GetProperty("id").GetGuid(), sales, salesId, adminId);
    }

    internal static async Task<JsonElement> EnterAsync(HttpClient client, Guid projectId, DateOnly date, int minutes, bool billable = true, Guid? userId = null, HttpStatusCode expected = HttpStatusCode.Created) =>
        (await EnterWithTagAsync(client, projectId, date, minutes, billable, userId, expected)).Body;

    internal static async Task<(JsonElement Body, string? ETag)> EnterWithTagAsync(HttpClient client, Guid projectId, DateOnly date, int minutes, bool billable = true, Guid? userId = null,
        HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/time-entries", new { date, minutes, description = "Pose", billable, userId });
        await response.ShouldHaveStatus(expected);
        return (await response.Json(), response.Headers.ETag?.Tag);
    }

    internal static HttpRequestMessage Put(string path, object body, string? etag) =>
        new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) }.WithIfMatch(etag is null ? null : EntityTagHeaderValue.Parse(etag));

    [Test]
    public async Task A_project_from_an_order_takes_its_hours_total_and_rate_and_shows_time_against_budget()
    {
        var s = await ArrangeAsync();
        var project = await (await s.Company.Admin.GetAsync($"/api/v1/projects/{s.ProjectId}")).Json();
        project.GetProperty("orderId").GetGuid().ShouldBe(s.OrderId);
        project.GetProperty("orderNumber").GetString().ShouldBe(s.Order.GetProperty("number").GetString());
        project.GetProperty("name").GetString().ShouldBe($"Projet {s.Order.GetProperty("number").GetString()}");
        project.GetProperty("budgetHours").GetDecimal().ShouldBe(12m);
        project.GetProperty("budgetAmount").GetDecimal().ShouldBe(s.Order.GetProperty("totals").GetProperty("totalExcludingVat").GetDecimal());
        project.GetProperty("hourlyRate").GetDecimal().ShouldBe(65.1234m);
        project.GetProperty("status").GetString().ShouldBe("Planned");

        await EnterAsync(s.Sales, s.ProjectId, Monday, 480);
        await EnterAsync(s.Sales, s.ProjectId, Monday.AddDays(1), 300, billable: false);
        await EnterAsync(s.Company.Admin, s.ProjectId, Monday, 240);

        project = await (await s.Company.Admin.GetAsync($"/api/v1/projects/{s.ProjectId}")).Json();
        project.GetProperty("status").GetString().ShouldBe("InProgress");
        var time = project.GetProperty("time");
        time.GetProperty("spentHours").GetDecimal().ShouldBe(17m);
        time.GetProperty("billableHours").GetDecimal().ShouldBe(12m);
        time.GetProperty("billableAmount").GetDecimal().ShouldBe(781.48m); // 12 h × 65.1234 = 781.4808
        time.GetProperty("hoursConsumedPercent").GetDecimal().ShouldBe(141.7m);
        time.GetProperty("overBudget").GetBoolean().ShouldBeTrue();
        var sales = project.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == s.SalesId);
        sales.GetProperty("spentHours").GetDecimal().ShouldBe(13m);
        sales.GetProperty("billableHours").GetDecimal().ShouldBe(8m);

        var list = await (await s.Company.Admin.GetAsync($"/api/v1/projects?memberId={s.SalesId}&status=InProgress&search=projet")).Json();
        list.GetProperty("items").GetArrayLength().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("overBudget").GetBoolean().ShouldBeTrue();
        (await (await s.Company.Admin.GetAsync($"/api/v1/projects?customerId={Guid.NewGuid()}")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task A_direct_project_is_created_updated_with_If_Match_moved_through_its_statuses_and_deleted_only_without_time()
    {
        var s = await ArrangeAsync();
        var created = await s.Company.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Audit atelier", customerId = s.CustomerId, hourlyRate = 80m, budgetHours = 5m, memberIds = new[] { s.SalesId } });
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var id = (await created.Json()).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;
        var body = new { name = "Audit de l'atelier", customerId = s.CustomerId, hourlyRate = 85.5m, budgetHours = 6m, vatRate = 20m, startDate = "2026-12-01", endDate = "2026-12-20", memberIds = new[] { s.SalesId } };
        await (await s.Company.Admin.SendAsync(Put($"/api/v1/projects/{id}", body, null))).ShouldBeProblem(HttpStatusCode.PreconditionRequired, "if_match_required");
        var updated = await s.Company.Admin.SendAsync(Put($"/api/v1/projects/{id}", body, etag));
        await updated.ShouldHaveStatus(HttpStatusCode.OK);
        (await updated.Json()).GetProperty("hourlyRate").GetDecimal().ShouldBe(85.5m);
        await (await s.Company.Admin.SendAsync(Put($"/api/v1/projects/{id}", body, etag))).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale_version");
        var backwards = await s.Company.Admin.SendAsync(Put($"/api/v1/projects/{id}", body with { endDate = "2026-11-01" }, updated.Headers.ETag!.Tag));
        (await backwards.Json()).GetProperty("errors").TryGetProperty("endDate", out _).ShouldBeTrue();

        await Sales.SalesFlowTests.Post(s.Company.Admin, $"/api/v1/projects/{id}/start");
        await (await s.Company.Admin.PostAsync($"/api/v1/projects/{id}/start", null)).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        await Sales.SalesFlowTests.Post(s.Company.Admin, $"/api/v1/projects/{id}/complete");
        await EnterAsync(s.Sales, id, Monday, 60, expected: HttpStatusCode.Conflict);
        await (await s.Company.Admin.PostAsync($"/api/v1/projects/{id}/cancel", null)).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        await (await s.Company.Admin.DeleteAsync($"/api/v1/projects/{id}")).ShouldHaveStatus(HttpStatusCode.NoContent);

        await EnterAsync(s.Sales, s.ProjectId, Monday, 60);
        await (await s.Company.Admin.DeleteAsync($"/api/v1/projects/{s.ProjectId}")).ShouldBeProblem(HttpStatusCode.Conflict, "project_has_time");
        await Sales.SalesFlowTests.Post(s.Company.Admin, $"/api/v1/projects/{s.ProjectId}/cancel");
        (await (await s.Sales.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/time-entries", new { date = Monday, minutes = 30 })).ShouldBeProblem(HttpStatusCode.Conflict, "project_closed"))
            .GetProperty("errors").TryGetProperty("userId", out _).ShouldBeTrue();

        var audit = await (await s.Company.Admin.GetAsync($"/api/v1/audit-events?entityId={s.ProjectId}")).Content.ReadAsStringAsync();
        audit.ShouldContain("project.created");
        audit.ShouldContain("project.status_changed");
    }

    [Test]
    public async Task Each_user_writes_and_reads_only_their_own_time_the_Admin_everyones_and_a_Viewer_none()
    {
        var s = await ArrangeAsync();
        var (other, otherId, _) = await NewUserAsync(s.Company, "Accountant");
        var (viewer, viewerId, _) = await NewUserAsync(s.Company, "Viewer");
        var etag = (await s.Company.Admin.GetAsync($"/api/v1/projects/{s.ProjectId}")).Headers.ETag!.Tag;
        var put = await s.Company.Admin.SendAsync(Put($"/api/v1/projects/{s.ProjectId}", new
        {
            name = "Chantier", customerId = s.CustomerId, hourlyRate = 65m, memberIds = new[] { s.SalesId, s.AdminId, otherId },
        }, etag));
        await put.ShouldHaveStatus(HttpStatusCode.OK);

        var (mine, mineTag) = await EnterWithTagAsync(s.Sales, s.ProjectId, Monday, 120);
        var (theirs, theirsTag) = await EnterWithTagAsync(other, s.ProjectId, Monday, 90);
        var theirsId = theirs.GetProperty("id").GetGuid();

        // A Sales user cannot enter, change, delete or read another user's time.
        await (await s.Sales.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/time-entries", new { date = Monday, minutes = 30, userId = otherId })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await s.Sales.SendAsync(Put($"/api/v1/projects/{s.ProjectId}/time-entries/{theirsId}", new { date = Monday, minutes = 30 }, "\"1\""))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/projects/{s.ProjectId}/time-entries/{theirsId}").WithIfMatch(EntityTagHeaderValue.Parse("\"1\""));
        await (await s.Sales.SendAsync(delete)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await s.Sales.GetAsync($"/api/v1/time-entries?userId={otherId}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var own = await (await s.Sales.GetAsync($"/api/v1/projects/{s.ProjectId}/time-entries")).Json();
        own.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("userId").GetGuid()).ShouldAllBe(u => u == s.SalesId);
        own.GetProperty("items").GetArrayLength().ShouldBe(1);

        // The Admin sees and changes everyone's.
        var all = await (await s.Company.Admin.GetAsync($"/api/v1/time-entries?from={Monday:yyyy-MM-dd}&to={Monday:yyyy-MM-dd}")).Json();
        all.GetProperty("items").GetArrayLength().ShouldBe(2);
        var entry = await s.Company.Admin.GetAsync($"/api/v1/projects/{s.ProjectId}/time-entries?userId={otherId}");
        (await entry.Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
        var adminPut = await s.Company.Admin.SendAsync(Put($"/api/v1/projects/{s.ProjectId}/time-entries/{theirsId}", new { date = Monday, minutes = 100, description = "Corrigé" }, theirsTag));
        await adminPut.ShouldHaveStatus(HttpStatusCode.OK);
        (await adminPut.Json()).GetProperty("minutes").GetInt32().ShouldBe(100);

        // A Viewer reads only their own (none) and writes nothing.
        (await (await viewer.GetAsync("/api/v1/time-entries")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await viewer.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/time-entries", new { date = Monday, minutes = 30 })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        viewerId.ShouldNotBe(Guid.Empty);

        // The Sales user changes their own entry.
        var mineId = mine.GetProperty("id").GetGuid();
        await (await s.Sales.SendAsync(Put($"/api/v1/projects/{s.ProjectId}/time-entries/{mineId}", new { date = Monday, minutes = 150 }, mineTag))).ShouldHaveStatus(HttpStatusCode.OK);
    }
}
