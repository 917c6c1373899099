using System.Net;
using System.Text.Json;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features;

/// <summary>The demo company the run command seeds: created through the real commands, once, with data in every state.</summary>
[NonParallelizable]
public sealed class DemoDataTests : ApiTest
{
    [Test]
    public async Task The_demo_company_has_a_user_per_role_and_sales_documents_in_every_state_and_is_seeded_once()
    {
        var database = await TestDatabase.CreateAsync("koban_demo");
        try
        {
            var settings = new Dictionary<string, string?> { ["Koban:Demo:Seed"] = "true" };
            await using (var first = new ApiFactory(database, settings))
            {
                _ = first.Server;
            }
            await using var factory = new ApiFactory(database, settings);
            var admin = await SignInAsync("admin@demo.koban.fr", "Demo-Admin-2026!", factory);
            foreach (var (email, password) in new[] { ("sales@demo.koban.fr", "Demo-Sales-2026!"), ("accountant@demo.koban.fr", "Demo-Compta-2026!"), ("viewer@demo.koban.fr", "Demo-Viewer-2026!") })
            {
                await SignInAsync(email, password, factory);
            }
            var users = await (await admin.GetAsync("/api/v1/users")).Json();
            users.GetProperty("items").GetArrayLength().ShouldBe(4, "a second start does not seed twice");
            var profile = await (await admin.GetAsync("/api/v1/company")).Json();
            profile.GetProperty("siren").GetString().ShouldBe("732829320");
            var template = await (await admin.GetAsync("/api/v1/document-templates/Invoice")).Json();
            template.GetProperty("accentColor").GetString().ShouldBe("#7A1F3D");
            template.GetProperty("termsAndConditions").GetString()!.ShouldContain("réserve de propriété");

            (await (await admin.GetAsync("/api/v1/customers")).Json()).GetProperty("items").GetArrayLength().ShouldBe(5);
            (await (await admin.GetAsync("/api/v1/products")).Json()).GetProperty("items").GetArrayLength().ShouldBe(6);
            var orders = (await (await admin.GetAsync("/api/v1/orders?limit=100")).Json()).GetProperty("items").EnumerateArray().ToList();
            orders.Select(o => o.GetProperty("status").GetString()!).Distinct().Order().ShouldBe(["Cancelled", "Closed", "Draft", "InProgress"]);
            orders.Where(o => o.GetProperty("number").ValueKind == System.Text.Json.JsonValueKind.String).Select(o => o.GetProperty("number").GetString()!).Order()
                .ShouldBe(Enumerable.Range(1, 5).Select(i => $"CO-{orders[0].GetProperty("orderDate").GetString()![..4]}-{i:00000}"), "validated orders are numbered without gaps");
            orders.Count(o => o.GetProperty("traceableToQuote").GetBoolean()).ShouldBe(1);
            var notes = (await (await admin.GetAsync("/api/v1/delivery-notes")).Json()).GetProperty("items").EnumerateArray().ToList();
            notes.Count.ShouldBe(1, "one delivered note");
            notes[0].GetProperty("status").GetString().ShouldBe("Delivered");
            notes[0].GetProperty("number").GetString()!.ShouldStartWith("BL-");
            var delivered = await (await admin.GetAsync($"/api/v1/orders/{notes[0].GetProperty("orderId").GetGuid()}/deliveries")).Json();
            delivered.GetProperty("deliveryStatus").GetString().ShouldBe("PartiallyDelivered");
            var shelves = delivered.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("deliverable").GetBoolean());
            (shelves.GetProperty("orderedQuantity").GetDecimal(), shelves.GetProperty("deliveredQuantity").GetDecimal(), shelves.GetProperty("leftToDeliverQuantity").GetDecimal())
                .ShouldBe((4m, 2m, 2m), "2 of the 4 shelves of PO-4471 are delivered");
            var quotes = (await (await admin.GetAsync("/api/v1/quotes?limit=100")).Json()).GetProperty("items").EnumerateArray().Select(q => q.GetProperty("status").GetString()!).ToList();
            quotes.Distinct().Order().ShouldBe(["Accepted", "Draft", "Refused", "Sent"]);
            var opportunities = (await (await admin.GetAsync("/api/v1/opportunities")).Json()).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("stage").GetString()!).ToList();
            opportunities.Distinct().Order().ShouldBe(["Lost", "Open", "Won"]);
            // ContractDemo: an active monthly contract started five months ago, and a yearly one to renew within 60 days.
            var contracts = (await (await admin.GetAsync("/api/v1/contracts?status=Active")).Json()).GetProperty("items").EnumerateArray().ToList();
            contracts.Select(c => c.GetProperty("periodicity").GetString()!).Order().ShouldBe(["Monthly", "Yearly"]);
            var monthlyContract = contracts.Single(c => c.GetProperty("periodicity").GetString() == "Monthly");
            DateOnly.Parse(monthlyContract.GetProperty("startDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBeLessThan(CompanyDates.ParisToday.AddMonths(-4), "started months ago");
            monthlyContract.GetProperty("monthlyRecurringRevenue").GetDecimal().ShouldBe(89m);
            // Its periods so far are invoiced, one invoice each with its service dates: the past ones validated, the newest a draft.
            var periods = (await (await admin.GetAsync($"/api/v1/contracts/{monthlyContract.GetProperty("id").GetGuid()}/periods")).Json()).EnumerateArray()
                .Where(p => p.GetProperty("state").GetString() == "Invoiced").ToList();
            periods.Count.ShouldBe(6, "five past months and the current one, billed in advance");
            periods.Count(p => p.GetProperty("invoiceStatus").GetString() == "Validated").ShouldBe(5);
            periods.ShouldAllBe(p => p.GetProperty("amountExcludingVat").GetDecimal() == 89m);
            var billed = await (await admin.GetAsync($"/api/v1/invoices/{periods[0].GetProperty("invoiceId").GetGuid()}")).Json();
            billed.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("servicePeriod").ValueKind == JsonValueKind.Object).ShouldBeTrue();
            var renewals = await (await admin.GetAsync("/api/v1/contracts/renewals?within=60")).Json();
            renewals.GetProperty("count").GetInt32().ShouldBe(1);
            renewals.GetProperty("items")[0].GetProperty("noticeDeadlinePassed").GetBoolean().ShouldBeTrue();
            var overview = await (await admin.GetAsync("/api/v1/billing-schedule")).Json();
            overview.GetProperty("ordersLeftToInvoice").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);

