using PdfSharp.Fonts;

namespace Koban.Api.Infrastructure.Pdf;

/// <summary>
/// The only fonts documents use: DejaVu Sans and DejaVu Sans Bold, embedded in the assembly (licence in
/// <c>Fonts/LICENSE-DejaVu.txt</c>). They cover French accents, œ, « », €, U+00A0 and U+202F. PDFsharp has no platform
/// font lookup on Linux, so every family name resolves to them.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    /// <summary>Sets PDFsharp's process-wide resolver once; later calls do nothing. Safe from any thread.</summary>
    public static void EnsureRegistered()
    {
        if (GlobalFontSettings.FontResolver is PdfFonts) return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFonts) return;
            GlobalFontSettings.FontResolver = new PdfFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // No italic face is shipped: PDFsharp simulates it when asked.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (Faces.TryGetValue(faceName, out var cached)) return cached;
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Koban.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Embedded font {faceName} is missing.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Faces[faceName] = buffer.ToArray();
        }
    }
}
