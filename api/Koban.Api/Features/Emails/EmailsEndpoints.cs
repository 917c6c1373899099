namespace Koban.Api.Features.Emails;

public static class EmailsEndpoints
{
    public static void MapEmailsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/emails").WithTags("E-mails");
        ListEmailsEndpoint.Map(group);
        RetryEmailEndpoint.Map(group);
    }
}
