using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Contract;

/// <summary>One test per class of bad input that used to answer 500 or be silently accepted: each answers a 400 problem
/// naming the field, and nothing is written.</summary>
public sealed class InputRulesTests : ApiTest
{
    private static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A product body with every required field, <paramref name="code"/>, and the given raw JSON for name and nature.</summary>
    private static StringContent ProductJson(string code, string name = "\"Vis\"", string nature = "\"Goods\"") => RawJson(
        $$"""{"code":"{{code}}","name":{{name}},"description":null,"unitCode":"C62","unitPrice":1,"vatRate":20,"vatExemptionReason":null,"nature":{{nature}},"forSale":true,"deliverable":true,"isContract":false,"contractPeriodicity":null,"contractTermMonths":null}""");

    private static async Task<JsonElement> ShouldNameField(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        await response.ShouldHaveStatus(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = await response.Json();
        body.GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
        var errors = body.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        errors.ShouldContain(field, $"errors: {string.Join(", ", errors)}");
        return body;
    }

    private static async Task<int> CountAsync(HttpClient client, string list)
    {
        var page = await (await client.GetAsync($"{list}?limit=100")).Json();
        return page.GetProperty("items").GetArrayLength();
    }

    [Test]
    public async Task A_NUL_character_in_a_body_a_query_parameter_or_a_header_is_a_400_naming_where_it_is()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var before = await CountAsync(admin, "/api/v1/products");

        await ShouldNameField(await admin.PostAsync("/api/v1/products", ProductJson("NUL-1", name: "\"Vis\\u0000\"")), "name");
        await ShouldNameField(await admin.PostAsync("/api/v1/quotes", RawJson(
            $$"""{"customerId":"{{c.CustomerId}}","opportunityId":null,"validUntil":"2099-12-31","lines":[{"kind":"Title","description":"a\u0000b"}]}""")), "lines[0].description");
        await ShouldNameField(await admin.GetAsync("/api/v1/products?search=a%00b"), "search");
        var header = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products") { Content = JsonContent.Create(Features.Products.ProductTests.Product(code: "NUL-2")) };
        header.Headers.TryAddWithoutValidation("Idempotency-Key", "key\0nul");
        await ShouldNameField(await admin.SendAsync(header), "Idempotency-Key");

        (await CountAsync(admin, "/api/v1/products")).ShouldBe(before, "nothing was written");
    }

    [Test]
    public async Task Arrays_holding_null_missing_arrays_and_arrays_over_the_limit_are_400_naming_the_array()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;

        await ShouldNameField(await admin.PostAsync("/api/v1/quotes", RawJson(
            $$"""{"customerId":"{{c.CustomerId}}","opportunityId":null,"validUntil":"2099-12-31","lines":[null]}""")), "lines[0]");
        var missing = await ShouldNameField(await admin.PostAsync("/api/v1/quotes", RawJson("{}")), "lines");
        missing.GetProperty("errors").TryGetProperty("customerId", out _).ShouldBeTrue("every missing required field is named");
        missing.GetProperty("errors").TryGetProperty("validUntil", out _).ShouldBeTrue();
        await ShouldNameField(await admin.PostAsync("/api/v1/quotes", RawJson(
            $$"""{"customerId":"{{c.CustomerId}}","opportunityId":null,"validUntil":"2099-12-31","lines":null}""")), "lines");

