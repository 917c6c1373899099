using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Pdf.Tests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Koban.Api.Tests.Features.Invoicing;

public sealed class InvoicingFlowTests : ApiTest
{
    internal sealed record Billing(SalesFlowTests.Catalog Catalog, Guid OrderId);

    /// <summary>A company with a complete legal profile, a business customer and a validated order of 1 455,90 € HT / 1 747,08 € TTC.</summary>
    internal static async Task<Billing> ValidatedOrderAsync()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var etag = (await c.Company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag);
        await (await c.Company.Admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
        var order = await SalesFlowTests.Post(c.Company.Admin, "/api/v1/orders", new { customerId = c.CustomerId, lines = SalesFlowTests.Lines(c.ProductId) }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(c.Company.Admin, $"/api/v1/orders/{orderId}/validate");
        return new Billing(c, orderId);
    }

    private static async Task<JsonElement> Validate(HttpClient client, string path, Guid id) => await SalesFlowTests.Post(client, $"{path}/{id}/validate");

    private static decimal Total(JsonElement document, string name = "totalIncludingVat") => document.GetProperty("totals").GetProperty(name).GetDecimal();

    [Test]
    public async Task A_30_percent_deposit_then_the_balance_add_up_to_the_order_to_the_cent_and_a_correction_credit_gives_back_left_to_invoice()
    {
        var b = await ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;

        var preview = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order/preview", new { orderId = b.OrderId, kind = "Deposit", percentage = 30m });
        preview.GetProperty("lines").GetArrayLength().ShouldBe(1, "one line per VAT rate of the order");
        Total(preview, "totalExcludingVat").ShouldBe(436.77m); // round(1455.90 × 30 %) = 436.77
        Total(preview).ShouldBe(524.12m);                      // + round(436.77 × 20 %) = 87.35
        (await (await admin.GetAsync($"/api/v1/invoices?orderId={b.OrderId}")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0, "a preview stores nothing");

        var depositDraft = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Deposit", percentage = 30m }, HttpStatusCode.Created);
        depositDraft.GetProperty("number").ValueKind.ShouldBe(JsonValueKind.Null, "a draft has no number");
        depositDraft.GetProperty("lines")[0].GetProperty("description").GetString()!.ShouldStartWith("Acompte de 30 % sur la commande CO-");
        var deposit = await Validate(admin, "/api/v1/invoices", depositDraft.GetProperty("id").GetGuid());
        deposit.GetProperty("number").GetString()!.ShouldMatch(@"^FA-\d{4}-00001$");
        deposit.GetProperty("title").GetString().ShouldBe("Facture d'acompte");
        deposit.GetProperty("fingerprint").GetString()!.Length.ShouldBe(64);
        deposit.GetProperty("snapshot").GetProperty("buyer").GetProperty("siren").GetString().ShouldBe("404833048");

        var order = await (await admin.GetAsync($"/api/v1/orders/{b.OrderId}")).Json();
        order.GetProperty("billing").GetProperty("leftToInvoiceExcludingVat").GetDecimal().ShouldBe(1019.13m, "a deposit counts as invoiced until the balance deducts it");

        var cancel = await admin.PostAsJsonAsync($"/api/v1/orders/{b.OrderId}/cancel", new { reason = "test" });
        await cancel.ShouldBeProblem(HttpStatusCode.Conflict, "order_has_invoicing_or_delivery");

        var balanceDraft = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Balance" }, HttpStatusCode.Created);
        var deduction = balanceDraft.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("deductedInvoiceId").ValueKind != JsonValueKind.Null);
        deduction.GetProperty("description").GetString()!.ShouldContain(deposit.GetProperty("number").GetString()!);
        deduction.GetProperty("netAmount").GetDecimal().ShouldBe(-436.77m);
        deduction.GetProperty("deductedVat").GetDecimal().ShouldBe(87.35m);
        var balance = await Validate(admin, "/api/v1/invoices", balanceDraft.GetProperty("id").GetGuid());
        balance.GetProperty("number").GetString()!.ShouldMatch(@"^FA-\d{4}-00002$");
        (Total(deposit) + Total(balance)).ShouldBe(1747.08m, "deposits + balance = order total to the cent");
        (Total(deposit, "totalVat") + Total(balance, "totalVat")).ShouldBe(291.18m);
        (await (await admin.GetAsync($"/api/v1/orders/{b.OrderId}")).Json()).GetProperty("billing").GetProperty("leftToInvoiceExcludingVat").GetDecimal().ShouldBe(0m);

        var again = await admin.PostAsJsonAsync("/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Full" });
        await again.ShouldBeProblem(HttpStatusCode.Conflict, "nothing_left_to_invoice");

        var shelf = balance.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("description").GetString() == "Étagère chêne massif");
        var creditDraft = await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new
        {
            invoiceId = balance.GetProperty("id").GetGuid(),
            reason = "Correction",
            mode = "Lines",
            reasonText = "Une étagère livrée en moins",
            lines = new[] { new { invoiceLineId = shelf.GetProperty("id").GetGuid(), quantity = 1m } },
        }, HttpStatusCode.Created);
        var credit = await Validate(admin, "/api/v1/credit-notes", creditDraft.GetProperty("id").GetGuid());
        credit.GetProperty("number").GetString()!.ShouldMatch(@"^AV-\d{4}-00001$");
        Total(credit, "totalExcludingVat").ShouldBe(337.95m); // 1 × 375.50 × 90 %
        credit.GetProperty("appliedToInvoice").GetDecimal().ShouldBe(405.54m);
        (await (await admin.GetAsync($"/api/v1/orders/{b.OrderId}")).Json()).GetProperty("billing").GetProperty("leftToInvoiceExcludingVat").GetDecimal().ShouldBe(337.95m);
        (await (await admin.GetAsync($"/api/v1/invoices/{balance.GetProperty("id").GetGuid()}")).Json()).GetProperty("amountDue").GetDecimal().ShouldBe(Total(balance) - 405.54m);

        var chain = await (await admin.GetAsync("/api/v1/compliance/chain")).Json();
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue(chain.ToString());
        chain.GetProperty("documentsChecked").GetInt32().ShouldBe(3);
    }

    [Test]
    public async Task The_archived_PDF_prints_every_mandatory_mention_and_later_downloads_return_the_same_bytes_whatever_changes_afterwards()
    {
        var b = await ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        var depositDraft = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Deposit", percentage = 30m }, HttpStatusCode.Created);
        var draftPdf = await (await admin.GetAsync($"/api/v1/invoices/{depositDraft.GetProperty("id").GetGuid()}/pdf")).Content.ReadAsByteArrayAsync();
        PdfText.Flat(PdfText.All(draftPdf)).ShouldContain("BROUILLON");
        var deposit = await Validate(admin, "/api/v1/invoices", depositDraft.GetProperty("id").GetGuid());
        var balanceDraft = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Balance", customerReference = "BC-2026-118" }, HttpStatusCode.Created);
        var balance = await Validate(admin, "/api/v1/invoices", balanceDraft.GetProperty("id").GetGuid());
        var id = balance.GetProperty("id").GetGuid();

        var response = await admin.GetAsync($"/api/v1/invoices/{id}/pdf");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        (await (await admin.GetAsync($"/api/v1/invoices/{id}")).Json()).GetProperty("archive").GetProperty("sha256").GetString().ShouldBe(sha);

        var text = PdfText.Flat(PdfText.All(pdf));
        var number = balance.GetProperty("number").GetString()!;
        var issued = DateOnly.Parse(balance.GetProperty("issueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var due = DateOnly.Parse(balance.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var mention in new[]
        {
            "Facture", number, "Atelier Test SAS", "732 829 320", "FR44732829320", "Lyon", "Menuiserie Durand SARL", "404 833 048", "FR83404833048",
            issued.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            "BC-2026-118", "Déduction de la facture d'acompte n°", deposit.GetProperty("number").GetString()!, "-436,77", "20 %",
            "1 019,13", "203,83", "1 222,96", "12,15 %", "40 €", "Pas d'escompte pour paiement anticipé",
        })
        {
            text.ShouldContain(mention, Case.Sensitive, $"mention «{mention}» missing from:\n{text}");
        }

        // Change the template and the company behind the document: the archive does not move.
        var templateEtag = (await admin.GetAsync("/api/v1/document-templates/Invoice")).Headers.ETag;
        var template = await (await admin.GetAsync("/api/v1/document-templates/Invoice")).Json();
        var changed = JsonSerializer.Deserialize<Dictionary<string, object?>>(template.GetRawText())!;
        changed["accentColor"] = "#00AA00";
        changed["footerText"] = "Nouveau pied de page";
        await (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/document-templates/Invoice") { Content = JsonContent.Create(changed) }.WithIfMatch(templateEtag))).ShouldHaveStatus(HttpStatusCode.OK);
        var again = await (await admin.GetAsync($"/api/v1/invoices/{id}/pdf")).Content.ReadAsByteArrayAsync();
        again.ShouldBe(pdf, "later downloads return the archived bytes");
    }

    [Test]
    public async Task When_the_PDF_could_not_be_archived_at_validation_the_worker_archives_it_later()
    {
        await using var factory = new ApiFactory(Factory.Database, new Dictionary<string, string?>
        {
            ["Koban:Archive:AfterCommit"] = "false",
            ["Koban:Archive:Worker"] = "false",
            ["Koban:Database:Migrate"] = "false",
        });
        var company = await NewCompanyAsync(factory: factory);
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        await (await company.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) }.WithIfMatch(etag)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var (customer, _) = await Koban.Api.Tests.Features.Customers.CustomerTests.CreateAsync(company.Admin, Koban.Api.Tests.Features.Customers.CustomerTests.Business());
        var draft = await SalesFlowTests.Post(company.Admin, "/api/v1/invoices", new
        {
            customerId = customer.GetProperty("id").GetGuid(),
            lines = new[] { new { kind = "Free", description = "Conseil", quantity = 2m, unitCode = "HUR", unitPrice = 90m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        var validated = await Validate(company.Admin, "/api/v1/invoices", id);
        validated.GetProperty("archive").ValueKind.ShouldBe(JsonValueKind.Null, "nothing archived yet");

        var worker = factory.Services.GetRequiredService<Koban.Api.Features.Invoicing.ArchiveWorker>();
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        (await worker.RunOnceAsync(CancellationToken.None)).ShouldBe(0, "an archived document is never archived twice");
        var archived = await (await company.Admin.GetAsync($"/api/v1/invoices/{id}")).Json();
        var pdf = await (await company.Admin.GetAsync($"/api/v1/invoices/{id}/pdf")).Content.ReadAsByteArrayAsync();
        archived.GetProperty("archive").GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
    }

    [Test]
    public async Task A_validated_invoice_can_be_neither_edited_nor_deleted_through_the_API_nor_by_SQL_as_the_application_role()
    {
        var b = await ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Full" }, HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        await Validate(admin, "/api/v1/invoices", id);
        await (await admin.DeleteAsync($"/api/v1/invoices/{id}")).ShouldBeProblem(HttpStatusCode.Conflict, "document_not_deletable");
        var etag = (await admin.GetAsync($"/api/v1/invoices/{id}")).Headers.ETag;
        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/invoices/{id}") { Content = JsonContent.Create(new { customerId = b.Catalog.CustomerId, comment = "x" }) }.WithIfMatch(etag);
        await (await admin.SendAsync(edit)).ShouldBeProblem(HttpStatusCode.Conflict, "document_frozen");

        await using var connection = new NpgsqlConnection(Factory.Database.App);
        await connection.OpenAsync();
        await using (var scope = new NpgsqlCommand($"SELECT set_config('koban.company_id', '{b.Catalog.Company.Id}', false)", connection)) await scope.ExecuteNonQueryAsync();
        foreach (var sql in new[]
        {
            $"UPDATE billing_documents SET total_including_vat = 1 WHERE id = '{id}'",
            $"DELETE FROM billing_documents WHERE id = '{id}'",
            $"UPDATE billing_document_lines SET description = 'x' WHERE document_id = '{id}'",
            $"DELETE FROM billing_document_lines WHERE document_id = '{id}'",
            "TRUNCATE billing_documents CASCADE",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(), sql);
            error.SqlState.ShouldBeOneOf("23000", "42501");
        }
        await using var disable = new NpgsqlCommand("ALTER TABLE billing_documents DISABLE TRIGGER USER", connection);
        (await Should.ThrowAsync<PostgresException>(() => disable.ExecuteNonQueryAsync())).SqlState.ShouldBe("42501", "the application role owns nothing, so it cannot disable the triggers");
    }

    [Test]
    public async Task Twenty_validations_in_parallel_take_twenty_distinct_gapless_numbers_and_one_unbroken_chain()
    {
        var b = await ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices", new
            {
                customerId = b.Catalog.CustomerId,
                lines = new[] { new { kind = "Free", description = $"Prestation {i + 1}", quantity = 1m, unitCode = "HUR", unitPrice = 10m + i, vatRate = 20m, nature = "Service" } },
            }, HttpStatusCode.Created);
            ids.Add(draft.GetProperty("id").GetGuid());
        }

        var clients = new[] { admin, Factory.CreateClient(), Factory.CreateClient() };
        var responses = await Task.WhenAll(ids.Select(id => admin.PostAsJsonAsync($"/api/v1/invoices/{id}/validate", new { })));
        foreach (var r in responses) await r.ShouldHaveStatus(HttpStatusCode.OK);
        var numbers = (await Task.WhenAll(responses.Select(r => r.Json()))).Select(j => j.GetProperty("number").GetString()!).ToList();
        numbers.Distinct().Count().ShouldBe(20);
        numbers.Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ShouldBe(Enumerable.Range(1, 20));

        var chain = await (await admin.GetAsync("/api/v1/compliance/chain")).Json();
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue(chain.ToString());
        chain.GetProperty("lastSequence").GetInt64().ShouldBe(20);
        clients.Length.ShouldBe(3);
    }

    [TestCase("line description", "UPDATE billing_document_lines SET description = 'Prestation modifiée' WHERE document_id = '{0}'")]
    [TestCase("buyer address", "UPDATE billing_documents SET buyer = jsonb_set(buyer, '{{billingAddress,line1}}', '\"1 rue Inventée\"') WHERE id = '{0}'")]
    [TestCase("total", "UPDATE billing_documents SET total_including_vat = total_including_vat - 1 WHERE id = '{0}'")]
    public async Task A_change_made_behind_the_API_with_the_triggers_disabled_is_found_by_the_chain_check(string what, string sql)
    {
        var b = await ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        var ids = new List<Guid>();
        foreach (var kind in new[] { "Deposit", "Balance" })
        {
            var draft = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", kind == "Deposit" ? new { orderId = b.OrderId, kind, percentage = (decimal?)40m } : new { orderId = b.OrderId, kind, percentage = (decimal?)null }, HttpStatusCode.Created);
            ids.Add(draft.GetProperty("id").GetGuid());
            await Validate(admin, "/api/v1/invoices", ids[^1]);
        }
        (await (await admin.GetAsync("/api/v1/compliance/chain")).Json()).GetProperty("intact").GetBoolean().ShouldBeTrue();

        await using (var owner = new NpgsqlConnection(Factory.Database.Owner))
        {
            await owner.OpenAsync();
            var statement = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, ids[0]);
            await using var command = new NpgsqlCommand($"""
                SELECT set_config('koban.system', 'on', false);
                ALTER TABLE billing_documents DISABLE TRIGGER USER;
                ALTER TABLE billing_document_lines DISABLE TRIGGER USER;
                {statement};
                ALTER TABLE billing_documents ENABLE TRIGGER USER;
                ALTER TABLE billing_document_lines ENABLE TRIGGER USER;
                """, owner);
            await command.ExecuteNonQueryAsync();
        }

        var chain = await (await admin.GetAsync("/api/v1/compliance/chain")).Json();
        chain.GetProperty("intact").GetBoolean().ShouldBeFalse(what);
        var broken = chain.GetProperty("firstBreak");
        broken.GetProperty("documentId").GetGuid().ShouldBe(ids[0], what);
        broken.GetProperty("problem").GetString().ShouldBe("content_changed");
        broken.GetProperty("sequence").GetInt64().ShouldBe(1);
    }
}
