namespace Koban.Api.Features.Accounting;

/// <summary><c>/api/v1/accounting/exports</c>: requesting an export needs <c>accounting:write</c> (Admin, Accountant); reading and
/// downloading need <c>accounting:read</c>.</summary>
public static class AccountingExportsEndpoints
{
    public static void MapAccountingExportsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounting/exports").WithTags("Accounting");
        RequestAccountingExport.Map(group);
        ListAccountingExports.Map(group);
        GetAccountingExport.Map(group);
        DownloadAccountingExport.Map(group);
    }
}
