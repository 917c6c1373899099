using System.Net;
using System.Net.Http.Json;
using System.Text;
using Koban.Api.Tests.Infrastructure;
using static Koban.Api.Tests.Features.Projects.ProjectTests;

namespace Koban.Api.Tests.Features.Projects;

/// <summary>Time entries and the weekly timesheet: limits, membership, API keys, other companies, all-or-nothing weeks.</summary>
public sealed class TimeEntryTests : ApiTest
{
    [Test]
    public async Task Minutes_out_of_range_wrong_types_NUL_characters_and_a_day_over_24_hours_are_refused_never_a_500()
    {
        var s = await ArrangeAsync();
        var path = $"/api/v1/projects/{s.ProjectId}/time-entries";
        foreach (var minutes in new[] { 0, -15, 1441 })
        {
            (await (await s.Sales.PostAsJsonAsync(path, new { date = Monday, minutes })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed"))
                .GetProperty("errors").TryGetProperty("minutes", out _).ShouldBeTrue();
        }
        foreach (var raw in new[] { "{\"date\":\"2026-11-30\",\"minutes\":99999999999999}", "{\"date\":\"2026-11-30\",\"minutes\":\"beaucoup\"}",
                     "{\"date\":\"2026-11-30\"}", "{\"date\":null,\"minutes\":60}", "{\"date\":\"2026-11-30\",\"minutes\":60,\"description\":\"a\\u0000b\"}", "[]" })
        {
            var response = await s.Sales.PostAsync(path, new StringContent(raw, Encoding.UTF8, "application/json"));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, raw);
        }
        await (await s.Sales.PostAsJsonAsync(path, new { date = Monday, minutes = 60, description = new string('x', 1001) })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        // 24 h a day across projects: the second project takes what is left, not a minute more.
        var second = await Sales.SalesFlowTests.Post(s.Company.Admin, "/api/v1/projects", new { name = "Second", customerId = s.CustomerId, hourlyRate = 50m, memberIds = new[] { s.SalesId } }, HttpStatusCode.Created);
        var secondId = second.GetProperty("id").GetGuid();
        await EnterAsync(s.Sales, s.ProjectId, Monday, 1000);
        var over = await s.Sales.PostAsJsonAsync($"/api/v1/projects/{secondId}/time-entries", new { date = Monday, minutes = 441 });
        (await over.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "time_day_over_limit")).GetProperty("errors").TryGetProperty("minutes", out _).ShouldBeTrue();
        await EnterAsync(s.Sales, secondId, Monday, 440);
        (await (await s.Sales.GetAsync($"/api/v1/time-entries?from=2026-11-30&to=2026-11-30")).Json()).GetProperty("items").EnumerateArray().Sum(e => e.GetProperty("minutes").GetInt32()).ShouldBe(1440);
    }

    [Test]
    public async Task Two_parallel_entries_never_take_a_users_day_beyond_24_hours()
    {
        var s = await ArrangeAsync();
        var path = $"/api/v1/projects/{s.ProjectId}/time-entries";
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => s.Sales.PostAsJsonAsync(path, new { date = Monday, minutes = 800 })));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).ShouldBe(1);
    }

    [Test]
    public async Task Only_members_enter_time_an_API_key_names_the_user_and_other_companies_ids_are_unknown()
    {
        var s = await ArrangeAsync();
        var (outsider, outsiderId, _) = await NewUserAsync(s.Company, "Sales");
        (await (await outsider.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/time-entries", new { date = Monday, minutes = 60 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "project_member_required")).GetProperty("errors").TryGetProperty("userId", out _).ShouldBeTrue();

        var (key, _, _) = await NewApiKeyAsync(s.Company, "time-entries:write");
        var path = $"/api/v1/projects/{s.ProjectId}/time-entries";
        await (await key.PostAsJsonAsync(path, new { date = Monday, minutes = 60 })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await key.PostAsJsonAsync(path, new { date = Monday, minutes = 60, userId = outsiderId })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "project_member_required");
        var created = await EnterAsync(key, s.ProjectId, Monday, 60, userId: s.SalesId);
        created.GetProperty("userId").GetGuid().ShouldBe(s.SalesId);
        await (await key.PostAsJsonAsync(path, new { date = Monday, minutes = 60, userId = Guid.NewGuid() })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        var (readOnly, _, _) = await NewApiKeyAsync(s.Company, "time-entries:read");
        await (await readOnly.PostAsJsonAsync(path, new { date = Monday, minutes = 60, userId = s.SalesId })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await (await readOnly.GetAsync("/api/v1/time-entries")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
        var (projectsOnly, _, _) = await NewApiKeyAsync(s.Company, "projects:write");
        await (await projectsOnly.GetAsync("/api/v1/time-entries")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        var other = await ArrangeAsync("Autre SARL");
        var entryId = created.GetProperty("id").GetGuid();
        await (await other.Company.Admin.GetAsync($"/api/v1/projects/{s.ProjectId}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.Company.Admin.PostAsJsonAsync(path, new { date = Monday, minutes = 60 })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.Company.Admin.SendAsync(Put($"/api/v1/projects/{other.ProjectId}/time-entries/{entryId}", new { date = Monday, minutes = 30 }, "\"1\""))).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.Company.Admin.PostAsJsonAsync($"/api/v1/projects/{s.ProjectId}/invoice-time", new { })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await (await other.Company.Admin.PutAsJsonAsync($"/api/v1/timesheets/{other.AdminId}/2026-11-30", new { cells = new[] { new { projectId = s.ProjectId, date = Monday, minutes = 60 } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found")).GetProperty("errors").TryGetProperty("cells[0].projectId", out _).ShouldBeTrue();
        await (await other.Company.Admin.PostAsJsonAsync("/api/v1/projects/from-order", new { orderId = s.OrderId })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        await (await other.Company.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "X", customerId = s.CustomerId, hourlyRate = 1m, memberIds = new[] { s.SalesId } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        (await (await other.Company.Admin.GetAsync($"/api/v1/time-entries?userId={s.SalesId}")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task A_week_is_saved_all_or_nothing_and_a_bad_cell_is_named()
    {
        var s = await ArrangeAsync();
        var second = (await Sales.SalesFlowTests.Post(s.Company.Admin, "/api/v1/projects", new { name = "Second", customerId = s.CustomerId, hourlyRate = 50m, memberIds = new[] { s.SalesId } }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var path = $"/api/v1/timesheets/{s.SalesId}/2026-11-30";
        object Cell(Guid project, int day, int minutes) => new { projectId = project, date = Monday.AddDays(day), minutes };

        var saved = await s.Sales.PutAsJsonAsync(path, new { cells = new[] { Cell(s.ProjectId, 0, 420), Cell(s.ProjectId, 1, 450), Cell(second, 1, 60), Cell(second, 2, 480) } });
        await saved.ShouldHaveStatus(HttpStatusCode.OK);
        (await saved.Json()).GetProperty("totalMinutes").GetInt32().ShouldBe(1410);

        // cells[3] would take Tuesday beyond 24 h: nothing of the grid is saved, not even the valid change of cells[0].
        var refused = await s.Sales.PutAsJsonAsync(path, new { cells = new[] { Cell(s.ProjectId, 0, 300), Cell(s.ProjectId, 1, 450), Cell(second, 2, 0), Cell(second, 1, 1000) } });
        (await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "time_day_over_limit")).GetProperty("errors").TryGetProperty("cells[3].minutes", out _).ShouldBeTrue();
        var week = await (await s.Sales.GetAsync("/api/v1/time-entries?from=2026-11-30&to=2026-12-06")).Json();
        week.GetProperty("items").EnumerateArray().Sum(e => e.GetProperty("minutes").GetInt32()).ShouldBe(1410);

        var invalid = await s.Sales.PutAsJsonAsync(path, new { cells = new[] { Cell(s.ProjectId, 0, 300), Cell(s.ProjectId, 1, 450), Cell(second, 2, 0), Cell(second, 3, 100000) } });
        (await invalid.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("cells[3].minutes", out _).ShouldBeTrue();

        await (await s.Sales.PutAsJsonAsync($"/api/v1/timesheets/{s.SalesId}/2026-12-01", new { cells = Array.Empty<object>() })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "timesheet_week_start_not_monday");
        (await (await s.Sales.PutAsJsonAsync(path, new { cells = new[] { Cell(s.ProjectId, 7, 60) } })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "timesheet_date_outside_week"))
            .GetProperty("errors").TryGetProperty("cells[0].date", out _).ShouldBeTrue();
        await (await s.Sales.PutAsJsonAsync(path, new { cells = new[] { Cell(s.ProjectId, 0, 60), Cell(s.ProjectId, 0, 30) } })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "timesheet_cell_duplicated");
        await (await s.Sales.PutAsJsonAsync($"/api/v1/timesheets/{s.AdminId}/2026-11-30", new { cells = new[] { Cell(s.ProjectId, 0, 60) } })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        // Moving a full day's time between projects is checked once the grid is applied; 0 removes a cell.
        var moved = await s.Sales.PutAsJsonAsync(path, new { cells = new[] { Cell(s.ProjectId, 2, 480), Cell(second, 2, 0), Cell(s.ProjectId, 0, 420) } });
        await moved.ShouldHaveStatus(HttpStatusCode.OK);
        var entries = (await moved.Json()).GetProperty("entries").EnumerateArray().ToList();
        entries.Count.ShouldBe(4);
        entries.Single(e => e.GetProperty("date").GetString() == "2026-12-02").GetProperty("projectId").GetGuid().ShouldBe(s.ProjectId);
    }
}
