namespace Koban.Api.Infrastructure.Documents;

/// <summary>What a logo printed on documents may be, whether it is the company's or a template's own: PNG or JPEG, read
/// from the bytes (never from the client's declared type), at most 512 KB.</summary>
public static class LogoFiles
{
    public const int MaxBytes = 512 * 1024;

    /// <summary>The content type the bytes' signature shows (PNG or JPEG), or null for anything else.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;
}
