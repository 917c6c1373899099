using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Auth;

/// <summary>The signed-in user, their company and what they may do (the SPA hides what is not allowed; the API refuses it anyway).</summary>
public sealed record MeResponse(
    Guid UserId,
    string Email,
    string DisplayName,
    UserRole Role,
    Guid CompanyId,
    string CompanyName,
    bool MustChangePassword,
    IReadOnlyList<string> Permissions)
{
    internal static async Task<MeResponse> LoadAsync(KobanDbContext db, KobanUser user, CancellationToken ct)
    {
        var companyName = await db.Companies.IgnoreQueryFilters().Where(c => c.Id == user.CompanyId).Select(c => c.LegalName).SingleAsync(ct);
        return new MeResponse(user.Id, user.Email ?? string.Empty, user.DisplayName, user.Role, user.CompanyId, companyName,
            user.MustChangePassword, [.. Infrastructure.Security.Permissions.ForRole(user.Role).Order(StringComparer.Ordinal)]);
    }
}

public static class MeEndpoint
{
    public static async Task<Ok<MeResponse>> Handle(HttpContext http, KobanDbContext db, CurrentActor actor, CancellationToken ct)
    {
        var userId = actor.UserId ?? throw new ForbiddenException(ApiErrorCodes.Forbidden);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("user", userId);
        RequestPipeline.IssueCsrfToken(http);
        return TypedResults.Ok(await MeResponse.LoadAsync(db, user, ct));
    }
}
