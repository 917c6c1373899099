using System.Security.Cryptography;
using Koban.Domain.Accounting.Export;
using static Koban.Domain.Tests.Accounting.Export.ExportTestData;

namespace Koban.Domain.Tests.Accounting.Export;

public class FecWriterTests
{
    private const string Header =
        "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

    [Test]
    public async Task The_month_is_a_header_then_one_line_of_18_tab_separated_fields_per_entry_line()
    {
        var lines = Lines(await WriteAsync(new FecWriter(FecOptions.Default)), Latin9);

        lines.Length.ShouldBe(1 + Month.Count);
        lines[0].ShouldBe(Header);
        lines.Skip(1).ShouldAllBe(l => l.Split('\t').Length == 18);
        lines[1].ShouldBe("BQ\tBanque\t1\t20260305\t512000\tBanque\t\t\tVIR-0305\t20260305\tRèglement FA-2026-0001\t360,00\t0,00\t\t\t20260331\t\t");
        lines[2].ShouldBe("BQ\tBanque\t1\t20260305\t411000\tClients\t411MARTIN\tBoulangerie Martin\tVIR-0305\t20260305\tRèglement FA-2026-0001\t0,00\t360,00\tA\t20260305\t20260331\t\t");
        // deposit invoice: customer debit incl. VAT, deposits account and VAT credited
        lines[5].ShouldBe("VT\tVentes\t1\t20260302\t411000\tClients\t411MARTIN\tBoulangerie Martin\tFA-2026-0001\t20260302\tFacture d'acompte FA-2026-0001\t360,00\t0,00\tA\t20260305\t20260331\t\t");
        lines[6].ShouldBe("VT\tVentes\t1\t20260302\t419100\tClients - avances et acomptes reçus\t\t\tFA-2026-0001\t20260302\tFacture d'acompte FA-2026-0001\t0,00\t300,00\t\t\t20260331\t\t");
        // balance invoice debits the deposits account back
        lines[9].Split('\t')[4..13].ShouldBe(["419100", "Clients - avances et acomptes reçus", "", "", "FA-2026-0002", "20260320", "Facture FA-2026-0002", "300,00", "0,00"]);
        // credit note: the mirror
        lines[14].Split('\t')[11..13].ShouldBe(["0,00", "120,00"]);
    }

    [Test]
    public async Task The_writer_output_passes_the_checker()
    {
        var result = FecChecker.Check(new MemoryStream(await WriteAsync(new FecWriter(FecOptions.Default), Chronological)), fiscalYearEnd: new DateOnly(2026, 12, 31));

        result.Violations.ShouldBeEmpty();
        result.Entries.ShouldBe(5);
        result.Lines.ShouldBe(1 + Month.Count);
    }

    [TestCase(0, "0,00")]
    [TestCase(1234567.5, "1234567,50")]
    [TestCase(0.07, "0,07")]
    [TestCase(-12.3, "-12,30")]
    public void Amounts_have_a_decimal_comma_two_decimals_and_no_thousands_separator(decimal amount, string expected) =>
        FecWriter.Amount(amount).ShouldBe(expected);

    [Test]
    public async Task Pipe_separated_files_replace_pipes_tabs_and_line_breaks_inside_texts_with_spaces()
    {
        var row = Month[0] with { Label = "Règlement | chèque\r\nn°\t12", CurrencyAmount = 390.15m, CurrencyCode = "USD" };
        var lines = Lines(await WriteAsync(new FecWriter(new FecOptions(FecSeparator.Pipe)), [row, Month[1]]), Latin9);

        lines[0].ShouldBe(Header.Replace('\t', '|'));
        var fields = lines[1].Split('|');
        fields.Length.ShouldBe(18);
        fields[10].ShouldBe("Règlement   chèque  n° 12");
        fields[16].ShouldBe("390,15");
        fields[17].ShouldBe("USD");
        // alone in a file, the receipt's customer line cannot keep the letter it shares with the deposit invoice
        var unlettered = Month[1] with { LetteringCode = null, LetteringDate = null };
        FecChecker.Check(new MemoryStream(await WriteAsync(new FecWriter(new FecOptions(FecSeparator.Pipe)), [row, unlettered]))).Violations.ShouldBeEmpty();
    }

    [Test]
    public async Task ISO_8859_15_writes_accents_and_the_euro_sign_on_one_byte_and_question_marks_for_the_rest()
    {
        var row = Month[0] with { Label = "é€—" };
        var bytes = await WriteAsync(new FecWriter(FecOptions.Default), [row]);

        bytes.ShouldContain((byte)0xE9); // é
        bytes.ShouldContain((byte)0xA4); // € in ISO-8859-15 (¤ in Latin-1)
        Latin9.GetString(bytes).ShouldContain("\té€?\t");
        bytes.ShouldNotContain((byte)0xC3); // no UTF-8 sequence
    }

    [Test]
    public async Task UTF_8_is_an_option_and_has_no_byte_order_mark()
    {
        var row = Month[0] with { Label = "é€—" };
        var bytes = await WriteAsync(new FecWriter(new FecOptions(Encoding: ExportEncoding.Utf8)), [row]);

        bytes[..3].ShouldBe("Jou"u8.ToArray());
        System.Text.Encoding.UTF8.GetString(bytes).ShouldContain("\té€—\t");
        new FecWriter(new FecOptions(Encoding: ExportEncoding.Utf8)).ContentType.ShouldBe("text/plain; charset=utf-8");
        new FecWriter(FecOptions.Default).ContentType.ShouldBe("text/plain; charset=iso-8859-15");
    }

    [Test]
    public void The_file_name_is_the_SIREN_FEC_and_the_closing_date() =>
        FecFileName.For("732829320", new DateOnly(2026, 12, 31)).ShouldBe("732829320FEC20261231.txt");

    [Test]
    public async Task Progress_reports_the_final_count()
    {
        var reported = new List<long>();
        using var output = new MemoryStream();
        var count = await new FecWriter(FecOptions.Default).WriteAsync(Stream(Month), output, new SyncProgress(reported));

        count.ShouldBe(Month.Count);
        reported.ShouldBe([Month.Count]);
        SHA256.HashData(output.ToArray()).Length.ShouldBe(32);
    }

    internal sealed class SyncProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }
}
