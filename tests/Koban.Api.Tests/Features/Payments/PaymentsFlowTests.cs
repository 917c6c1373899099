using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Features.Invoicing;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Payments;

public sealed class PaymentsFlowTests : ApiTest
{
    internal sealed record Invoiced(TestCompany Company, Guid CustomerId, Guid DepositId, Guid BalanceId, string Today);

    /// <summary>The worked example of the invoicing issue: deposit FA-…-00001 (524,12 €) and balance FA-…-00002 (1 222,96 €).</summary>
    internal static async Task<Invoiced> DepositAndBalanceAsync()
    {
        var b = await InvoicingFlowTests.ValidatedOrderAsync();
        var admin = b.Catalog.Company.Admin;
        var deposit = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Deposit", percentage = 30m }, HttpStatusCode.Created);
        deposit = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{deposit.GetProperty("id").GetGuid()}/validate");
        var balance = await SalesFlowTests.Post(admin, "/api/v1/invoices/from-order", new { orderId = b.OrderId, kind = "Balance" }, HttpStatusCode.Created);
        balance = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{balance.GetProperty("id").GetGuid()}/validate");
        return new Invoiced(b.Catalog.Company, b.Catalog.CustomerId, deposit.GetProperty("id").GetGuid(), balance.GetProperty("id").GetGuid(),
            deposit.GetProperty("issueDate").GetString()!);
    }

    internal static object Receipt(Guid? customerId, string date, decimal amount, params (Guid Invoice, decimal Amount)[] allocations) => new
    {
        direction = "Receipt",
        customerId,
        date,
        amount,
        method = "BankTransfer",
        reference = $"VIR-{Guid.NewGuid():N}"[..16],
        bankAccountCode = "BANK",
        allocations = allocations.Select(a => new { invoiceId = a.Invoice, amount = a.Amount }).ToArray(),
    };

    private static async Task<JsonElement> Payments(HttpClient client, Guid invoiceId) => await (await client.GetAsync($"/api/v1/invoices/{invoiceId}/payments")).Json();

    private static async Task<JsonElement> Vat(HttpClient client, string today) =>
        await (await client.GetAsync($"/api/v1/accounting/vat-summary?from={today[..8]}01&to={today}")).Json();

