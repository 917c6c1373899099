using Koban.Domain.Accounting.Export;
using Koban.Domain.Common;

namespace Koban.Domain.Tests.Accounting.Export;

/// <summary>The rules an export request meets before it is queued: one fiscal year, account numbers the format keeps apart.</summary>
public class ExportRulesTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [TestCase(1, "2026-01-01", "2026-12-31")]
    [TestCase(1, "2026-03-01", "2026-03-31")]
    [TestCase(7, "2025-07-01", "2026-06-30")]
    [TestCase(7, "2026-02-01", "2026-06-30")]
    public void A_period_inside_one_fiscal_year_is_accepted(int startMonth, string from, string to) =>
        Should.NotThrow(() => AccountingExport.CheckOneFiscalYear(D(from), D(to), startMonth));

    [TestCase(1, "2025-12-01", "2026-01-31", "31/12/2025")]
    [TestCase(1, "2026-01-01", "2027-01-01", "31/12/2026")]
    [TestCase(7, "2026-06-01", "2026-07-31", "30/06/2026")]
    [TestCase(4, "2025-04-01", "2026-04-01", "31/03/2026")]
    public void A_period_running_into_the_next_fiscal_year_is_refused_on_its_end(int startMonth, string from, string to, string fiscalYearEnd)
    {
        var e = Should.Throw<DomainException>(() => AccountingExport.Request(AccountingExportFormat.Csv, D(from), D(to), startMonth, "{}", null, null,
            DateTimeOffset.UnixEpoch));
        e.Code.ShouldBe(ErrorCodes.AccountingExportSpansFiscalYears);
        e.Field.ShouldBe("to");
        e.Arguments["fiscalYearEnd"].ShouldBe(fiscalYearEnd);
    }

    [Test]
    public void Every_format_s_account_width_is_known_and_whole_numbers_never_clash()
    {
        foreach (var format in Enum.GetValues<AccountingExportFormat>())
            Should.NotThrow(() => AccountingExportFormats.AccountWidth(format));
        AccountingExportFormats.AccountWidth(AccountingExportFormat.Quadratus).ShouldBe(8);
        AccountingExportFormats.AccountWidth(AccountingExportFormat.Ebp).ShouldBe(15);
        AccountingExportFormats.Clashes(AccountingExportFormat.Fec, [new("411MARTIN", "a"), new("411MARTINE", "b")]).ShouldBeEmpty();
        AccountingExportFormats.Clashes(AccountingExportFormat.Csv, [new("411MARTIN", "a"), new("411MARTINE", "b")]).ShouldBeEmpty();
    }

    [Test]
    public void Numbers_equal_once_cut_to_the_format_s_width_clash_and_are_named()
    {
        ExportAccount[] accounts =
        [
            new("411MARTINE", "Martine SA"), new("411MARTIN", "Boulangerie Martin"), new("411MARTI", "Martinez"), new("411DURAND", "Durand"),
            new("411MARTIN", "Boulangerie Martin"), new("706000", "Prestations"), new("411ABCDEFGHIJKLMN1", "Long 1"), new("411ABCDEFGHIJKLMN2", "Long 2"),
        ];
        var quadratus = AccountingExportFormats.Clashes(AccountingExportFormat.Quadratus, accounts);
        quadratus.Count.ShouldBe(2);
        quadratus[0].Select(a => a.Number).ShouldBe(["411ABCDEFGHIJKLMN1", "411ABCDEFGHIJKLMN2"]);
        quadratus[1].Select(a => a.Name).ShouldBe(["Martinez", "Boulangerie Martin", "Martine SA"]);
        var ebp = AccountingExportFormats.Clashes(AccountingExportFormat.Ebp, accounts);
        ebp.Single().Select(a => a.Number).ShouldBe(["411ABCDEFGHIJKLMN1", "411ABCDEFGHIJKLMN2"], "15 characters keep 411MARTIN and 411MARTINE apart");
    }
}

/// <summary>Lettering groups lines that settle each other, and only when they balance within the exported period.</summary>
public class LetteringTests
{
    private static readonly DateOnly From = new(2026, 3, 1);
    private static readonly DateOnly To = new(2026, 3, 31);
    private static readonly Guid Invoice = Guid.NewGuid(), InvoiceDoc = Guid.NewGuid(), Other = Guid.NewGuid(), OtherDoc = Guid.NewGuid();
    private static readonly Guid Receipt = Guid.NewGuid(), Note = Guid.NewGuid(), Refund = Guid.NewGuid();

