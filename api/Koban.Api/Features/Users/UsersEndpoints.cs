namespace Koban.Api.Features.Users;

public static class UsersEndpoints
{
    public static void MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users");
        ListUsersEndpoint.Map(group);
        CreateUserEndpoint.Map(group);
        GetUserEndpoint.Map(group);
        UpdateUserEndpoint.Map(group);
    }
}

public static class InvitationEndpoints
{
    public static void MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        InviteUserEndpoint.Map(app);
        ResendInvitationEndpoint.Map(app);
        AcceptInvitationEndpoint.Map(app);
    }
}
