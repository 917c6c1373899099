using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Users;

/// <summary>Builds the user responses of every use case of the feature (through <see cref="UserMapping"/>).</summary>
internal static class UserReader
{
    public static UserResponse Response(KobanUser user) => user.MapTo<UserResponse>();

    public static Versioned<UserResponse> WithVersion(KobanUser user) => Versioned.Of(Response(user), user.Version);

    public static UserList List(IEnumerable<KobanUser> users, string? nextCursor, bool hasMore) => new([.. users.Select(Response)], nextCursor, hasMore);

    /// <summary>The user of the company, tracked for a change; 404 otherwise.</summary>
    public static async Task<KobanUser> LoadAsync(KobanDbContext db, Guid id, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("user", id);
}
