using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Koban.Api.Infrastructure.Security;

public sealed record PermissionRequirement(string Resource, Access Access) : IAuthorizationRequirement;

/// <summary>Marks an endpoint with the permission it needs; read by the OpenAPI transformer to document it.</summary>
public sealed record RequiredPermissionMetadata(string Permission);

public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.FindFirst(KobanClaims.CompanyId) is null) return Task.CompletedTask;
        if (user.HasClaim(KobanClaims.MustChangePassword, "true"))
        {
            context.Fail(new AuthorizationFailureReason(this, ApiErrorCodes.PasswordChangeRequired));
            return Task.CompletedTask;
        }
        IEnumerable<string> granted = user.FindFirst(KobanClaims.Role)?.Value is { } role && Enum.TryParse<UserRole>(role, out var parsed)
            ? Permissions.ForRole(parsed)
            : user.FindAll(KobanClaims.Scope).Select(c => c.Value);
        if (Permissions.Allows(granted, requirement.Resource, requirement.Access)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class PermissionEndpointExtensions
{
    /// <summary>Requires an authenticated caller of the current company holding <c>resource:access</c>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string resource, Access access)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(resource, access)));
        builder.WithMetadata(new RequiredPermissionMetadata(Permissions.Name(resource, access)));
        return builder;
    }
}

/// <summary>Writes 401/403 as problem details with a code the SPA can act on, instead of empty bodies or redirects.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            await Problems.WriteAsync(context, Problems.Create(StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthenticated));
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var code = authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == ApiErrorCodes.PasswordChangeRequired) == true
                ? ApiErrorCodes.PasswordChangeRequired
                : ApiErrorCodes.Forbidden;
            await Problems.WriteAsync(context, Problems.Create(StatusCodes.Status403Forbidden, code));
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
