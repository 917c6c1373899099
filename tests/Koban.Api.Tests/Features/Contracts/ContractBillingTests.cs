using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Features.Contracts;
using Koban.Api.Tests.Features.Reminders;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Contracts;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContractEntity = Koban.Domain.Contracts.Contract;

namespace Koban.Api.Tests.Features.Contracts;

/// <summary>
/// The contract billing run on a fake clock, on two API instances sharing one database: due periods billed once with
/// their service dates, catch-up after days without runs, renewal with the next term's prices, ValidateAndSend, the
/// notice reminder, a deleted draft billed again, and the manual trigger's rights and company walls.
/// </summary>
[NonParallelizable]
public sealed class ContractBillingTests
{
    private ReminderHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await ReminderHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task A_monthly_contract_in_advance_started_three_months_ago_gets_four_invoices_once_then_catches_up_after_40_days()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var today = _host.Today;
        var start = today.AddMonths(-3);
        var contractId = await ContractAsync(company, start, ContractPeriodicity.Monthly, BillingTiming.InAdvance, price: 49m);
        var expected = ContractPeriods.OfTerm(start, 12, ContractPeriodicity.Monthly, BillingTiming.InAdvance);

        await _host.Services().RunAsync();

        var periods = await PeriodRowsAsync(company.Id, contractId);
        periods.Select(p => (p.PeriodStart, p.PeriodEnd)).ShouldBe(expected.Take(4).Select(p => (p.Start, p.End)));
        periods.ShouldAllBe(p => p.AmountExcludingVat == 49m && p.ProRataFactor == 1m && p.InvoiceId != null && p.TermNumber == 1);
        foreach (var (row, period) in periods.Zip(expected))
        {
            var invoice = await (await company.Company.Admin.GetAsync($"/api/v1/invoices/{row.InvoiceId}")).Json();
            invoice.GetProperty("status").GetString().ShouldBe("Draft");
            invoice.GetProperty("kind").GetString().ShouldBe("Direct");
            invoice.GetProperty("customerId").GetGuid().ShouldBe(company.CustomerId);
            invoice.GetProperty("headerText").GetString().ShouldBe($"Contrat CT-00001 — période du {period.Start:dd/MM/yyyy} au {period.End:dd/MM/yyyy}");
            invoice.GetProperty("totals").GetProperty("totalIncludingVat").GetDecimal().ShouldBe(58.80m);
            var line = invoice.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
            line.GetProperty("netAmount").GetDecimal().ShouldBe(49m);
            var service = line.GetProperty("servicePeriod");
            DateOnly.Parse(service.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(period.Start);
            DateOnly.Parse(service.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(period.End);
        }

        await _host.Services().RunAsync();
        await _host.Services(_host.Second).RunAsync();
        (await PeriodRowsAsync(company.Id, contractId)).Count.ShouldBe(4, "a second run, on either instance, bills nothing more");
        (await InvoiceCountAsync(company)).ShouldBe(4);

        // The job does not run for 40 days: the periods whose billing date came meanwhile are billed by the next run.
        var later = today.AddDays(40);
        _host.MoveTo(later);
        var missing = ContractPeriods.DueBy(expected, later).Count - 4;
        missing.ShouldBeGreaterThan(0);
        await _host.Services().RunAsync();
        (await PeriodRowsAsync(company.Id, contractId)).Count.ShouldBe(4 + missing);
        var listed = await ListPeriodsAsync(company.Id, contractId);
        listed.Count.ShouldBe(12);
        listed.Count(p => p.State == ContractPeriodState.Invoiced).ShouldBe(4 + missing);
        listed.ShouldNotContain(p => p.State == ContractPeriodState.Due);
        listed.Where(p => p.State == ContractPeriodState.Upcoming).ShouldAllBe(p => p.AmountExcludingVat == 49m && p.InvoiceId == null);
        listed.Where(p => p.State == ContractPeriodState.Invoiced).ShouldAllBe(p => p.InvoiceStatus == BillingStatus.Draft && p.InvoiceTotalIncludingVat == 58.80m);
    }

    [Test]
    public async Task Two_instances_running_at_once_bill_each_period_exactly_once()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var start = _host.Today.AddMonths(-5);
        var contractId = await ContractAsync(company, start, ContractPeriodicity.Monthly, BillingTiming.InArrears, price: 120m);
        var due = ContractPeriods.DueBy(ContractPeriods.OfTerm(start, 12, ContractPeriodicity.Monthly, BillingTiming.InArrears), _host.Today);

        var runs = Enumerable.Range(0, 6).Select(i => Task.Run(() => _host.Services(i % 2 == 0 ? _host.First : _host.Second).RunAsync())).ToList();
        await Task.WhenAll(runs);

        var rows = await PeriodRowsAsync(company.Id, contractId);
        rows.Select(r => r.PeriodStart).ShouldBe(due.Select(p => p.Start));
        (await InvoiceCountAsync(company)).ShouldBe(due.Count, "never two invoices for one period");
    }

