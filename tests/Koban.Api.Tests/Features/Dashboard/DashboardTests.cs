using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Features.Dashboard;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Features.Invoicing;
using Koban.Api.Tests.Features.Receivables;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Accounting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Dashboard;

public sealed class DashboardTests : ApiTest
{
    private static async Task<JsonElement> Dashboard(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/dashboard");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return await response.Json();
    }

    private static int DaysAgo(DateOnly today, DateOnly date) => today.DayNumber - date.DayNumber;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Test]
    public void The_activity_reads_as_french_sentences_with_contracted_articles()
    {
        ActivityWording.Sentence("Anne Comptable", "invoice.validated", "invoice", "FA-2026-00012").ShouldBe("Anne Comptable a validé la facture FA-2026-00012");
        ActivityWording.Sentence("Samuel Commercial", "customer.contact_added", "customer", "Boulangerie Martin")
            .ShouldBe("Samuel Commercial a ajouté un contact au client Boulangerie Martin");
        ActivityWording.Sentence("Samuel Commercial", "customer.contact_updated", "customer", "Boulangerie Martin")
            .ShouldBe("Samuel Commercial a modifié un contact du client Boulangerie Martin");
        ActivityWording.Sentence("Samuel Commercial", "order.billing_schedule_changed", "order", "CO-2026-00003")
            .ShouldBe("Samuel Commercial a modifié l'échéancier de la commande CO-2026-00003");
        ActivityWording.Sentence("Anne Comptable", "email.sent", "creditNote", "AV-2026-00001").ShouldBe("Anne Comptable a envoyé par e-mail l'avoir AV-2026-00001");
        ActivityWording.Sentence(null, "invoice.reminded", "invoice", "FA-2026-00002").ShouldBe("Koban a relancé le client pour la facture FA-2026-00002");
        ActivityWording.Sentence("Anne Comptable", "invoice.created", "invoice", null).ShouldBe("Anne Comptable a créé la facture");
        ActivityWording.Sentence("Anne Comptable", "invoice.archived_somehow", "invoice", "FA-2026-00002").ShouldBe("Anne Comptable : la facture FA-2026-00002 (invoice.archived_somehow)");
    }

    [Test]
    public async Task Revenue_is_invoices_minus_credit_notes_per_month_of_issue_and_the_twelve_months_agree_with_the_revenue_accounts()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var month = new DateOnly(l.Today.Year, l.Today.Month, 1);
        await l.InvoiceAsync(l.Durand, DaysAgo(l.Today, month.AddMonths(-12)), 999.00m); // the month before the window
        await l.InvoiceAsync(l.Durand, DaysAgo(l.Today, month.AddMonths(-11)), 100.00m); // the window's first day
        var previous = await l.InvoiceAsync(l.Martin, DaysAgo(l.Today, month.AddMonths(-1)), 250.50m);
        await l.InvoiceAsync(l.Durand, 0, 1000.00m);
        await l.CreditNoteAsync(previous.Id, 0, 60.00m); // 50,00 € HT, counted in the month of the credit note

        var dashboard = await Dashboard(l.Admin);
        dashboard.GetProperty("today").GetString().ShouldBe(Iso(l.Today));
        dashboard.GetProperty("timeZone").GetString().ShouldBe("Europe/Paris");
        var revenue = dashboard.GetProperty("revenue");
        revenue.GetProperty("currentMonth").GetDecimal().ShouldBe(950.00m);
        revenue.GetProperty("previousMonth").GetDecimal().ShouldBe(250.50m);
        revenue.GetProperty("last12Months").GetDecimal().ShouldBe(1300.50m);
        var months = revenue.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(12);
        months.Select(m => m.GetProperty("month").GetString()).ShouldBe(Enumerable.Range(0, 12).Select(i => Iso(month.AddMonths(i - 11))));
        months.Select(m => m.GetProperty("amountExcludingVat").GetDecimal())
            .ShouldBe([100.00m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 250.50m, 950.00m]);

        // The accountant's view: the revenue accounts (class 7) of the sales journal over the same twelve months.
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(l.Company.Id, null, "test");
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        DateOnly from = month.AddMonths(-11), to = month.AddMonths(1).AddDays(-1);
        var lines = await db.JournalEntries.Where(e => e.Journal == JournalKind.Sales && e.Date >= from && e.Date <= to).SelectMany(e => e.Lines)
            .Where(line => line.Account.StartsWith("7")).ToListAsync();
        lines.Sum(line => line.Credit - line.Debit).ShouldBe(revenue.GetProperty("last12Months").GetDecimal());
    }

    [Test]
    public async Task Overdue_and_aging_are_the_receivables_figures_with_the_five_oldest_overdue_invoices()
    {
        var l = await ReceivablesTests.LedgerAsync();
        foreach (var (customer, days, net) in new[] { (l.Durand, 95, 500.00m), (l.Martin, 61, 100.10m), (l.Durand, 31, 33.33m), (l.Martin, 30, 1000.00m), (l.Durand, 10, 10.00m),
                     (l.Martin, 1, 45.50m), (l.Durand, 0, 200.00m) })
            await l.InvoiceAsync(customer, days, net);

        var dashboard = await Dashboard(l.Admin);
        var receivables = await l.GetAsync("/api/v1/receivables?overdueOnly=true&limit=5");
        var overdue = dashboard.GetProperty("overdue");
        overdue.GetProperty("count").GetInt32().ShouldBe(6, "due today is not overdue");
        overdue.GetProperty("count").GetInt32().ShouldBe(receivables.GetProperty("count").GetInt32());
        overdue.GetProperty("totalOutstanding").GetDecimal().ShouldBe(receivables.GetProperty("totalOutstanding").GetDecimal());
        overdue.GetProperty("totalOutstanding").GetDecimal().ShouldBe(600.00m + 120.12m + 40.00m + 1200.00m + 12.00m + 54.60m);
        var oldest = overdue.GetProperty("oldest").EnumerateArray().ToList();
        oldest.Select(o => o.GetProperty("daysLate").GetInt32()).ShouldBe([95, 61, 31, 30, 10]);
        oldest.Select(o => o.GetRawText()).ShouldBe(receivables.GetProperty("items").EnumerateArray().Select(o => o.GetRawText()));

        var aging = await l.GetAsync("/api/v1/receivables/aging");
        dashboard.GetProperty("aging").GetRawText().ShouldBe(aging.GetProperty("totals").GetRawText());
    }

    [Test]
    public async Task Left_to_invoice_follows_the_order_ledgers_and_the_next_milestones_come_earliest_first()
    {
        var b = await InvoicingFlowTests.ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        var today = ReceivablesTests.ParisToday();
        var schedule = await admin.GetAsync($"/api/v1/orders/{b.OrderId}/billing-schedule");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orders/{b.OrderId}/billing-schedule")
        {
            Content = JsonContent.Create(new
            {
                milestones = new object[]
                {
                    new { label = "Solde à la livraison", plannedDate = Iso(today.AddDays(40)), percentage = 70m },
                    new { label = "Acompte à la commande", plannedDate = Iso(today.AddDays(-3)), percentage = 30m },
                },
            }),
        }.WithIfMatch(schedule.Headers.ETag);
        await (await admin.SendAsync(put)).ShouldHaveStatus(HttpStatusCode.OK);

        var dashboard = await Dashboard(admin);
        dashboard.GetProperty("leftToInvoice").GetProperty("amountExcludingVat").GetDecimal().ShouldBe(1455.90m);
        var milestones = dashboard.GetProperty("milestones").EnumerateArray().ToList();
        milestones.Select(m => m.GetProperty("label").GetString()).ShouldBe(["Acompte à la commande", "Solde à la livraison"]);
        milestones.Select(m => m.GetProperty("isLate").GetBoolean()).ShouldBe([true, false]);
        milestones.Select(m => m.GetProperty("amountExcludingVat").GetDecimal()).ShouldBe([436.77m, 1019.13m]);
        milestones[0].GetProperty("orderNumber").GetString()!.ShouldStartWith("CO-");
        milestones[0].GetProperty("customerName").GetString().ShouldNotBeNullOrEmpty();

        var deposit = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Deposit", percentage = 30m }, HttpStatusCode.Created);
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{deposit.GetProperty("id").GetGuid()}/validate");
        var order = await (await admin.GetAsync($"/api/v1/orders/{b.OrderId}")).Json();
        dashboard = await Dashboard(admin);
        var left = dashboard.GetProperty("leftToInvoice");
        left.GetProperty("amountExcludingVat").GetDecimal().ShouldBe(order.GetProperty("billing").GetProperty("leftToInvoiceExcludingVat").GetDecimal());
        left.GetProperty("amountExcludingVat").GetDecimal().ShouldBe(1019.13m);
        left.GetProperty("orders").GetInt32().ShouldBe(1);

        var balance = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Balance" }, HttpStatusCode.Created);
        await SalesFlowTests.Post(admin, $"/api/v1/invoices/{balance.GetProperty("id").GetGuid()}/validate");
        left = (await Dashboard(admin)).GetProperty("leftToInvoice");
        left.GetProperty("amountExcludingVat").GetDecimal().ShouldBe(0m);
        left.GetProperty("orders").GetInt32().ShouldBe(0, "a fully invoiced order leaves the figure");
    }

    [Test]
    public async Task Each_role_gets_the_parts_it_may_read_and_the_activity_names_who_did_what_on_which_document_in_french()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var (_, number) = await l.InvoiceAsync(l.Durand, 0, 100.00m);
        var accountant = (await NewUserAsync(l.Company, "Accountant")).Client;
        var sales = (await NewUserAsync(l.Company, "Sales")).Client;
        var viewer = (await NewUserAsync(l.Company, "Viewer")).Client;
        string[] parts = ["revenue", "leftToInvoice", "overdue", "aging", "milestones", "activity"];

        foreach (var client in new[] { l.Admin, accountant })
        {
            var full = await Dashboard(client);
            parts.ShouldAllBe(p => full.GetProperty(p).ValueKind != JsonValueKind.Null);
            var activity = full.GetProperty("activity").EnumerateArray().ToList();
            activity.Count.ShouldBeLessThanOrEqualTo(10);
            activity.Select(a => a.GetProperty("summary").GetString()).ShouldContain($"Admin Test a validé la facture {number}");
            activity.Select(a => a.GetProperty("summary").GetString()).ShouldContain("Admin Test a créé le client Boulangerie Martin");
            activity.Select(a => a.GetProperty("occurredAt").GetDateTimeOffset()).ShouldBeInOrder(SortDirection.Descending);
            activity.ShouldNotContain(a => a.GetProperty("entityType").GetString() == "user" || a.GetProperty("entityType").GetString() == "company",
                "sign-ins and settings are not business activity");
        }
        foreach (var client in new[] { sales, viewer })
        {
            var partial = await Dashboard(client);
            partial.GetProperty("activity").ValueKind.ShouldBe(JsonValueKind.Null, "the role may not read the audit log");
            parts.Where(p => p != "activity").ShouldAllBe(p => partial.GetProperty(p).ValueKind != JsonValueKind.Null);
            partial.GetProperty("revenue").GetProperty("currentMonth").GetDecimal().ShouldBe(100.00m);
        }

        // An API key reading the audit log and customers only: no figures, and only the customers' activity.
        var (key, _, _) = await NewApiKeyAsync(l.Company, "company:read", "audit:read", "customers:read");
        var narrow = await Dashboard(key);
        parts.Where(p => p != "activity").ShouldAllBe(p => narrow.GetProperty(p).ValueKind == JsonValueKind.Null);
        var events = narrow.GetProperty("activity").EnumerateArray().ToList();
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => e.GetProperty("entityType").GetString() == "customer");

        var (noCompany, _, _) = await NewApiKeyAsync(l.Company, "invoices:read");
        await (await noCompany.GetAsync("/api/v1/dashboard")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await Anonymous().GetAsync("/api/v1/dashboard")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public async Task Another_companys_documents_are_never_counted_and_unknown_query_parameters_are_ignored()
    {
        var a = await ReceivablesTests.LedgerAsync();
        var b = await ReceivablesTests.LedgerAsync();
        var (invoiceA, _) = await a.InvoiceAsync(a.Durand, 40, 300.00m);
        await b.InvoiceAsync(b.Martin, 20, 70.00m);

        var dashboardA = await Dashboard(a.Admin);
        var dashboardB = await Dashboard(b.Admin);
        dashboardA.GetProperty("revenue").GetProperty("last12Months").GetDecimal().ShouldBe(300.00m);
        dashboardB.GetProperty("revenue").GetProperty("last12Months").GetDecimal().ShouldBe(70.00m);
        dashboardA.GetProperty("overdue").GetProperty("totalOutstanding").GetDecimal().ShouldBe(360.00m);
        dashboardB.GetProperty("overdue").GetProperty("totalOutstanding").GetDecimal().ShouldBe(84.00m);
        dashboardB.GetProperty("aging").GetProperty("total").GetDecimal().ShouldBe(84.00m);
        dashboardA.GetProperty("activity").EnumerateArray().ShouldContain(e => e.GetProperty("entityId").GetString() == invoiceA.ToString());
        dashboardB.GetProperty("activity").EnumerateArray().ShouldNotContain(e => e.GetProperty("entityId").GetString() == invoiceA.ToString());
        dashboardB.GetProperty("activity").EnumerateArray().ShouldNotContain(e => e.GetProperty("entityId").GetString() == a.Durand.ToString());

        var odd = await a.Admin.GetAsync("/api/v1/dashboard?months=abc&limit=-1&from=not-a-date");
        await odd.ShouldHaveStatus(HttpStatusCode.OK);
    }
}
