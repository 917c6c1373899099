namespace Koban.Api.Features.Compliance;

/// <summary>
/// <c>/api/v1/compliance</c>. Rights: verifying the chain and exporting the archive need <c>audit:read</c> (they expose the
/// audit log and every document: Admin and Accountant); reading closures needs <c>accounting:read</c>; closing a period
/// needs <c>accounting:write</c> (Admin and Accountant).
/// </summary>
public static class ComplianceEndpoints
{
    public static void MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/compliance").WithTags("Compliance");
        VerifyChainHandler.Map(group);
        CloseClosureHandler.Map(group);
        ListClosuresHandler.Map(group);
        GetClosureHandler.Map(group);
        ExportComplianceArchiveHandler.Map(group);
    }
}
