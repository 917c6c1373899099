using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Koban.Api.Infrastructure.Web;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Koban.Api.Tests.Features;

/// <summary>
/// The class "a message the user reads is unfinished or in the wrong language": every error code is formatted through the
/// problem builder with the arguments its text names, in French and in English; every place that raises a domain code
/// passes those arguments; and problems written by the framework or by validators speak the request's language.
/// </summary>
public sealed partial class ProblemMessagesTests : ApiTest
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    private static IReadOnlyList<string> AllCodes() => typeof(ApiErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Concat(typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    private static HashSet<string> Names(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [Test]
    public void Every_code_is_formatted_with_its_arguments_in_the_title_the_detail_and_the_field_message_in_both_languages()
    {
        var failures = new List<string>();
        foreach (var code in AllCodes())
        {
            ErrorCatalog.TryGet(code, out var fr, out var en).ShouldBeTrue(code);
            if (!Names(fr).SetEquals(Names(en))) failures.Add($"{code}: French and English name different placeholders");
            var arguments = Names(fr).Union(Names(en)).ToDictionary(n => n, object (n) => 1234.5m);
            foreach (var (culture, expected) in new[] { (French, fr), (English, en) })
            {
                var previous = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = culture;
                try
                {
                    var problem = (HttpValidationProblemDetails)ProblemDetailsMapping.Map(new DomainException(code, "log only") { Field = "field", Arguments = arguments });
                    var texts = new[] { problem.Title!, problem.Detail, problem.Errors["field"].Single() };
                    foreach (var text in texts.OfType<string>().Where(t => Placeholder().IsMatch(t))) failures.Add($"{code} ({culture.Name}): unfilled placeholder in \"{text}\"");
                    var filled = Placeholder().Replace(expected, m => Convert.ToString(arguments[m.Groups[1].Value], culture)!);
                    if (problem.Title != filled) failures.Add($"{code} ({culture.Name}): title \"{problem.Title}\" is not the {culture.Name} text \"{filled}\"");
                }
                finally
                {
                    CultureInfo.CurrentUICulture = previous;
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    [Test]
    public void A_refusal_listing_several_fields_names_each_with_its_own_message()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = French;
        try
        {
            var details = new[] { "company.shareCapital", "company.rcsCity" }
                .Select(f => new DomainException(ErrorCodes.MandatoryMentionMissing, f) { Field = f, Arguments = new Dictionary<string, object> { ["mention"] = f } })
                .ToList();
            var problem = (HttpValidationProblemDetails)ProblemDetailsMapping.Map(new DomainException(ErrorCodes.MandatoryMentionMissing, "log only")
            {
                Arguments = new Dictionary<string, object> { ["mention"] = "company.shareCapital, company.rcsCity" },
                Details = details,
            });

            problem.Status.ShouldBe(422);
            problem.Errors.Keys.ShouldBe(["company.shareCapital", "company.rcsCity"], ignoreOrder: true);
            problem.Errors["company.rcsCity"].Single().ShouldContain("company.rcsCity");
            problem.Title!.ShouldContain("company.shareCapital, company.rcsCity");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A throw site that builds a domain error inline must pass every argument its message names (a missing one
    /// would print "{remaining}" to the user). Sites that pass a ready-made dictionary are checked by their own tests.</summary>
    [Test]
    public void Every_site_raising_a_code_whose_message_has_placeholders_passes_those_arguments()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Koban.sln"))) root = root.Parent;
        root.ShouldNotBeNull();
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f =>
            {
                ErrorCatalog.TryGet((string)f.GetRawConstantValue()!, out var fr, out var en);
                return Names(fr).Union(Names(en)).ToList();
            });
        var site = new Regex(@"new\s+Domain(?:Conflict)?Exception\(\s*ErrorCodes\.(\w+)");
        var failures = new List<string>();
        var checkedSites = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, "api"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            foreach (Match match in site.Matches(source))
            {
                if (!codes.TryGetValue(match.Groups[1].Value, out var needed) || needed.Count == 0) continue;
                var statement = source[match.Index..StatementEnd(source, match.Index)];
                var arguments = Regex.Match(statement, @"Arguments\s*=\s*(\S+)");
                if (arguments.Success && !arguments.Groups[1].Value.StartsWith("new", StringComparison.Ordinal)) continue;
                checkedSites++;
                var missing = needed.Where(n => !statement.Contains($"[\"{n}\"]", StringComparison.Ordinal)).ToList();
                if (missing.Count > 0)
                {
                    var line = source.AsSpan(0, match.Index).Count('\n') + 1;
                    failures.Add($"{Path.GetRelativePath(root.FullName, file)}:{line} {match.Groups[1].Value} lacks {string.Join(", ", missing)}");
                }
            }
        }
        checkedSites.ShouldBeGreaterThan(20);
        failures.ShouldBeEmpty();
    }

    /// <summary>The end of the statement starting at <paramref name="start"/>: the first ';' outside brackets.</summary>
    private static int StatementEnd(string source, int start)
    {
        var depth = 0;
        for (var i = start; i < source.Length; i++)
        {
            switch (source[i])
            {
                case '(' or '{' or '[':
                    depth++;
                    break;
                case ')' or '}' or ']':
                    if (--depth < 0) return i;
                    break;
                case ';' when depth == 0:
                    return i;
            }
        }
        return source.Length;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ShouldHaveStatus(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Json();
    }

    private static void ShouldBeFrench(JsonElement problem, string code)
    {
        problem.GetProperty("code").GetString().ShouldBe(code);
        ErrorCatalog.TryGet(code, out var fr, out _).ShouldBeTrue();
        var title = problem.GetProperty("title").GetString()!;
        Placeholder().IsMatch(title).ShouldBeFalse(title);
        if (!Placeholder().IsMatch(fr)) title.ShouldBe(fr);
    }

    [Test]
    public async Task Problems_written_by_the_framework_and_by_validators_come_in_French_by_default_and_in_English_when_asked()
    {
        var company = await NewCompanyAsync();
        var admin = company.Admin;

        // Framework problems: an unknown route, a body that is not JSON.
        ShouldBeFrench(await Problem(await admin.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound), ApiErrorCodes.NotFound);
        ShouldBeFrench(await Problem(await Anonymous().GetAsync("/api/v1/company"), HttpStatusCode.Unauthorized), ApiErrorCodes.Unauthenticated);
        ShouldBeFrench(await Problem(await admin.PostAsync("/api/v1/api-keys", new StringContent("name=x", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest),
            ApiErrorCodes.MalformedRequest);

        // Validator messages: each field message is the catalogue's French text.
        var export = await Problem(await admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Fec", from = "2026-03-01", to = "2026-01-31" }), HttpStatusCode.BadRequest);
        var message = export.GetProperty("errors").GetProperty("to")[0].GetString();
        ErrorCatalog.TryGet(ApiErrorCodes.PeriodEndBeforeStart, out var periodFr, out var periodEn);
        message.ShouldBe(periodFr);
        using var current = await admin.GetAsync("/api/v1/document-templates/Invoice");
        var templateTag = current.Headers.ETag;
        var body = System.Text.Json.Nodes.JsonNode.Parse(await current.Content.ReadAsStringAsync())!.AsObject();
        body["accentColor"] = "bleu";
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/document-templates/Invoice") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        var template = await Problem(await admin.SendAsync(put.WithIfMatch(templateTag)), HttpStatusCode.BadRequest);
        ErrorCatalog.TryGet(ApiErrorCodes.ColorInvalid, out var colorFr, out var colorEn);
        template.GetProperty("errors").GetProperty("accentColor").EnumerateArray().Select(e => e.GetString()).ShouldContain(colorFr);

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounting/exports")
        {
            Content = JsonContent.Create(new { format = "Fec", from = "2026-03-01", to = "2026-01-31" }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await Problem(await admin.SendAsync(english), HttpStatusCode.BadRequest);
        inEnglish.GetProperty("errors").GetProperty("to")[0].GetString().ShouldBe(periodEn);
        colorEn.ShouldNotBe(colorFr);
    }

    [TestCase(405, ApiErrorCodes.MethodNotAllowed)]
    [TestCase(415, ApiErrorCodes.UnsupportedMediaType)]
    [TestCase(418, ApiErrorCodes.HttpError)]
    [TestCase(503, ApiErrorCodes.ServiceUnavailable)]
    [TestCase(500, ApiErrorCodes.InternalError)]
    public void A_problem_the_framework_writes_gets_a_code_and_a_title_in_the_request_language(int status, string code)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = French;
        try
        {
            var problem = new ProblemDetails { Status = status, Title = "Reason phrase in English", Detail = "English detail" };
            ProblemDetailsMapping.Complete(new ProblemDetailsContext { HttpContext = new DefaultHttpContext(), ProblemDetails = problem });

            problem.Extensions["code"].ShouldBe(code);
            ErrorCatalog.TryGet(code, out var fr, out _);
            problem.Title.ShouldBe(fr);
            problem.Detail.ShouldBeNull();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Test]
    public async Task An_unreachable_deposit_including_VAT_names_both_reachable_amounts_in_its_title_said_once()
    {
        var company = await NewCompanyAsync();
        var admin = company.Admin;
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var (customer, _) = await CustomerTests.CreateAsync(admin, CustomerTests.Business());
        var order = await SalesFlowTests.Post(admin, "/api/v1/orders", new
        {
            customerId = customer.GetProperty("id").GetGuid(),
            lines = new[] { new { kind = "Free", description = "Étude", quantity = 1m, unitCode = "DAY", unitPrice = 500m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/orders/{orderId}/validate");

        // At 20 %, a base of 0.02 gives 0.02 and a base of 0.03 gives 0.04: nothing gives 0.03 including VAT.
        var problem = await (await admin.PostAsJsonAsync("/api/v1/invoices/from-order", new { orderId, kind = "Deposit", amountIncludingVat = 0.03m }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, ErrorCodes.AmountIncludingVatUnreachable);

        var title = problem.GetProperty("title").GetString()!;
        title.ShouldStartWith("Aucune base HT");
        title.ShouldNotContain("{");
        problem.TryGetProperty("detail", out _).ShouldBeFalse("a detail would only repeat the title");
        title.ShouldContain("0,02");
        title.ShouldContain("0,04");
    }
}
