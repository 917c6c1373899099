using System.Text;
using Koban.Domain.Accounting.Export;
using static Koban.Domain.Tests.Accounting.Export.ExportTestData;

namespace Koban.Domain.Tests.Accounting.Export;

public class FecCheckerTests
{
    private static string[] _valid = null!;

    [OneTimeSetUp]
    public async Task Write() => _valid = Lines(await WriteAsync(new FecWriter(FecOptions.Default), Chronological), Latin9);

    /// <summary>File lines (header = line 1): VT 1 at 2–4, BQ 1 at 5–6, VT 2 at 7–10, VT 3 at 11–13, BQ 2 at 14–15.</summary>
    private static FecCheckResult Check(IEnumerable<string> lines, IReadOnlyDictionary<string, int>? first = null, DateOnly? fiscalYearEnd = null) =>
        FecChecker.Check(new MemoryStream(Latin9.GetBytes(string.Concat(lines.Select(l => l + "\r\n")))), firstNumbers: first, fiscalYearEnd: fiscalYearEnd);

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
        // VT 2 starts at line 7 of the file (header = line 1)
        ShouldReport(Check(With(6, 12, "1000,01")), FecRule.Balance, 7);
    }

    [Test]
    public void A_gap_in_a_journal_s_numbers_is_reported()
    {
        var lines = _valid.Select(l => l.StartsWith("VT\tVentes\t3\t", StringComparison.Ordinal) ? l.Replace("VT\tVentes\t3\t", "VT\tVentes\t4\t", StringComparison.Ordinal) : l);
        ShouldReport(Check(lines), FecRule.Numbering, 11);
    }

    [Test]
    public void Numbers_start_at_one_unless_the_period_continues_a_fiscal_year()
    {
        var shifted = _valid.Select(l => l.StartsWith("BQ\t", StringComparison.Ordinal) ? l.Replace("BQ\tBanque\t1\t", "BQ\tBanque\t41\t", StringComparison.Ordinal).Replace("BQ\tBanque\t2\t", "BQ\tBanque\t42\t", StringComparison.Ordinal) : l).ToArray();
        ShouldReport(Check(shifted), FecRule.Numbering, 5);
        Check(shifted, new Dictionary<string, int> { ["BQ"] = 41 }).Violations.ShouldBeEmpty();
    }

    [Test]
    public void An_entry_whose_lines_are_not_contiguous_is_reported()
    {
        var lines = _valid.ToList();
        var moved = lines[6]; // first line of VT 2
        lines.RemoveAt(6);
        lines.Insert(10, moved); // after VT 2's other lines and VT 3's first line
        ShouldReport(Check(lines), FecRule.Numbering, 11);
    }

    [Test]
    public void Entries_out_of_date_order_in_a_journal_are_reported()
    {
        // VT 3 dated before VT 2
        var lines = _valid.Select(l => l.StartsWith("VT\tVentes\t3\t", StringComparison.Ordinal) ? l.Replace("\t20260325\t", "\t20260310\t", StringComparison.Ordinal) : l);
        ShouldReport(Check(lines), FecRule.DateOrder, 11);
    }

    [Test]
    public async Task Lines_grouped_by_journal_instead_of_in_date_order_are_reported()
    {
        // the whole bank journal, then the whole sales journal: VT 1 (2 March) comes after BQ 2 (28 March)
        var grouped = Lines(await WriteAsync(new FecWriter(FecOptions.Default), Month), Latin9);
        ShouldReport(Check(grouped), FecRule.DateOrder, 6);
        // same day, two journals: the journal code decides (BQ before VT)
        var sameDay = _valid.Select(l => l.StartsWith("BQ\tBanque\t1\t", StringComparison.Ordinal) ? l.Replace("\t20260305\t", "\t20260302\t", StringComparison.Ordinal) : l);
        ShouldReport(Check(sameDay), FecRule.DateOrder, 5);
    }

    [Test]
    public void Entries_outside_the_fiscal_year_are_reported()
    {
        Check(_valid, fiscalYearEnd: new DateOnly(2026, 12, 31)).Violations.ShouldBeEmpty();
        Check(_valid, fiscalYearEnd: new DateOnly(2026, 6, 30)).Violations.ShouldBeEmpty("a fiscal year from July to June");
        var result = Check(_valid, fiscalYearEnd: new DateOnly(2026, 3, 19));
        ShouldReport(result, FecRule.FiscalYear, 7); // VT 2 of 20 March opens the next fiscal year
        result.Violations.Count(v => v.Rule == FecRule.FiscalYear).ShouldBe(3, "VT 2, VT 3, BQ 2");
        // without a closing date: every entry within a year of the first
        var nextYear = _valid.Select(l => l.StartsWith("BQ\tBanque\t2\t", StringComparison.Ordinal) ? l.Replace("\t20260328\t", "\t20270328\t", StringComparison.Ordinal) : l);
        ShouldReport(Check(nextYear), FecRule.FiscalYear, 14);
    }

    [Test]
    public void Every_letter_balances_to_zero_on_its_account()
    {
        // the balance invoice's customer line joins letter A (deposit + its receipt): A no longer balances
        ShouldReport(Check(With(6, 13, "A").Select((l, i) => i == 6 ? l.Replace("\tA\t\t", "\tA\t20260320\t", StringComparison.Ordinal) : l)), FecRule.Lettering, 2);
        // the same letter on another auxiliary account is another letter: both unbalanced
        var otherCustomer = With(5, 6, "411DURAND");
        var result = Check(otherCustomer);
        result.Violations.Count(v => v.Rule == FecRule.Lettering).ShouldBe(2, string.Join("\n", result.Violations));
        // a code without its date, a date without its code
        ShouldReport(Check(With(5, 14, "")), FecRule.Lettering, 6);
        ShouldReport(Check(With(2, 14, "20260305")), FecRule.Lettering, 3);
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
