namespace Koban.Api.Features.Signup;

/// <summary>Typed examples of the sign-up endpoint for openapi.yaml, built from the real DTOs.</summary>
internal static class SignupExamples
{
    public static readonly SignupRequest Request = new("Menuiserie Durand SARL", "claire.durand@example.fr", "Claire Durand", "Choose-A-Strong-Passw0rd");

    public static readonly SignupResponse Response = new(Guid.Parse("01936b2e-7f00-7c3a-9a52-3f8e2a1b4c5d"), Guid.Parse("01936b2e-7f01-7d11-8e2a-1b4c5d6e7f80"));
}
