using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Receivables.Reminders;

namespace Koban.Api.Tests.Features.Reminders;

/// <summary>The reminder job on a fake clock: levels on their day, once each, catching up after days without runs,
/// nothing for disputed or paid invoices, and exactly once per (invoice, level) when two instances run it together.</summary>
[NonParallelizable]
public sealed class ReminderJobTests
{
    private ReminderHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await ReminderHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task A_friendly_reminder_leaves_seven_days_after_the_due_date_once_then_the_formal_notice_after_40_days_without_runs()
    {
        var company = await _host.CompanyAsync();
        var (invoiceId, number, due) = await ReminderHost.InvoiceAsync(company);
        due.ShouldBe(_host.Today.AddDays(30));

        _host.MoveTo(due.AddDays(6));
        await _host.RunAsync();
        (await _host.RemindersAsync(company.Id, invoiceId)).ShouldBeEmpty("6 days late: too early");

        _host.MoveTo(due.AddDays(7));
        await _host.RunAsync();
        await _host.RunAsync(_host.Second);
        var first = (await _host.RemindersAsync(company.Id, invoiceId)).ShouldHaveSingleItem();
        first.Level.ShouldBe(1);
        first.Status.ShouldBe(ReminderStatus.Sent);
        first.DaysLate.ShouldBe(7);
        first.AmountDue.ShouldBe(1200m);
        var mail = (await _host.MailsAsync(company.Id, invoiceId)).ShouldHaveSingleItem("nothing more the same day, whichever instance runs");
        first.OutboxMessageId.ShouldBe(mail.Id);
        mail.To.ShouldBe(["claire@durand.fr"]);
        mail.Subject.ShouldBe($"Rappel : facture {number} échue le {due:dd/MM/yyyy}");
        mail.TextBody.ShouldContain("1 200,00 €");
        mail.TextBody.ShouldContain("(7 jours de retard)");
        mail.TextBody.ShouldContain("Atelier Test SAS");
        mail.Attachments.ShouldHaveSingleItem().FileName.ShouldContain(number);
        mail.Attachments[0].ContentType.ShouldBe("application/pdf");

        _host.MoveTo(due.AddDays(8));
        await _host.RunAsync();
        (await _host.MailsAsync(company.Id, invoiceId)).Count.ShouldBe(1, "level 1 is never sent twice");

        // The job does not run for 40 days: the invoice has passed level 2 (30 days) and level 3 (45 days).
        _host.MoveTo(due.AddDays(48));
        await _host.RunAsync();
        var all = await _host.RemindersAsync(company.Id, invoiceId);
        all.Select(r => (r.Level, r.Status)).ShouldBe([(1, ReminderStatus.Sent), (2, ReminderStatus.Skipped), (3, ReminderStatus.Sent)]);
        all[1].OutboxMessageId.ShouldBeNull();
        var mails = await _host.MailsAsync(company.Id, invoiceId);
        mails.Count.ShouldBe(2, "the firm reminder is skipped, only the formal notice leaves");
        mails[1].Subject.ShouldBe($"Mise en demeure de payer : facture {number}");
        mails[1].TextBody.ShouldContain("taux annuel de 12,15 %");
        mails[1].TextBody.ShouldContain("40 €");

        _host.MoveTo(due.AddDays(200));
        await _host.RunAsync();
        (await _host.MailsAsync(company.Id, invoiceId)).Count.ShouldBe(2, "the sequence is over");
    }

    [Test]
    public async Task An_invoice_never_reminded_gets_only_the_formal_notice_when_the_job_comes_back_late()
    {
        var company = await _host.CompanyAsync();
        var (invoiceId, _, due) = await ReminderHost.InvoiceAsync(company);

        _host.MoveTo(due.AddDays(47));
        await _host.RunAsync();

        (await _host.RemindersAsync(company.Id, invoiceId)).Select(r => (r.Level, r.Status))
            .ShouldBe([(1, ReminderStatus.Skipped), (2, ReminderStatus.Skipped), (3, ReminderStatus.Sent)]);
        (await _host.MailsAsync(company.Id, invoiceId)).ShouldHaveSingleItem().Subject.ShouldStartWith("Mise en demeure");
    }

