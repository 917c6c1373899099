using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Koban.Domain.Accounting.Export;
using static Koban.Domain.Tests.Accounting.Export.ExportTestData;

namespace Koban.Domain.Tests.Accounting.Export;

public class HashingStreamTests
{
    [Test]
    public async Task The_hash_and_length_are_those_of_the_bytes_written()
    {
        foreach (var format in Enum.GetValues<AccountingExportFormat>())
        {
            using var copy = new MemoryStream();
            await using var hashing = new HashingStream(copy);
            await AccountingFileWriters.For(format).WriteAsync(Stream(Month), hashing);

            hashing.BytesWritten.ShouldBe(copy.Length);
            hashing.Sha256().ShouldBe(SHA256.HashData(copy.ToArray()));
            hashing.Sha256Hex().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
        }
    }

    [Test]
    public void Synchronous_writes_are_hashed_too_and_writing_after_reading_the_hash_fails()
    {
        using var copy = new MemoryStream();
        using var hashing = new HashingStream(copy);
        hashing.Write([1, 2, 3], 0, 3);
        hashing.Write([4]);

        hashing.Sha256().ShouldBe(SHA256.HashData(new byte[] { 1, 2, 3, 4 }));
        hashing.BytesWritten.ShouldBe(4);
        Should.Throw<InvalidOperationException>(() => hashing.Write([5]));
    }
}

public class StreamingTests
{
    private const int Rows = 1_000_000;

    /// <summary>A million balanced lines made on the fly: 500 000 two-line entries in journal VT, none kept.</summary>
    private static async IAsyncEnumerable<ExportRow> Generated([EnumeratorCancellation] CancellationToken ct = default)
    {
        var start = new DateOnly(2026, 1, 1);
        for (var i = 0; i < Rows; i++)
        {
            if (i % 10_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            var number = i / 2 + 1;
            var date = start.AddDays(number / 1_500);
            var amount = 100m + number % 997;
            yield return i % 2 == 0
                ? new ExportRow("VT", "Ventes", number, date, "411000", "Clients", "411C" + (number % 5000), "Client", "FA-" + number, date, "Facture FA-" + number, amount, 0m, null, null, date, null, null)
                : new ExportRow("VT", "Ventes", number, date, "706000", "Prestations de services", null, null, "FA-" + number, date, "Facture FA-" + number, 0m, amount, null, null, date, null, null);
        }
    }

    private static async Task<(long Rows, long Bytes, string Hash)> WriteAsync()
    {
        await using var hashing = new HashingStream(System.IO.Stream.Null);
        long lastProgress = 0;
        var rows = await new FecWriter(FecOptions.Default).WriteAsync(Generated(), hashing, new SyncProgress(v => lastProgress = v));
        lastProgress.ShouldBe(rows);
        return (rows, hashing.BytesWritten, hashing.Sha256Hex());
    }

    [Test]
    public async Task A_million_rows_stream_through_the_FEC_writer_and_two_passes_give_the_same_bytes()
    {
        var first = await WriteAsync();
        var second = await WriteAsync();

        first.Rows.ShouldBe(Rows);
        first.Bytes.ShouldBeGreaterThan(Rows * 80L);
        second.ShouldBe(first);
    }

    [Test]
    public async Task The_generated_file_passes_the_checker()
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(path))
                await new FecWriter(FecOptions.Default).WriteAsync(Generated(), file);
            await using var read = File.OpenRead(path);
            var result = FecChecker.Check(read);
            result.Violations.ShouldBeEmpty();
            result.Entries.ShouldBe(Rows / 2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
