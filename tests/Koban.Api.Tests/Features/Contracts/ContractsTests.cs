using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Features.Invoicing;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Contracts;

/// <summary>/api/v1/contracts end to end: creation (direct and from an order), lifecycle, notice, renewal, recurring
/// revenue, the dashboard, refusals, roles, other companies, and concurrent requests.</summary>
public sealed class ContractsTests : ApiTest
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Terms(DateOnly start, int termMonths = 12, string periodicity = "Monthly", bool tacit = true, int notice = 3, object? revision = null) => new
    {
        startDate = Iso(start),
        termMonths,
        periodicity,
        timing = "InAdvance",
        tacitRenewal = tacit,
        noticeMonths = notice,
        revision = revision ?? new { kind = "Percentage", percentage = 2m },
    };

    private static object Direct(Guid customerId, DateOnly start, int termMonths = 12, string periodicity = "Monthly", bool tacit = true, int notice = 3,
        decimal price = 99.9m, object? revision = null) => new
        {
            customerId,
            startDate = Iso(start),
            termMonths,
            periodicity,
            timing = "InAdvance",
            tacitRenewal = tacit,
            noticeMonths = notice,
            revision = revision ?? new { kind = "Percentage", percentage = 2m },
            lines = new object[]
        {
            new { kind = "Free", description = "Maintenance mensuelle", quantity = 1m, unitCode = "C62", unitPrice = price, vatRate = 20m, nature = "Service" },
        },
        };

    private static async Task<JsonElement> ActiveAsync(HttpClient client, Guid customerId, DateOnly start, int termMonths = 12, string periodicity = "Monthly",
        bool tacit = true, int notice = 3, decimal price = 99.9m)
    {
        var draft = await SalesFlowTests.Post(client, "/api/v1/contracts", Direct(customerId, start, termMonths, periodicity, tacit, notice, price), HttpStatusCode.Created);
        return await SalesFlowTests.Post(client, $"/api/v1/contracts/{draft.GetProperty("id").GetGuid()}/activate");
    }

    private static async Task<Guid> ContractProductAsync(HttpClient client, string periodicity = "Yearly", int termMonths = 12)
    {
        var product = await SalesFlowTests.Post(client, "/api/v1/products", new
        {
            code = "MAINT-" + Guid.NewGuid().ToString("N")[..6],
            name = "Contrat de maintenance",
            description = "Visite et réglage",
            unitCode = "C62",
            unitPrice = 480m,
            vatRate = 20m,
            nature = "Service",
            forSale = true,
            deliverable = false,
            isContract = true,
            contractPeriodicity = periodicity,
            contractTermMonths = termMonths,
        }, HttpStatusCode.Created);
        return product.GetProperty("id").GetGuid();
    }

    /// <summary>A validated order with an ordinary product line, a free line and a subscription line (480 € a year).</summary>
    private static async Task<(InvoicingFlowTests.Billing Billing, Guid ContractLineId)> OrderWithSubscriptionAsync()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var etag = (await admin.GetAsync("/api/v1/company")).Headers.ETag;
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(Companies.CompanyProfileTests.Profile()) }.WithIfMatch(etag);
        await (await admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);
        var maintenance = await ContractProductAsync(admin);
        var lines = SalesFlowTests.Lines(c.ProductId).Append(new { kind = "Product", productId = maintenance, quantity = 1m }).ToArray();
        var order = await SalesFlowTests.Post(admin, "/api/v1/orders", new { customerId = c.CustomerId, lines }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        var validated = await SalesFlowTests.Post(admin, $"/api/v1/orders/{orderId}/validate");
        var contractLine = validated.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("isContractLine").GetBoolean());
        return (new InvoicingFlowTests.Billing(c, orderId), contractLine.GetProperty("id").GetGuid());
    }

    [Test]
    public async Task A_direct_contract_is_drafted_updated_with_its_etag_activated_and_read_with_its_term_and_history()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var start = new DateOnly(2027, 1, 31);

        var created = await admin.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, start, 12, "Quarterly", price: 360m));
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var draft = await created.Json();
        var id = draft.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/contracts/{id}");
        draft.GetProperty("reference").GetString().ShouldBe("CT-00001");
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        draft.GetProperty("currentTermEnd").GetString().ShouldBe("2028-01-30");
        draft.GetProperty("monthlyRecurringRevenue").GetRawText().ShouldBe("120.00");
        draft.GetProperty("lines")[0].GetProperty("unitPrice").GetRawText().ShouldBe("360.0000");

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contracts/{id}") { Content = JsonContent.Create(Direct(c.CustomerId, start, 24, "Quarterly", price: 360m)) };
        await (await admin.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionRequired, "if_match_required");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contracts/{id}") { Content = JsonContent.Create(Direct(c.CustomerId, start, 24, "Quarterly", price: 360m)) }
            .WithIfMatch(created.Headers.ETag);
        var updated = await admin.SendAsync(put);
        await updated.ShouldHaveStatus(HttpStatusCode.OK);
        (await updated.Json()).GetProperty("termMonths").GetInt32().ShouldBe(24);
        var again = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contracts/{id}") { Content = JsonContent.Create(Direct(c.CustomerId, start, 12, "Quarterly")) }
            .WithIfMatch(created.Headers.ETag);
        await (await admin.SendAsync(again)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale_version");

        var active = await SalesFlowTests.Post(admin, $"/api/v1/contracts/{id}/activate");
        active.GetProperty("status").GetString().ShouldBe("Active");
        active.GetProperty("termNumber").GetInt32().ShouldBe(1);
        active.GetProperty("currentTermEnd").GetString().ShouldBe("2029-01-30");
        active.GetProperty("noticeDeadline").GetString().ShouldBe("2028-10-30");
        active.GetProperty("terms").GetArrayLength().ShouldBe(1);
        active.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ShouldBe(["contract.created", "contract.updated", "contract.activated"]);

        await (await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/activate", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        await (await admin.DeleteAsync($"/api/v1/contracts/{id}")).ShouldBeProblem(HttpStatusCode.Conflict, "document_not_deletable");
        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contracts/{id}") { Content = JsonContent.Create(Direct(c.CustomerId, start)) }
            .WithIfMatch((await admin.GetAsync($"/api/v1/contracts/{id}")).Headers.ETag);
        await (await admin.SendAsync(edit)).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");

        var list = await (await admin.GetAsync("/api/v1/contracts?status=Active&search=CT-0000")).Json();
        list.GetProperty("items").GetArrayLength().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("periodAmountExcludingVat").GetRawText().ShouldBe("360.00");
    }

    [Test]
    public async Task A_draft_is_deleted_and_bad_terms_are_refused_naming_the_field()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var draft = await SalesFlowTests.Post(admin, "/api/v1/contracts", Direct(c.CustomerId, Today), HttpStatusCode.Created);
        await (await admin.DeleteAsync($"/api/v1/contracts/{draft.GetProperty("id").GetGuid()}")).ShouldHaveStatus(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"/api/v1/contracts/{draft.GetProperty("id").GetGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        var odd = await admin.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, Today, 10, "Quarterly"));
        (await odd.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_term_not_whole_periods")).GetProperty("errors").TryGetProperty("termMonths", out _).ShouldBeTrue();
        await (await admin.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, Today, 12, notice: 12))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_notice_invalid");
        await (await admin.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, Today, 1000))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_term_invalid");
        await (await admin.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, Today, revision: new { kind = "Index" })))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_revision_invalid");
        await (await admin.PostAsJsonAsync("/api/v1/contracts", Direct(Guid.NewGuid(), Today))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        var huge = await admin.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, Today, price: 99999999999999999999m));
        ((int)huge.StatusCode).ShouldBeInRange(400, 422);
        var wrongType = await admin.PostAsync("/api/v1/contracts", new StringContent("""{"customerId":"x","termMonths":"douze"}""", System.Text.Encoding.UTF8, "application/json"));
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var nothing = await admin.PostAsync("/api/v1/contracts", new StringContent("null", System.Text.Encoding.UTF8, "application/json"));
        nothing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_contract_from_an_order_takes_its_subscription_lines_once_and_the_full_invoice_leaves_them_out()
    {
        var (b, contractLineId) = await OrderWithSubscriptionAsync();
        var admin = b.Catalog.Company.Admin;
        var orderLines = (await (await admin.GetAsync($"/api/v1/orders/{b.OrderId}")).Json()).GetProperty("lines");
        var ordinaryLine = orderLines.EnumerateArray().First(l => l.GetProperty("kind").GetString() == "Product" && !l.GetProperty("isContractLine").GetBoolean()).GetProperty("id").GetGuid();

        var notContract = await admin.PostAsJsonAsync("/api/v1/contracts/from-order", new { orderId = b.OrderId, orderLineIds = new[] { ordinaryLine }, startDate = Iso(Today), timing = "InAdvance", tacitRenewal = true, noticeMonths = 1 });
        (await notContract.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "order_line_not_contract")).GetProperty("errors").TryGetProperty("orderLineIds[0]", out _).ShouldBeTrue();

        var contract = await SalesFlowTests.Post(admin, "/api/v1/contracts/from-order",
            new { orderId = b.OrderId, startDate = Iso(Today), timing = "InAdvance", tacitRenewal = true, noticeMonths = 1 }, HttpStatusCode.Created);
        contract.GetProperty("orderId").GetGuid().ShouldBe(b.OrderId);
        contract.GetProperty("orderNumber").GetString()!.ShouldStartWith("CO-");
        contract.GetProperty("periodicity").GetString().ShouldBe("Yearly", "the product's default");
        contract.GetProperty("termMonths").GetInt32().ShouldBe(12);
        contract.GetProperty("customerId").GetGuid().ShouldBe(b.Catalog.CustomerId);
        var line = contract.GetProperty("lines").EnumerateArray().Single();
        line.GetProperty("orderLineId").GetGuid().ShouldBe(contractLineId);
        line.GetProperty("unitPrice").GetRawText().ShouldBe("480.0000");

        var twice = await admin.PostAsJsonAsync("/api/v1/contracts/from-order", new { orderId = b.OrderId, startDate = Iso(Today), timing = "InAdvance", tacitRenewal = true, noticeMonths = 1 });
        (await twice.ShouldBeProblem(HttpStatusCode.Conflict, "order_line_under_contract")).GetProperty("title").GetString()!.ShouldContain("CT-00001");

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contracts/{contract.GetProperty("id").GetGuid()}")
        {
            Content = JsonContent.Create(Direct(b.Catalog.CustomerId, Today, 12, "Yearly")),
        }.WithIfMatch((await admin.GetAsync($"/api/v1/contracts/{contract.GetProperty("id").GetGuid()}")).Headers.ETag);
        await (await admin.SendAsync(put)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_lines_follow_order");

        var full = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Full" }, HttpStatusCode.Created);
        full.GetProperty("lines").EnumerateArray().ShouldNotContain(l => l.GetProperty("orderLineId").ValueKind == JsonValueKind.String && l.GetProperty("orderLineId").GetGuid() == contractLineId);
        full.GetProperty("totals").GetProperty("totalExcludingVat").GetDecimal().ShouldBe(1455.90m, "the order's 1 455,90 € without the 480 € subscription");
    }

    [Test]
    public async Task Two_simultaneous_contracts_from_the_same_order_lines_give_one_contract()
    {
        var (b, _) = await OrderWithSubscriptionAsync();
        var admin = b.Catalog.Company.Admin;
        var body = new { orderId = b.OrderId, startDate = Iso(Today), timing = "InAdvance", tacitRenewal = true, noticeMonths = 1 };

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PostAsJsonAsync("/api/v1/contracts/from-order", body)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        await responses.Single(r => r.StatusCode != HttpStatusCode.Created).ShouldBeProblem(HttpStatusCode.Conflict, "order_line_under_contract");
        (await (await admin.GetAsync($"/api/v1/contracts?orderId={b.OrderId}")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task A_draft_order_gives_no_contract_and_another_company_s_order_is_unknown()
    {
        var (b, _) = await OrderWithSubscriptionAsync();
        var draftOrder = await SalesFlowTests.Post(b.Catalog.Company.Admin, "/api/v1/orders",
            new { customerId = b.Catalog.CustomerId, lines = SalesFlowTests.Lines(b.Catalog.ProductId) }, HttpStatusCode.Created);
        await (await b.Catalog.Company.Admin.PostAsJsonAsync("/api/v1/contracts/from-order",
                new { orderId = draftOrder.GetProperty("id").GetGuid(), startDate = Iso(Today), timing = "InAdvance", tacitRenewal = true, noticeMonths = 0 }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "order_not_validated");

        var other = await NewCompanyAsync();
        await (await other.Admin.PostAsJsonAsync("/api/v1/contracts/from-order", new { orderId = b.OrderId, startDate = Iso(Today), timing = "InAdvance", tacitRenewal = true, noticeMonths = 0 }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
    }

    [Test]
    public async Task A_refused_termination_carries_the_allowed_dates_as_members_and_the_earliest_one_is_accepted()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;

        // Within the notice: the earliest date is the current term end.
        var fresh = await ActiveAsync(admin, c.CustomerId, Today, notice: 1);
        var freshEnd = fresh.GetProperty("currentTermEnd").GetString()!;
        var tooSoon = await (await admin.PostAsJsonAsync($"/api/v1/contracts/{fresh.GetProperty("id").GetGuid()}/terminate", new { effectiveDate = Iso(Today), reason = "Fin du besoin" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_notice_not_respected");
        tooSoon.GetProperty("earliestTerminationDate").GetString().ShouldBe(freshEnd);
        tooSoon.GetProperty("noticeDeadline").GetString().ShouldBe(fresh.GetProperty("noticeDeadline").GetString());

        // After the deadline of a tacitly renewing contract: the end of the next term, also for a date too late and a refused non-renewal.
        var late = await ActiveAsync(admin, c.CustomerId, Today.AddMonths(-10), notice: 3);
        var id = late.GetProperty("id").GetGuid();
        var termEnd = DateOnly.Parse(late.GetProperty("currentTermEnd").GetString()!, CultureInfo.InvariantCulture);
        var nextTermEnd = Iso(termEnd.AddDays(1).AddMonths(12).AddDays(-1));
        var early = await (await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/terminate", new { effectiveDate = Iso(termEnd), reason = "Fin du besoin" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_notice_not_respected");
        (early.GetProperty("earliestTerminationDate").GetString(), early.GetProperty("latestTerminationDate").GetString()).ShouldBe((nextTermEnd, nextTermEnd));
        var beyond = await (await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/terminate", new { effectiveDate = "2099-12-31", reason = "Fin du besoin" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_termination_too_late");
        beyond.GetProperty("latestTerminationDate").GetString().ShouldBe(nextTermEnd);
        var declined = await (await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/let-expire", new { }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_notice_passed");
        declined.GetProperty("earliestTerminationDate").GetString().ShouldBe(nextTermEnd);

        var terminated = await SalesFlowTests.Post(admin, $"/api/v1/contracts/{id}/terminate",
            new { effectiveDate = early.GetProperty("earliestTerminationDate").GetString(), reason = "Fin du besoin" });
        terminated.GetProperty("terminationDate").GetString().ShouldBe(nextTermEnd, "the date the problem offered is accepted as it is");
    }

    [Test]
    public async Task Termination_respects_the_notice_and_a_terminated_contract_is_neither_renewed_nor_terminated_again()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        // Started 10 months ago for 12 months with 3 months of notice: the deadline has passed.
        var contract = await ActiveAsync(admin, c.CustomerId, Today.AddMonths(-10), notice: 3);
        var id = contract.GetProperty("id").GetGuid();
        var termEnd = DateOnly.Parse(contract.GetProperty("currentTermEnd").GetString()!, CultureInfo.InvariantCulture);
        contract.GetProperty("noticeDeadlinePassed").GetBoolean().ShouldBeTrue();

        var early = await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/terminate", new { effectiveDate = Iso(termEnd), reason = "Fin du besoin" });
        var problem = await early.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_notice_not_respected");
        problem.GetProperty("errors").TryGetProperty("effectiveDate", out _).ShouldBeTrue();
        var nextTermEnd = termEnd.AddDays(1).AddMonths(12).AddDays(-1);
        problem.GetProperty("title").GetString()!.ShouldContain(nextTermEnd.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)); // the text writes the date the French way
        await (await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/terminate", new { reason = "" })).ShouldHaveStatus(HttpStatusCode.BadRequest);

        var terminated = await SalesFlowTests.Post(admin, $"/api/v1/contracts/{id}/terminate", new { reason = "Fin du besoin" });
        terminated.GetProperty("status").GetString().ShouldBe("Terminated");
        terminated.GetProperty("endDate").GetString().ShouldBe(Iso(nextTermEnd));
        terminated.GetProperty("terminationReason").GetString().ShouldBe("Fin du besoin");

        await (await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/renew", new { revision = new { kind = "None" } })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        await (await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/terminate", new { reason = "encore" })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
        await (await admin.PostAsJsonAsync($"/api/v1/contracts/{id}/let-expire", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "invalid_state_transition");
    }

    [Test]
    public async Task Renewals_list_the_terms_ending_soon_and_two_simultaneous_renewals_add_one_term()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var soon = await ActiveAsync(admin, c.CustomerId, Today.AddMonths(-11).AddDays(10), notice: 0, price: 100m);
        var later = await ActiveAsync(admin, c.CustomerId, Today, notice: 0);
        var id = soon.GetProperty("id").GetGuid();

        var renewals = await (await admin.GetAsync("/api/v1/contracts/renewals?within=60")).Json();
        renewals.GetProperty("count").GetInt32().ShouldBe(1);
        var item = renewals.GetProperty("items")[0];
        item.GetProperty("id").GetGuid().ShouldBe(id);
        item.GetProperty("willRenewTacitly").GetBoolean().ShouldBeTrue();
        item.GetProperty("daysLeft").GetInt32().ShouldBeInRange(1, 60);
        (await (await admin.GetAsync("/api/v1/contracts?renewalWithin=60")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
        await (await admin.GetAsync("/api/v1/contracts/renewals?within=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "renewal_window_out_of_range");
        await (await admin.GetAsync("/api/v1/contracts/renewals?within=367")).ShouldBeProblem(HttpStatusCode.BadRequest, "renewal_window_out_of_range");
        await (await admin.PostAsJsonAsync($"/api/v1/contracts/{later.GetProperty("id").GetGuid()}/renew", new { revision = new { kind = "None" } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "contract_renewal_too_early");

        var body = new { revision = new { kind = "Percentage", percentage = 3m } };
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PostAsJsonAsync($"/api/v1/contracts/{id}/renew", body)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.Conflict, "contract_renewal_too_early");
        var renewed = await (await admin.GetAsync($"/api/v1/contracts/{id}")).Json();
        renewed.GetProperty("termNumber").GetInt32().ShouldBe(2);
        renewed.GetProperty("terms").GetArrayLength().ShouldBe(2);
        renewed.GetProperty("terms")[1].GetProperty("priceFactor").GetRawText().ShouldBe("1.0300");
        renewed.GetProperty("lines")[0].GetProperty("unitPrice").GetRawText().ShouldBe("103.0000");
        renewed.GetProperty("currentTermStart").GetString().ShouldBe(Iso(DateOnly.Parse(soon.GetProperty("currentTermEnd").GetString()!, CultureInfo.InvariantCulture).AddDays(1)));
        (await (await admin.GetAsync("/api/v1/contracts/renewals")).Json()).GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Test]
    public async Task Let_expire_is_recorded_once_and_refused_after_the_notice_deadline()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        var open = await ActiveAsync(admin, c.CustomerId, Today, notice: 2);
        var declined = await SalesFlowTests.Post(admin, $"/api/v1/contracts/{open.GetProperty("id").GetGuid()}/let-expire");
        declined.GetProperty("willRenewTacitly").GetBoolean().ShouldBeFalse();
        declined.GetProperty("renewalDeclinedOn").GetString().ShouldBe(Iso(Today));
        await SalesFlowTests.Post(admin, $"/api/v1/contracts/{open.GetProperty("id").GetGuid()}/let-expire");
        var history = (await (await admin.GetAsync($"/api/v1/contracts/{open.GetProperty("id").GetGuid()}")).Json()).GetProperty("history");
        history.EnumerateArray().Count(h => h.GetProperty("action").GetString() == "contract.renewal_declined").ShouldBe(1);

        var late = await ActiveAsync(admin, c.CustomerId, Today.AddMonths(-11), notice: 2);
        await (await admin.PostAsJsonAsync($"/api/v1/contracts/{late.GetProperty("id").GetGuid()}/let-expire", new { }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "contract_notice_passed");
    }

    [Test]
    public async Task Recurring_revenue_and_the_dashboard_show_mrr_arr_and_the_contracts_to_renew()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var admin = c.Company.Admin;
        await ActiveAsync(admin, c.CustomerId, Today.AddMonths(-11).AddDays(10), notice: 0, price: 100m);      // 100 € a month
        await ActiveAsync(admin, c.CustomerId, Today, 12, "Quarterly", price: 301m);                          // 301 € a quarter: 100.33 € a month
        await SalesFlowTests.Post(admin, "/api/v1/contracts", Direct(c.CustomerId, Today, price: 1000m), HttpStatusCode.Created); // a draft counts for nothing

        var revenue = await (await admin.GetAsync("/api/v1/contracts/recurring-revenue")).Json();
        revenue.GetProperty("monthlyRecurringRevenue").GetRawText().ShouldBe("200.33");
        revenue.GetProperty("annualRecurringRevenue").GetRawText().ShouldBe("2403.96");
        revenue.GetProperty("activeContracts").GetInt32().ShouldBe(2);
        revenue.GetProperty("revenueToCome").GetArrayLength().ShouldBe(12);
        revenue.GetProperty("revenueToCome").EnumerateArray().Sum(m => m.GetProperty("amountExcludingVat").GetDecimal()).ShouldBeGreaterThan(0m);

        var dashboard = await (await admin.GetAsync("/api/v1/dashboard")).Json();
        dashboard.GetProperty("recurringRevenue").GetProperty("monthlyRecurringRevenue").GetDecimal().ShouldBe(200.33m);
        dashboard.GetProperty("contractsToRenew").GetProperty("count").GetInt32().ShouldBe(1);
        dashboard.GetProperty("contractsToRenew").GetProperty("nearest").GetArrayLength().ShouldBe(1);

        var (key, _, _) = await NewApiKeyAsync(c.Company, "company:read");
        var blind = await (await key.GetAsync("/api/v1/dashboard")).Json();
        blind.GetProperty("recurringRevenue").ValueKind.ShouldBe(JsonValueKind.Null);
        blind.GetProperty("contractsToRenew").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task Sales_write_accountants_and_viewers_read_api_keys_follow_their_scopes_and_other_companies_see_nothing()
    {
        var c = await SalesFlowTests.CatalogAsync();
        var contract = await ActiveAsync(c.Company.Admin, c.CustomerId, Today);
        var id = contract.GetProperty("id").GetGuid();

        var (sales, _, _) = await NewUserAsync(c.Company, "Sales");
        await SalesFlowTests.Post(sales, "/api/v1/contracts", Direct(c.CustomerId, Today), HttpStatusCode.Created);
        foreach (var role in new[] { "Accountant", "Viewer" })
        {
            var (reader, _, _) = await NewUserAsync(c.Company, role);
            await (await reader.GetAsync($"/api/v1/contracts/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
            await (await reader.GetAsync("/api/v1/contracts/renewals")).ShouldHaveStatus(HttpStatusCode.OK);
            (await reader.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, Today))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await reader.PostAsJsonAsync($"/api/v1/contracts/{id}/terminate", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var (readKey, _, _) = await NewApiKeyAsync(c.Company, "contracts:read");
        await (await readKey.GetAsync("/api/v1/contracts")).ShouldHaveStatus(HttpStatusCode.OK);
        (await readKey.PostAsJsonAsync($"/api/v1/contracts/{id}/renew", new { revision = new { kind = "None" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (writeKey, _, _) = await NewApiKeyAsync(c.Company, "contracts:write", "customers:read");
        var owner = (await (await c.Company.Admin.GetAsync("/api/v1/users")).Json()).GetProperty("items")[0].GetProperty("id").GetGuid();
        await (await writeKey.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, Today))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        var viaKey = await writeKey.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId = c.CustomerId,
            ownerUserId = owner,
            startDate = Iso(Today),
            termMonths = 12,
            periodicity = "Monthly",
            timing = "InArrears",
            tacitRenewal = false,
            noticeMonths = 0,
            lines = new object[] { new { kind = "Free", description = "Hébergement", quantity = 1m, unitPrice = 20m, vatRate = 20m } },
        });
        await viaKey.ShouldHaveStatus(HttpStatusCode.Created);
        (await viaKey.Json()).GetProperty("ownerUserId").GetGuid().ShouldBe(owner);

        var other = await NewCompanyAsync();
        await (await other.Admin.GetAsync($"/api/v1/contracts/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.Admin.PostAsJsonAsync($"/api/v1/contracts/{id}/terminate", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.Admin.PostAsJsonAsync($"/api/v1/contracts/{id}/renew", new { revision = new { kind = "None" } })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.Admin.DeleteAsync($"/api/v1/contracts/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await other.Admin.PostAsJsonAsync("/api/v1/contracts", Direct(c.CustomerId, Today))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reference_not_found");
        (await (await other.Admin.GetAsync("/api/v1/contracts")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}
