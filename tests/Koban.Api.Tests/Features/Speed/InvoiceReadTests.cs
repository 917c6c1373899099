using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Tests.Features.Payments;
using Koban.Api.Tests.Features.Sales;
using Koban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Speed;

/// <summary>
/// The read of one invoice or credit note (issue 12 §5): its JSON is frozen as a golden string (captured on the loading path
/// that ran about thirty statements, ids, dates and hashes normalised), so composing the read into a couple of queries
/// cannot change a byte of it; and the number of SQL commands one GET runs is counted on the test host.
/// </summary>
public sealed class InvoiceReadTests : ApiTest
{
    private const string ProbeHeader = "X-Test-Probe";

    /// <summary>Every EF command of a request that carries <see cref="ProbeHeader"/>, by the header's value.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private static readonly AsyncLocal<List<string>?> Current = new();

        public ConcurrentDictionary<string, List<string>> Requests { get; } = new(StringComparer.Ordinal);

        public IStartupFilter Filter() => new Recorder(this);

        private void Add(DbCommand command)
        {
            if (Current.Value is { } list)
            {
                lock (list) list.Add(command.CommandText);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        private sealed class Recorder(CommandLog log) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (http, call) =>
                {
                    if (http.Request.Headers.TryGetValue(ProbeHeader, out var probe))
                    {
                        var list = log.Requests.GetOrAdd(probe.ToString(), _ => []);
                        Current.Value = list;
                    }
                    await call(http);
                });
                next(app);
            };
        }
    }

    private static (ApiFactory Host, CommandLog Log) CountingHost()
    {
        var log = new CommandLog();
        var host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(), services =>
        {
            services.AddTransient(_ => log.Filter());
            services.ConfigureDbContext<KobanDbContext>(o => o.AddInterceptors(log));
        });
        return (host, log);
    }

    internal sealed record Documents(TestCompany Company, Guid BalanceId, Guid CreditNoteId, Guid DraftId);

    /// <summary>A balance invoice deducting a validated deposit, partly paid, corrected by a validated credit note, archived,
    /// with its history; the credit note; and a draft direct invoice (totals computed live).</summary>
    private static async Task<Documents> RichDocumentsAsync()
    {
        var x = await PaymentsFlowTests.DepositAndBalanceAsync();
        var admin = x.Company.Admin;
        await SalesFlowTests.Post(admin, "/api/v1/payments", new
        {
            direction = "Receipt",
            customerId = x.CustomerId,
            date = x.Today,
            amount = 300m,
            method = "BankTransfer",
            reference = "VIR-GOLDEN-1",
            bankAccountCode = "BANK",
            allocations = new[] { new { invoiceId = x.BalanceId, amount = 300m } },
        }, HttpStatusCode.Created);
        var balance = await (await admin.GetAsync($"/api/v1/invoices/{x.BalanceId}")).Json();
        var shelf = balance.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("description").GetString() == "Étagère chêne massif");
        var draft = await SalesFlowTests.Post(admin, "/api/v1/credit-notes", new
        {
            invoiceId = x.BalanceId,
            reason = "Correction",
            mode = "Lines",
            reasonText = "Une étagère livrée en moins",
            lines = new[] { new { invoiceLineId = shelf.GetProperty("id").GetGuid(), quantity = 1m } },
        }, HttpStatusCode.Created);
        var creditNoteId = draft.GetProperty("id").GetGuid();
        await SalesFlowTests.Post(admin, $"/api/v1/credit-notes/{creditNoteId}/validate");
        var direct = await SalesFlowTests.Post(admin, "/api/v1/invoices", new
        {
            customerId = x.CustomerId,
            customerReference = "BC-42",
            lines = new object[]
            {
                new { kind = "Free", description = "Intervention", quantity = 1.5m, unitCode = "HUR", unitPrice = 60m, vatRate = 20m, nature = "Service" },
                new { kind = "Free", description = "Pièces", quantity = 3m, unitCode = "C62", unitPrice = 12.4m, discountPercent = 5m, vatRate = 10m, nature = "Goods" },
            },
        }, HttpStatusCode.Created);
        return new Documents(x.Company, x.BalanceId, creditNoteId, direct.GetProperty("id").GetGuid());
    }

    /// <summary>The JSON with what changes from run to run replaced: ids and hashes by their rank of first appearance,
    /// instants and dates by a mark, the year inside document numbers and French dates by a mark.</summary>
    internal static string Normalised(string json)
    {
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string Rank(string prefix, string value)
        {
            if (!ids.TryGetValue(value, out var rank)) ids[value] = rank = ids.Count + 1;
            return $"{prefix}{rank}";
        }
        json = Regex.Replace(json, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", m => Rank("id#", m.Value));
        json = Regex.Replace(json, "\\b[0-9a-f]{64}\\b", m => Rank("hash#", m.Value));
        json = Regex.Replace(json, "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})", "<instant>");
        json = Regex.Replace(json, "\\d{4}-\\d{2}-\\d{2}", "<date>");
        json = Regex.Replace(json, "\\d{2}/\\d{2}/\\d{4}", "<dd/mm/yyyy>");
        json = Regex.Replace(json, "\\b([A-Z]{2})-\\d{4}-(\\d{5})\\b", "$1-YYYY-$2");
        return json;
    }

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return Normalised(await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_JSON_of_an_invoice_a_credit_note_and_a_draft_is_byte_identical_to_the_one_the_statement_per_part_reader_gave()
    {
        var d = await RichDocumentsAsync();
        var admin = d.Company.Admin;

        (await ReadAsync(admin, $"/api/v1/invoices/{d.BalanceId}")).ShouldBe(GoldenBalance);
        (await ReadAsync(admin, $"/api/v1/credit-notes/{d.CreditNoteId}")).ShouldBe(GoldenCreditNote);
        (await ReadAsync(admin, $"/api/v1/invoices/{d.DraftId}")).ShouldBe(GoldenDraft);
    }

    [Test]
    public async Task Reading_one_invoice_or_credit_note_runs_at_most_two_data_queries()
    {
        var d = await RichDocumentsAsync();
        var (host, log) = CountingHost();
        await using var _ = host;
        var admin = await SignInAsync(d.Company.AdminEmail, Password, host);

        async Task<List<string>> Commands(string path)
        {
            var probe = Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(ProbeHeader, probe);
            await (await admin.SendAsync(request)).ShouldHaveStatus(HttpStatusCode.OK);
            return log.Requests.GetValueOrDefault(probe) ?? [];
        }

        // the cookie's session check (users, user_sessions) runs on every request: not part of the read
        var invoice = (await Commands($"/api/v1/invoices/{d.BalanceId}")).Where(c => !c.Contains("FROM users AS u", StringComparison.Ordinal)).ToList();
        var creditNote = (await Commands($"/api/v1/credit-notes/{d.CreditNoteId}")).Where(c => !c.Contains("FROM users AS u", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(invoice, Has.Count.LessThanOrEqualTo(2), "GET invoice:\n" + string.Join("\n---\n", invoice));
            Assert.That(creditNote, Has.Count.LessThanOrEqualTo(2), "GET credit note:\n" + string.Join("\n---\n", creditNote));
        });
    }

    private const string GoldenBalance = """{"id":"id#1","kind":"Balance","status":"Validated","number":"FA-YYYY-00002","title":"Facture","customerId":"id#2","customerName":"Menuiserie Durand SARL","orderId":"id#3","orderNumber":"CO-YYYY-00001","traceableToOrder":true,"milestoneId":null,"issueDate":"<date>","requestedIssueDate":null,"dueDate":"<date>","paymentTerms":{"kind":"Days","days":30},"paymentMethod":"BankTransfer","currency":"EUR","customerReference":null,"headerText":null,"footerText":null,"comment":null,"contactId":null,"lines":[{"id":"id#4","position":0,"kind":"Title","productId":null,"description":"Agencement","quantity":0.000,"unitCode":null,"unitPrice":0.0000,"discountPercent":0.00,"vatRate":0.00,"vatCategory":"Standard","netAmount":0.00,"orderLineId":null,"deductedInvoiceId":null,"deductedVat":0.00,"sourceLineId":null,"nature":null,"vatExemptionReason":null,"servicePeriod":null},{"id":"id#5","position":1,"kind":"Product","productId":"id#6","description":"Pose et réglage\nMain d'œuvre sur site","quantity":12.000,"unitCode":"HUR","unitPrice":65.0000,"discountPercent":0.00,"vatRate":20.00,"vatCategory":"Standard","netAmount":780.00,"orderLineId":"id#7","deductedInvoiceId":null,"deductedVat":0.00,"sourceLineId":null,"nature":"Service","vatExemptionReason":null,"servicePeriod":null},{"id":"id#8","position":2,"kind":"Free","productId":null,"description":"Étagère chêne massif","quantity":2.000,"unitCode":"C62","unitPrice":375.5000,"discountPercent":10.00,"vatRate":20.00,"vatCategory":"Standard","netAmount":675.90,"orderLineId":"id#9","deductedInvoiceId":null,"deductedVat":0.00,"sourceLineId":null,"nature":"Service","vatExemptionReason":null,"servicePeriod":null},{"id":"id#10","position":3,"kind":"Free","productId":null,"description":"Déduction de la facture d'acompte n° FA-YYYY-00001 du <dd/mm/yyyy>","quantity":1.000,"unitCode":"C62","unitPrice":-436.7700,"discountPercent":0.00,"vatRate":20.00,"vatCategory":"Standard","netAmount":-436.77,"orderLineId":null,"deductedInvoiceId":"id#11","deductedVat":87.35,"sourceLineId":null,"nature":null,"vatExemptionReason":null,"servicePeriod":null}],"totals":{"totalExcludingVat":1019.13,"vatBreakdown":[{"rate":20.00,"category":"Standard","base":1019.13,"vat":203.83}],"totalVat":203.83,"totalIncludingVat":1222.96},"creditedTotal":405.54,"amountDue":517.42,"isOverdue":false,"snapshot":{"seller":{"companyId":"id#12","legalName":"Atelier Test SAS","legalForm":"Sas","shareCapital":15000.50,"address":{"line1":"3 place Bellecour","line2":null,"postalCode":"69002","city":"Lyon","countryCode":"FR"},"siren":"732829320","rcsCity":"Lyon","vatNumber":"FR44732829320","iban":"FR7630006000011234567890189","bic":"AGRIFRPP","vatFranchise":false,"vatOnDebits":false,"latePaymentPenaltyRate":12.1500},"buyer":{"customerId":"id#2","name":"Menuiserie Durand SARL","isBusiness":true,"countryCode":"FR","vatRegime":"France","billingAddress":{"line1":"8 quai Saint-Vincent","line2":null,"postalCode":"69001","city":"Lyon","countryCode":"FR"},"deliveryAddress":null,"siren":"404833048","vatNumber":"FR83404833048","accountingCode":"411MENUISE","contactName":"Claire Durand","contactEmail":"claire@durand.fr"},"legalNotes":[]},"fingerprint":"hash#17","chainSequence":2,"validatedAt":"<instant>","archive":{"sha256":"hash#18","archivedAt":"<instant>"},"linkedDocuments":[{"id":"id#3","type":"Order","number":"CO-YYYY-00001","date":"<date>","totalIncludingVat":1747.08},{"id":"id#11","type":"DepositInvoice","number":"FA-YYYY-00001","date":"<date>","totalIncludingVat":524.12},{"id":"id#13","type":"CreditNote","number":"AV-YYYY-00001","date":"<date>","totalIncludingVat":405.54}],"history":[{"occurredAt":"<instant>","action":"invoice.created","actorName":"Admin Test"},{"occurredAt":"<instant>","action":"invoice.validated","actorName":"Admin Test"},{"occurredAt":"<instant>","action":"invoice.credited","actorName":"Admin Test"}],"updatedAt":"<instant>","payment":{"paymentStatus":"PartiallyPaid","outstanding":517.42,"disputed":false,"disputeReason":null,"disputedAt":null,"settlements":[{"allocationId":"id#14","kind":"Receipt","sourceId":"id#15","reference":"VIR-GOLDEN-1","date":"<date>","amount":300.00,"active":true},{"allocationId":"id#16","kind":"CreditNote","sourceId":"id#13","reference":"AV-YYYY-00001","date":"<date>","amount":405.54,"active":true}]},"saleDate":null}""";

    private const string GoldenCreditNote = """{"id":"id#1","status":"Validated","number":"AV-YYYY-00001","invoiceId":"id#2","invoiceNumber":"FA-YYYY-00002","invoiceDate":"<date>","reason":"Correction","reasonText":"Une étagère livrée en moins","customerId":"id#3","customerName":"Menuiserie Durand SARL","orderId":"id#4","issueDate":"<date>","requestedIssueDate":null,"headerText":null,"footerText":null,"comment":null,"lines":[{"id":"id#5","position":0,"kind":"Free","productId":null,"description":"Étagère chêne massif","quantity":1.000,"unitCode":"C62","unitPrice":375.5000,"discountPercent":10.00,"vatRate":20.00,"vatCategory":"Standard","netAmount":337.95,"orderLineId":"id#6","deductedInvoiceId":null,"deductedVat":0.00,"sourceLineId":"id#7","nature":"Service","vatExemptionReason":null,"servicePeriod":null}],"totals":{"totalExcludingVat":337.95,"vatBreakdown":[{"rate":20.00,"category":"Standard","base":337.95,"vat":67.59}],"totalVat":67.59,"totalIncludingVat":405.54},"appliedToInvoice":405.54,"customerCredit":0.00,"snapshot":{"seller":{"companyId":"id#8","legalName":"Atelier Test SAS","legalForm":"Sas","shareCapital":15000.50,"address":{"line1":"3 place Bellecour","line2":null,"postalCode":"69002","city":"Lyon","countryCode":"FR"},"siren":"732829320","rcsCity":"Lyon","vatNumber":"FR44732829320","iban":"FR7630006000011234567890189","bic":"AGRIFRPP","vatFranchise":false,"vatOnDebits":false,"latePaymentPenaltyRate":12.1500},"buyer":{"customerId":"id#3","name":"Menuiserie Durand SARL","isBusiness":true,"countryCode":"FR","vatRegime":"France","billingAddress":{"line1":"8 quai Saint-Vincent","line2":null,"postalCode":"69001","city":"Lyon","countryCode":"FR"},"deliveryAddress":null,"siren":"404833048","vatNumber":"FR83404833048","accountingCode":"411MENUISE","contactName":"Claire Durand","contactEmail":"claire@durand.fr"},"legalNotes":[]},"fingerprint":"hash#9","chainSequence":3,"validatedAt":"<instant>","archive":{"sha256":"hash#10","archivedAt":"<instant>"},"history":[{"occurredAt":"<instant>","action":"creditNote.created","actorName":"Admin Test"},{"occurredAt":"<instant>","action":"creditNote.validated","actorName":"Admin Test"}],"updatedAt":"<instant>"}""";

    private const string GoldenDraft = """{"id":"id#1","kind":"Direct","status":"Draft","number":null,"title":"Facture","customerId":"id#2","customerName":"Menuiserie Durand SARL","orderId":null,"orderNumber":null,"traceableToOrder":false,"milestoneId":null,"issueDate":null,"requestedIssueDate":null,"dueDate":null,"paymentTerms":{"kind":"Days","days":30},"paymentMethod":"BankTransfer","currency":"EUR","customerReference":"BC-42","headerText":null,"footerText":null,"comment":null,"contactId":null,"lines":[{"id":"id#3","position":0,"kind":"Free","productId":null,"description":"Intervention","quantity":1.500,"unitCode":"HUR","unitPrice":60.0000,"discountPercent":0.00,"vatRate":20.00,"vatCategory":"Standard","netAmount":90.00,"orderLineId":null,"deductedInvoiceId":null,"deductedVat":0.00,"sourceLineId":null,"nature":"Service","vatExemptionReason":null,"servicePeriod":null},{"id":"id#4","position":1,"kind":"Free","productId":null,"description":"Pièces","quantity":3.000,"unitCode":"C62","unitPrice":12.4000,"discountPercent":5.00,"vatRate":10.00,"vatCategory":"Standard","netAmount":35.34,"orderLineId":null,"deductedInvoiceId":null,"deductedVat":0.00,"sourceLineId":null,"nature":"Goods","vatExemptionReason":null,"servicePeriod":null}],"totals":{"totalExcludingVat":125.34,"vatBreakdown":[{"rate":20.00,"category":"Standard","base":90.00,"vat":18.00},{"rate":10.00,"category":"Standard","base":35.34,"vat":3.53}],"totalVat":21.53,"totalIncludingVat":146.87},"creditedTotal":0.00,"amountDue":146.87,"isOverdue":false,"snapshot":null,"fingerprint":null,"chainSequence":null,"validatedAt":null,"archive":null,"linkedDocuments":[],"history":[{"occurredAt":"<instant>","action":"invoice.created","actorName":"Admin Test"}],"updatedAt":"<instant>","payment":null,"saleDate":null}""";
}