    [Test]
    public async Task Disputed_and_paid_invoices_get_nothing_a_partly_paid_one_is_reminded_of_what_is_left()
    {
        var company = await _host.CompanyAsync();
        var disputed = await ReminderHost.InvoiceAsync(company);
        var paid = await ReminderHost.InvoiceAsync(company);
        var partly = await ReminderHost.InvoiceAsync(company);
        await _host.DisputeAsync(company.Id, disputed.Id, true);
        await _host.PayAsync(company.Id, company.CustomerId, paid.Id, 1200m, _host.Today);
        await _host.PayAsync(company.Id, company.CustomerId, partly.Id, 450.55m, _host.Today);

        _host.MoveTo(disputed.DueDate.AddDays(10));
        await _host.RunAsync();

        (await _host.RemindersAsync(company.Id, disputed.Id)).ShouldBeEmpty();
        (await _host.RemindersAsync(company.Id, paid.Id)).ShouldBeEmpty();
        (await _host.RemindersAsync(company.Id, partly.Id)).ShouldHaveSingleItem().AmountDue.ShouldBe(749.45m);
        (await _host.MailsAsync(company.Id, partly.Id)).ShouldHaveSingleItem().TextBody.ShouldContain("749,45 €");

        await _host.DisputeAsync(company.Id, disputed.Id, false);
        await _host.RunAsync();
        (await _host.RemindersAsync(company.Id, disputed.Id)).ShouldHaveSingleItem().Level.ShouldBe(1, "reminded once the dispute is lifted");
    }

    [Test]
    public async Task A_company_with_reminders_off_sends_nothing()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var invoice = await ReminderHost.InvoiceAsync(company);

        _host.MoveTo(invoice.DueDate.AddDays(60));
        await _host.RunAsync();

