using System.Text;
using Koban.Domain.Accounting.Export;
using static Koban.Domain.Tests.Accounting.Export.ExportTestData;

namespace Koban.Domain.Tests.Accounting.Export;

public class QuadratusWriterTests
{
    [Test]
    public async Task Every_entry_line_is_a_fixed_width_type_M_line_without_header()
    {
        var lines = Lines(await WriteAsync(new QuadratusWriter()), Latin9);

        lines.Length.ShouldBe(Month.Count);
        lines.ShouldAllBe(l => l.Length == QuadratusWriter.LineLength && l[0] == 'M');
    }

    [Test]
    public async Task Fields_sit_at_their_positions()
    {
        var lines = Lines(await WriteAsync(new QuadratusWriter()), Latin9);
        var customer = lines[4]; // VT 1, customer debit 360,00
        static string At(string line, int from, int length) => line.Substring(from - 1, length); // 1-based positions, as the layout reads

        At(customer, 2, 8).ShouldBe("411MARTI"); // auxiliary account cut to 8
        At(customer, 10, 2).ShouldBe("VT");
        At(customer, 12, 3).ShouldBe("000");
        At(customer, 15, 6).ShouldBe("020326");
        At(customer, 21, 1).ShouldBe(" ");
        At(customer, 22, 20).ShouldBe("Facture d'acompte FA");
        At(customer, 42, 1).ShouldBe("D");
        At(customer, 43, 1).ShouldBe("+");
        At(customer, 44, 12).ShouldBe("000000036000");
        At(customer, 56, 44).ShouldBe(new string(' ', 44));
        At(customer, 100, 8).ShouldBe("00000001");
        At(customer, 108, 3).ShouldBe("EUR");
        At(customer, 111, 3).ShouldBe("VT ");
        At(customer, 114, 3).ShouldBe("   ");
        At(customer, 117, 30).ShouldBe("Facture d'acompte FA-2026-0001");
        At(customer, 147, 2).ShouldBe("  ");
        At(customer, 149, 10).ShouldBe("FA-2026-00");
        At(customer, 159, 10).ShouldBe(new string(' ', 10));
        At(customer, 169, 13).ShouldBe("+000000036000");
        At(customer, 182, 50).ShouldBe(new string(' ', 50));

        var revenue = lines[9]; // VT 2, revenue credit 1 000,00
        At(revenue, 2, 8).ShouldBe("706000  ");
        At(revenue, 42, 14).ShouldBe("C+000000100000");
        At(revenue, 15, 6).ShouldBe("200326");
    }

    [Test]
    public async Task Texts_are_ISO_8859_15()
    {
        var bytes = await WriteAsync(new QuadratusWriter(), [Month[0] with { Label = "Réglé 5 €—" }]);

        bytes.Length.ShouldBe(QuadratusWriter.LineLength + 2); // one byte per character
        Latin9.GetString(bytes).Substring(21, 20).ShouldBe("Réglé 5 €?          ");
        bytes[22].ShouldBe((byte)0xE9);
        bytes[29].ShouldBe((byte)0xA4);
    }
}

public class EbpWriterTests
{
    private static readonly Encoding Cp850 = ExportEncodings.CodePage(850);

    [Test]
    public async Task Each_entry_line_is_a_comma_separated_line_with_padded_fields()
    {
        var lines = Lines(await WriteAsync(new EbpWriter()), Cp850);

        lines.Length.ShouldBe(Month.Count);
        lines[4].ShouldBe("    1,02032026,VT,411MARTIN      ,,\"Facture d'acompte FA-2026-0001          \",\"FA-2026-0001   \",0000000360.00,D,02032026,");
        lines[9].ShouldBe("    2,20032026,VT,706000         ,,\"Facture FA-2026-0002                    \",\"FA-2026-0002   \",0000001000.00,C,20032026,");
    }

    [Test]
    public async Task Quotes_and_commas_cannot_break_the_fields_and_texts_are_code_page_850()
    {
        var bytes = await WriteAsync(new EbpWriter(), [Month[0] with { Label = "Réglé \"vite\", 5 €", Account = "512,000" }]);
        var line = Lines(bytes, Cp850)[0];

        line.ShouldStartWith("    1,05032026,BQ,512000         ,,\"Réglé 'vite', 5 ?");
        bytes.ShouldContain((byte)0x82); // é in code page 850
    }
}