            // RemindersDemo adds an invoice dated 50 days ago with its friendly reminder, unless that date falls last year.
            var today = CompanyDates.ParisToday;
            var overdue = today.AddDays(-50).Year == today.Year ? 1 : 0;
            // HistoryDemo adds an invoice on the 10th of each of the five previous months of this year, the older ones paid.
            var history = Koban.Api.Demo.HistoryDemo.Dates(today).Count;
            // ContractDemo's monthly contract has its five past periods invoiced and validated (the current one is a draft).
            const int contractPeriods = 5;
            var invoices = (await (await admin.GetAsync("/api/v1/invoices?limit=100")).Json()).GetProperty("items").EnumerateArray().ToList();
            invoices.Select(i => i.GetProperty("kind").GetString()!).Distinct().Order().ShouldBe(["Balance", "Deposit", "Direct", "Full", "Intermediate"]);
            invoices.Select(i => i.GetProperty("status").GetString()!).Distinct().Order().ShouldBe(["Draft", "Validated"]);
            invoices.Where(i => i.GetProperty("status").GetString() == "Validated").Select(i => i.GetProperty("number").GetString()!).Order()
                .ShouldBe(Enumerable.Range(1, 6 + overdue + history + contractPeriods).Select(i => $"FA-{orders[0].GetProperty("orderDate").GetString()![..4]}-{i:00000}"), "validated invoices are numbered without gaps");
            var creditNotes = (await (await admin.GetAsync("/api/v1/credit-notes")).Json()).GetProperty("items").EnumerateArray().ToList();
            creditNotes.Select(c => c.GetProperty("reason").GetString()!).Order().ShouldBe(["CommercialDiscount", "Correction"]);
            var chain = await (await admin.GetAsync("/api/v1/compliance/chain")).Json();
            chain.GetProperty("intact").GetBoolean().ShouldBeTrue(chain.ToString());
            chain.GetProperty("documentsChecked").GetInt32().ShouldBe(8 + overdue + history + contractPeriods);
            var payments = (await (await admin.GetAsync("/api/v1/payments")).Json()).GetProperty("items").EnumerateArray().ToList();
            payments.Count.ShouldBe(3 + Math.Max(0, history - 2));
            payments.Count(p => p.GetProperty("customerId").ValueKind == System.Text.Json.JsonValueKind.Null).ShouldBe(1, "one cheque waits to be identified");
            invoices.Select(i => i.GetProperty("paymentStatus").GetString()).ShouldContain("Paid");
            invoices.Select(i => i.GetProperty("paymentStatus").GetString()).ShouldContain("PartiallyPaid");
            invoices.Count(i => i.GetProperty("disputed").GetBoolean()).ShouldBe(1);
            (await (await admin.GetAsync("/api/v1/accounting/exports")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
            (await (await admin.GetAsync("/api/v1/reminders/settings")).Json()).GetProperty("enabled").GetBoolean().ShouldBeTrue();
            var reminders = (await (await admin.GetAsync("/api/v1/reminders")).Json()).GetProperty("items").EnumerateArray().ToList();
            reminders.Count.ShouldBe(overdue);
            if (overdue == 1)
            {
                reminders[0].GetProperty("status").GetString().ShouldBe("Sent");
                reminders[0].GetProperty("levelName").GetString().ShouldBe("Relance amicale");
                reminders[0].GetProperty("recipients")[0].GetString().ShouldBe("lucie@boulangerie-martin.example");
            }
            var audit = await (await admin.GetAsync("/api/v1/audit-events?limit=100&entityType=order")).Json();
            audit.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("actorName").GetString() == "Samuel Commercial" && e.GetProperty("action").GetString() == "order.validated");

            // The dashboard has something to show: months of revenue, overdue invoices, milestones ahead, activity.
            var dashboard = await (await admin.GetAsync("/api/v1/dashboard")).Json();
            dashboard.GetProperty("revenue").GetProperty("months").EnumerateArray().Count(m => m.GetProperty("amountExcludingVat").GetDecimal() != 0m).ShouldBeGreaterThanOrEqualTo(1 + history);
            dashboard.GetProperty("overdue").GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(overdue + (history >= 2 ? 1 : 0));
            dashboard.GetProperty("milestones").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
            dashboard.GetProperty("leftToInvoice").GetProperty("amountExcludingVat").GetDecimal().ShouldBeGreaterThan(0m);
            dashboard.GetProperty("activity").GetArrayLength().ShouldBe(10);

            // ProjectDemo: a project of a validated order, two weeks of time by two people, the first week on a draft invoice,
            // the hours budget nearly consumed.
            var projects = (await (await admin.GetAsync("/api/v1/projects")).Json()).GetProperty("items");
            projects.GetArrayLength().ShouldBe(1);
            var project = await (await admin.GetAsync($"/api/v1/projects/{projects[0].GetProperty("id").GetGuid()}")).Json();
            project.GetProperty("orderId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
            project.GetProperty("status").GetString().ShouldBe("InProgress");
            project.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("spentHours").GetDecimal() > 0m).ShouldBe(2);
            var time = project.GetProperty("time");
            time.GetProperty("spentHours").GetDecimal().ShouldBe(35m);
            time.GetProperty("hoursConsumedPercent").GetDecimal().ShouldBe(92.1m);
            time.GetProperty("overBudget").GetBoolean().ShouldBeFalse();
            time.GetProperty("uninvoicedBillableHours").GetDecimal().ShouldBeGreaterThan(0m);
            time.GetProperty("uninvoicedBillableHours").GetDecimal().ShouldBeLessThan(time.GetProperty("billableHours").GetDecimal());
            var entries = (await (await admin.GetAsync("/api/v1/time-entries?limit=100")).Json()).GetProperty("items").EnumerateArray().ToList();
            var days = entries.Select(e => DateOnly.Parse(e.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            (days.Max().DayNumber - days.Min().DayNumber).ShouldBeGreaterThanOrEqualTo(7, "time over two weeks");
            entries.Count(e => e.GetProperty("locked").GetBoolean()).ShouldBeGreaterThan(0);
        }
        finally
        {
            await database.DropAsync();
        }
    }
}
