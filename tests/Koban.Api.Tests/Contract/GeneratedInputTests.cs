using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koban.Api.Tests.Infrastructure;
using Npgsql;

namespace Koban.Api.Tests.Contract;

/// <summary>
/// Walks the live OpenAPI document (the same as the committed openapi.yaml) and, for every operation, sends malformed and
/// boundary requests derived from its schemas: missing and extra fields, null, wrong types, NUL characters, huge strings and
/// arrays, arrays holding null, extreme numbers and dates, unknown enum names, ids that are not UUIDs and another company's ids,
/// in the body, the query and the path. Never a 5xx; every 4xx is a problem document, a 400 names its fields, and a refused
/// write leaves the company's rows as they were. A new operation is covered without anyone touching this test.
/// </summary>
public sealed class GeneratedInputTests : ApiTest
{
    /// <summary>Operations on the caller's own session: mutating them would sign the test out.</summary>
    private static readonly HashSet<string> SessionOperations = ["Login", "Logout", "ChangePassword", "Signup"];

    private const string Nul = "a\u0000b";
    private static readonly string Huge = new('x', 50_000);

    /// <summary>One generated request. <paramref name="MayBeAccepted"/>: a legitimate request may look like it (an omitted or null
    /// optional field, an extra field, an instant with an offset), so it runs alone and its writes are not held against it.</summary>
    private sealed record Probe(string Operation, HttpMethod Method, string Url, string What, JsonNode? Body, bool RawNull = false, bool MayBeAccepted = false);