        var scopes = Enumerable.Repeat("customers:read", 5000).ToArray();
        await ShouldNameField(await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Trop de portées", scopes }), "scopes");
        var contacts = Enumerable.Range(0, 5000).Select(i => (object)new { firstName = "A", lastName = $"B{i}" }).ToArray();
        await ShouldNameField(await admin.PostAsJsonAsync("/api/v1/customers", Features.Customers.CustomerTests.Business(name: "Trop de contacts", contacts: contacts)), "contacts");

        (await CountAsync(admin, "/api/v1/quotes")).ShouldBe(0, "nothing was written");
        (await (await admin.GetAsync("/api/v1/api-keys")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task Dates_outside_1900_2999_are_400_and_an_instant_with_an_offset_filters_like_the_same_instant_in_UTC()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;

        await ShouldNameField(await admin.GetAsync("/api/v1/receivables/aging?asOf=0001-01-01"), "asOf");
        await ShouldNameField(await admin.GetAsync("/api/v1/receivables/aging?asOf=9999-12-31"), "asOf");
        await ShouldNameField(await admin.GetAsync($"/api/v1/receivables/customers/{c.CustomerId}/statement?from=0001-01-01&to=9999-12-31"), "from");
        await ShouldNameField(await admin.PostAsJsonAsync("/api/v1/quotes", new { customerId = c.CustomerId, opportunityId = (Guid?)null, validUntil = "9999-12-31", lines = SalesFlowTests.Lines(c.ProductId) }), "validUntil");
        await ShouldNameField(await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Fec", from = "0001-01-01", to = "2026-03-31" }), "from");

        await SalesFlowTests.Post(admin, "/api/v1/quotes", new { customerId = c.CustomerId, opportunityId = (Guid?)null, validUntil = "2099-12-31", lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created);
        var future = DateTimeOffset.UtcNow.AddHours(1).ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var past = DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var list in new[] { "/api/v1/quotes", "/api/v1/customers", "/api/v1/products", "/api/v1/orders", "/api/v1/invoices" })
        {
            var later = await admin.GetAsync($"{list}?updatedSince={Uri.EscapeDataString(future)}");
            await later.ShouldHaveStatus(HttpStatusCode.OK);
            (await later.Json()).GetProperty("items").GetArrayLength().ShouldBe(0, $"{list}: nothing changed after {future}");
        }
        var earlier = await admin.GetAsync($"/api/v1/quotes?updatedSince={Uri.EscapeDataString(past)}");
        await earlier.ShouldHaveStatus(HttpStatusCode.OK);
        (await earlier.Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task A_missing_non_nullable_field_is_a_400_naming_it_instead_of_a_silent_default()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile(franchise: true)) }.WithIfMatch(etag);
        await (await company.Admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
        var profile = JsonSerializer.SerializeToNode(CompanyProfileTests.Profile(franchise: true))!.AsObject();
        profile.Remove("vatFranchise");
        etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var without = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = RawJson(profile.ToJsonString()) }.WithIfMatch(etag);
        await ShouldNameField(await company.Admin.SendAsync(without), "vatFranchise");
        (await (await company.Admin.GetAsync("/api/v1/company")).Json()).GetProperty("vatFranchise").GetBoolean().ShouldBeTrue("the franchise was not turned off");
    }

    [Test]
    public async Task Enums_are_accepted_only_as_their_documented_names()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        await ShouldNameField(await admin.PostAsync("/api/v1/products", ProductJson("ENUM-1", nature: "1")), "nature");
        await ShouldNameField(await admin.PostAsync("/api/v1/products", ProductJson("ENUM-2", nature: "\"Bogus\"")), "nature");
        await ShouldNameField(await admin.GetAsync("/api/v1/quotes?status=42"), "status");
    }

    /// <summary>Every enum the contract lists for a query or path parameter is accepted as documented and only so: another
    /// case or a member's integer is a 400 naming the parameter (the framework alone would parse both).</summary>
    [Test]
    public async Task Enums_in_queries_and_paths_are_matched_exactly_as_documented_never_by_another_case_or_number()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        using var contract = JsonDocument.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"));
        var schemas = contract.RootElement.GetProperty("components").GetProperty("schemas");
        JsonElement Resolve(JsonElement schema)
        {
            while (true)
            {
                if (schema.TryGetProperty("$ref", out var reference)) schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                else if (schema.TryGetProperty("oneOf", out var options) || schema.TryGetProperty("anyOf", out options))
                    schema = options.EnumerateArray().FirstOrDefault(o => o.TryGetProperty("$ref", out _) || o.TryGetProperty("enum", out _), schema);
                else return schema;
                if (schema.TryGetProperty("enum", out _)) return schema;
            }
        }

        var failures = new List<string>();
        var checkedParameters = 0;
        foreach (var path in contract.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters)) continue;
            var pathParameters = parameters.EnumerateArray().Count(p => p.GetProperty("in").GetString() == "path");
            foreach (var parameter in parameters.EnumerateArray())
            {
                var name = parameter.GetProperty("name").GetString()!;
                var location = parameter.GetProperty("in").GetString();
                if (!parameter.TryGetProperty("schema", out var schema) || !Resolve(schema).TryGetProperty("enum", out var values)) continue;
                if (location == "path" && pathParameters > 1) continue;
                var documented = values.EnumerateArray().Select(v => v.GetString()!).First(v => !string.Equals(v.ToLowerInvariant(), v, StringComparison.Ordinal));
                string Url(string value) => location == "path"
                    ? path.Name.Replace($"{{{name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal)
                    : $"{path.Name}?{name}={Uri.EscapeDataString(value)}";
                if (location == "query" && path.Name.Contains('{', StringComparison.Ordinal)) continue;
                checkedParameters++;
                using var good = await admin.GetAsync(Url(documented));
                if ((int)good.StatusCode is 400 or >= 500) failures.Add($"GET {Url(documented)}: {(int)good.StatusCode}, the documented name is refused");
                foreach (var bad in new[] { documented.ToLowerInvariant(), documented.ToUpperInvariant(), "0" })
                {
                    using var response = await admin.GetAsync(Url(bad));
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.BadRequest || !JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors)
                        || !errors.TryGetProperty(name, out _))
                    {
                        failures.Add($"GET {Url(bad)}: {(int)response.StatusCode} {text}");
                    }
                }
            }
        }
        checkedParameters.ShouldBeGreaterThan(5);
        failures.ShouldBeEmpty();
    }

    [Test]
    public async Task A_limit_checked_on_creation_is_checked_on_update_too()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var profileEtag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(profileEtag)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var invoice = await SalesFlowTests.Post(admin, "/api/v1/invoices", new
        {
            customerId = c.CustomerId,
            lines = new[] { new { kind = "Free", description = "Prestation", quantity = 1m, unitCode = "C62", unitPrice = 100m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{invoiceId}/validate");
        var draft = await admin.PostAsJsonAsync("/api/v1/credit-notes", new { invoiceId, reason = "Correction", mode = "Full" });
        await draft.ShouldHaveStatus(HttpStatusCode.Created);
        var creditId = (await draft.Json()).GetProperty("id").GetGuid();

        var huge = new string('x', 1_000_000);
        await ShouldNameField(await admin.PostAsJsonAsync("/api/v1/credit-notes", new { invoiceId, reason = "Correction", mode = "Full", reasonText = huge }), "reasonText");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/credit-notes/{creditId}") { Content = JsonContent.Create(new { reasonText = huge }) }.WithIfMatch(draft.Headers.ETag);
        await ShouldNameField(await admin.SendAsync(put), "reasonText");
        (await (await admin.GetAsync($"/api/v1/credit-notes/{creditId}")).Json()).GetProperty("reasonText").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task Wrong_method_wrong_content_type_and_oversized_request_target_or_headers_answer_problem_documents()
    {
        var company = await NewCompanyAsync();
        var admin = company.Admin;

        var method = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/v1/products"));
        await method.ShouldBeProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        var type = await admin.PostAsync("/api/v1/products", new StringContent("code=X", Encoding.UTF8, "text/plain"));
        await type.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var longUrl = await admin.GetAsync("/api/v1/products?search=" + new string('a', 20_000));
        await longUrl.ShouldBeProblem(HttpStatusCode.RequestUriTooLong, "uri_too_long");
        var headers = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products");
        headers.Headers.TryAddWithoutValidation("X-Padding", new string('a', 60_000));
        await (await admin.SendAsync(headers)).ShouldBeProblem(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers_too_large");
    }

    [Test]
    public async Task An_idempotent_retry_with_the_same_JSON_in_another_property_order_is_the_same_request()
    {
        var company = await NewCompanyAsync();
        var key = Guid.NewGuid().ToString();
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products")
        {
            Content = RawJson("""{"code":"IDEM-1","name":"Vis","description":"Vis inox","unitCode":"C62","unitPrice":1.5,"vatRate":20,"vatExemptionReason":null,"nature":"Goods","forSale":true,"deliverable":true,"isContract":false,"contractPeriodicity":null,"contractTermMonths":null}"""),
        };
        first.Headers.Add("Idempotency-Key", key);
        var created = await company.Admin.SendAsync(first);
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products")
        {
            Content = RawJson("""{ "contractTermMonths":null,"contractPeriodicity":null,"isContract":false,"deliverable":true,"forSale":true,"nature":"Goods", "vatExemptionReason":null,"vatRate":20, "unitPrice":1.5,"unitCode":"C62","description":"Vis inox","name":"Vis","code":"IDEM-1" }"""),
        };
        retry.Headers.Add("Idempotency-Key", key);
        var replayed = await company.Admin.SendAsync(retry);
        replayed.StatusCode.ShouldBe(created.StatusCode);
        replayed.Headers.TryGetValues("Idempotent-Replayed", out var values).ShouldBeTrue(await replayed.Content.ReadAsStringAsync());
        values!.Single().ShouldBe("true");
    }

    [Test]
    public async Task A_database_outage_answers_503_with_Retry_After()
    {
        await using var down = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(new()
        {
            ["ConnectionStrings:Koban"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2",
            ["Koban:Scheduler:Enabled"] = "false",
        }));
        var client = down.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@test.koban.fr", password = "Whatever-2026-Pass" });
        await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        response.Headers.RetryAfter.ShouldNotBeNull();
    }
}
