using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Customers;

public sealed class CustomerTests : ApiTest
{
    internal static object Business(string name = "Menuiserie Durand SARL", string? siren = "404833048", string? vat = "FR83404833048", string country = "FR",
        string? accountingCode = null, object[]? contacts = null, object? paymentTerms = null) => new
        {
            kind = "Business",
            name,
            countryCode = country,
            siren,
            vatNumber = vat,
            billingAddress = new { line1 = "8 quai Saint-Vincent", postalCode = "69001", city = "Lyon", countryCode = "FR" },
            deliveryAddresses = new[] { new { label = "Atelier", address = new { line1 = "ZA des Pins", postalCode = "69400", city = "Villefranche-sur-Saône", countryCode = "FR" } } },
            paymentTerms,
            accountingCode,
            contacts = contacts ?? [new { firstName = "Claire", lastName = "Durand", email = "claire@durand.fr" }],
        };

    internal static async Task<(JsonElement Customer, EntityTagHeaderValue ETag)> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers", body);
        await response.ShouldHaveStatus(HttpStatusCode.Created);
        return (await response.Json(), response.Headers.ETag!);
    }

    [Test]
    public async Task A_business_customer_is_created_with_its_first_contact_as_billing_contact_and_a_generated_accounting_code()
    {
        var company = await NewCompanyAsync();
        var (customer, _) = await CreateAsync(company.Admin, Business(contacts: [new { firstName = "Claire", lastName = "Durand" }, new { firstName = "Paul", lastName = "Morel" }]));
        customer.GetProperty("vatRegime").GetString().ShouldBe("France");
        customer.GetProperty("accountingCode").GetString().ShouldBe("411MENUISE");
        var contacts = customer.GetProperty("contacts").EnumerateArray().ToList();
        contacts.Count(c => c.GetProperty("isBilling").GetBoolean()).ShouldBe(1);
        contacts.Single(c => c.GetProperty("isBilling").GetBoolean()).GetProperty("lastName").GetString().ShouldBe("Durand");
        customer.GetProperty("deliveryAddresses")[0].GetProperty("label").GetString().ShouldBe("Atelier");

        var (second, _) = await CreateAsync(company.Admin, Business(name: "Menuiserie du Centre", siren: "732829320", vat: null));
        second.GetProperty("accountingCode").GetString().ShouldBe("411MENUISE2", "generated codes are made unique");
    }

    [Test]
    public async Task A_French_business_without_SIREN_or_with_a_bad_key_is_refused_naming_the_field()
    {
        var company = await NewCompanyAsync();
        var bad = await company.Admin.PostAsJsonAsync("/api/v1/customers", Business(siren: "404833049", vat: null));
        (await bad.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("siren", out _).ShouldBeTrue();
        var missing = await company.Admin.PostAsJsonAsync("/api/v1/customers", Business(siren: null, vat: null));
        var problem = await missing.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "customer_siren_required");
        problem.GetProperty("errors").TryGetProperty("siren", out _).ShouldBeTrue();
        (await (await company.Admin.GetAsync("/api/v1/customers")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0, "nothing is half-written");
    }

    [Test]
    public async Task An_intra_EU_business_gets_the_intra_EU_regime_and_needs_a_VAT_number()
    {
        var company = await NewCompanyAsync();
        var (customer, _) = await CreateAsync(company.Admin, Business(name: "Brauerei Müller GmbH", siren: null, vat: "DE123456789", country: "DE"));
        customer.GetProperty("vatRegime").GetString().ShouldBe("IntraEuBusiness");
        var missing = await company.Admin.PostAsJsonAsync("/api/v1/customers", Business(name: "Sans TVA BV", siren: null, vat: null, country: "NL"));
        (await missing.Json()).GetProperty("code").GetString().ShouldNotBeNull();
        missing.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Search_finds_customers_by_name_SIREN_contact_name_and_email()
    {
        var company = await NewCompanyAsync();
        await CreateAsync(company.Admin, Business());
        await CreateAsync(company.Admin, Business(name: "Boulangerie Martin", siren: "732829320", vat: null, contacts: [new { firstName = "Lucie", lastName = "Bernard", email = "lucie@boulangerie.fr" }]));
        async Task<string[]> Search(string term) => (await (await company.Admin.GetAsync($"/api/v1/customers?search={Uri.EscapeDataString(term)}")).Json())
            .GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        (await Search("boulang")).ShouldBe(["Boulangerie Martin"]);
        (await Search("404833")).ShouldBe(["Menuiserie Durand SARL"]);
        (await Search("lucie bern")).ShouldBe(["Boulangerie Martin"]);
        (await Search("claire@durand")).ShouldBe(["Menuiserie Durand SARL"]);
        var list = await (await company.Admin.GetAsync("/api/v1/customers?sort=-name")).Json();
        list.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("Menuiserie Durand SARL");
        list.GetProperty("items")[0].GetProperty("billingContactEmail").GetString().ShouldBe("claire@durand.fr");
    }

    [Test]
    public async Task Contacts_change_under_the_customers_ETag_and_exactly_one_stays_billing_contact()
    {
        var company = await NewCompanyAsync();
        var (customer, etag) = await CreateAsync(company.Admin, Business());
        var id = customer.GetProperty("id").GetGuid();

        var add = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/contacts") { Content = JsonContent.Create(new { firstName = "Paul", lastName = "Morel", email = "paul@durand.fr", isBilling = true }) };
        var added = await company.Admin.SendAsync(add.WithIfMatch(etag));
        await added.ShouldHaveStatus(HttpStatusCode.Created);
        var newEtag = added.Headers.ETag!;
        newEtag.ShouldNotBe(etag);

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/contacts") { Content = JsonContent.Create(new { lastName = "Tardif" }) };
        await (await company.Admin.SendAsync(stale.WithIfMatch(etag))).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale_version");

        var current = await (await company.Admin.GetAsync($"/api/v1/customers/{id}")).Json();
        var contacts = current.GetProperty("contacts").EnumerateArray().ToList();
        contacts.Single(c => c.GetProperty("isBilling").GetBoolean()).GetProperty("lastName").GetString().ShouldBe("Morel");

        var paul = contacts.Single(c => c.GetProperty("lastName").GetString() == "Morel").GetProperty("id").GetGuid();
        var remove = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/customers/{id}/contacts/{paul}").WithIfMatch(newEtag);
        await (await company.Admin.SendAsync(remove)).ShouldHaveStatus(HttpStatusCode.NoContent);
        var after = await (await company.Admin.GetAsync($"/api/v1/customers/{id}")).Json();
        after.GetProperty("contacts").EnumerateArray().Single().GetProperty("isBilling").GetBoolean().ShouldBeTrue("the remaining contact becomes the billing contact");
    }

    [Test]
    public async Task Updating_replaces_delivery_addresses_and_refuses_an_accounting_code_already_used()
    {
        var company = await NewCompanyAsync();
        var (first, _) = await CreateAsync(company.Admin, Business());
        var (second, etag) = await CreateAsync(company.Admin, Business(name: "Boulangerie Martin", siren: "732829320", vat: null));
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{second.GetProperty("id").GetGuid()}")
        {
            Content = JsonContent.Create(new
            {
                kind = "Business",
                name = "Boulangerie Martin",
                countryCode = "FR",
                siren = "732829320",
                accountingCode = first.GetProperty("accountingCode").GetString(),
                deliveryAddresses = Array.Empty<object>(),
            }),
        };
        await (await company.Admin.SendAsync(update.WithIfMatch(etag))).ShouldBeProblem(HttpStatusCode.BadRequest, "accounting_code_taken");

        var ok = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{second.GetProperty("id").GetGuid()}")
        {
            Content = JsonContent.Create(new { kind = "Business", name = "Boulangerie Martin & Fils", countryCode = "FR", siren = "732829320", deliveryAddresses = Array.Empty<object>() }),
        };
        var updated = await company.Admin.SendAsync(ok.WithIfMatch(etag));
        await updated.ShouldHaveStatus(HttpStatusCode.OK);
        var body = await updated.Json();
        body.GetProperty("name").GetString().ShouldBe("Boulangerie Martin & Fils");
        body.GetProperty("deliveryAddresses").GetArrayLength().ShouldBe(0);
        body.GetProperty("accountingCode").GetString().ShouldBe(second.GetProperty("accountingCode").GetString(), "an update without a code keeps the existing one");
    }

    [Test]
    public async Task Payment_terms_beyond_the_legal_maximum_for_a_business_are_refused()
    {
        var company = await NewCompanyAsync();
        var response = await company.Admin.PostAsJsonAsync("/api/v1/customers", Business(paymentTerms: new { kind = "Days", days = 90 }));
        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "payment_terms_beyond_legal_maximum");
    }

    [Test]
    public async Task An_unused_customer_can_be_deleted_an_archived_one_leaves_the_default_list()
    {
        var company = await NewCompanyAsync();
        var (a, _) = await CreateAsync(company.Admin, Business());
        var (b, _) = await CreateAsync(company.Admin, Business(name: "Boulangerie Martin", siren: "732829320", vat: null));
        await (await company.Admin.PostAsync($"/api/v1/customers/{a.GetProperty("id").GetGuid()}/archive", null)).ShouldHaveStatus(HttpStatusCode.OK);
        await (await company.Admin.PostAsync($"/api/v1/customers/{a.GetProperty("id").GetGuid()}/archive", null)).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        var active = await (await company.Admin.GetAsync("/api/v1/customers")).Json();
        active.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["Boulangerie Martin"]);
        var archived = await (await company.Admin.GetAsync("/api/v1/customers?archived=true")).Json();
        archived.GetProperty("items").GetArrayLength().ShouldBe(1);
        await (await company.Admin.DeleteAsync($"/api/v1/customers/{b.GetProperty("id").GetGuid()}")).ShouldHaveStatus(HttpStatusCode.NoContent);
        await (await company.Admin.GetAsync($"/api/v1/customers/{b.GetProperty("id").GetGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Test]
    public async Task A_CSV_import_reports_per_row_what_was_created_updated_or_refused_and_why()
    {
        var company = await NewCompanyAsync();
        await CreateAsync(company.Admin, Business());
        var csv = """
            Type;Nom;Pays;SIREN;TVA;Adresse;Code postal;Ville;Contact prénom;Contact nom;Contact email
            Entreprise;Menuiserie Durand SARL;FR;404833048;;8 quai Saint-Vincent;69001;Lyon;Paul;Morel;paul@durand.fr
            Entreprise;"Garage du Centre; Réparations";FR;732829320;;1 rue Haute;75001;Paris;;;
            Entreprise;Société Fantôme;FR;123456789;;;;;;;
            Particulier;Jeanne Petit;FR;;;3 allée des Roses;33000;Bordeaux;Jeanne;Petit;jeanne@exemple.fr
            """;
        var dry = await Import(company.Admin, csv, dryRun: true);
        dry.GetProperty("created").GetInt32().ShouldBe(2);
        dry.GetProperty("updated").GetInt32().ShouldBe(1);
        dry.GetProperty("refused").GetInt32().ShouldBe(1);
        (await (await company.Admin.GetAsync("/api/v1/customers")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1, "a dry run keeps nothing");

        var report = await Import(company.Admin, csv, dryRun: false);
        var rows = report.GetProperty("results").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["Updated", "Created", "Refused", "Created"]);
        rows[2].GetProperty("line").GetInt32().ShouldBe(4);
        rows[2].GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("siren");
        rows[1].GetProperty("label").GetString().ShouldBe("Garage du Centre; Réparations");
        var durand = await (await company.Admin.GetAsync($"/api/v1/customers/{rows[0].GetProperty("id").GetGuid()}")).Json();
        durand.GetProperty("contacts").GetArrayLength().ShouldBe(2);
        (await (await company.Admin.GetAsync("/api/v1/customers")).Json()).GetProperty("items").GetArrayLength().ShouldBe(3);
    }

    internal static async Task<JsonElement> Import(HttpClient client, string csv, bool dryRun, string path = "/api/v1/customers/import")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "import.csv" } };
        var response = await client.PostAsync($"{path}?dryRun={(dryRun ? "true" : "false")}", form);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return await response.Json();
    }
}
