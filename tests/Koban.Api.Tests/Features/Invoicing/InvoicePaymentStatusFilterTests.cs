using System.Globalization;
using System.Net;
using System.Text.Json;
using Koban.Api.Tests.Features.Payments;
using Koban.Api.Tests.Features.Receivables;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Invoicing;

/// <summary>
/// The invoice list's <c>paymentStatus</c> filter reads the status the database stores beside each invoice's account
/// row (a generated column mirroring <c>ReceivableItem.Status</c>), through one of two plans: the few matching ids first,
/// or the sorted walk when matches are many. Both must list exactly the invoices whose own <c>paymentStatus</c> says so.
/// The <c>overdue</c> filter is checked on the sort indexes' own entries (status and due date are key columns there).
/// </summary>
public sealed class InvoicePaymentStatusFilterTests : ApiTest
{
    private static async Task<List<Guid>> ListAllAsync(HttpClient client, string filter)
    {
        var ids = new List<Guid>();
        string? after = null;
        do
        {
            var response = await client.GetAsync($"/api/v1/invoices?{filter}&limit=1" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            var page = await response.Json();
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            after = page.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (after is not null);
        return ids;
    }

    [Test]
    public async Task Each_payment_status_lists_exactly_its_invoices_whether_its_matches_are_few_or_many()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var today = l.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var unpaidOld = await l.InvoiceAsync(l.Durand, 10, 100m);                      // 120,00 TTC, nothing received
        var partial = await l.InvoiceAsync(l.Durand, 9, 100m);
        var paid = await l.InvoiceAsync(l.Martin, 8, 100m);
        var credited = await l.InvoiceAsync(l.Durand, 7, 100m);
        var unpaidNew = await l.InvoiceAsync(l.Martin, 6, 100m);
        var draft = await SalesFlowTests.Post(l.Admin, "/api/v1/invoices", new
        {
            customerId = l.Durand,
            lines = new[] { new { kind = "Free", description = "Brouillon", quantity = 1m, unitCode = "C62", unitPrice = 10m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        await SalesFlowTests.Post(l.Admin, "/api/v1/payments", PaymentsFlowTests.Receipt(l.Durand, today, 50m, (partial.Id, 50m)), HttpStatusCode.Created);
        var payment = await SalesFlowTests.Post(l.Admin, "/api/v1/payments", PaymentsFlowTests.Receipt(l.Martin, today, 120m, (paid.Id, 120m)), HttpStatusCode.Created);
        await l.CreditNoteAsync(credited.Id, 0, 120m);

        var expected = new Dictionary<string, Guid[]>
        {
            ["Unpaid"] = [unpaidNew.Id, unpaidOld.Id],
            ["PartiallyPaid"] = [partial.Id],
            ["Paid"] = [paid.Id],
            ["Credited"] = [credited.Id],
        };
        foreach (var (status, ids) in expected)
        {
            foreach (var id in ids)
            {
                (await (await l.Admin.GetAsync($"/api/v1/invoices/{id}")).Json()).GetProperty("payment").GetProperty("paymentStatus").GetString().ShouldBe(status);
            }
        }

        // The default plan: a handful of matches, read first by status.
        foreach (var (status, ids) in expected)
        {
            (await ListAllAsync(l.Admin, $"paymentStatus={status}")).Select(g => g.ToString()).ShouldBe(ids.Select(g => g.ToString()), $"{status}, few matches");
        }
        (await ListAllAsync(l.Admin, $"paymentStatus=Unpaid&customerId={l.Martin}")).ShouldBe([unpaidNew.Id]);
        (await ListAllAsync(l.Admin, "paymentStatus=Paid&sort=issueDate")).ShouldBe([paid.Id]);
        (await ListAllAsync(l.Admin, "paymentStatus=Unpaid&sort=issueDate")).ShouldBe([unpaidOld.Id, unpaidNew.Id]);
        (await ListAllAsync(l.Admin, "status=Draft")).ShouldBe([draft.GetProperty("id").GetGuid()], "a draft has no payment status");

        // The other plan: a host that treats every match count as many walks the sorted invoices and asks each account row.
        await using var dense = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(new() { ["Koban:Lists:SparseFilterLimit"] = "0" }));
        var admin = await SignInAsync(l.Company.AdminEmail, Password, dense);
        foreach (var (status, ids) in expected)
        {
            (await ListAllAsync(admin, $"paymentStatus={status}")).Select(g => g.ToString()).ShouldBe(ids.Select(g => g.ToString()), $"{status}, many matches");
        }
        (await ListAllAsync(admin, "paymentStatus=Unpaid&sort=issueDate")).ShouldBe([unpaidOld.Id, unpaidNew.Id]);

        // A payment cancelled puts the invoice back among the unpaid at once: the stored status follows its row.
        await SalesFlowTests.Post(l.Admin, $"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/cancel", new { reason = "Chèque revenu impayé" });
        (await ListAllAsync(l.Admin, "paymentStatus=Paid")).ShouldBeEmpty();
        (await ListAllAsync(l.Admin, "paymentStatus=Unpaid")).ShouldBe([unpaidNew.Id, paid.Id, unpaidOld.Id]);
    }

    /// <summary>Four validated invoices of the ledger, dated 40, 20, 15 and 12 days ago: one late and unpaid (360,00
    /// TTC), one to be half received, one to be paid, one to be credited in full (120,00 each) — see
    /// <see cref="SettleAsync"/>, run once a test has added its own invoices.</summary>
    private sealed record Mixed((Guid Id, string Number) Late, (Guid Id, string Number) Partial, (Guid Id, string Number) Paid, (Guid Id, string Number) Credited);

    private static async Task<Mixed> MixedInvoicesAsync(ReceivablesTests.Ledger l) => new(
        await l.InvoiceAsync(l.Durand, 40, 300m), await l.InvoiceAsync(l.Martin, 20, 100m),
        await l.InvoiceAsync(l.Durand, 15, 100m), await l.InvoiceAsync(l.Martin, 12, 100m));

    /// <summary>Half of the partial invoice received, the paid one received in full, the credited one credited in full.</summary>
    private static async Task SettleAsync(ReceivablesTests.Ledger l, Mixed m)
    {
        var today = l.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SalesFlowTests.Post(l.Admin, "/api/v1/payments", PaymentsFlowTests.Receipt(l.Martin, today, 60m, (m.Partial.Id, 60m)), HttpStatusCode.Created);
        await SalesFlowTests.Post(l.Admin, "/api/v1/payments", PaymentsFlowTests.Receipt(l.Durand, today, 120m, (m.Paid.Id, 120m)), HttpStatusCode.Created);
        await l.CreditNoteAsync(m.Credited.Id, 0, 120m);
    }

    [Test]
    public async Task The_overdue_filter_lists_every_validated_invoice_past_due_with_something_owed_on_every_sort()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var m = await MixedInvoicesAsync(l);                          // paid and credited: not overdue
        var (late, partial) = (m.Late, m.Partial);
        var yesterday = await l.InvoiceAsync(l.Durand, 1, 50m);       // one day late
        await l.InvoiceAsync(l.Martin, 0, 80m);                       // due today: not late yet
        await SalesFlowTests.Post(l.Admin, "/api/v1/invoices", new
        {
            customerId = l.Durand,
            lines = new[] { new { kind = "Free", description = "Brouillon", quantity = 1m, unitCode = "C62", unitPrice = 10m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        await SettleAsync(l, m);

        // The newest invoices (the draft, the one due today, the paid and credited ones, touched last) come first in the
        // default order: the page walks past them to the late ones.
        (await ListAllAsync(l.Admin, "overdue=true")).ShouldBe([yesterday.Id, partial.Id, late.Id], "newest first by default");
        (await ListAllAsync(l.Admin, "overdue=true&sort=issueDate")).ShouldBe([late.Id, partial.Id, yesterday.Id]);
        (await ListAllAsync(l.Admin, "overdue=true&sort=dueDate")).ShouldBe([late.Id, partial.Id, yesterday.Id]);
        (await ListAllAsync(l.Admin, "overdue=true&sort=-totalIncludingVat")).ShouldBe([late.Id, partial.Id, yesterday.Id]);
        (await ListAllAsync(l.Admin, $"overdue=true&customerId={l.Durand}")).ShouldBe([yesterday.Id, late.Id]);
        (await ListAllAsync(l.Admin, "overdue=true&paymentStatus=PartiallyPaid")).ShouldBe([partial.Id]);
        (await ListAllAsync(l.Admin, "status=Validated")).Count.ShouldBe(6, "the status filter on the same index keeps every validated invoice");
    }

    [Test]
    public async Task Every_list_row_shows_the_customer_amount_due_lateness_payment_status_and_dispute_its_invoice_shows()
    {
        var l = await ReceivablesTests.LedgerAsync();
        var m = await MixedInvoicesAsync(l);
        var (late, partial, paid, credited) = (m.Late, m.Partial, m.Paid, m.Credited);
        var disputed = await l.InvoiceAsync(l.Durand, 3, 50m);
        var current = await l.InvoiceAsync(l.Martin, 0, 80m);           // due today: not late
        var draft = await SalesFlowTests.Post(l.Admin, "/api/v1/invoices", new
        {
            customerId = l.Durand,
            lines = new[] { new { kind = "Free", description = "Brouillon", quantity = 2m, unitCode = "C62", unitPrice = 10.5m, vatRate = 20m, nature = "Service" } },
        }, HttpStatusCode.Created);
        await SettleAsync(l, m);
        await SalesFlowTests.Post(l.Admin, $"/api/v1/invoices/{disputed.Id}/dispute", new { reason = "Livraison incomplète" });

        var rows = (await (await l.Admin.GetAsync("/api/v1/invoices?limit=100")).Json()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetGuid());
        var ids = new[] { late.Id, partial.Id, paid.Id, credited.Id, disputed.Id, current.Id, draft.GetProperty("id").GetGuid() };
        rows.Keys.ShouldBe(ids, ignoreOrder: true);
        foreach (var id in ids)
        {
            var row = rows[id];
            var invoice = await (await l.Admin.GetAsync($"/api/v1/invoices/{id}")).Json();
            var payment = invoice.GetProperty("payment");
            var shown = (row.GetProperty("customerName").GetString(), row.GetProperty("amountDue").GetDecimal(), row.GetProperty("isOverdue").GetBoolean(),
                row.GetProperty("paymentStatus").ValueKind == JsonValueKind.Null ? null : row.GetProperty("paymentStatus").GetString(), row.GetProperty("disputed").GetBoolean());
            var read = (invoice.GetProperty("customerName").GetString(), invoice.GetProperty("amountDue").GetDecimal(), invoice.GetProperty("isOverdue").GetBoolean(),
                payment.ValueKind == JsonValueKind.Null ? null : payment.GetProperty("paymentStatus").GetString(),
                payment.ValueKind != JsonValueKind.Null && payment.GetProperty("disputed").GetBoolean());
            shown.ShouldBe(read, $"invoice {invoice.GetProperty("number")}");
        }

        // And the figures themselves, so that a mistake made in both places is caught too.
        rows[late.Id].GetProperty("amountDue").GetDecimal().ShouldBe(360m);
        rows[late.Id].GetProperty("isOverdue").GetBoolean().ShouldBeTrue();
        rows[partial.Id].GetProperty("amountDue").GetDecimal().ShouldBe(60m);
        rows[partial.Id].GetProperty("paymentStatus").GetString().ShouldBe("PartiallyPaid");
        rows[paid.Id].GetProperty("amountDue").GetDecimal().ShouldBe(0m);
        rows[paid.Id].GetProperty("isOverdue").GetBoolean().ShouldBeFalse();
        rows[credited.Id].GetProperty("paymentStatus").GetString().ShouldBe("Credited");
        rows[disputed.Id].GetProperty("disputed").GetBoolean().ShouldBeTrue();
        rows[disputed.Id].GetProperty("customerName").GetString().ShouldBe("Menuiserie Durand SARL");
        rows[current.Id].GetProperty("isOverdue").GetBoolean().ShouldBeFalse();
        var draftRow = rows[draft.GetProperty("id").GetGuid()];
        draftRow.GetProperty("amountDue").GetDecimal().ShouldBe(25.2m);
        draftRow.GetProperty("paymentStatus").ValueKind.ShouldBe(JsonValueKind.Null);

        // An integration reading with an API key (its company set after the cross-company key look-up) sees the same rows.
        var (key, _, _) = await NewApiKeyAsync(l.Company, "invoices:read");
        async Task<List<string>> RowsAsync(HttpClient client) =>
            [.. (await (await client.GetAsync("/api/v1/invoices?limit=100")).Json()).GetProperty("items").EnumerateArray().Select(i => i.GetRawText())];
        (await RowsAsync(key)).ShouldBe(await RowsAsync(l.Admin));
    }
}
