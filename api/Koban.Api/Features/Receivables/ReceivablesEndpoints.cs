using Koban.Api.Features.DocumentTemplates;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Receivables;

public static class ReceivablesEndpoints
{
    private static readonly DateOnly Today = new(2027, 2, 20);
    private static readonly Guid InvoiceA = Guid.Parse("01936e00-0000-7000-8000-0000000000f1");
    private static readonly Guid InvoiceB = Guid.Parse("01936e00-0000-7000-8000-0000000000f2");
    private static readonly Guid OtherCustomer = Guid.Parse("01936c00-1111-7000-8000-00000000c002");

    private static readonly ReceivableList ListExample = new(
    [
        new ReceivableSummary(InvoiceB, "FA-2026-00037", OtherCustomer, "Boulangerie Martin", new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2), 1800.00m, 1800.00m,
            InvoicePaymentStatus.Unpaid, 80, AgingBucket.Days61To90, true, "Livraison incomplète contestée"),
        new ReceivableSummary(InvoiceA, "FA-2026-00042", SalesExamples.CustomerId, "Menuiserie Durand SARL", new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 14), 1222.96m,
            622.96m, InvoicePaymentStatus.PartiallyPaid, 37, AgingBucket.Days31To60, false, null),
    ], null, false, 2, 2422.96m, Today);

    private static readonly AgingReport AgingExample = new(Today,
    [
        new CustomerAging(OtherCustomer, "Boulangerie Martin", new AgingAmounts(0m, 0m, 0m, 1800.00m, 0m, 1800.00m, 1800.00m, 1)),
        new CustomerAging(SalesExamples.CustomerId, "Menuiserie Durand SARL", new AgingAmounts(2400.00m, 0m, 622.96m, 0m, 0m, 3022.96m, 0m, 2)),
    ], new AgingAmounts(2400.00m, 0m, 622.96m, 1800.00m, 0m, 4822.96m, 1800.00m, 3), 14466.00m, new DateOnly(2026, 11, 23), 30.0m);

    private static readonly CustomerStatementResponse StatementExample = new(SalesExamples.CustomerId, "Menuiserie Durand SARL", "411DURAND", new DateOnly(2026, 12, 1),
        new DateOnly(2027, 2, 20), 524.12m,
        [
            new StatementLine(new DateOnly(2026, 12, 10), ReceivableKind.Receipt, Guid.Parse("01936f00-0000-7000-8000-0000000000a1"), "VIR DURAND 1209", "Règlement — Virement bancaire", null, 0m, 524.12m, 0m),
            new StatementLine(new DateOnly(2026, 12, 15), ReceivableKind.Invoice, InvoiceA, "FA-2026-00042", "Facture", new DateOnly(2027, 1, 14), 1222.96m, 0m, 1222.96m),
            new StatementLine(new DateOnly(2027, 1, 20), ReceivableKind.Receipt, Guid.Parse("01936f00-0000-7000-8000-0000000000a2"), "CHQ 0045123", "Règlement — Chèque", null, 0m, 600.00m, 622.96m),
        ], 1222.96m, 1124.12m, 622.96m,
        [new StatementOpenInvoice(InvoiceA, "FA-2026-00042", new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 14), 1222.96m, 622.96m, 37, false)], 622.96m);

    private const string OpenInvoicesRule = "An open invoice is a validated invoice with something still owed (`outstanding` > 0: its total including VAT minus what payments, credit notes and write-offs settled). ";

    private const string DaysLateRule = "`daysLate` counts days past the due date at the company's today (time zone of the company profile): an invoice due today is 0 days late and `NotDue`; buckets are `NotDue`, `Days1To30`, `Days31To60`, `Days61To90`, `Over90` (1, 30 / 31, 60 / 61, 90 / 91 days late are the edges).";

    private const string StatementPeriod = "`from`/`to` (dates, both included) default to the 12 months ending today (`to` = today, `from` = a year before `to`, plus one day); `to` earlier than `from` is refused (400 `validation_failed` on `to`).";

    public static void MapReceivablesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/receivables").WithTags("Receivables");

        group.MapGet("/", async Task<Ok<ReceivableList>> (IMediator mediator, int? limit, string? after, string? sort, Guid? customerId, DateOnly? dueFrom, DateOnly? dueTo,
                DateOnly? issuedFrom, DateOnly? issuedTo, AgingBucket? bucket, bool? disputed, bool? overdueOnly, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReceivablesQuery(Cursor.Limit(limit), after, sort, customerId, dueFrom, dueTo, issuedFrom, issuedTo, bucket, disputed,
                    overdueOnly), ct)))
            .WithName("ListReceivables")
            .WithSummary("Due and overdue invoices")
            .WithDescription(OpenInvoicesRule + DaysLateRule + " Filters: `customerId`; the period as **due date** (`dueFrom`/`dueTo`) and/or **invoice date** (`issuedFrom`/`issuedTo`), bounds included; `bucket`; `disputed=true|false`; `overdueOnly=true` (due date before today). `sort`: `dueDate` (default: oldest due date, so the latest invoice, first), `issueDate`, `outstanding`, `total`, `number`, `customerName`, each with `-` for descending; keyset paging with `limit` (1–100, default 25) and `after` = the previous page's `nextCursor`. `count` and `totalOutstanding` cover every invoice the filters match, not only the page; `today` is the date days late are counted at. A disputed invoice stays listed, flagged with its reason.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(400)
            .WithExamples(null, 200, ListExample);

        group.MapGet("/aging", async Task<Ok<AgingReport>> (IMediator mediator, DateOnly? asOf, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReceivablesAgingQuery(asOf), ct)))
            .WithName("GetReceivablesAging")
            .WithSummary("Aging of receivables per customer, totals and DSO")
            .WithDescription(OpenInvoicesRule + "Per customer (largest total first): what is owed per bucket of days past the due date on `asOf`, the total, the disputed part (`disputed`, included in the buckets) and the number of open invoices; then the same figures for the whole company. `asOf` defaults to today; on an earlier date the figures are those of that day: invoices dated up to `asOf`, less the payments, credit notes and write-offs allocated up to `asOf` (a payment later cancelled counts as never received; the dispute flag is today's). **DSO** (days sales outstanding) = receivables outstanding on `asOf` (`totals.total`) ÷ invoiced sales including VAT over the 90 days ending on `asOf` (`salesLast90Days`: the totals of the invoices dated from `dsoFrom` = `asOf` − 89 days to `asOf`, credit notes not deducted) × 90, rounded to one decimal; `null` when nothing was invoiced in those 90 days. Everything is summed by the database; amounts include VAT.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(400)
            .WithExamples(null, 200, AgingExample);

        group.MapGet("/customers/{id:guid}/statement", async Task<FileContentHttpResult> (Guid id, DateOnly? from, DateOnly? to, IMediator mediator, HttpResponse response,
                CancellationToken ct) =>
            {
                var (pdf, fileName) = await mediator.Send(new CustomerStatementPdfQuery(id, from, to), ct);
                return DocumentTemplatesEndpoints.Pdf(response, pdf, fileName);
            })
            .WithName("GetCustomerStatementPdf")
            .WithSummary("A customer's statement (relevé de compte) as a PDF")
            .WithDescription("The statement a company sends its customer, in French: the company's header (logo, accent colour, footer and bank details of the invoice template), the customer, the period, the balance before it, every invoice, credit note, receipt, refund and write-off of the period in date order with debit, credit and running balance, the period's totals and closing balance, then the invoices still open at `to` with their days late (counted at `to`; disputed ones marked), page numbers on every page. Amounts include VAT, as `1 234,56 €`; a positive balance is owed by the customer, a negative one is its credit (printed `(créditeur)`). Cancelled payments are left out. " + StatementPeriod + " Rendered on each request from the live rows (a statement is not an archived document). The same figures as JSON: `GET /receivables/customers/{id}/statement-lines`.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithProblems(400, 404);

        group.MapGet("/customers/{id:guid}/statement-lines", async Task<Ok<CustomerStatementResponse>> (Guid id, DateOnly? from, DateOnly? to, IMediator mediator,
                CancellationToken ct) => TypedResults.Ok(await mediator.Send(new CustomerStatementQuery(id, from, to), ct)))
            .WithName("GetCustomerStatement")
            .WithSummary("A customer's statement as JSON")
            .WithDescription("What the statement PDF prints, for the SPA: `openingBalance` (the balance at the end of the day before `from`), `lines` in date order (`kind` Invoice, CreditNote, Receipt, Refund or WriteOff; `debit` raises and `credit` lowers what the customer owes; `balance` after each line; `dueDate` on invoices), `totalDebit`, `totalCredit`, `closingBalance` (= opening + debits − credits), and `openInvoices` still owed at `to` with `daysLate` counted at `to`. " + StatementPeriod + " 404 when the customer is not one of the company's.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(400, 404)
            .WithExamples(null, 200, StatementExample);
    }
}