    [Test]
    public async Task A_yearly_contract_in_arrears_is_billed_after_its_year_then_renewed_tacitly_with_revised_prices()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var start = _host.Today.AddMonths(-12).AddDays(-1);
        var contractId = await ContractAsync(company, start, ContractPeriodicity.Yearly, BillingTiming.InArrears, price: 1200m,
            revision: new ContractRevisionClause(RevisionKind.Percentage, 2m));

        await _host.Services().RunAsync();

        var row = (await PeriodRowsAsync(company.Id, contractId)).ShouldHaveSingleItem();
        (row.PeriodStart, row.PeriodEnd, row.BillingDate, row.AmountExcludingVat).ShouldBe((start, start.AddMonths(12).AddDays(-1), start.AddMonths(12), 1200m));
        var contract = await ContractReadAsync(company.Id, contractId);
        contract.TermNumber.ShouldBe(2, "the term end passed: renewed tacitly");
        contract.CurrentTermStart.ShouldBe(start.AddMonths(12));
        contract.Lines.ShouldHaveSingleItem().UnitPrice.ShouldBe(1224m, "+2 % at renewal");

        // A year later the second term's period is billed at the revised price.
        _host.MoveTo(start.AddMonths(24).AddDays(1));
        await _host.Services().RunAsync();
        var rows = await PeriodRowsAsync(company.Id, contractId);
        rows.Select(r => (r.TermNumber, r.AmountExcludingVat)).ShouldBe([(1, 1200m), (2, 1224m)]);
        (await ContractReadAsync(company.Id, contractId)).TermNumber.ShouldBe(3);
    }

    [Test]
    public async Task With_validate_and_send_the_invoices_are_numbered_in_sequence_and_emailed_to_the_billing_contact()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var admin = company.Company.Admin;
        var read = await admin.GetAsync("/api/v1/contracts/billing-settings");
        await read.ShouldHaveStatus(HttpStatusCode.OK);
        var defaults = await read.Json();
        (defaults.GetProperty("invoicing").GetString(), defaults.GetProperty("noticeReminderDays").GetInt32(), defaults.GetProperty("configured").GetBoolean())
            .ShouldBe(("Draft", 30, false));
        var put = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/contracts/billing-settings")
        {
            Content = JsonContent.Create(new { invoicing = "ValidateAndSend", noticeReminderDays = 30 }),
        }.WithIfMatch(read.Headers.ETag));
        await put.ShouldHaveStatus(HttpStatusCode.OK);
        (await put.Json()).GetProperty("configured").GetBoolean().ShouldBeTrue();
        var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/contracts/billing-settings")
        {
            Content = JsonContent.Create(new { invoicing = "Draft", noticeReminderDays = 30 }),
        }.WithIfMatch(read.Headers.ETag));
        await stale.ShouldHaveStatus(HttpStatusCode.PreconditionFailed);

        var contractId = await ContractAsync(company, _host.Today.AddMonths(-1), ContractPeriodicity.Monthly, BillingTiming.InAdvance, price: 49m);
        var response = await admin.PostAsync($"/api/v1/contracts/{contractId}/invoice-due-periods", null);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var billed = (await response.Json()).EnumerateArray().ToList();

        billed.Count.ShouldBe(2);
        billed.ShouldAllBe(b => b.GetProperty("invoiceStatus").GetString() == "Validated" && b.GetProperty("sent").GetBoolean());
        var numbers = billed.Select(b => b.GetProperty("invoiceNumber").GetString()!).ToList();
        numbers.ShouldAllBe(n => n.StartsWith("FA-", StringComparison.Ordinal));
        numbers.Distinct().Count().ShouldBe(2);
        foreach (var b in billed)
        {
            var invoiceId = b.GetProperty("invoiceId").GetGuid();
            var mail = (await _host.MailsAsync(company.Id, invoiceId)).ShouldHaveSingleItem();
            mail.To.ShouldBe(["claire@durand.fr"]);
            mail.Attachments.ShouldHaveSingleItem().FileName.ShouldContain(b.GetProperty("invoiceNumber").GetString()!);
        }
        var again = await admin.PostAsync($"/api/v1/contracts/{contractId}/invoice-due-periods", null);
        (await again.Json()).GetArrayLength().ShouldBe(0, "double submission bills nothing more");
    }

    [Test]
    public async Task A_deleted_draft_period_invoice_frees_its_period_and_the_next_run_bills_it_again()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var contractId = await ContractAsync(company, _host.Today, ContractPeriodicity.Quarterly, BillingTiming.InAdvance, price: 300m);
        await _host.Services().RunAsync();
        var first = (await PeriodRowsAsync(company.Id, contractId)).ShouldHaveSingleItem();

        var deleted = await company.Company.Admin.DeleteAsync($"/api/v1/invoices/{first.InvoiceId}");
        await deleted.ShouldHaveStatus(HttpStatusCode.NoContent);
        (await PeriodRowsAsync(company.Id, contractId)).ShouldBeEmpty("the period went with its draft");

        await _host.Services().RunAsync();
        var again = (await PeriodRowsAsync(company.Id, contractId)).ShouldHaveSingleItem();
        again.PeriodStart.ShouldBe(first.PeriodStart);
        again.InvoiceId.ShouldNotBe(first.InvoiceId);
    }

    [Test]
    public async Task A_terminated_contract_bills_nothing_after_its_end_and_does_not_renew()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var start = _host.Today.AddMonths(-2);
        var contractId = await ContractAsync(company, start, ContractPeriodicity.Monthly, BillingTiming.InAdvance, price: 49m, termMonths: 3, noticeMonths: 0);
        await _host.AsCompanyAsync(company.Id, async (_, db) =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.Terminate(null, "Fin de la collaboration", _host.Today);
            await db.SaveChangesAsync();
            return true;
        });

        _host.MoveTo(start.AddMonths(6));
        await _host.Services().RunAsync();
        (await PeriodRowsAsync(company.Id, contractId)).Count.ShouldBe(3, "the three months of the term, not one more");
        var contract = await ContractReadAsync(company.Id, contractId);
        (contract.Status, contract.TermNumber, contract.EndDate).ShouldBe((ContractStatus.Terminated, 1, start.AddMonths(3).AddDays(-1)));
        (await PeriodRowsAsync(company.Id, contractId)).Max(p => p.PeriodEnd).ShouldBe(start.AddMonths(3).AddDays(-1));
    }

    [Test]
    public async Task The_owner_is_reminded_of_the_notice_deadline_once_per_term_even_with_two_instances()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var start = _host.Today.AddMonths(-9);
        var contractId = await ContractAsync(company, start, ContractPeriodicity.Yearly, BillingTiming.InArrears, price: 600m, noticeMonths: 1);
        var deadline = ContractDates.NoticeDeadline(start.AddMonths(12).AddDays(-1), 1);
        _host.MoveTo(deadline.AddDays(-31));
        await Task.WhenAll(_host.Services().RunAsync(), _host.Services(_host.Second).RunAsync());
        (await NoticeMailsAsync(company.Id, contractId)).ShouldBeEmpty("31 days before: too early");

        _host.MoveTo(deadline.AddDays(-20));
        await Task.WhenAll(_host.Services().RunAsync(), _host.Services(_host.Second).RunAsync());
        await _host.Services().RunAsync();

        var mail = (await NoticeMailsAsync(company.Id, contractId)).ShouldHaveSingleItem();
        mail.To.ShouldBe([company.Company.AdminEmail]);
        mail.Subject.ShouldBe($"Contrat CT-00001 (Menuiserie Durand SARL) : préavis à donner au plus tard le {deadline:dd/MM/yyyy}");
        mail.TextBody.ShouldContain($"arrive au terme de sa période en cours le {start.AddMonths(12).AddDays(-1):dd/MM/yyyy}");
        mail.TextBody.ShouldContain("reconduit tacitement pour 12 mois");
        mail.TextBody.ShouldContain("600,00");
    }

    [Test]
    public async Task The_manual_trigger_is_the_accountant_s_and_another_company_s_contract_is_unknown()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var contractId = await ContractAsync(company, _host.Today, ContractPeriodicity.Monthly, BillingTiming.InAdvance, price: 49m);
        var (sales, _, _) = await ApiTestAccess.NewUserAsync(company.Company, "Sales");
        var (accountant, _, _) = await ApiTestAccess.NewUserAsync(company.Company, "Accountant");
        var (viewer, _, _) = await ApiTestAccess.NewUserAsync(company.Company, "Viewer");

        await (await sales.PostAsync($"/api/v1/contracts/{contractId}/invoice-due-periods", null)).ShouldHaveStatus(HttpStatusCode.Forbidden);
        await (await viewer.PostAsync($"/api/v1/contracts/{contractId}/invoice-due-periods", null)).ShouldHaveStatus(HttpStatusCode.Forbidden);
        await (await viewer.GetAsync($"/api/v1/contracts/{contractId}/periods")).ShouldHaveStatus(HttpStatusCode.OK);
        await (await accountant.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/contracts/billing-settings")
        {
            Content = JsonContent.Create(new { invoicing = "Draft", noticeReminderDays = 10 }),
        }.WithIfMatch(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\"")))).ShouldHaveStatus(HttpStatusCode.Forbidden);

        var other = await _host.CompanyAsync(remindersOn: false);
        await (await other.Company.Admin.PostAsync($"/api/v1/contracts/{contractId}/invoice-due-periods", null)).ShouldHaveStatus(HttpStatusCode.NotFound);
        await (await other.Company.Admin.GetAsync($"/api/v1/contracts/{contractId}/periods")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await PeriodRowsAsync(company.Id, contractId)).ShouldBeEmpty("another company's call billed nothing");

        var billed = await accountant.PostAsync($"/api/v1/contracts/{contractId}/invoice-due-periods", null);
        await billed.ShouldHaveStatus(HttpStatusCode.OK);
        (await billed.Json()).GetArrayLength().ShouldBe(1);
        await (await accountant.PostAsync($"/api/v1/contracts/{Guid.NewGuid()}/invoice-due-periods", null)).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Bad_settings_are_refused_naming_the_field_never_with_a_500()
    {
        var company = await _host.CompanyAsync(remindersOn: false);
        var admin = company.Company.Admin;
        async Task<HttpResponseMessage> Put(string json) => await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/contracts/billing-settings")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        }.WithIfMatch(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\"")));

        var tooFar = await Put("""{"invoicing":"Draft","noticeReminderDays":366}""");
        await tooFar.ShouldHaveStatus(HttpStatusCode.UnprocessableEntity);
        var problem = await tooFar.Json();
        problem.GetProperty("code").GetString().ShouldBe("contract_billing_settings_invalid");
        problem.GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("noticeReminderDays");
        foreach (var body in new[] { """{"invoicing":"Sometimes","noticeReminderDays":30}""", """{"invoicing":null,"noticeReminderDays":30}""", """{"noticeReminderDays":"30 jours"}""",
                     """{"invoicing":"Draft","noticeReminderDays":99999999999999}""", "null", "[]" })
        {
            var response = await Put(body);
            ((int)response.StatusCode).ShouldBeInRange(400, 499, body);
        }
        (await (await admin.GetAsync("/api/v1/contracts/billing-settings")).Json()).GetProperty("configured").GetBoolean().ShouldBeFalse("nothing half-written");
    }

    private async Task<Guid> ContractAsync(ReminderHost.Tenant company, DateOnly start, ContractPeriodicity periodicity, BillingTiming timing, decimal price, int termMonths = 12,
        int noticeMonths = 1, ContractRevisionClause? revision = null) =>
        await _host.AsCompanyAsync(company.Id, async (_, db) =>
        {
            var owner = await db.Users.OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync();
            var contract = ContractEntity.CreateDraft("CT-00001", company.CustomerId, owner,
                new ContractTermsData(start, termMonths, periodicity, timing, true, noticeMonths, revision ?? ContractRevisionClause.None),
                [new ContractLineData(new DocumentLineData(LineKind.Free, null, "Abonnement logiciel", 1m, "C62", price, 0m, 20m, VatCategory.Standard))]);
            contract.Activate(_host.Today, owner);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            return contract.Id;
        });

    private Task<List<ContractPeriod>> PeriodRowsAsync(Guid companyId, Guid contractId) =>
        _host.AsCompanyAsync(companyId, (_, db) => db.ContractPeriods.AsNoTracking().Where(p => p.ContractId == contractId).OrderBy(p => p.PeriodStart).ToListAsync());

    private Task<ContractEntity> ContractReadAsync(Guid companyId, Guid contractId) =>
        _host.AsCompanyAsync(companyId, (_, db) => db.Contracts.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == contractId));

    private Task<int> InvoiceCountAsync(ReminderHost.Tenant company) =>
        _host.AsCompanyAsync(company.Id, (_, db) => db.Invoices.CountAsync(i => i.CustomerId == company.CustomerId));

    private Task<IReadOnlyList<ContractPeriodResponse>> ListPeriodsAsync(Guid companyId, Guid contractId) =>
        _host.AsCompanyAsync(companyId, async (services, _) => await services.GetRequiredService<IMediator>().Send(new ListContractPeriodsQuery(contractId)));

    private Task<List<Koban.Api.Infrastructure.Mail.OutboxMessage>> NoticeMailsAsync(Guid companyId, Guid contractId) =>
        _host.AsCompanyAsync(companyId, (_, db) => db.OutboxMessages.AsNoTracking().Where(m => m.EntityType == "contract" && m.EntityId == contractId).ToListAsync());
}

/// <summary>The contract billing runner of an instance of the <see cref="ReminderHost"/>.</summary>
internal static class ContractBillingHostExtensions
{
    public static ContractBillingRunner Services(this ReminderHost host, ApiFactory? instance = null) =>
        (instance ?? host.First).Services.GetRequiredService<ContractBillingRunner>();

    public static Task<int> RunAsync(this ContractBillingRunner runner) => runner.RunOnceAsync(CancellationToken.None);
}
