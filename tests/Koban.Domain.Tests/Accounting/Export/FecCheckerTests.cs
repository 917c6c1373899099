using System.Text;
using Koban.Domain.Accounting.Export;
using static Koban.Domain.Tests.Accounting.Export.ExportTestData;

namespace Koban.Domain.Tests.Accounting.Export;

public class FecCheckerTests
{
    private static string[] _valid = null!;

    [OneTimeSetUp]
    public async Task Write() => _valid = Lines(await WriteAsync(new FecWriter(FecOptions.Default)), Latin9);

    private static FecCheckResult Check(IEnumerable<string> lines, IReadOnlyDictionary<string, int>? first = null) =>
        FecChecker.Check(new MemoryStream(Latin9.GetBytes(string.Concat(lines.Select(l => l + "\r\n")))), firstNumbers: first);

    /// <summary>The valid file with field <paramref name="field"/> of line <paramref name="line"/> replaced.</summary>
    private static string[] With(int line, int field, string value)
    {
        var lines = (string[])_valid.Clone();
        var fields = lines[line].Split('\t');
        fields[field] = value;
        lines[line] = string.Join('\t', fields);
        return lines;
    }

    private static void ShouldReport(FecCheckResult result, FecRule rule, long line)
    {
        result.IsValid.ShouldBeFalse();
        result.Violations.ShouldContain(v => v.Rule == rule && v.Line == line, string.Join("\n", result.Violations));
    }

    [Test]
    public void A_valid_file_has_no_violation() => Check(_valid).Violations.ShouldBeEmpty();

    [Test]
    public void A_wrong_header_is_reported()
    {
        var lines = (string[])_valid.Clone();
        lines[0] = lines[0].Replace("Montantdevise", "MontantDevise", StringComparison.Ordinal);
        ShouldReport(Check(lines), FecRule.Header, 1);
    }

    [Test]
    public void A_line_without_18_fields_is_reported()
    {
        var lines = (string[])_valid.Clone();
        lines[3] += "\textra";
        ShouldReport(Check(lines), FecRule.ColumnCount, 4);
    }

    [TestCase(3, "2026-03-05")]
    [TestCase(3, "20260230")]
    [TestCase(9, "")]
    [TestCase(14, "5032026")]
    [TestCase(15, "20261331")]
    public void Dates_must_be_valid_yyyyMMdd(int field, string value) => ShouldReport(Check(With(2, field, value)), FecRule.Date, 3);

    [TestCase(11, "360.00")]
    [TestCase(11, "1 360,00")]
    [TestCase(12, "")]
    [TestCase(12, "12,345")]
    [TestCase(16, "1.5")]
    public void Amounts_must_use_a_decimal_comma(int field, string value) => ShouldReport(Check(With(2, field, value)), FecRule.Amount, 3);

    [Test]
    public void An_unbalanced_entry_is_reported_at_its_first_line()
    {
        // VT 2 starts at line 9 of the file (header = line 1)
        ShouldReport(Check(With(9, 12, "1000,01")), FecRule.Balance, 9);
    }

    [Test]
    public void A_gap_in_a_journal_s_numbers_is_reported()
    {
        var lines = _valid.Select(l => l.StartsWith("VT\tVentes\t3\t", StringComparison.Ordinal) ? l.Replace("VT\tVentes\t3\t", "VT\tVentes\t4\t", StringComparison.Ordinal) : l);
        ShouldReport(Check(lines), FecRule.Numbering, 13);
    }

    [Test]
    public void Numbers_start_at_one_unless_the_period_continues_a_fiscal_year()
    {
        var shifted = _valid.Select(l => l.StartsWith("BQ\t", StringComparison.Ordinal) ? l.Replace("BQ\tBanque\t1\t", "BQ\tBanque\t41\t", StringComparison.Ordinal).Replace("BQ\tBanque\t2\t", "BQ\tBanque\t42\t", StringComparison.Ordinal) : l).ToArray();
        ShouldReport(Check(shifted), FecRule.Numbering, 2);
        Check(shifted, new Dictionary<string, int> { ["BQ"] = 41 }).Violations.ShouldBeEmpty();
    }

    [Test]
    public void An_entry_whose_lines_are_not_contiguous_is_reported()
    {
        var lines = _valid.ToList();
        var moved = lines[5]; // first line of VT 1
        lines.RemoveAt(5);
        lines.Insert(8, moved); // after VT 1's other lines and VT 2's first line
        ShouldReport(Check(lines), FecRule.Numbering, 9);
    }

    [Test]
    public void Entries_out_of_date_order_in_a_journal_are_reported()
    {
        // VT 3 dated before VT 2
        var lines = _valid.Select(l => l.StartsWith("VT\tVentes\t3\t", StringComparison.Ordinal) ? l.Replace("\t20260325\t", "\t20260310\t", StringComparison.Ordinal) : l);
        ShouldReport(Check(lines), FecRule.DateOrder, 13);
    }

    [Test]
    public void Empty_required_fields_and_non_numeric_numbers_are_reported()
    {
        ShouldReport(Check(With(2, 4, "")), FecRule.Required, 3);
        ShouldReport(Check(With(2, 2, "BQ1")), FecRule.Numbering, 3);
    }

    [Test]
    public void Pipe_separated_files_are_recognised_by_their_header()
    {
        var result = Check(_valid.Select(l => l.Replace('\t', '|')));
        result.Violations.ShouldBeEmpty();
        result.Separator.ShouldBe('|');
    }

    [Test]
    public void An_empty_file_is_reported() => ShouldReport(FecChecker.Check(new MemoryStream([]), Encoding.UTF8), FecRule.Header, 1);
}
