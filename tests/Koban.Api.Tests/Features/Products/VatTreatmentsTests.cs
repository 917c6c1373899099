using System.Net;
using System.Net.Http.Json;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Products;

public sealed class VatTreatmentsTests : ApiTest
{
    [Test]
    public async Task The_allowed_rates_and_exemptions_come_with_their_legal_basis_and_an_offered_exemption_lets_a_0_percent_line_save()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var response = await c.Company.Admin.GetAsync("/api/v1/vat-treatments");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var body = await response.Json();
        body.GetProperty("vatFranchise").GetBoolean().ShouldBeFalse();
        body.GetProperty("rates").EnumerateArray().Select(r => r.GetProperty("rate").GetDecimal()).ShouldBe([20m, 10m, 5.5m, 2.1m]);
        body.GetProperty("rates")[0].GetProperty("legalBasis").GetString().ShouldBe("art. 278 du CGI");
        var exemption = body.GetProperty("exemptions").EnumerateArray().First(e => e.GetProperty("legalBasis").GetString() == "art. 261-4-4° a du CGI");
        var reason = exemption.GetProperty("reason").GetString()!;

        var line = new { kind = "Free", description = "Formation Excel", quantity = 1m, unitPrice = 800m, vatRate = 0m, nature = "Service", vatExemptionReason = (string?)reason };
        var order = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = new[] { line } }, HttpStatusCode.Created);
        order.GetProperty("lines")[0].GetProperty("vatRate").GetDecimal().ShouldBe(0m);
        order.GetProperty("lines")[0].GetProperty("vatCategory").GetString().ShouldBe("Exempt");

        var withoutReason = await c.Company.Admin.PostAsJsonAsync("/api/v1/orders", new { customerId = c.CustomerId, lines = new[] { line with { vatExemptionReason = null } } });
        await withoutReason.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "vat_exemption_reason_required");
    }

    [Test]
    public async Task Reading_them_needs_to_be_signed_in() =>
        (await Anonymous().GetAsync("/api/v1/vat-treatments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
}
