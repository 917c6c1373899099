namespace Koban.Api.Features.Receivables;

/// <summary><c>/api/v1/receivables</c>: open invoices, the aging report and customers' statements, each mapped by its use case.</summary>
public static class ReceivablesEndpoints
{
    internal const string OpenInvoicesRule = "An open invoice is a validated invoice with something still owed (`outstanding` > 0: its total including VAT minus what payments, credit notes and write-offs settled). ";

    internal const string DaysLateRule = "`daysLate` counts days past the due date at the company's today (time zone of the company profile): an invoice due today is 0 days late and `NotDue`; buckets are `NotDue`, `Days1To30`, `Days31To60`, `Days61To90`, `Over90` (1, 30 / 31, 60 / 61, 90 / 91 days late are the edges).";

    internal const string StatementPeriod = "`from`/`to` (dates, both included) default to the 12 months ending today (`to` = today, `from` = a year before `to`, plus one day); `to` earlier than `from` is refused (400 `validation_failed` on `to`).";

    public static void MapReceivablesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/receivables").WithTags("Receivables");
        ListReceivables.Map(group);
        GetReceivablesAging.Map(group);
        GetCustomerStatementPdf.Map(group);
        GetCustomerStatement.Map(group);
    }
}
