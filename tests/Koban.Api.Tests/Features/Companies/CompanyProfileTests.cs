using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Companies;

public sealed class CompanyProfileTests : ApiTest
{
    internal static object Profile(string siren = "732829320", string vat = "FR44732829320", string rcs = "Lyon", int days = 30, string kind = "Days",
        decimal penalty = 12.15m, bool franchise = false, bool debits = false, string postalCode = "69002", string iban = "FR7630006000011234567890189") => new
        {
            legalName = "Atelier Test SAS",
            legalForm = "Sas",
            shareCapital = 15000.50m,
            siren,
            vatNumber = vat,
            rcsCity = rcs,
            address = new { line1 = "3 place Bellecour", line2 = (string?)null, postalCode, city = "Lyon", countryCode = "FR" },
            iban,
            bic = "AGRIFRPP",
            defaultPaymentTerms = new { kind, days },
            latePaymentPenaltyRate = penalty,
            timeZone = "Europe/Paris",
            fiscalYearStartMonth = 7,
            vatFranchise = franchise,
            vatOnDebits = debits,
        };

    private static async Task<HttpResponseMessage> Put(HttpClient client, object body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(body) };
        return await client.SendAsync(request.WithIfMatch(etag));
    }

    [Test]
    public async Task Updating_the_profile_with_the_current_ETag_saves_it_and_returns_a_new_ETag()
    {
        var company = await NewCompanyAsync();
        var get = await company.Admin.GetAsync("/api/v1/company");
        var etag = get.Headers.ETag.ShouldNotBeNull();

        var put = await Put(company.Admin, Profile(), etag);
        await put.ShouldHaveStatus(HttpStatusCode.OK);
        put.Headers.ETag.ShouldNotBe(etag);

        var saved = await (await company.Admin.GetAsync("/api/v1/company")).Json();
        saved.GetProperty("siren").GetString().ShouldBe("732829320");
        saved.GetProperty("shareCapital").GetDecimal().ShouldBe(15000.50m);
        saved.GetProperty("shareCapital").GetRawText().ShouldBe("15000.50");
        saved.GetProperty("address").GetProperty("city").GetString().ShouldBe("Lyon");
        saved.GetProperty("fiscalYearStartMonth").GetInt32().ShouldBe(7);
        saved.GetProperty("defaultPaymentTerms").GetProperty("kind").GetString().ShouldBe("Days");
    }

    [Test]
    public async Task Two_users_editing_at_once_never_overwrite_each_other_silently()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await Put(company.Admin, Profile(rcs: "Lyon"), etag)).ShouldHaveStatus(HttpStatusCode.OK);
        var stale = await Put(company.Admin, Profile(rcs: "Paris"), etag);
        await stale.ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale_version");
        (await (await company.Admin.GetAsync("/api/v1/company")).Json()).GetProperty("rcsCity").GetString().ShouldBe("Lyon");
    }

    [Test]
    public async Task An_update_without_If_Match_is_refused_with_428()
    {
        var company = await NewCompanyAsync();
        await (await Put(company.Admin, Profile(), null)).ShouldBeProblem(HttpStatusCode.PreconditionRequired, "if_match_required");
    }

    [TestCase("siren", "732829321", "siren_invalid_check_digit")]
    [TestCase("siren", "12345", "siren_invalid_format")]
    [TestCase("vatNumber", "FR45732829320", "vat_number_invalid_key")]
    [TestCase("iban", "FR7630006000011234567890188", "iban_invalid_checksum")]
    [TestCase("address.postalCode", "6900", "postal_code_invalid")]
    public async Task An_invalid_identifier_is_refused_naming_the_field_and_the_rule(string field, string value, string code)
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        object body = field switch
        {
            "siren" => Profile(siren: value, vat: ""),
            "vatNumber" => Profile(vat: value),
            "iban" => Profile(iban: value),
            _ => Profile(postalCode: value),
        };
        var problem = await (await Put(company.Admin, body, etag)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"errors: {errors}");
        messages[0].GetString().ShouldNotBe(code, "the message is text, not the code");
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task Errors_are_explained_in_English_on_request()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(Profile(siren: "732829321", vat: "")) }.WithIfMatch(etag);
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await company.Admin.SendAsync(request)).Json();
        problem.GetProperty("errors").GetProperty("siren")[0].GetString().ShouldBe("The SIREN check digit is invalid.");
        problem.GetProperty("title").GetString().ShouldBe("The request contains invalid values.");
    }

    [Test]
    public async Task A_French_VAT_number_of_another_SIREN_is_refused_by_the_business_rule()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var problem = await (await Put(company.Admin, Profile(vat: "FR83404833048"), etag)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "vat_number_siren_mismatch");
        problem.GetProperty("errors").TryGetProperty("vatNumber", out _).ShouldBeTrue();
    }

    [TestCase("Days", 61)]
    [TestCase("DaysEndOfMonth", 46)]
    public async Task Payment_terms_beyond_the_legal_maximum_are_refused(string kind, int days)
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await Put(company.Admin, Profile(kind: kind, days: days), etag)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "payment_terms_beyond_legal_maximum");
    }

    [Test]
    public async Task A_penalty_rate_below_three_times_the_legal_rate_and_franchise_with_debits_are_refused()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await Put(company.Admin, Profile(penalty: 5m), etag)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "late_penalty_rate_below_legal_minimum");
        await (await Put(company.Admin, Profile(franchise: true, debits: true), etag)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "vat_franchise_excludes_debits");
    }

    [Test]
    public async Task Every_profile_change_is_in_the_audit_log_with_before_and_after()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await Put(company.Admin, Profile(rcs: "Villeurbanne"), etag)).ShouldHaveStatus(HttpStatusCode.OK);
        var events = await (await company.Admin.GetAsync($"/api/v1/audit-events?entityId={company.Id}")).Json();
        var update = events.GetProperty("items").EnumerateArray().First(e => e.GetProperty("action").GetString() == "company.profile_updated");
        update.GetProperty("before").GetProperty("rcsCity").ValueKind.ShouldBe(JsonValueKind.Null);
        update.GetProperty("after").GetProperty("rcsCity").GetString().ShouldBe("Villeurbanne");
        update.GetProperty("actorName").GetString().ShouldBe("Admin Test");
    }

    [Test]
    public async Task A_logo_is_uploaded_served_back_byte_for_byte_and_removed()
    {
        var company = await NewCompanyAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];
        var form = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "logo.png" } };
        await (await company.Admin.PutAsync("/api/v1/company/logo", form)).ShouldHaveStatus(HttpStatusCode.NoContent);
        (await (await company.Admin.GetAsync("/api/v1/company")).Json()).GetProperty("hasLogo").GetBoolean().ShouldBeTrue();
        var logo = await company.Admin.GetAsync("/api/v1/company/logo");
        logo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await logo.Content.ReadAsByteArrayAsync()).ShouldBe(png);

        await (await company.Admin.DeleteAsync("/api/v1/company/logo")).ShouldHaveStatus(HttpStatusCode.NoContent);
        await (await company.Admin.GetAsync("/api/v1/company/logo")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task A_logo_that_is_not_a_PNG_or_JPEG_or_too_large_is_refused()
    {
        var company = await NewCompanyAsync();
        var text = new MultipartFormDataContent { { new ByteArrayContent("<svg/>"u8.ToArray()), "file", "logo.png" } };
        await (await company.Admin.PutAsync("/api/v1/company/logo", text)).ShouldBeProblem(HttpStatusCode.BadRequest, "file_type_not_allowed");
        var big = new byte[600 * 1024];
        big[0] = 0xFF; big[1] = 0xD8; big[2] = 0xFF;
        var large = new MultipartFormDataContent { { new ByteArrayContent(big), "file", "logo.jpg" } };
        await (await company.Admin.PutAsync("/api/v1/company/logo", large)).ShouldBeProblem(HttpStatusCode.BadRequest, "file_too_large");
    }
}
