namespace Koban.Api.Features.Companies;

public static class CompanyEndpoints
{
    public static void MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/company").WithTags("Company");
        GetCompanyProfileEndpoint.Map(group);
        UpdateCompanyProfileEndpoint.Map(group);
        GetCompanyLogoEndpoint.Map(group);
        SetCompanyLogoEndpoint.Map(group);
        RemoveCompanyLogoEndpoint.Map(group);
    }
}