    [Test]
    public async Task A_payment_spread_over_two_invoices_settles_the_oldest_leaves_credit_and_makes_the_VAT_on_services_due_only_when_paid()
    {
        var x = await DepositAndBalanceAsync();
        var admin = x.Company.Admin;

        var account = await (await admin.GetAsync($"/api/v1/customers/{x.CustomerId}/account")).Json();
        account.GetProperty("totalOutstanding").GetDecimal().ShouldBe(1747.08m);
        account.GetProperty("openInvoices").EnumerateArray().Select(i => i.GetProperty("invoiceId").GetGuid()).ShouldBe([x.DepositId, x.BalanceId]);

        var vatBefore = await Vat(admin, x.Today);
        vatBefore.GetProperty("totalVat").GetDecimal().ShouldBeLessThan(291.18m, "the deposit's VAT and the services' VAT wait for payment");
        vatBefore.GetProperty("pendingVatAtEnd").GetDecimal().ShouldBe(291.18m - vatBefore.GetProperty("totalVat").GetDecimal());

        var payment = await SalesFlowTests.Post(admin, "/api/v1/payments", Receipt(x.CustomerId, x.Today, 1500m, (x.DepositId, 524.12m), (x.BalanceId, 800m)), HttpStatusCode.Created);
        payment.GetProperty("allocated").GetDecimal().ShouldBe(1324.12m);
        payment.GetProperty("unallocated").GetDecimal().ShouldBe(175.88m);
        var deposit = await Payments(admin, x.DepositId);
        deposit.GetProperty("paymentStatus").GetString().ShouldBe("Paid");
        deposit.GetProperty("outstanding").GetDecimal().ShouldBe(0m);
        var balance = await Payments(admin, x.BalanceId);
        balance.GetProperty("paymentStatus").GetString().ShouldBe("PartiallyPaid");
        balance.GetProperty("outstanding").GetDecimal().ShouldBe(422.96m);
        (await (await admin.GetAsync($"/api/v1/invoices/{x.BalanceId}")).Json()).GetProperty("amountDue").GetDecimal().ShouldBe(422.96m);

        // More than the invoice still owes: refused, naming the field, and nothing written.
        var paymentId = payment.GetProperty("id").GetGuid();
        var tooMuch = await admin.PostAsJsonAsync($"/api/v1/payments/{paymentId}/allocations", new { allocations = new[] { new { invoiceId = x.BalanceId, amount = 500m } } });
        var problem = await tooMuch.ShouldBeProblem(HttpStatusCode.Conflict, "allocation_exceeds_outstanding");
        problem.GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("allocations[0].amount");
        (await Payments(admin, x.BalanceId)).GetProperty("outstanding").GetDecimal().ShouldBe(422.96m);

        var credit = await (await admin.GetAsync($"/api/v1/customers/{x.CustomerId}/account")).Json();
        credit.GetProperty("availableCredit").GetDecimal().ShouldBe(175.88m);
        credit.GetProperty("balance").GetDecimal().ShouldBe(422.96m - 175.88m);

        await SalesFlowTests.Post(admin, $"/api/v1/payments/{paymentId}/allocations", new { allocations = new[] { new { invoiceId = x.BalanceId, amount = 175.88m } } });
        var rest = await SalesFlowTests.Post(admin, "/api/v1/payments", Receipt(x.CustomerId, x.Today, 247.08m, (x.BalanceId, 247.08m)), HttpStatusCode.Created);
        (await Payments(admin, x.BalanceId)).GetProperty("paymentStatus").GetString().ShouldBe("Paid");

        var vatPaid = await Vat(admin, x.Today);
        vatPaid.GetProperty("totalVat").GetDecimal().ShouldBe(291.18m, "once everything is paid, all of the order's VAT is due");
        vatPaid.GetProperty("pendingVatAtEnd").GetDecimal().ShouldBe(0m);
        var row = vatPaid.GetProperty("rows").EnumerateArray().Single();
        row.GetProperty("rate").GetDecimal().ShouldBe(20m);
        row.GetProperty("base").GetDecimal().ShouldBe(1455.90m);

        // Every entry is balanced, and the bank entry splits the customer credit per invoice for lettering.
        var entries = await (await admin.GetAsync("/api/v1/accounting/entries?limit=100")).Json();
        foreach (var entry in entries.GetProperty("items").EnumerateArray())
        {
            var lines = entry.GetProperty("lines").EnumerateArray().ToList();
            lines.Sum(l => l.GetProperty("debit").GetDecimal()).ShouldBe(lines.Sum(l => l.GetProperty("credit").GetDecimal()), entry.GetProperty("label").GetString());
        }
        var bank = entries.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("sourceId").GetGuid() == paymentId && e.GetProperty("source").GetString() == "Receipt");
        bank.GetProperty("journalCode").GetString().ShouldBe("BQ");
        bank.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("account").GetString() == "411000").Select(l => l.GetProperty("credit").GetDecimal())
            .ShouldBe([524.12m, 800m, 175.88m], ignoreOrder: true);

        // Cancelling the first payment (entered by mistake) puts its amounts back on the invoices and reverses its entries.
        await SalesFlowTests.Post(admin, $"/api/v1/payments/{paymentId}/cancel", new { reason = "Saisi sur le mauvais client" });
        (await Payments(admin, x.DepositId)).GetProperty("outstanding").GetDecimal().ShouldBe(524.12m);
        (await Payments(admin, x.BalanceId)).GetProperty("outstanding").GetDecimal().ShouldBe(975.88m);
        var cancelled = await (await admin.GetAsync($"/api/v1/payments/{paymentId}")).Json();
        cancelled.GetProperty("state").GetString().ShouldBe("Cancelled");
        cancelled.GetProperty("allocations").EnumerateArray().ShouldAllBe(a => !a.GetProperty("active").GetBoolean());
        var again = await admin.PostAsJsonAsync($"/api/v1/payments/{paymentId}/cancel", new { reason = "encore" });
        await again.ShouldBeProblem(HttpStatusCode.Conflict, "payment_cancelled");
        var vatAfterCancel = await Vat(admin, x.Today);
        vatAfterCancel.GetProperty("totalVat").GetDecimal().ShouldBeLessThan(291.18m);
        (vatAfterCancel.GetProperty("totalVat").GetDecimal() + vatAfterCancel.GetProperty("pendingVatAtEnd").GetDecimal()).ShouldBe(291.18m);
        rest.GetProperty("state").GetString().ShouldBe("Active");
    }

    [Test]
    public async Task A_disputed_invoice_stays_owed_and_a_small_rest_is_written_off_within_the_limit_only()
    {
        var x = await DepositAndBalanceAsync();
        var admin = x.Company.Admin;

        var noReason = await admin.PostAsJsonAsync($"/api/v1/invoices/{x.BalanceId}/dispute", new { reason = " " });
        await noReason.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "dispute_reason_required");
        var disputed = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{x.BalanceId}/dispute", new { reason = "Quantité contestée" });
        disputed.GetProperty("disputed").GetBoolean().ShouldBeTrue();
        var list = await (await admin.GetAsync($"/api/v1/invoices?customerId={x.CustomerId}")).Json();
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == x.BalanceId).GetProperty("disputed").GetBoolean().ShouldBeTrue();
        (await (await admin.DeleteAsync($"/api/v1/invoices/{x.BalanceId}/dispute")).Json()).GetProperty("disputed").GetBoolean().ShouldBeFalse();

        await SalesFlowTests.Post(admin, "/api/v1/payments", Receipt(x.CustomerId, x.Today, 1212.96m, (x.BalanceId, 1212.96m)), HttpStatusCode.Created);
        var tooBig = await admin.PostAsJsonAsync($"/api/v1/invoices/{x.BalanceId}/write-off", new { });
        await tooBig.ShouldBeProblem(HttpStatusCode.Conflict, "write_off_beyond_limit"); // 10,00 € left, limit 5,00 €
        await SalesFlowTests.Post(admin, "/api/v1/payments", Receipt(x.CustomerId, x.Today, 7m, (x.BalanceId, 7m)), HttpStatusCode.Created);
        var written = await SalesFlowTests.Post(admin, $"/api/v1/invoices/{x.BalanceId}/write-off", new { });
        written.GetProperty("paymentStatus").GetString().ShouldBe("Paid");
        written.GetProperty("settlements").EnumerateArray().Last().GetProperty("kind").GetString().ShouldBe("WriteOff");
        var entries = await (await admin.GetAsync($"/api/v1/accounting/entries?journal=OD&limit=50")).Json();
        entries.GetProperty("items").EnumerateArray().SelectMany(e => e.GetProperty("lines").EnumerateArray())
            .Single(l => l.GetProperty("account").GetString() == "658000").GetProperty("debit").GetDecimal().ShouldBe(3m);
        (await (await admin.GetAsync($"/api/v1/invoices?paymentStatus=Paid&customerId={x.CustomerId}")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Test]
    public async Task An_unidentified_receipt_waits_on_471_until_its_customer_is_known_and_a_credit_note_rest_is_refunded()
    {
        var x = await DepositAndBalanceAsync();
        var admin = x.Company.Admin;

        var unknown = await SalesFlowTests.Post(admin, "/api/v1/payments", Receipt(null, x.Today, 524.12m), HttpStatusCode.Created);
        var id = unknown.GetProperty("id").GetGuid();
        var allocateUnknown = await admin.PostAsJsonAsync($"/api/v1/payments/{id}/allocations", new { allocations = new[] { new { invoiceId = x.DepositId, amount = 1m } } });
        await allocateUnknown.ShouldBeProblem(HttpStatusCode.Conflict, "payment_unidentified");
        var waiting = await (await admin.GetAsync("/api/v1/payments?unidentified=true")).Json();
        waiting.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldBe([id]);

        var identified = await SalesFlowTests.Post(admin, $"/api/v1/payments/{id}/identify", new { customerId = x.CustomerId, allocations = new[] { new { invoiceId = x.DepositId, amount = 524.12m } } });
        identified.GetProperty("customerId").GetGuid().ShouldBe(x.CustomerId);
        (await Payments(admin, x.DepositId)).GetProperty("paymentStatus").GetString().ShouldBe("Paid");
        var od = await (await admin.GetAsync($"/api/v1/accounting/entries?sourceId={id}")).Json();
        od.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("source").GetString() == "ReceiptIdentified")
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("account").GetString() == "471000").GetProperty("debit").GetDecimal().ShouldBe(524.12m);

        // A full credit note on the paid deposit: nothing left to settle on it, so all of it is the customer's credit, refunded.
        var note = await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new { invoiceId = x.DepositId, reason = "CommercialDiscount", mode = "Full" }, HttpStatusCode.Created);
        note = await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{note.GetProperty("id").GetGuid()}/validate");
        var account = await (await admin.GetAsync($"/api/v1/customers/{x.CustomerId}/account")).Json();
        account.GetProperty("credits").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "CreditNote").GetProperty("available").GetDecimal().ShouldBe(524.12m);
        var tooMuch = await admin.PostAsJsonAsync($"/api/v1/credit-notes/{note.GetProperty("id").GetGuid()}/refund",
            new { date = x.Today, method = "BankTransfer", bankAccountCode = "BANK", amount = 600m });
        await tooMuch.ShouldBeProblem(HttpStatusCode.Conflict, "refund_beyond_credit");
        var refund = await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{note.GetProperty("id").GetGuid()}/refund",
            new { date = x.Today, method = "BankTransfer", bankAccountCode = "BANK" }, HttpStatusCode.Created);
        refund.GetProperty("direction").GetString().ShouldBe("Refund");
        refund.GetProperty("amount").GetDecimal().ShouldBe(524.12m);
        (await (await admin.GetAsync($"/api/v1/customers/{x.CustomerId}/account")).Json()).GetProperty("availableCredit").GetDecimal().ShouldBe(0m);
    }

    [Test]
    public async Task Bad_payments_are_refused_naming_the_field_and_leave_nothing_behind()
    {
        var x = await DepositAndBalanceAsync();
        var admin = x.Company.Admin;
        var future = DateOnly.Parse(x.Today, System.Globalization.CultureInfo.InvariantCulture).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await (await admin.PostAsJsonAsync("/api/v1/payments", Receipt(x.CustomerId, future, 10m))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "payment_date_in_future");
        var badBank = await admin.PostAsJsonAsync("/api/v1/payments", new { direction = "Receipt", customerId = x.CustomerId, date = x.Today, amount = 10m, method = "Cheque", bankAccountCode = "NOPE" });
        (await badBank.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "bank_account_unknown")).GetProperty("errors").TryGetProperty("bankAccountCode", out _).ShouldBeTrue();
        var overpaid = await admin.PostAsJsonAsync("/api/v1/payments", Receipt(x.CustomerId, x.Today, 2000m, (x.DepositId, 524.12m), (x.BalanceId, 1300m)));
        (await overpaid.ShouldBeProblem(HttpStatusCode.Conflict, "allocation_exceeds_outstanding")).GetProperty("errors").TryGetProperty("allocations[1].amount", out _).ShouldBeTrue();
        var beyondPayment = await admin.PostAsJsonAsync("/api/v1/payments", Receipt(x.CustomerId, x.Today, 100m, (x.DepositId, 524.12m)));
        await beyondPayment.ShouldBeProblem(HttpStatusCode.Conflict, "allocation_exceeds_available");
        var precise = await admin.PostAsJsonAsync("/api/v1/payments", Receipt(x.CustomerId, x.Today, 10.005m));
        (await precise.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("amount", out _).ShouldBeTrue();

        (await (await admin.GetAsync("/api/v1/payments")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0, "a refused request writes nothing");
        (await Payments(admin, x.DepositId)).GetProperty("outstanding").GetDecimal().ShouldBe(524.12m);
        var entries = await (await admin.GetAsync("/api/v1/accounting/entries?journal=BQ")).Json();
        entries.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task Parallel_payments_through_two_API_instances_on_one_database_never_over_pay_an_invoice()
    {
        var x = await DepositAndBalanceAsync();
        await using var second = new ApiFactory(Factory.Database, new Dictionary<string, string?> { ["Koban:Database:Migrate"] = "false" });
        var clients = new[] { x.Company.Admin, await SignInAsync(x.Company.AdminEmail, Password, second) };

        // Twelve receipts of 200 € each race for the balance invoice (1 222,96 €): at most six fit.
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            clients[i % 2].PostAsJsonAsync("/api/v1/payments", Receipt(x.CustomerId, x.Today, 200m, (x.BalanceId, 200m)))));
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.ShouldBeProblem(HttpStatusCode.Conflict, "allocation_exceeds_outstanding");
        created.ShouldBe(6);
        var balance = await Payments(x.Company.Admin, x.BalanceId);
        balance.GetProperty("outstanding").GetDecimal().ShouldBe(22.96m);
        balance.GetProperty("settlements").EnumerateArray().Sum(s => s.GetProperty("amount").GetDecimal()).ShouldBe(1200m);
        (await (await x.Company.Admin.GetAsync("/api/v1/payments?limit=50")).Json()).GetProperty("items").GetArrayLength().ShouldBe(6, "the refused payments left nothing behind");
    }
}
