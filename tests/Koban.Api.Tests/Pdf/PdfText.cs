using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Koban.Pdf.Tests;

/// <summary>Reads a PDF back as text with poppler's <c>pdftotext -layout</c> (Debian package poppler-utils, installed by
/// <c>./koban test</c>). No-break and narrow no-break spaces come back as plain spaces, so assertions read naturally.</summary>
public static class PdfText
{
    public static string[] Pages(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"koban-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Fail("pdftotext not found: install poppler-utils (apt-get install poppler-utils); ./koban test installs it.");
                throw;
            }
            using (process)
            {
                var text = process.StandardOutput.ReadToEnd();
                var errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                process.ExitCode.ShouldBe(0, errors);
                var pages = Normalise(text).Split('\f');
                return pages[^1].Trim().Length == 0 ? pages[..^1] : pages;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string All(byte[] pdf) => string.Join("\n", Pages(pdf));

    /// <summary>The text with runs of spaces collapsed, so a phrase can be found whatever the column layout put between words.</summary>
    public static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, "[ \t]+", " ");

    private static string Normalise(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>A valid PNG of the given size and colour, written by hand (IHDR, IDAT, IEND with their CRCs).</summary>
    public static byte[] Png(int width, int height, byte r, byte g, byte b)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                raw.WriteByte(r);
                raw.WriteByte(g);
                raw.WriteByte(b);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(z);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
