using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Contract;

/// <summary>
/// Replays every operation of the live OpenAPI document as company B against company A's data: ids in the path,
/// id filters in the query, downloads. Path ids must answer 404, lists and downloads must not leak a single byte of A,
/// and A must be unchanged afterwards. A new operation with an id nobody taught this test about fails it,
/// so isolation is proven for every endpoint, not only the ones someone remembered.
/// </summary>
public sealed class CompanyIsolationTests : ApiTest
{
    /// <summary>Operations that act on the caller's own session rather than on company data.</summary>
    private static readonly HashSet<string> SessionOperations = ["Login", "Logout", "ChangePassword", "Signup"];

    [Test]
    public async Task No_operation_lets_one_company_see_or_touch_another_companys_data()
    {
        var a = await NewCompanyAsync("Entreprise A SAS");
        var (_, aUserId, aUserEmail) = await NewUserAsync(a, "Sales");
        var (_, aKeyId, _) = await NewApiKeyAsync(a, "company:read");
        var customer = await (await a.Admin.PostAsJsonAsync("/api/v1/customers", Features.Customers.CustomerTests.Business(name: "Client secret de A"))).Json();
        var aCustomerId = customer.GetProperty("id").GetGuid();
        var aContactId = customer.GetProperty("contacts")[0].GetProperty("id").GetGuid();
        var aProductId = (await (await a.Admin.PostAsJsonAsync("/api/v1/products", Features.Products.ProductTests.Product(code: "SECRET-A"))).Json()).GetProperty("id").GetGuid();
        var aOpportunity = (await (await a.Admin.PostAsJsonAsync("/api/v1/opportunities", new { customerId = aCustomerId, title = "Affaire secrète de A", expectedAmount = 10m })).Json()).GetProperty("id").GetGuid();
        var aQuote = (await (await a.Admin.PostAsJsonAsync("/api/v1/quotes", new
        {
            customerId = aCustomerId,
            opportunityId = aOpportunity,
            validUntil = "2099-12-31",
            lines = Features.Sales.SalesFlowTests.Lines(aProductId)
        })).Json()).GetProperty("id").GetGuid();
        var aOrder = (await (await a.Admin.PostAsJsonAsync("/api/v1/orders", new { customerId = aCustomerId, lines = Features.Sales.SalesFlowTests.Lines(aProductId) })).Json()).GetProperty("id").GetGuid();
        await a.Admin.PostAsync($"/api/v1/orders/{aOrder}/validate", null);
        var aInvoice = (await (await a.Admin.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId = aCustomerId,
            lines = new[] { new { kind = "Free", description = "Facture secrète de A", quantity = 1m, unitCode = "C62", unitPrice = 10m, vatRate = 20m, nature = "Service" } },
        })).Json()).GetProperty("id").GetGuid();
        var aCreditNote = Guid.CreateVersion7();
        var aContract = (await (await a.Admin.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId = aCustomerId,
            startDate = "2026-01-01",
            termMonths = 12,
            periodicity = "Monthly",
            timing = "InAdvance",
            tacitRenewal = true,
            noticeMonths = 1,
            lines = new[] { new { kind = "Free", description = "Contrat secret de A", quantity = 1m, unitCode = "C62", unitPrice = 10m, vatRate = 20m, nature = "Service" } },
        })).Json()).GetProperty("id").GetGuid();
        await a.Admin.PostAsync($"/api/v1/contracts/{aContract}/activate", null);
        var aClosure = (await (await a.Admin.PostAsJsonAsync("/api/v1/compliance/closures", new { kind = "Month", year = 2025, month = 1 })).Json()).GetProperty("id").GetGuid();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 42, 42, 42];
        await a.Admin.PutAsync("/api/v1/company/logo", new MultipartFormDataContent { { new ByteArrayContent(png), "file", "a.png" } });
        var aEtagBefore = (await a.Admin.GetAsync("/api/v1/company")).Headers.ETag!.Tag;
        var aInvitee = UniqueEmail("invitee");
        var aInviteeId = (await (await a.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email = aInvitee, displayName = "Invitée de A", role = "Viewer" })).Json()).GetProperty("id").GetGuid();
        var aEmail = await Features.Users.InvitationTests.WaitForStatusAsync(a.Admin, "user", aInviteeId, "Sent");
        var aEmailId = aEmail.GetProperty("id").GetGuid();
        var aPayment = (await (await a.Admin.PostAsJsonAsync("/api/v1/payments", new { direction = "Receipt", date = "2025-01-15", amount = 99.99m, method = "Cheque", reference = "CHQ secret de A", bankAccountCode = "BANK" })).Json()).GetProperty("id").GetGuid();

        var aExportResponse = await a.Admin.PostAsJsonAsync("/api/v1/accounting/exports", new { format = "Fec", from = "2026-03-01", to = "2026-03-31" });
        var aExport = (await aExportResponse.Json()).GetProperty("id").GetGuid();

        var b = await NewCompanyAsync("Entreprise B SARL");
        var secrets = new[] { a.Id.ToString(), aUserId.ToString(), aKeyId.ToString(), aUserEmail, a.AdminEmail, "Entreprise A SAS",
            aCustomerId.ToString(), aContactId.ToString(), aProductId.ToString(), "Client secret de A", "SECRET-A", "claire@durand.fr",
            aOpportunity.ToString(), aQuote.ToString(), aOrder.ToString(), "Affaire secrète de A", aInvoice.ToString(), "Facture secrète de A", aClosure.ToString(), aInvitee, aInviteeId.ToString(), aEmailId.ToString(), aPayment.ToString(), "CHQ secret de A", aExport.ToString(), aContract.ToString(), "Contrat secret de A" };
        var idsByResource = new Dictionary<string, Guid>
        {
            ["/api/v1/users/{id}"] = aUserId,
            ["/api/v1/api-keys/{id}"] = aKeyId,
            ["/api/v1/customers/{id}"] = aCustomerId,
            ["/api/v1/products/{id}"] = aProductId,
            ["/api/v1/opportunities/{id}"] = aOpportunity,
            ["/api/v1/quotes/{id}"] = aQuote,
            ["/api/v1/orders/{id}"] = aOrder,
            ["/api/v1/invoices/{id}"] = aInvoice,
            ["/api/v1/credit-notes/{id}"] = aCreditNote,
            ["/api/v1/contracts/{id}"] = aContract,
            ["/api/v1/compliance/closures/{id}"] = aClosure,
            ["/api/v1/emails/{id}"] = aEmailId,
            ["/api/v1/payments/{id}"] = aPayment,
            ["/api/v1/accounting/exports/{id}"] = aExport,
            ["/api/v1/receivables/customers/{id}"] = aCustomerId,
        };

        using var document = JsonDocument.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"));
        var checkedOperations = 0;
        var untaught = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var operationId = operation.Value.GetProperty("operationId").GetString()!;
                if (SessionOperations.Contains(operationId)) continue;

                var url = path.Name;
                var hasPathId = url.Contains("{id}", StringComparison.Ordinal);
                if (hasPathId)
                {
                    var prefix = idsByResource.Keys.FirstOrDefault(k => url.StartsWith(k, StringComparison.Ordinal));
                    if (prefix is null)
                    {
                        untaught.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                        continue;
                    }
                    url = url.Replace("{id}", idsByResource[prefix].ToString(), StringComparison.Ordinal).Replace("{contactId}", aContactId.ToString(), StringComparison.Ordinal);
                }

                var query = new List<string>();
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    foreach (var parameter in parameters.EnumerateArray())
                    {
                        if (parameter.GetProperty("in").GetString() != "query") continue;
                        var name = parameter.GetProperty("name").GetString()!;
                        if (name == "expand") query.Add("expand=customer");
                        if (name == "entityType" && path.Name.StartsWith("/api/v1/emails", StringComparison.Ordinal)) query.Add("entityType=user");
                        if (name.EndsWith("Id", StringComparison.Ordinal))
                        {
                            query.Add($"{name}={name switch { "entityId" when path.Name.StartsWith("/api/v1/emails", StringComparison.Ordinal) => aInviteeId, "entityId" => aOrder, "customerId" => aCustomerId, "opportunityId" => aOpportunity, _ => aUserId }}");
                        }
                    }
                }
                if (query.Count > 0) url += "?" + string.Join('&', query);

                var request = new HttpRequestMessage(method, url);
                request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("example", out var example))
                {
                    request.Content = new StringContent(example.GetRawText(), Encoding.UTF8, "application/json");
                }
                else if (body.ValueKind == JsonValueKind.Object && body.GetProperty("content").TryGetProperty("multipart/form-data", out _))
                {
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent([0xFF, 0xD8, 0xFF, 1]), "file", "b.jpg" } };
                }

                var response = await b.Admin.SendAsync(request);
                // A problem's `instance` echoes the path B itself sent; everything else must be free of A.
                var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Replace(url.Split('?')[0], "", StringComparison.Ordinal);
                if (hasPathId)
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {url} must not find company A's record: {text}");
                }
                ((int)response.StatusCode).ShouldBeLessThan(500, $"{method} {url}: {text}");
                foreach (var secret in secrets) text.ShouldNotContain(secret, Case.Insensitive, $"{method} {url} leaked company A's data");
                if (operationId == "GetCompanyLogo") (await response.Content.ReadAsByteArrayAsync()).ShouldNotBe(png);
                checkedOperations++;
            }
        }

        untaught.ShouldBeEmpty("operations with a path id this test cannot fill with company A's id yet: add them to idsByResource");
        checkedOperations.ShouldBeGreaterThan(10);

        // Company A is untouched: same profile version, its user still active, its key still usable.
        (await a.Admin.GetAsync("/api/v1/company")).Headers.ETag!.Tag.ShouldBe(aEtagBefore);
        var user = await (await a.Admin.GetAsync($"/api/v1/users/{aUserId}")).Json();
        user.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        user.GetProperty("role").GetString().ShouldBe("Sales");
        var key = await (await a.Admin.GetAsync("/api/v1/api-keys")).Json();
        key.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == aKeyId).GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await a.Admin.GetAsync("/api/v1/company/logo")).Content.ReadAsByteArrayAsync()).ShouldBe(png);
        var aCustomer = await (await a.Admin.GetAsync($"/api/v1/customers/{aCustomerId}")).Json();
        aCustomer.GetProperty("isArchived").GetBoolean().ShouldBeFalse();
        aCustomer.GetProperty("contacts").GetArrayLength().ShouldBe(1);
        (await (await a.Admin.GetAsync($"/api/v1/products/{aProductId}")).Json()).GetProperty("name").GetString().ShouldBe("Pose et réglage");
        var order = await (await a.Admin.GetAsync($"/api/v1/orders/{aOrder}")).Json();
        order.GetProperty("status").GetString().ShouldBe("InProgress");
        order.GetProperty("history").GetArrayLength().ShouldBe(2);
        (await (await a.Admin.GetAsync($"/api/v1/opportunities/{aOpportunity}")).Json()).GetProperty("stage").GetString().ShouldBe("Open");
        (await (await a.Admin.GetAsync($"/api/v1/quotes/{aQuote}")).Json()).GetProperty("status").GetString().ShouldBe("Draft");
        var contract = await (await a.Admin.GetAsync($"/api/v1/contracts/{aContract}")).Json();
        contract.GetProperty("status").GetString().ShouldBe("Active");
        contract.GetProperty("termNumber").GetInt32().ShouldBe(1);
        var aEmails = await (await a.Admin.GetAsync($"/api/v1/emails?entityType=user&entityId={aInviteeId}")).Json();
        aEmails.GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Sent");
    }
}
