using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Users;

/// <summary>Typed examples of the user endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class UserExamples
{
    public static readonly UserResponse User = new(Guid.Parse("01936b2f-1200-7abc-8def-0123456789ab"), "paul.martin@example.fr", "Paul Martin",
        UserRole.Sales, true, true, null, new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), false);
}
