using System.Net;
using System.Text;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features;

public sealed class ProblemDetailsTests : ApiTest
{
    [Test]
    public async Task Malformed_JSON_is_a_400_naming_the_field_never_a_500()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = new StringContent("{\"legalName\": 5,", Encoding.UTF8, "application/json") }.WithIfMatch(etag);
        var problem = await (await company.Admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
        problem.GetProperty("errors").TryGetProperty("legalName", out _).ShouldBeTrue();
        problem.ToString().ShouldNotContain("   at ");
    }

    [Test]
    public async Task A_body_that_is_not_JSON_at_all_is_a_400()
    {
        var company = await NewCompanyAsync();
        var response = await company.Admin.PostAsync("/api/v1/api-keys", new StringContent("name=x", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Test]
    public async Task An_unknown_API_path_is_a_problem_404_not_the_SPA()
    {
        var company = await NewCompanyAsync();
        await (await company.Admin.GetAsync("/api/v1/no-such-thing")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await company.Admin.GetAsync($"/api/v1/users/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task Responses_carry_security_headers_and_health_endpoints_answer_without_credentials()
    {
        var live = await Anonymous().GetAsync("/health/live");
        await live.ShouldHaveStatus(HttpStatusCode.OK);
        var ready = await Anonymous().GetAsync("/health/ready");
        await ready.ShouldHaveStatus(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        live.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        live.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        live.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
    }
}
