using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

/// <summary>
/// The "own time" rule (docs/projects.md): a signed-in Admin (the manager) reads and writes everyone's time; any other
/// user reads and writes only their own (another user's entry answers 403 <c>forbidden</c>); an API key (no user) reads
/// everyone's and writes for the user it names in the body (<c>userId</c>, required). The person whose time it is must be
/// an active user of the company (else 422 <c>reference_not_found</c> on <c>userId</c>).
/// </summary>
public sealed class TimeAccess(IHttpContextAccessor http, CurrentActor actor, KobanDbContext db)
{
    /// <summary>The signed-in user, or null for an API key.</summary>
    public Guid? UserId => actor.UserId;

    public bool SeesEveryone => actor.UserId is null || http.HttpContext?.User.FindFirst(KobanClaims.Role)?.Value == nameof(UserRole.Admin);

    /// <summary>Refuses to read another user's time unless the caller sees everyone's.</summary>
    public void EnsureCanRead(Guid userId)
    {
        if (!SeesEveryone && userId != actor.UserId) throw new ForbiddenException(ApiErrorCodes.Forbidden);
    }

    /// <summary>Whose time a write is for: the named user, or the caller; refuses another user's time to a non-Admin.</summary>
    public async Task<Guid> WriterForAsync(Guid? named, CancellationToken ct)
    {
        var userId = named ?? actor.UserId ?? throw new FieldValidationException("userId", ApiErrorCodes.ValidationFailed);
        EnsureCanRead(userId);
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct)) throw new ReferenceNotFoundException("userId");
        return userId;
    }

    /// <summary>Only members of a project enter time on it; an Admin's own time is accepted on any project.</summary>
    public async Task<bool> IsAdminAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.Id == userId && u.Role == UserRole.Admin, ct);
}
