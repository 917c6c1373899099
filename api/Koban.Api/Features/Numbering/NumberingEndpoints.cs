namespace Koban.Api.Features.Numbering;

/// <summary>The numbering routes, use case by use case in the order of the contract.</summary>
public static class NumberingEndpoints
{
    public static void MapNumberingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/numbering").WithTags("Numbering");
        ListNumberingSettingsHandler.Map(group);
        GetNumberingSettingHandler.Map(group);
        UpdateNumberingSettingHandler.Map(group);
    }

    /// <summary>Mapped apart, after the other numbering routes, as it always was.</summary>
    public static void MapIssueDateRangeEndpoint(this IEndpointRouteBuilder app) => GetIssueDateRangeHandler.Map(app);
}
