namespace Koban.Api.Features.Companies;

public static class LogoRules
{
    public const int MaxBytes = 512 * 1024;

    /// <summary>Checks the bytes, not the client's declared type: PNG and JPEG signatures only.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;
}
