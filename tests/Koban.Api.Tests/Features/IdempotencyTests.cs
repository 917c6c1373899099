using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features;

public sealed class IdempotencyTests : ApiTest
{
    private static HttpRequestMessage CreateKey(string idempotencyKey, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys") { Content = JsonContent.Create(new { name, scopes = new[] { "customers:read" } }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    [Test]
    public async Task Retrying_with_the_same_key_and_body_replays_the_first_response_without_doing_the_work_twice()
    {
        var company = await NewCompanyAsync();
        var key = Guid.NewGuid().ToString();
        var first = await company.Admin.SendAsync(CreateKey(key, "Boutique"));
        await first.ShouldHaveStatus(HttpStatusCode.Created);
        var second = await company.Admin.SendAsync(CreateKey(key, "Boutique"));
        await second.ShouldHaveStatus(HttpStatusCode.Created);

        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        second.Headers.Location.ShouldBe(first.Headers.Location);
        var list = await (await company.Admin.GetAsync("/api/v1/api-keys")).Json();
        list.GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task The_same_key_with_another_body_is_refused()
    {
        var company = await NewCompanyAsync();
        var key = Guid.NewGuid().ToString();
        await (await company.Admin.SendAsync(CreateKey(key, "Boutique"))).ShouldHaveStatus(HttpStatusCode.Created);
        await (await company.Admin.SendAsync(CreateKey(key, "Autre chose"))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        (await (await company.Admin.GetAsync("/api/v1/api-keys")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task Keys_are_private_to_their_sender()
    {
        var first = await NewCompanyAsync();
        var second = await NewCompanyAsync();
        var key = Guid.NewGuid().ToString();
        await (await first.Admin.SendAsync(CreateKey(key, "Boutique"))).ShouldHaveStatus(HttpStatusCode.Created);
        var other = await second.Admin.SendAsync(CreateKey(key, "Boutique"));
        await other.ShouldHaveStatus(HttpStatusCode.Created);
        other.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Test]
    public async Task Concurrent_retries_with_one_key_create_one_record()
    {
        var company = await NewCompanyAsync();
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => company.Admin.SendAsync(CreateKey(key, "Parallèle"))));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        (await (await company.Admin.GetAsync("/api/v1/api-keys")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task A_refused_request_is_replayed_as_refused()
    {
        var company = await NewCompanyAsync();
        var key = Guid.NewGuid().ToString();
        var request = () =>
        {
            var r = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys") { Content = JsonContent.Create(new { name = "", scopes = Array.Empty<string>() }) };
            r.Headers.Add("Idempotency-Key", key);
            return r;
        };
        await (await company.Admin.SendAsync(request())).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var replay = await company.Admin.SendAsync(request());
        await replay.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        replay.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
    }
}
