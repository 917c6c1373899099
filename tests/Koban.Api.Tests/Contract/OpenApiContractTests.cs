using System.Reflection;
using System.Text.Json;
using Koban.Api.Infrastructure.Web;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Common;

namespace Koban.Api.Tests.Contract;

public sealed class OpenApiContractTests : ApiTest
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Koban.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Koban.sln not found above the test directory.");
    }

    [Test]
    public async Task The_committed_openapi_yaml_is_what_the_running_API_serves()
    {
        var live = (await Anonymous().GetStringAsync("/openapi/v1.yaml")).Replace("\r\n", "\n").TrimEnd();
        var committed = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "openapi.yaml"))).Replace("\r\n", "\n").TrimEnd();
        committed.ShouldBe(live, "openapi.yaml is stale: build the API (dotnet build api/Koban.Api) and commit openapi.yaml and web-client/src/api/schema.d.ts");
    }

    [Test]
    public async Task Every_operation_is_documented_with_summary_rules_examples_and_errors()
    {
        using var document = JsonDocument.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"));
        var problems = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                if (!op.TryGetProperty("operationId", out _)) problems.Add($"{name}: no operationId");
                if (!op.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString())) problems.Add($"{name}: no summary");
                if (!op.TryGetProperty("description", out var description) || description.GetString()!.Length < 30) problems.Add($"{name}: no description of its rules");
                var responses = op.GetProperty("responses");
                if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('4'))) problems.Add($"{name}: no error response");
                if (op.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var request) && !request.TryGetProperty("example", out _))
                {
                    problems.Add($"{name}: request body without example");
                }
                foreach (var response in responses.EnumerateObject().Where(r => r.Name.StartsWith('2')))
                {
                    if (response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var media) && !media.TryGetProperty("example", out _)
                        && !path.Name.EndsWith("/scopes", StringComparison.Ordinal))
                    {
                        problems.Add($"{name}: {response.Name} response without example");
                    }
                }
            }
        }
        problems.ShouldBeEmpty();
    }

    [Test]
    public async Task Money_is_described_as_a_decimal_number()
    {
        using var document = JsonDocument.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"));
        var profile = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("CompanyProfileResponse").GetProperty("properties");
        profile.GetProperty("latePaymentPenaltyRate").GetProperty("format").GetString().ShouldBe("decimal");
        profile.GetProperty("shareCapital").GetProperty("format").GetString().ShouldBe("decimal");
    }

    /// <summary>A request may omit a nullable property (InputGuard requires only the non-nullable ones, and the API description
    /// says so): no schema that only requests use lists a nullable property as <c>required</c>, at any depth.</summary>
    [Test]
    public async Task No_request_schema_requires_a_property_the_API_lets_clients_omit()
    {
        using var document = JsonDocument.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        HashSet<string> Reachable(IEnumerable<JsonElement> roots)
        {
            var names = new HashSet<string>();
            void Visit(JsonElement schema)
            {
                if (schema.ValueKind != JsonValueKind.Object) return;
                if (schema.TryGetProperty("$ref", out var reference))
                {
                    var name = reference.GetString()!.Split('/')[^1];
                    if (names.Add(name)) Visit(schemas.GetProperty(name));
                    return;
                }
                if (schema.TryGetProperty("items", out var items)) Visit(items);
                if (schema.TryGetProperty("additionalProperties", out var additional)) Visit(additional);
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var property in properties.EnumerateObject()) Visit(property.Value);
                foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
                {
                    if (schema.TryGetProperty(combinator, out var parts))
                        foreach (var part in parts.EnumerateArray()) Visit(part);
                }
            }
            foreach (var root in roots) Visit(root);
            return names;
        }
        var operations = document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value).ToList();
        IEnumerable<JsonElement> Schemas(IEnumerable<JsonElement> contents) => contents.SelectMany(c => c.EnumerateObject()).Where(m => m.Value.TryGetProperty("schema", out _))
            .Select(m => m.Value.GetProperty("schema"));
        var requests = Reachable(Schemas(operations.Where(o => o.TryGetProperty("requestBody", out _)).Select(o => o.GetProperty("requestBody").GetProperty("content"))));
        var responses = Reachable(Schemas(operations.Where(o => o.TryGetProperty("responses", out _)).SelectMany(o => o.GetProperty("responses").EnumerateObject())
            .Where(r => r.Value.TryGetProperty("content", out _)).Select(r => r.Value.GetProperty("content"))));
        static bool Nullable(JsonElement property) =>
            (property.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null"))
            || new[] { "oneOf", "anyOf" }.Any(c => property.TryGetProperty(c, out var parts)
                && parts.EnumerateArray().Any(p => p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));

        requests.Except(responses).Count().ShouldBeGreaterThan(10);
        var wrong = new List<string>();
        foreach (var name in requests.Except(responses))
        {
            var schema = schemas.GetProperty(name);
            if (!schema.TryGetProperty("required", out var required) || !schema.TryGetProperty("properties", out var properties)) continue;
            wrong.AddRange(required.EnumerateArray().Select(r => r.GetString()!)
                .Where(r => properties.TryGetProperty(r, out var property) && Nullable(property)).Select(r => $"{name}.{r}"));
        }
        wrong.ShouldBeEmpty();
    }

    [Test]
    public void Every_error_code_has_a_French_and_an_English_message()
    {
        var codes = typeof(ApiErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        codes.Count.ShouldBeGreaterThan(30);
        var missing = codes.Where(code => !ErrorCatalog.TryGet(code, out var fr, out var en) || string.IsNullOrWhiteSpace(fr) || string.IsNullOrWhiteSpace(en) || fr == en).ToList();
        missing.ShouldBeEmpty();
    }
}
