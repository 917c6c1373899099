using System.Text;

namespace Koban.Domain.Accounting.Export;

/// <summary>Character sets an export can be written in.</summary>
public enum ExportEncoding
{
    /// <summary>ISO-8859-15 (Latin-9, code page 28605): Latin-1 plus €, œ, Š…; the FEC default.</summary>
    Iso885915,

    /// <summary>UTF-8 without byte order mark.</summary>
    Utf8,
}

public static class ExportEncodings
{
    static ExportEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoder: characters outside a single-byte code page become <c>?</c>; UTF-8 is written without BOM.</summary>
    public static Encoding Get(ExportEncoding encoding) => encoding switch
    {
        ExportEncoding.Iso885915 => CodePage(28605),
        ExportEncoding.Utf8 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    /// <summary>A single-byte code page whose unmapped characters are written as <c>?</c>.</summary>
    public static Encoding CodePage(int codePage) =>
        Encoding.GetEncoding(codePage, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("?"));

    public static string CharsetName(ExportEncoding encoding) => encoding == ExportEncoding.Utf8 ? "utf-8" : "iso-8859-15";
}
