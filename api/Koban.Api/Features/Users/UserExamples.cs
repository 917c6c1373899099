using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Users;

/// <summary>Typed examples of the user endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class UserExamples
{
    public static readonly UserResponse User = new(Guid.Parse("01936b2f-1200-7abc-8def-0123456789ab"), "paul.martin@example.fr", "Paul Martin",
        UserRole.Sales, true, true, null, new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), false);

    public static readonly CreateUserRequest Create = new("paul.martin@example.fr", "Paul Martin", UserRole.Sales, "Bienvenue-Paul-2026");

    public static readonly UpdateUserRequest Update = new("Paul Martin", UserRole.Accountant, true);

    public static readonly InviteUserRequest Invite = new("lea.petit@example.fr", "Léa Petit", UserRole.Accountant);

    public static readonly UserResponse Invited = User with
    {
        Email = "lea.petit@example.fr",
        DisplayName = "Léa Petit",
        Role = UserRole.Accountant,
        MustChangePassword = false,
        InvitationPending = true,
    };

    public static readonly AcceptInvitationRequest Accept = new("q3Hk9v0XbW2m7LrT5yPz1cNf8aJd4sEu6gKo0iQwRtY", "Mon-Mot-De-Passe-2026");

    public static readonly AccountPasswordSetResponse Accepted = new("lea.petit@example.fr");
}
