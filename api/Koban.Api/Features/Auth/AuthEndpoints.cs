namespace Koban.Api.Features.Auth;

public static class AuthEndpoints
{
    public const string LoginRateLimit = "login";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Authentication");
        LoginEndpoint.Map(group);
        LogoutEndpoint.Map(group);
        GetMeEndpoint.Map(group);
        ChangePasswordEndpoint.Map(group);
    }
}

public static class PasswordResetEndpoints
{
    public static void MapPasswordResetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/password-reset").WithTags("Authentication");
        RequestPasswordResetEndpoint.Map(group);
        ConfirmPasswordResetEndpoint.Map(group);
    }
}
