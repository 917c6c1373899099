using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Koban.Api.Infrastructure.Web;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Contract;

/// <summary>The details Swagger UI shows: every parameter described, every error response with the problem the operation
/// really answers, every decimal with its documented scale — and real responses written with that scale.
/// The served document is the committed openapi.yaml (checked by <see cref="OpenApiContractTests"/>).</summary>
[NonParallelizable]
public sealed partial class ContractDetailTests : ApiTest
{
    [GeneratedRegex("\\{[A-Za-z]+\\}")]
    private static partial Regex PlaceholderNames();

    private static async Task<JsonElement> ContractAsync(ApiFactory? factory = null) =>
        JsonDocument.Parse(await Anonymous(factory).GetStringAsync("/openapi/v1.json")).RootElement.Clone();

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement contract)
    {
        foreach (var path in contract.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                yield return ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);
            }
        }
    }

    [Test]
    public async Task Every_parameter_has_a_description()
    {
        var contract = await ContractAsync();
        var missing = new List<string>();
        foreach (var (name, operation) in Operations(contract))
        {
            if (!operation.TryGetProperty("parameters", out var parameters)) continue;
            foreach (var parameter in parameters.EnumerateArray())
            {
                if (!parameter.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString()))
                {
                    missing.Add($"{name}: {parameter.GetProperty("in").GetString()} parameter {parameter.GetProperty("name").GetString()}");
                }
            }
        }
        missing.ShouldBeEmpty();
    }

    [Test]
    public async Task Every_error_response_has_a_real_French_problem_of_its_operation_as_example()
    {
        var contract = await ContractAsync();
        var schemas = contract.GetProperty("components").GetProperty("schemas");
        var wrong = new List<string>();
        var checkedResponses = 0;
        foreach (var (name, operation) in Operations(contract))
        {
            var fields = OperationFields(operation, schemas);
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var where = $"{name} {response.Name}";
                if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out var media)
                    || !media.TryGetProperty("example", out var example))
                {
                    wrong.Add($"{where}: no problem example");
                    continue;
                }
                checkedResponses++;
                var code = example.TryGetProperty("code", out var c) ? c.GetString() : null;
                if (code is null || !ErrorCatalog.TryGet(code, out var french, out var english))
                {
                    wrong.Add($"{where}: code {code} is not in the error catalogue");
                    continue;
                }
                if (!example.TryGetProperty("status", out var status) || status.GetInt32().ToString(CultureInfo.InvariantCulture) != response.Name) wrong.Add($"{where}: status differs");
                if (example.GetProperty("type").GetString() != $"https://koban.fr/problems/{code.Replace('_', '-')}") wrong.Add($"{where}: type");
                var title = example.GetProperty("title").GetString() ?? "";
                var frenchStart = french.Split('{')[0];
                var unfilled = PlaceholderNames().Matches(french).Any(m => title.Contains(m.Value, StringComparison.Ordinal));
                if (!title.StartsWith(frenchStart, StringComparison.Ordinal) || unfilled || (english.Split('{')[0].Length > 0 && title.StartsWith(english.Split('{')[0], StringComparison.Ordinal)))
                {
                    wrong.Add($"{where}: title \"{title}\" is not the French message of {code}");
                }
                if (!example.TryGetProperty("instance", out var instance) || !instance.GetString()!.StartsWith("/api/v1/", StringComparison.Ordinal)) wrong.Add($"{where}: instance");
                var hasErrors = example.TryGetProperty("errors", out var errors);
                if (response.Name == "400" && !hasErrors) wrong.Add($"{where}: 400 without errors");
                if (hasErrors)
                {
                    foreach (var field in errors.EnumerateObject())
                    {
                        var root = field.Name.Split('.', '[')[0];
                        if (!fields.Contains(root)) wrong.Add($"{where}: errors name {field.Name}, which is not an input of this operation ({string.Join(", ", fields)})");
                        if (field.Value.EnumerateArray().Any(m => string.IsNullOrWhiteSpace(m.GetString()) || PlaceholderNames().Matches(french).Any(p => m.GetString()!.Contains(p.Value, StringComparison.Ordinal))))
                        {
                            wrong.Add($"{where}: empty or unfilled message for {field.Name}");
                        }
                    }
                }
            }
        }
        checkedResponses.ShouldBeGreaterThan(500);
        wrong.ShouldBeEmpty(string.Join("\n", wrong));
    }

    /// <summary>The names a problem of this operation may point at: its parameters and the top-level properties of its body.</summary>
    private static HashSet<string> OperationFields(JsonElement operation, JsonElement schemas)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray()) fields.Add(parameter.GetProperty("name").GetString()!);
        }
        if (operation.TryGetProperty("requestBody", out var body))
        {
            foreach (var media in body.GetProperty("content").EnumerateObject())
            {
                var schema = media.Value.GetProperty("schema");
                if (schema.TryGetProperty("oneOf", out var parts)) schema = parts.EnumerateArray().FirstOrDefault(p => p.TryGetProperty("$ref", out _), schema);
                schema = Resolve(schema, schemas);
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject()) fields.Add(property.Name);
                }
                else fields.Add("body");
            }
        }
        if (operation.GetProperty("responses").EnumerateObject().FirstOrDefault(r => r.Name[0] == '2').Value is { ValueKind: JsonValueKind.Object } success
            && success.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json))
        {
            // A business rule may name a field of the record the operation acts on (e.g. an order's `lines` when it is validated).
            var schema = Resolve(json.GetProperty("schema"), schemas);
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject()) fields.Add(property.Name);
            }
        }
        return fields;
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : schema;

    [Test]
    public async Task Every_decimal_of_the_contract_documents_its_scale()
    {
        var contract = await ContractAsync();
        var wrong = new List<string>();
        var decimals = 0;
        foreach (var schema in contract.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties)) continue;
            foreach (var property in properties.EnumerateObject())
            {
                if (!property.Value.TryGetProperty("format", out var format) || format.GetString() != "decimal") continue;
                decimals++;
                if (!property.Value.TryGetProperty("x-scale", out var scale) || scale.GetInt32() != DecimalScale.For(property.Name))
                {
                    wrong.Add($"{schema.Name}.{property.Name}: no x-scale {DecimalScale.For(property.Name)}");
                }
                else if (!property.Value.TryGetProperty("description", out var description) || !description.GetString()!.Contains($"exactly {scale.GetInt32()} decimal", StringComparison.Ordinal))
                {
                    wrong.Add($"{schema.Name}.{property.Name}: the description does not state the scale");
                }
                if (!property.Value.TryGetProperty("type", out var type) || !type.ToString().Contains("number", StringComparison.Ordinal)) wrong.Add($"{schema.Name}.{property.Name}: not a number");
            }
        }
        decimals.ShouldBeGreaterThan(100);
        wrong.ShouldBeEmpty();
    }

    [TestCase(10, 2, "10.00")]
    [TestCase(1750.7, 2, "1750.70")]
    [TestCase(-0.5, 2, "-0.50")]
    [TestCase(0.125, 2, "0.13")]
    [TestCase(12.5, 4, "12.5000")]
    [TestCase(3, 3, "3.000")]
    [TestCase(48.25, 1, "48.3")]
    public void A_decimal_is_written_with_exactly_its_scale(decimal value, int scale, string expected) =>
        DecimalScale.Format(value, scale).ShouldBe(expected);

    [Test]
    public async Task Every_decimal_of_real_responses_is_written_with_the_scale_its_contract_documents()
    {
        var database = await TestDatabase.CreateAsync("koban_scale");
        try
        {
            await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Koban:Demo:Seed"] = "true" });
            var admin = await SignInAsync("admin@demo.koban.fr", "Demo-Admin-2026!", factory);
            var contract = await ContractAsync(factory);
            var schemas = contract.GetProperty("components").GetProperty("schemas");
            var paths = contract.GetProperty("paths");
            var wrong = new List<string>();
            var checkedValues = new Dictionary<string, int>(StringComparer.Ordinal);
            var visited = new List<string>();

            async Task CheckAsync(string template, string url)
            {
                var response = await admin.GetAsync(url);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json") return;
                var schema = paths.GetProperty(template).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                visited.Add(url);
                Walk(body.RootElement, schema, schemas, url, wrong, checkedValues);
            }

            foreach (var path in paths.EnumerateObject())
            {
                if (!path.Value.TryGetProperty("get", out var get)) continue;
                var requiredQuery = get.TryGetProperty("parameters", out var ps) && ps.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("required", out var r) && r.GetBoolean());
                if (requiredQuery) continue;
                if (!path.Name.Contains('{'))
                {
                    var paged = get.TryGetProperty("parameters", out var query) && query.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "limit");
                    await CheckAsync(path.Name, paged ? path.Name + "?limit=100" : path.Name);
                    continue;
                }
                var list = path.Name[..path.Name.IndexOf("/{", StringComparison.Ordinal)];
                if (!list.StartsWith("/api/v1/", StringComparison.Ordinal) || path.Name.IndexOf('{') != path.Name.LastIndexOf('{') || !paths.TryGetProperty(list, out _)) continue;
                var items = await admin.GetAsync(list + "?limit=100");
                if (!items.IsSuccessStatusCode || items.Content.Headers.ContentType?.MediaType != "application/json") continue;
                var listBody = await items.Json();
                if (listBody.ValueKind != JsonValueKind.Object || !listBody.TryGetProperty("items", out var rows)) continue;
                foreach (var row in rows.EnumerateArray().Take(12))
                {
                    if (row.TryGetProperty("id", out var id)) await CheckAsync(path.Name, path.Name.Replace("{id}", id.GetString(), StringComparison.Ordinal));
                }
            }
            var customers = (await (await admin.GetAsync("/api/v1/customers?limit=100")).Json()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
            foreach (var customer in customers)
            {
                await CheckAsync("/api/v1/customers/{id}/account", $"/api/v1/customers/{customer}/account");
            }

            foreach (var required in new[] { "/api/v1/invoices/", "/api/v1/orders/", "/api/v1/receivables/aging", "/api/v1/customers/", "/api/v1/payments", "/api/v1/credit-notes/" })
            {
                visited.ShouldContain(u => u.StartsWith(required, StringComparison.Ordinal), $"no response of {required} was read");
            }
            foreach (var property in new[] { "totalIncludingVat", "amountDue", "unitPrice", "quantity", "vatRate", "outstanding", "total", "days1To30", "balance" })
            {
                checkedValues.GetValueOrDefault(property).ShouldBeGreaterThan(0, $"no `{property}` was checked");
            }
            wrong.Take(40).ShouldBeEmpty();
        }
        finally
        {
            await database.DropAsync();
        }
    }

    /// <summary>Follows the response along its schema: a number whose schema documents <c>x-scale</c> must be written with exactly that many decimals.</summary>
    private static void Walk(JsonElement value, JsonElement schema, JsonElement schemas, string where, List<string> wrong, Dictionary<string, int> checkedValues, string property = "")
    {
        if (schema.TryGetProperty("$ref", out _)) schema = Resolve(schema, schemas);
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (!schema.TryGetProperty(combinator, out var parts)) continue;
            foreach (var part in parts.EnumerateArray())
            {
                var resolved = Resolve(part, schemas);
                if (resolved.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null") continue;
                Walk(value, resolved, schemas, where, wrong, checkedValues, property);
            }
            return;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when schema.TryGetProperty("x-scale", out var scale):
                var text = value.GetRawText();
                var decimals = text.Contains('.') ? text.Length - text.IndexOf('.') - 1 : 0;
                checkedValues[property] = checkedValues.GetValueOrDefault(property) + 1;
                if (decimals != scale.GetInt32()) wrong.Add($"{where}: {property} = {text}, documented with {scale.GetInt32()} decimals");
                break;
            case JsonValueKind.Number when schema.TryGetProperty("format", out var format) && format.GetString() == "decimal":
                wrong.Add($"{where}: {property} is a decimal without a documented scale");
                break;
            case JsonValueKind.Object when schema.TryGetProperty("properties", out var properties):
                foreach (var member in value.EnumerateObject())
                {
                    if (properties.TryGetProperty(member.Name, out var memberSchema)) Walk(member.Value, memberSchema, schemas, where, wrong, checkedValues, member.Name);
                }
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                foreach (var item in value.EnumerateArray()) Walk(item, items, schemas, where, wrong, checkedValues, property);
                break;
        }
    }
}