public class CsvWriterTests
{
    [Test]
    public async Task The_default_layout_is_semicolons_decimal_comma_french_dates_and_a_header()
    {
        var lines = Lines(await WriteAsync(new CsvWriter(CsvLayout.Default)), Encoding.UTF8);

        lines.Length.ShouldBe(1 + Month.Count);
        lines[0].ShouldBe("JournalCode;EntryNumber;EntryDate;Account;AuxiliaryAccount;PieceRef;Label;Debit;Credit;LetteringCode");
        lines[2].ShouldBe("BQ;1;05/03/2026;411000;411MARTIN;VIR-0305;Règlement FA-2026-0001;0,00;360,00;A");
    }

    [Test]
    public async Task Columns_separator_decimal_mark_date_format_header_and_encoding_are_configurable()
    {
        var layout = new CsvLayout([CsvField.EntryDate, CsvField.Account, CsvField.Amount, CsvField.Direction, CsvField.Label, CsvField.LetteringDate],
            Separator: ',', DecimalMark: '.', DateFormat: "yyyy-MM-dd", Header: false, Encoding: ExportEncoding.Iso885915);
        var lines = Lines(await WriteAsync(new CsvWriter(layout)), Latin9);

        lines.Length.ShouldBe(Month.Count);
        lines[1].ShouldBe("2026-03-05,411000,-360.00,C,Règlement FA-2026-0001,2026-03-05");
        lines[4].ShouldBe("2026-03-02,411000,360.00,D,Facture d'acompte FA-2026-0001,2026-03-05");
    }

    [Test]
    public async Task Values_with_the_separator_quotes_or_line_breaks_are_quoted_per_RFC_4180()
    {
        var layout = new CsvLayout([CsvField.Label, CsvField.Debit]);
        var text = Encoding.UTF8.GetString(await WriteAsync(new CsvWriter(layout), [Month[0] with { Label = "Dit \"urgent\"; payé\r\nle 5" }]));

        text.ShouldBe("Label;Debit\r\n\"Dit \"\"urgent\"\"; payé\r\nle 5\";360,00\r\n");
    }

    [Test]
    public void Unusable_layouts_are_refused()
    {
        new CsvLayout([]).Problems().ShouldNotBeEmpty();
        new CsvLayout([CsvField.Debit], DecimalMark: ';').Problems().ShouldNotBeEmpty();
        new CsvLayout([CsvField.Debit], Separator: ',', DecimalMark: ',').Problems().ShouldNotBeEmpty();
        new CsvLayout([CsvField.Debit], Separator: '"').Problems().ShouldNotBeEmpty();
        new CsvLayout([CsvField.Debit], DateFormat: "").Problems().ShouldNotBeEmpty();
        new CsvLayout([(CsvField)99]).Problems().ShouldNotBeEmpty();
        Should.Throw<ArgumentException>(() => new CsvWriter(new CsvLayout([])));
        CsvLayout.Default.Problems().ShouldBeEmpty();
    }
}

public class AccountingExportFormatTests
{
    [Test]
    public void Every_format_has_a_writer_and_a_description_and_the_unchecked_layouts_say_so()
    {
        foreach (var format in Enum.GetValues<AccountingExportFormat>())
        {
            AccountingFileWriters.For(format).ShouldNotBeNull();
            var description = AccountingExportFormats.Describe(format);
            description.Contains("Unverified", StringComparison.Ordinal).ShouldBe(AccountingExportFormats.IsUnverified(format));
        }
    }
}

public class LetteringCodeTests
{
    [TestCase(1, "A")]
    [TestCase(2, "B")]
    [TestCase(26, "Z")]
    [TestCase(27, "AA")]
    [TestCase(28, "AB")]
    [TestCase(52, "AZ")]
    [TestCase(53, "BA")]
    [TestCase(702, "ZZ")]
    [TestCase(703, "AAA")]
    public void Codes_count_in_base_26_letters(long sequence, string expected) => LetteringCode.From(sequence).ShouldBe(expected);

    [Test]
    public void Zero_has_no_code() => Should.Throw<ArgumentOutOfRangeException>(() => LetteringCode.From(0));
}

public class AccountingExportTests
{
    [Test]
    public void A_requested_export_is_queued_with_no_progress_and_refuses_a_reversed_period()
    {
        var export = AccountingExport.Request(AccountingExportFormat.Fec, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 1, "{}", null, "Claire", DateTimeOffset.UnixEpoch);

        export.Status.ShouldBe(AccountingExportStatus.Queued);
        export.ProgressPercent.ShouldBe(0);
        export.Id.ShouldNotBe(Guid.Empty);
        Should.Throw<ArgumentException>(() => AccountingExport.Request(AccountingExportFormat.Fec, new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1), 1, "{}", null, null, DateTimeOffset.UnixEpoch));
    }
}