    [Test]
    public async Task No_generated_bad_input_answers_a_server_error_or_writes_anything()
    {
        var started = Stopwatch.StartNew();
        var a = await NewCompanyAsync("Entreprise sondée SAS");
        var b = await NewCompanyAsync("Autre entreprise SARL");
        var (aCustomer, _) = await Features.Customers.CustomerTests.CreateAsync(a.Admin, Features.Customers.CustomerTests.Business());
        var (bCustomer, _) = await Features.Customers.CustomerTests.CreateAsync(b.Admin, Features.Customers.CustomerTests.Business(name: "Client de B"));
        var bCustomerId = bCustomer.GetProperty("id").GetGuid();
        var bContactId = bCustomer.GetProperty("contacts")[0].GetProperty("id").GetGuid();
        var bProductId = (await (await b.Admin.PostAsJsonAsync("/api/v1/products", Features.Products.ProductTests.Product(code: "B-1"))).Json()).GetProperty("id").GetGuid();
        _ = aCustomer;

        using var document = JsonDocument.Parse(await a.Admin.GetStringAsync("/openapi/v1.json"));
        var root = JsonNode.Parse(document.RootElement.GetRawText())!;
        var schemas = root["components"]?["schemas"]?.AsObject();

        var failures = new List<string>();
        var sent = 0;
        var operations = 0;
        await using var database = new NpgsqlConnection(a.Factory.Database.Superuser);
        await database.OpenAsync();
        var tables = await CompanyTablesAsync(database);
        var rows = await CountRowsAsync(database, tables, a.Id);
        var countTime = TimeSpan.Zero;

        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (methodName, operationNode) in item!.AsObject())
            {
                if (methodName is "parameters") continue;
                var operation = operationNode!.AsObject();
                var operationId = operation["operationId"]?.GetValue<string>() ?? $"{methodName} {path}";
                if (SessionOperations.Contains(operationId)) continue;
                operations++;
                var method = new HttpMethod(methodName.ToUpperInvariant());
                var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
                var url = FillPath(path, bCustomerId, bContactId, bProductId);
                var probes = new List<Probe>();

                // Path: an id that is not a UUID.
                if (path.Contains('{', StringComparison.Ordinal))
                {
                    probes.Add(new Probe(operationId, method, System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", "not-a-uuid"), "path id not a UUID", null));
                }

                // Query: each parameter with values that break its type.
                foreach (var parameter in parameters.Where(p => p["in"]?.GetValue<string>() == "query"))
                {
                    var name = parameter["name"]!.GetValue<string>();
                    var schema = Resolve(parameter["schema"], schemas);
                    foreach (var value in BadValues(schema, forQuery: true, bCustomerId))
                    {
                        var text = value is null ? "" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                        probes.Add(new Probe(operationId, method, $"{url}?{name}={Uri.EscapeDataString(text)}", $"query {name}={Shorten(text)}", Baseline(operation, schemas)));
                    }
                }

                // Body: the whole body, then each property in turn.
                var bodySchema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
                if (bodySchema is not null)
                {
                    var baseline = Baseline(operation, schemas) as JsonObject ?? new JsonObject();
                    probes.Add(new Probe(operationId, method, url, "empty object", new JsonObject()));
                    probes.Add(new Probe(operationId, method, url, "null body", null, RawNull: true));
                    var extra = (JsonObject)baseline.DeepClone();
                    extra["unexpectedField"] = Nul;
                    probes.Add(new Probe(operationId, method, url, "extra field", extra, MayBeAccepted: true));
                    foreach (var (property, propertySchemaNode) in Resolve(bodySchema, schemas)?["properties"]?.AsObject() ?? new JsonObject())
                    {
                        var propertySchema = Resolve(propertySchemaNode, schemas);
                        var missing = (JsonObject)baseline.DeepClone();
                        missing.Remove(property);
                        probes.Add(new Probe(operationId, method, url, $"{property} missing", missing, MayBeAccepted: true));
                        foreach (var value in BadValues(propertySchema, forQuery: false, bCustomerId).Append(null))
                        {
                            var mutated = (JsonObject)baseline.DeepClone();
                            mutated[property] = value?.DeepClone();
                            probes.Add(new Probe(operationId, method, url, $"{property}={Shorten(value?.ToJsonString() ?? "null")}", mutated,
                                MayBeAccepted: value is null || value.ToJsonString().Contains("+01:00", StringComparison.Ordinal) || value.ToJsonString().Contains(bCustomerId.ToString(), StringComparison.Ordinal)));
                        }
                    }
                }
                if (probes.Count == 0) continue;

                // Reads run a few at a time.
                foreach (var batch in probes.Where(p => p.Method == HttpMethod.Get).Chunk(6))
                {
                    var answers = await Task.WhenAll(batch.Select(async p => (Probe: p, Answer: await SendAsync(a.Admin, p))));
                    foreach (var (probe, answer) in answers) Check(probe, answer.Status, answer.ContentType, answer.Text, failures);
                    sent += batch.Length;
                }
                // Writes expected to be refused run a few at a time, then one row count for the batch; the others one by one.
                var writes = probes.Where(p => p.Method != HttpMethod.Get).ToList();
                foreach (var batch in writes.Where(p => !p.MayBeAccepted).Chunk(6).Concat(writes.Where(p => p.MayBeAccepted).Select(p => new[] { p })))
                {
                    var answers = await Task.WhenAll(batch.Select(async p => (Probe: p, Answer: await SendAsync(a.Admin, p))));
                    sent += batch.Length;
                    var counting = Stopwatch.StartNew();
                    var after = await CountRowsAsync(database, tables, a.Id);
                    countTime += counting.Elapsed;
                    var changed = tables.Where(t => rows[t] != after[t]).Select(t => $"{t} {rows[t]}→{after[t]}").ToList();
                    if (changed.Count > 0 && answers.All(x => x.Answer.Status >= 400))
                    {
                        failures.Add($"{string.Join(" / ", answers.Select(x => $"{x.Probe.Operation} ({x.Probe.What})"))}: refused but wrote rows: {string.Join(", ", changed)}");
                    }
                    rows = after;
                    foreach (var (probe, answer) in answers) Check(probe, answer.Status, answer.ContentType, answer.Text, failures);
                }
            }
        }

        TestContext.Out.WriteLine($"{operations} operations, {sent} generated requests in {started.Elapsed.TotalSeconds:0.0} s (row counts {countTime.TotalSeconds:0.0} s)");
        operations.ShouldBeGreaterThan(100);
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(60)));
    }

    private static async Task<(int Status, string? ContentType, string Text)> SendAsync(HttpClient client, Probe probe)
    {
        using var request = new HttpRequestMessage(probe.Method, probe.Url);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        if (probe.RawNull) request.Content = new StringContent("null", Encoding.UTF8, "application/json");
        else if (probe.Body is not null) request.Content = new StringContent(probe.Body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static void Check(Probe probe, int status, string? contentType, string text, List<string> failures)
    {
        if (status >= 500)
        {
            failures.Add($"{probe.Operation} ({probe.What}): {status} {Shorten(text, 300)}");
            return;
        }
        if (status < 400) return;
        if (contentType != "application/problem+json")
        {
            failures.Add($"{probe.Operation} ({probe.What}): {status} without a problem document ({contentType})");
            return;
        }
        using var problem = JsonDocument.Parse(text);
        if (!problem.RootElement.TryGetProperty("code", out _)) failures.Add($"{probe.Operation} ({probe.What}): problem without code");
        if (status == 400 && (!problem.RootElement.TryGetProperty("errors", out var errors) || !errors.EnumerateObject().Any()))
        {
            failures.Add($"{probe.Operation} ({probe.What}): 400 naming no field: {Shorten(text, 300)}");
        }
    }

    private static string FillPath(string path, Guid id, Guid contactId, Guid productId) => System.Text.RegularExpressions.Regex.Replace(path, "\\{([^}]+)\\}", m => m.Groups[1].Value switch
    {
        "contactId" => contactId.ToString(),
        "productId" => productId.ToString(),
        "id" => id.ToString(),
        "type" => "invoice",
        _ => Guid.CreateVersion7().ToString(),
    });

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is { } reference; i++) schema = schemas?[reference.GetValue<string>().Split('/')[^1]];
        if (schema?["oneOf"] is JsonArray oneOf) return Resolve(oneOf.FirstOrDefault(s => s?["type"]?.ToString() != "null"), schemas) ?? schema;
        return schema;
    }

    private static string[] Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray array => [.. array.Select(t => t!.GetValue<string>())],
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };

    /// <summary>The documented request example, else an object built from the schema.</summary>
    private static JsonNode? Baseline(JsonObject operation, JsonObject? schemas)
    {
        var media = operation["requestBody"]?["content"]?["application/json"];
        if (media?["example"] is { } example) return example.DeepClone();
        return Sample(Resolve(media?["schema"], schemas), schemas, 0);
    }

    private static JsonNode? Sample(JsonNode? schema, JsonObject? schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema is null || depth > 6) return null;
        if (schema["enum"] is JsonArray values && values.Count > 0) return values[0]!.DeepClone();
        var types = Types(schema);
        var format = schema["format"]?.GetValue<string>();
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? new JsonObject()) result[name] = Sample(property, schemas, depth + 1);
            return result;
        }
        if (types.Contains("array")) return new JsonArray(Sample(schema["items"], schemas, depth + 1));
        if (types.Contains("integer")) return 1;
        if (types.Contains("number")) return 1.5m;
        if (types.Contains("boolean")) return true;
        if (types.Contains("string"))
        {
            return format switch
            {
                "uuid" => Guid.CreateVersion7().ToString(),
                "date" => "2026-06-15",
                "date-time" => "2026-06-15T10:00:00Z",
                _ => "texte",
            };
        }
        return null;
    }

    /// <summary>Values a field of this schema must refuse (or accept) without a server error; ids are another company's.</summary>
    private static IEnumerable<JsonNode?> BadValues(JsonNode? schema, bool forQuery, Guid otherCompanyId)
    {
        var types = Types(schema);
        var format = schema?["format"]?.GetValue<string>();
        if (schema?["enum"] is JsonArray)
        {
            yield return "Bogus";
            yield return 1;
            yield break;
        }
        if (types.Contains("string"))
        {
            yield return Nul;
            switch (format)
            {
                case "uuid":
                    yield return "not-a-uuid";
                    yield return otherCompanyId.ToString();
                    break;
                case "date":
                    yield return "0001-01-01";
                    yield return "9999-12-31";
                    break;
                case "date-time":
                    yield return "0001-01-01T00:00:00Z";
                    yield return "9999-12-31T23:59:59Z";
                    yield return "2026-01-01T01:00:00+01:00";
                    break;
                default:
                    yield return forQuery ? new string('x', 4000) : Huge;
                    break;
            }
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return forQuery ? "99999999999999999999" : JsonValue.Create(1e300);
            yield return "abc";
        }
        if (types.Contains("boolean")) yield return "yes";
        if (types.Contains("array") && !forQuery)
        {
            yield return new JsonArray((JsonNode?)null);
            var item = Sample(schema?["items"], null, 0);
            yield return new JsonArray([.. Enumerable.Range(0, 501).Select(_ => item?.DeepClone())]);
            yield return "not an array";
        }
        if ((types.Contains("object") || schema?["properties"] is not null) && !forQuery) yield return "not an object";
    }

    private static string Shorten(string text, int length = 60) => text.Length <= length ? text.Replace("\0", "\\0", StringComparison.Ordinal) : text[..length].Replace("\0", "\\0", StringComparison.Ordinal) + "…";

    /// <summary>Tables that hold company data (a company_id column), except the logs of attempts themselves and the chunks the
    /// export worker writes in the background for an export an earlier, accepted probe requested.</summary>
    private static async Task<List<string>> CompanyTablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT table_name FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'company_id'
              AND table_name NOT IN ('audit_events', 'idempotency_records', 'accounting_export_chunks')
            ORDER BY table_name
            """, connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    private static async Task<Dictionary<string, long>> CountRowsAsync(NpgsqlConnection connection, List<string> tables, Guid companyId)
    {
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', count(*) FROM \"{t}\" WHERE company_id = @company"));
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("company", companyId);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
