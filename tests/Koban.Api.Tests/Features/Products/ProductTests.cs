using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Products;

public sealed class ProductTests : ApiTest
{
    internal static object Product(string code = "POSE-H", decimal price = 65.1234m, decimal vat = 20m, string? reason = null, string unit = "HUR", string name = "Pose et réglage") => new
    {
        code,
        name,
        description = "Main d'œuvre sur site",
        unitCode = unit,
        unitPrice = price,
        vatRate = vat,
        vatExemptionReason = reason,
        nature = "Service",
        forSale = true,
        deliverable = false,
        isContract = false,
    };

    [Test]
    public async Task A_product_keeps_four_decimals_of_unit_price_and_shows_its_unit_label()
    {
        var company = await NewCompanyAsync();
        var created = await company.Admin.PostAsJsonAsync("/api/v1/products", Product());
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var body = await created.Json();
        body.GetProperty("unitPrice").GetRawText().ShouldBe("65.1234");
        body.GetProperty("unitLabel").GetString().ShouldBe("heure");
        var units = await (await company.Admin.GetAsync("/api/v1/products/units")).Json();
        units.EnumerateArray().Select(u => u.GetProperty("code").GetString()).ShouldContain("DAY");
    }

    [Test]
    public async Task Codes_are_unique_rates_come_from_the_French_table_and_zero_needs_a_reason()
    {
        var company = await NewCompanyAsync();
        await (await company.Admin.PostAsJsonAsync("/api/v1/products", Product())).ShouldHaveStatus(HttpStatusCode.Created);
        await (await company.Admin.PostAsJsonAsync("/api/v1/products", Product())).ShouldBeProblem(HttpStatusCode.BadRequest, "product_code_taken");
        await (await company.Admin.PostAsJsonAsync("/api/v1/products", Product(code: "X1", vat: 19.6m))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "vat_rate_not_allowed");
        var zero = await company.Admin.PostAsJsonAsync("/api/v1/products", Product(code: "X2", vat: 0m));
        (await zero.Json()).GetProperty("code").GetString().ShouldNotBeNull();
        zero.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        await (await company.Admin.PostAsJsonAsync("/api/v1/products", Product(code: "X3", vat: 0m, reason: "Exonération, article 261-4-4° du CGI"))).ShouldHaveStatus(HttpStatusCode.Created);
        await (await company.Admin.PostAsJsonAsync("/api/v1/products", Product(code: "X4", unit: "ZZZ"))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await company.Admin.PostAsJsonAsync("/api/v1/products", Product(code: "X5", price: 1.12345m))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Another_company_may_use_the_same_code()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        await (await a.Admin.PostAsJsonAsync("/api/v1/products", Product())).ShouldHaveStatus(HttpStatusCode.Created);
        await (await b.Admin.PostAsJsonAsync("/api/v1/products", Product())).ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Test]
    public async Task Products_are_listed_filtered_and_updated_with_their_ETag()
    {
        var company = await NewCompanyAsync();
        var created = await company.Admin.PostAsJsonAsync("/api/v1/products", Product());
        var id = (await created.Json()).GetProperty("id").GetGuid();
        await company.Admin.PostAsJsonAsync("/api/v1/products", Product(code: "BOIS", name: "Planche de chêne", unit: "MTR"));
        var search = await (await company.Admin.GetAsync("/api/v1/products?search=pose")).Json();
        search.GetProperty("items").EnumerateArray().Single().GetProperty("code").GetString().ShouldBe("POSE-H");
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{id}") { Content = JsonContent.Create(Product(price: 70m)) }.WithIfMatch(created.Headers.ETag);
        var updated = await company.Admin.SendAsync(update);
        await updated.ShouldHaveStatus(HttpStatusCode.OK);
        (await updated.Json()).GetProperty("unitPrice").GetDecimal().ShouldBe(70m);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{id}") { Content = JsonContent.Create(Product(price: 71m)) }.WithIfMatch(created.Headers.ETag);
        await (await company.Admin.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale_version");
    }

    [Test]
    public async Task A_sales_user_manages_products_a_viewer_cannot()
    {
        var company = await NewCompanyAsync();
        var (sales, _, _) = await NewUserAsync(company, "Sales");
        var (viewer, _, _) = await NewUserAsync(company, "Viewer");
        await (await sales.PostAsJsonAsync("/api/v1/products", Product())).ShouldHaveStatus(HttpStatusCode.Created);
        await (await viewer.PostAsJsonAsync("/api/v1/products", Product(code: "V"))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await viewer.GetAsync("/api/v1/products")).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_CSV_import_creates_and_updates_by_code_and_explains_refusals()
    {
        var company = await NewCompanyAsync();
        await company.Admin.PostAsJsonAsync("/api/v1/products", Product());
        var csv = "code,nom,unite,prixHT,tva,nature\nPOSE-H,Pose et réglage,heure,\"68,50\",20,service\nVIS-100,Boîte de vis,boîte,\"4,9\",20,bien\nTAUX,Mauvais taux,unité,10,19.6,bien\n";
        var report = await CustomerTests.Import(company.Admin, csv, dryRun: false, path: "/api/v1/products/import");
        report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["Updated", "Created", "Refused"]);
        report.GetProperty("results")[2].GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("vat_rate_not_allowed");
        var list = await (await company.Admin.GetAsync("/api/v1/products?sort=code")).Json();
        var pose = list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "POSE-H");
        pose.GetProperty("unitPrice").GetDecimal().ShouldBe(68.5m);
        list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "VIS-100").GetProperty("unitCode").GetString().ShouldBe("XBX");
    }
}
