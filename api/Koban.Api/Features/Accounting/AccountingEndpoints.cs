namespace Koban.Api.Features.Accounting;

/// <summary><c>/api/v1/accounting</c>: the account mapping, the VAT summary and the journal, each mapped by its use case.</summary>
public static class AccountingEndpoints
{
    public static void MapAccountingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounting").WithTags("Accounting");
        GetAccountingSettings.Map(group);
        UpdateAccountingSettings.Map(group);
        GetVatSummary.Map(group);
        ListJournalEntries.Map(group);
    }
}
