using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Auth;

/// <summary>Builds the responses of the authentication use cases (through <see cref="MeMapping"/>).</summary>
internal static class AuthReader
{
    public static async Task<MeResponse> MeAsync(KobanDbContext db, KobanUser user, CancellationToken ct)
    {
        var companyName = await db.Companies.IgnoreQueryFilters().Where(c => c.Id == user.CompanyId).Select(c => c.LegalName).SingleAsync(ct);
        return new SignedInUser(user, companyName).MapTo<MeResponse>();
    }
}
