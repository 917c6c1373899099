#:project ../../api/Koban.Api/Koban.Api.csproj
#:property PublishAot=false
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using Koban.Api.Features.Documents;
using Koban.Api.Features.DocumentTemplates;
using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Companies;
using Koban.Domain.Documents;

var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;

var seller = new PrintableSeller("Atelier Koban Démo SAS", "SAS", 10000m, PostalAddress.Create("12 rue de la République", null, "69002", "Lyon", "FR"),
    "732829320", "Lyon", "FR44732829320", "FR7630006000011234567890189", "AGRIFRPP", "contact@demo.koban.fr", "04 72 00 00 00");
var buyer = new PrintableBuyer("Menuiserie Durand SARL", true, PostalAddress.Create("8 avenue Jean Jaurès", null, "69007", "Lyon", "FR"),
    PostalAddress.Create("ZI des Œillets", null, "69800", "Saint-Priest", "FR"), "542065479", "FR73542065479", "Claire Durand");
var lines = Enumerable.Range(1, 20).Select(i => new PrintableLine(LineKind.Free,
    $"Élément de mobilier n° {i} sur mesure en chêne massif, finition huilée, quincaillerie comprise", i, "C62", 100m + i, i % 3 == 0 ? 5m : 0m,
    i % 4 == 0 ? 10m : 20m, VatCategory.Standard, 0m)).ToList();
// The renderer computes nothing; the amounts here only need to look like real ones.
var document = new PrintableDocument(PrintableKind.Invoice, "Facture", "FA-2026-00042", new DateOnly(2026, 11, 20), null, new DateOnly(2026, 12, 20), null,
    seller, buyer, "BC-2026-118", [new PrintableReference("Commande", "CO-2026-00031", new DateOnly(2026, 11, 2))], "Livraison de biens",
    lines, [new PrintableVatRow(20m, VatCategory.Standard, 20000m, 4000m), new PrintableVatRow(10m, VatCategory.Standard, 2000m, 200m)],
    22000m, 4200m, 26200m, 26200m, "30 jours", "Virement bancaire", "Pas d'escompte pour paiement anticipé", 12.15m, true, [],
    "Merci pour votre confiance.", null, null, null);
var template = DocumentTemplateSettings.Default(PrintableKind.Invoice) with
{
    FooterText = "Atelier Koban – du lundi au vendredi",
    TermsAndConditions = "Clause de réserve de propriété : les marchandises restent notre propriété jusqu'au paiement intégral.",
};
var logo = Png(240, 80);

var watch = Stopwatch.StartNew();
var pdf = DocumentPdfRenderer.Render(document, template, logo);
var cold = watch.Elapsed.TotalMilliseconds;

var times = new double[runs];
for (var i = 0; i < runs; i++)
{
    watch.Restart();
    DocumentPdfRenderer.Render(document, template, logo);
    times[i] = watch.Elapsed.TotalMilliseconds;
}
Array.Sort(times);

watch.Restart();
Parallel.For(0, runs, _ => DocumentPdfRenderer.Render(document, template, logo));
var parallel = watch.Elapsed.TotalSeconds;

Console.WriteLine($"pdf: {pdf.Length / 1024.0:0.0} KiB, 20 lines, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
Console.WriteLine($"cold (first render in the process): {cold:0.0} ms");
Console.WriteLine($"warm x{runs}: mean {times.Average():0.00} ms, median {times[runs / 2]:0.00} ms, p95 {times[(int)(runs * 0.95)]:0.00} ms, max {times[^1]:0.00} ms");
Console.WriteLine($"parallel x{runs} on {Environment.ProcessorCount} cores: {parallel:0.00} s, {runs / parallel:0} renders/s");

static byte[] Png(int width, int height)
{
    using var raw = new MemoryStream();
    for (var y = 0; y < height; y++)
    {
        raw.WriteByte(0);
        for (var x = 0; x < width; x++) raw.Write([0x1F, 0x4E, (byte)(x % 255)]);
    }
    using var compressed = new MemoryStream();
    using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, true)) raw.WriteTo(z);
    using var png = new MemoryStream();
    png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
    var header = new byte[13];
    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
    header[8] = 8;
    header[9] = 2;
    Chunk(png, "IHDR", header);
    Chunk(png, "IDAT", compressed.ToArray());
    Chunk(png, "IEND", []);
    return png.ToArray();

    static void Chunk(Stream output, string type, byte[] data)
    {
        var buffer = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)data.Length);
        output.Write(buffer);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer, ~crc);
        output.Write(buffer);
    }
}