    private static DateOnly Day(int day) => new(2026, 3, day);

    [Test]
    public void An_invoice_and_the_receipt_line_booked_for_it_are_lettered_even_when_the_receipt_also_pays_another_invoice_in_part()
    {
        LetteringNode[] nodes =
        [
            new(Invoice, null, 524.12m, Day(2), Day(2), 7), new(Other, null, 1455.90m, Day(3), Day(3), 8),
            new(Receipt, InvoiceDoc, -524.12m, Day(10), Day(10), null), new(Receipt, OtherDoc, -800m, Day(10), Day(10), null),
        ];
        var letters = Lettering.Assign(nodes, [new(Invoice, Receipt, InvoiceDoc), new(Other, Receipt, OtherDoc)], From, To);
        letters.Keys.ShouldBe([(Invoice, (Guid?)null), (Receipt, (Guid?)InvoiceDoc)], ignoreOrder: true);
        letters[(Invoice, null)].ShouldBe(new Letter(LetteringCode.From(7), Day(10)));
        letters[(Receipt, InvoiceDoc)].ShouldBe(letters[(Invoice, null)]);
    }

    [Test]
    public void A_receipt_identified_later_letters_with_the_invoice_through_its_untagged_line()
    {
        // the receipt's customer line comes from the identification entry (471 → 411), which names no invoice
        LetteringNode[] nodes = [new(Invoice, null, 120m, Day(2), Day(2), 3), new(Receipt, null, -120m, Day(20), Day(20), null)];
        var letters = Lettering.Assign(nodes, [new(Invoice, Receipt, InvoiceDoc)], From, To);
        letters.Count.ShouldBe(2);
        letters[(Receipt, null)].Date.ShouldBe(Day(20));
    }

    [Test]
    public void A_paid_invoice_then_a_credit_note_and_its_refund_make_two_balanced_letters()
    {
        LetteringNode[] nodes =
        [
            new(Invoice, null, 1200m, Day(2), Day(2), 1), new(Receipt, InvoiceDoc, -1200m, Day(5), Day(5), null),
            new(Note, null, -200m, Day(12), Day(12), 2), new(Refund, null, 200m, Day(15), Day(15), null),
        ];
        var letters = Lettering.Assign(nodes, [new(Invoice, Receipt, InvoiceDoc), new(Refund, Note, Guid.NewGuid())], From, To);
        letters[(Invoice, null)].Code.ShouldBe("A");
        letters[(Receipt, InvoiceDoc)].Code.ShouldBe("A");
        letters[(Note, null)].ShouldBe(new Letter("B", Day(15)));
        letters[(Refund, null)].Code.ShouldBe("B");
    }

    [Test]
    public void Groups_still_open_outside_the_period_or_without_a_document_stay_unlettered()
    {
        LetteringNode[] open = [new(Invoice, null, 1000m, Day(2), Day(2), 1), new(Receipt, null, -400m, Day(5), Day(5), null)];
        Lettering.Assign(open, [new(Invoice, Receipt, InvoiceDoc)], From, To).ShouldBeEmpty();

        LetteringNode[] paidInApril = [new(Invoice, null, 100m, Day(2), Day(2), 1), new(Receipt, null, -100m, Day(5), new DateOnly(2026, 4, 2), null)];
        Lettering.Assign(paidInApril, [new(Invoice, Receipt, InvoiceDoc)], From, To).ShouldBeEmpty("the identification is dated in April");
        Lettering.Assign(paidInApril, [new(Invoice, Receipt, InvoiceDoc)], From, new DateOnly(2026, 4, 30)).Count.ShouldBe(2);

        LetteringNode[] outOfReach = [new(Invoice, null, 100m, Day(2), Day(2), 1)];
        Lettering.Assign(outOfReach, [new(Invoice, Receipt, InvoiceDoc)], From, To).ShouldBeEmpty("its receipt has no line in reach");

        LetteringNode[] refundedReceipt = [new(Receipt, null, -50m, Day(5), Day(5), null), new(Refund, null, 50m, Day(6), Day(6), null)];
        Lettering.Assign(refundedReceipt, [new(Refund, Receipt, Guid.NewGuid())], From, To).ShouldBeEmpty("no invoice or credit note gives it a code");
    }
}