        (await _host.RemindersAsync(company.Id, invoice.Id)).ShouldBeEmpty();
    }

    [Test]
    public async Task Two_instances_running_the_job_at_once_send_each_level_of_each_invoice_exactly_once()
    {
        var company = await _host.CompanyAsync();
        var invoices = new List<(Guid Id, string Number, DateOnly DueDate)>();
        for (var i = 0; i < 6; i++) invoices.Add(await ReminderHost.InvoiceAsync(company, 100m + i));

        _host.MoveTo(invoices[0].DueDate.AddDays(31));
        var runs = Enumerable.Range(0, 8).Select(i => Task.Run(() => _host.RunAsync(i % 2 == 0 ? _host.First : _host.Second))).ToList();
        await Task.WhenAll(runs);

        foreach (var invoice in invoices)
        {
            var reminders = await _host.RemindersAsync(company.Id, invoice.Id);
            reminders.Select(r => (r.Level, r.Status)).ShouldBe([(1, ReminderStatus.Skipped), (2, ReminderStatus.Sent)], invoice.Number);
            var mail = (await _host.MailsAsync(company.Id, invoice.Id)).ShouldHaveSingleItem(invoice.Number);
            reminders[1].OutboxMessageId.ShouldBe(mail.Id);
        }
    }

    [Test]
    public async Task Manual_reminders_go_to_the_billing_contact_or_the_given_recipients_and_leave_the_automatic_sequence_alone()
    {
        var company = await _host.CompanyAsync();
        var (invoiceId, number, due) = await ReminderHost.InvoiceAsync(company);
        _host.MoveTo(due.AddDays(3));
        var signedIn = await ApiTestAccess.SignInAsync(company.Company.AdminEmail, ApiTestAccess.AdminPassword, _host.First);

        var sent = await signedIn.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/reminders", new { });
        await sent.ShouldHaveStatus(HttpStatusCode.Created);
        var manual = await sent.Json();
        manual.GetProperty("status").GetString().ShouldBe("Manual");
        manual.GetProperty("level").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        manual.GetProperty("templateLevel").GetInt32().ShouldBe(1);
        manual.GetProperty("recipients").EnumerateArray().Select(e => e.GetString()).ShouldBe(["claire@durand.fr"]);

        var custom = await signedIn.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/reminders",
            new { level = 3, to = new[] { "juridique@durand.fr" }, message = "Dernier rappel pour {invoiceNumber} : {amountDue}." });
        await custom.ShouldHaveStatus(HttpStatusCode.Created);
        var mails = await _host.MailsAsync(company.Id, invoiceId);
        mails.Count.ShouldBe(2);
        mails[1].To.ShouldBe(["juridique@durand.fr"]);
        mails[1].Subject.ShouldBe($"Mise en demeure de payer : facture {number}");
        mails[1].TextBody.ShouldBe($"Dernier rappel pour {number} : 1 200,00 €.");

        var unknown = await signedIn.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/reminders", new { message = "{nope}" });
        (await unknown.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "template_placeholder_unknown")).GetProperty("errors").TryGetProperty("message", out _).ShouldBeTrue();
        var level = await signedIn.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/reminders", new { level = 5 });
        await level.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reminder_level_unknown");

        _host.MoveTo(due.AddDays(7));
        await _host.RunAsync();
        (await _host.RemindersAsync(company.Id, invoiceId)).Count(r => r.Status == ReminderStatus.Sent).ShouldBe(1, "the automatic level 1 still leaves");
        signedIn = await ApiTestAccess.SignInAsync(company.Company.AdminEmail, ApiTestAccess.AdminPassword, _host.First);

        var list = await (await signedIn.GetAsync("/api/v1/reminders?limit=10")).Json();
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ShouldBe(["Sent", "Manual", "Manual"]);
        list.GetProperty("items")[0].GetProperty("invoiceNumber").GetString().ShouldBe(number);
        (await (await signedIn.GetAsync("/api/v1/reminders?status=Manual")).Json()).GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    [Test]
    public async Task Settings_are_off_with_the_defaults_until_saved_and_refuse_bad_sequences()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var admin = company.Company.Admin;

        var initialResponse = await admin.GetAsync("/api/v1/reminders/settings");
        await initialResponse.ShouldHaveStatus(HttpStatusCode.OK);
        var initial = await initialResponse.Json();
        initial.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        initial.GetProperty("configured").GetBoolean().ShouldBeFalse();
        initial.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("daysAfterDue").GetInt32()).ShouldBe([7, 30, 45]);
        initial.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()).ShouldContain("amountDue");
        var neverSaved = initialResponse.Headers.ETag;
        neverSaved!.Tag.ShouldBe("\"0\"");
        Task<HttpResponseMessage> Put(object body, System.Net.Http.Headers.EntityTagHeaderValue? etag) =>
            admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/reminders/settings") { Content = JsonContent.Create(body) }.WithIfMatch(etag));

        var bad = await Put(new
        {
            enabled = true,
            levels = new[] { new { level = 1, name = "A", daysAfterDue = 10, subject = "S", body = "B" }, new { level = 2, name = "B", daysAfterDue = 10, subject = "S", body = "B" } },
        }, neverSaved);
        (await bad.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reminder_level_days_order")).GetProperty("errors").TryGetProperty("levels[1].daysAfterDue", out _).ShouldBeTrue();
        var placeholder = await Put(new
        {
            enabled = true,
            levels = new[] { new { level = 1, name = "A", daysAfterDue = 10, subject = "Facture {number}", body = "B" } },
        }, neverSaved);
        (await placeholder.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "template_placeholder_unknown")).GetProperty("errors").TryGetProperty("levels[0].subject", out _).ShouldBeTrue();

        var one = new
        {
            enabled = true,
            levels = new[] { new { level = 1, name = "Rappel", daysAfterDue = 3, subject = "Facture {invoiceNumber}", body = "Merci de régler {amountDue}." } },
        };
        await (await admin.PutAsJsonAsync("/api/v1/reminders/settings", one)).ShouldBeProblem(HttpStatusCode.PreconditionRequired, "if_match_required");
        var ok = await Put(one, neverSaved);
        await ok.ShouldHaveStatus(HttpStatusCode.OK);
        var savedResponse = await admin.GetAsync("/api/v1/reminders/settings");
        var saved = await savedResponse.Json();
        saved.GetProperty("configured").GetBoolean().ShouldBeTrue();
        saved.GetProperty("levels").GetArrayLength().ShouldBe(1);
        savedResponse.Headers.ETag.ShouldBe(ok.Headers.ETag);

        // somebody who read the settings before that save cannot overwrite it unknowingly
        await (await Put(new { enabled = false, levels = one.levels }, neverSaved)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale_version");
        (await (await admin.GetAsync("/api/v1/reminders/settings")).Json()).GetProperty("enabled").GetBoolean().ShouldBeTrue();
        await (await Put(new { enabled = false, levels = one.levels }, ok.Headers.ETag)).ShouldHaveStatus(HttpStatusCode.OK);

        var viewer = await ApiTestAccess.NewUserAsync(company.Company, "Viewer");
        var forbidden = await viewer.Client.PutAsJsonAsync("/api/v1/reminders/settings", new { enabled = false, levels = Array.Empty<object>() });
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Late_interest_follows_the_outstanding_balance_and_the_fees_are_invoiced_outside_the_scope_of_VAT_to_the_cent()
    {
        var company = await _host.CompanyAsync();
        var (invoiceId, number, due) = await ReminderHost.InvoiceAsync(company);
        await _host.PayAsync(company.Id, company.CustomerId, invoiceId, 400m, due.AddDays(10));
        _host.MoveTo(due.AddDays(30));
        var admin = await ApiTestAccess.SignInAsync(company.Company.AdminEmail, ApiTestAccess.AdminPassword, _host.First);

        // 1 200 € × 12,15 % × 10 / 365 = 3,9945… + 800 € × 12,15 % × 20 / 365 = 5,3260… = 9,3205… → 9,32 €
        var view = await (await admin.GetAsync($"/api/v1/invoices/{invoiceId}/reminders")).Json();
        view.GetProperty("daysLate").GetInt32().ShouldBe(30);
        view.GetProperty("amountDue").GetDecimal().ShouldBe(800m);
        var interest = view.GetProperty("lateInterest");
        interest.GetProperty("interest").GetDecimal().ShouldBe(9.32m);
        interest.GetProperty("indemnity").GetDecimal().ShouldBe(40m);
        interest.GetProperty("total").GetDecimal().ShouldBe(49.32m);
        interest.GetProperty("days").GetInt32().ShouldBe(30);
        interest.GetProperty("annualRate").GetDecimal().ShouldBe(12.15m);
        interest.GetProperty("segments").EnumerateArray().Select(s => (s.GetProperty("days").GetInt32(), s.GetProperty("balance").GetDecimal())).ShouldBe([(10, 1200m), (20, 800m)]);

        var created = await admin.PostAsync($"/api/v1/invoices/{invoiceId}/late-fees", null);
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var fee = await created.Json();
        fee.GetProperty("interest").GetDecimal().ShouldBe(9.32m);
        fee.GetProperty("indemnity").GetDecimal().ShouldBe(40m);
        fee.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(49.32m);
        var feeId = fee.GetProperty("feeInvoiceId").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/invoices/{feeId}");

        var draft = await (await admin.GetAsync($"/api/v1/invoices/{feeId}")).Json();
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        draft.GetProperty("customerId").GetGuid().ShouldBe(company.CustomerId);
        var lines = draft.GetProperty("lines").EnumerateArray().ToList();
        lines.Count.ShouldBe(2);
        lines[0].GetProperty("description").GetString()!.ShouldStartWith(
            $"Intérêts de retard sur la facture {number} du {due.AddDays(1):dd/MM/yyyy} au {due.AddDays(30):dd/MM/yyyy} : 30 jours au taux de 12,15 %");
        lines[0].GetProperty("netAmount").GetDecimal().ShouldBe(9.32m);
        lines[1].GetProperty("description").GetString()!.ShouldStartWith("Indemnité forfaitaire pour frais de recouvrement");
        lines[1].GetProperty("netAmount").GetDecimal().ShouldBe(40m);
        foreach (var line in lines)
        {
            line.GetProperty("vatCategory").GetString().ShouldBe("OutsideScope");
            line.GetProperty("vatRate").GetDecimal().ShouldBe(0m);
            line.GetProperty("description").GetString()!.ShouldContain("Hors champ d'application de la TVA");
        }
        draft.GetProperty("totals").GetProperty("totalVat").GetDecimal().ShouldBe(0m);
        // the invoice charged is cited as such, not as the customer's purchase order
        draft.GetProperty("customerReference").ValueKind.ShouldBe(JsonValueKind.Null);
        draft.GetProperty("headerText").GetString()!.ShouldStartWith($"Pénalités de retard de la facture n° {number} du ");

        // edited as the invoice editor sends it (each line at 0 %, no exemption reason): the lines stay outside the scope of VAT
        var read = await admin.GetAsync($"/api/v1/invoices/{feeId}");
        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/invoices/{feeId}")
        {
            Content = JsonContent.Create(new
            {
                customerId = company.CustomerId,
                customerReference = "Relance 3",
                lines = lines.Select(l => new
                {
                    kind = "Free",
                    description = l.GetProperty("description").GetString(),
                    quantity = 1m,
                    unitPrice = l.GetProperty("unitPrice").GetDecimal(),
                    vatRate = 0m,
                }).ToArray(),
            }),
        }.WithIfMatch(read.Headers.ETag);
        var edited = await admin.SendAsync(edit);
        await edited.ShouldHaveStatus(HttpStatusCode.OK);
        var editedLines = (await edited.Json()).GetProperty("lines").EnumerateArray().ToList();
        editedLines.Select(l => l.GetProperty("vatCategory").GetString()).ShouldBe(["OutsideScope", "OutsideScope"]);
        editedLines.Sum(l => l.GetProperty("netAmount").GetDecimal()).ShouldBe(49.32m);

        var validated = await admin.PostAsJsonAsync($"/api/v1/invoices/{feeId}/validate", new { });
        await validated.ShouldHaveStatus(HttpStatusCode.OK);
        var notes = (await validated.Json()).GetProperty("snapshot").GetProperty("legalNotes").EnumerateArray().Select(n => n.GetString()).ToList();
        notes.ShouldContain("Hors champ d'application de la TVA");
        notes.ShouldNotContain("TVA non applicable, article 259-1 du CGI");
        // (the editor's PUT above replaced the header text and set the customer's own reference)
        var pdf = Koban.Pdf.Tests.PdfText.Flat(Koban.Pdf.Tests.PdfText.All(await admin.GetByteArrayAsync($"/api/v1/invoices/{feeId}/pdf")));
        pdf.ShouldNotContain($"(bon de commande) : {number}");

        // interest is financial income (7638), the indemnity 7588: not revenue, and nothing for the VAT return (a customer
        // reference sent by the editor is the customer's own and does not change that)
        var entry = (await (await admin.GetAsync($"/api/v1/accounting/entries?sourceId={feeId}")).Json()).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("source").GetString() == "Invoice");
        var posted = entry.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("account").GetString()!, l => l.GetProperty("credit").GetDecimal() - l.GetProperty("debit").GetDecimal());
        posted["763800"].ShouldBe(9.32m);
        posted["758800"].ShouldBe(40m);
        posted.Keys.ShouldNotContain(k => k.StartsWith("70", StringComparison.Ordinal));

        var again = await admin.PostAsync($"/api/v1/invoices/{invoiceId}/late-fees", null);
        await again.ShouldBeProblem(HttpStatusCode.Conflict, "late_fees_nothing_to_invoice");
        var after = await (await admin.GetAsync($"/api/v1/invoices/{invoiceId}/reminders")).Json();
        after.GetProperty("lateInterest").GetProperty("interestAlreadyInvoiced").GetDecimal().ShouldBe(9.32m);
        after.GetProperty("lateInterest").GetProperty("indemnityAlreadyInvoiced").GetBoolean().ShouldBeTrue();

        // Ten days later only those ten days are invoiced, on 800 €: 800 × 12,15 % × 10 / 365 = 2,6630… → 2,66 €
        _host.MoveTo(due.AddDays(40));
        admin = await ApiTestAccess.SignInAsync(company.Company.AdminEmail, ApiTestAccess.AdminPassword, _host.First);
        var second = await (await admin.PostAsync($"/api/v1/invoices/{invoiceId}/late-fees", null)).Json();
        second.GetProperty("interest").GetDecimal().ShouldBe(2.66m);
        second.GetProperty("indemnity").GetDecimal().ShouldBe(0m);
        second.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(2.66m);
    }

    [Test]
    public async Task Individuals_owe_no_late_fees()
    {
        var company = await _host.CompanyAsync(customer: new
        {
            kind = "Individual",
            name = "Jeanne Petit",
            countryCode = "FR",
            billingAddress = new { line1 = "2 rue des Lilas", postalCode = "69003", city = "Lyon", countryCode = "FR" },
            contacts = new[] { new { firstName = "Jeanne", lastName = "Petit", email = "jeanne@petit.fr" } },
        });
        var (invoiceId, _, due) = await ReminderHost.InvoiceAsync(company);
        _host.MoveTo(due.AddDays(20));
        var admin = await ApiTestAccess.SignInAsync(company.Company.AdminEmail, ApiTestAccess.AdminPassword, _host.First);

        var view = await (await admin.GetAsync($"/api/v1/invoices/{invoiceId}/reminders")).Json();
        view.GetProperty("lateInterest").GetProperty("total").GetDecimal().ShouldBe(0m);
        view.GetProperty("lateInterest").GetProperty("businessCustomer").GetBoolean().ShouldBeFalse();
        await (await admin.PostAsync($"/api/v1/invoices/{invoiceId}/late-fees", null)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "late_fees_business_only");

        await _host.RunAsync();
        var mail = (await _host.MailsAsync(company.Id, invoiceId)).ShouldHaveSingleItem();
        mail.To.ShouldBe(["jeanne@petit.fr"]);
        mail.TextBody.ShouldNotContain("pénalités");
        _ = CustomerTests.Business();
    }

    [Test]
    public async Task A_receipt_identified_or_allocated_later_stops_late_interest_on_the_day_the_money_arrived()
    {
        var company = await _host.CompanyAsync();
        var (identifiedId, _, due) = await ReminderHost.InvoiceAsync(company);
        var (allocatedId, _, _) = await ReminderHost.InvoiceAsync(company);
        var arrived = due.AddDays(10);
        var day = arrived.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        _host.MoveTo(arrived);
        var admin = await ApiTestAccess.SignInAsync(company.Company.AdminEmail, ApiTestAccess.AdminPassword, _host.First);
        // the money of both invoices arrives 10 days late: one transfer nobody recognises yet (471), one from the customer, not allocated
        var unknown = await Sales.SalesFlowTests.Post(admin, "/api/v1/payments", Payments.PaymentsFlowTests.Receipt(null, day, 1200m), HttpStatusCode.Created);
        var onAccount = await Sales.SalesFlowTests.Post(admin, "/api/v1/payments", Payments.PaymentsFlowTests.Receipt(company.CustomerId, day, 1200m), HttpStatusCode.Created);

        _host.MoveTo(due.AddDays(40));
        admin = await ApiTestAccess.SignInAsync(company.Company.AdminEmail, ApiTestAccess.AdminPassword, _host.First);
        await Sales.SalesFlowTests.Post(admin, $"/api/v1/payments/{unknown.GetProperty("id").GetGuid()}/identify",
            new { customerId = company.CustomerId, allocations = new[] { new { invoiceId = identifiedId, amount = 1200m } } });
        await Sales.SalesFlowTests.Post(admin, $"/api/v1/payments/{onAccount.GetProperty("id").GetGuid()}/allocations",
            new { allocations = new[] { new { invoiceId = allocatedId, amount = 1200m } } });

        foreach (var invoiceId in new[] { identifiedId, allocatedId })
        {
            // 1 200 € × 12,15 % × 10 / 365 = 3,9945… → 3,99 €: 10 days, not the 40 until the money was matched
            var interest = (await (await admin.GetAsync($"/api/v1/invoices/{invoiceId}/reminders")).Json()).GetProperty("lateInterest");
            interest.GetProperty("segments").EnumerateArray().Select(s => (s.GetProperty("days").GetInt32(), s.GetProperty("balance").GetDecimal())).ShouldBe([(10, 1200m)]);
            interest.GetProperty("interest").GetDecimal().ShouldBe(3.99m);
        }
    }
}
