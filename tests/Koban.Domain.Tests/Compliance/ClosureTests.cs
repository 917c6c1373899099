using Koban.Domain.Common;
using Koban.Domain.Compliance;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;

namespace Koban.Domain.Tests.Compliance;

public sealed class ClosureTests
{
    private static readonly Guid Company = Guid.Parse("01900000-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset ClosedAt = new(2026, 4, 2, 1, 0, 0, TimeSpan.Zero);

    private static ClosureContext Context(DateOnly today, DateOnly? firstOpen = null, params (ClosureKind, DateOnly)[] existing) =>
        new(today, ClosedAt, null, "Clôture automatique", existing, firstOpen, 7, new string('a', 64));

    private static ClosureDocument Invoice(string number, DateOnly date, long sequence, params (decimal Rate, decimal Base, decimal Vat)[] rows) =>
        Document("INV-Full", false, number, date, sequence, rows);

    private static ClosureDocument Document(string type, bool credit, string number, DateOnly date, long sequence, params (decimal Rate, decimal Base, decimal Vat)[] rows)
    {
        var breakdown = rows.Select(r => new VatBreakdownLine(r.Rate, r.Base, r.Vat)).ToList();
        var b = breakdown.Sum(r => r.Base);
        var v = breakdown.Sum(r => r.Vat);
        return new ClosureDocument(type, credit, date, sequence, number, new string('f', 64), breakdown, b, v, b + v);
    }

    [Test]
    public void A_fiscal_year_is_named_after_its_closing_year()
    {
        var july = ClosurePeriod.FiscalYearEndingIn(2026, 7);
        july.Start.ShouldBe(new DateOnly(2025, 7, 1));
        july.End.ShouldBe(new DateOnly(2026, 6, 30));
        july.Label.ShouldBe("FY2026");
        var calendar = ClosurePeriod.FiscalYearEndingIn(2026, 1);
        (calendar.Start, calendar.End).ShouldBe((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        ClosurePeriod.Month(2026, 2, 7).FiscalYearStart.ShouldBe(new DateOnly(2025, 7, 1));
        ClosurePeriod.Month(2026, 2, 7).End.ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Test]
    public void Closing_a_month_totals_the_period_per_type_and_rate_and_cumulates_since_the_fiscal_year_start()
    {
        var march = ClosurePeriod.Month(2026, 3, 1);
        var documents = new[]
        {
            Invoice("FA-2026-00001", new DateOnly(2026, 2, 10), 1, (20m, 100m, 20m)),
            Invoice("FA-2026-00002", new DateOnly(2026, 3, 5), 2, (20m, 1455.90m, 291.18m), (5.5m, 10m, 0.55m)),
            Invoice("FA-2026-00003", new DateOnly(2026, 3, 31), 4, (20m, 0.10m, 0.02m)),
            Document("CRN", true, "AV-2026-00001", new DateOnly(2026, 3, 20), 3, (20m, 337.95m, 67.59m)),
        };

        var closure = Closure.Close(Guid.NewGuid(), Company, march, Context(new DateOnly(2026, 4, 1)), documents);

        closure.PeriodRows.ShouldBe(
        [
            new ClosureTotalsRow("CRN", 20m, VatCategory.Standard, 1, 337.95m, 67.59m, 405.54m),
            new ClosureTotalsRow("INV-Full", 20m, VatCategory.Standard, 2, 1456.00m, 291.20m, 1747.20m),
            new ClosureTotalsRow("INV-Full", 5.5m, VatCategory.Standard, 1, 10m, 0.55m, 10.55m),
        ]);
        closure.PeriodTotals.ShouldBe(new ClosureGrandTotals(3, 1466.00m - 337.95m, 291.75m - 67.59m, 1757.75m - 405.54m));
        closure.CumulativeRows.Single(r => r.DocumentType == "INV-Full" && r.VatRate == 20m).ShouldBe(new ClosureTotalsRow("INV-Full", 20m, VatCategory.Standard, 3, 1556.00m, 311.20m, 1867.20m));
        closure.CumulativeTotals.Count.ShouldBe(4);
        closure.CumulativeTotals.TotalIncludingVat.ShouldBe(120m + 1757.75m - 405.54m);
        closure.LastDocumentNumber.ShouldBe("FA-2026-00003", "the last document of the period in chain order");
        closure.LastDocumentSequence.ShouldBe(4);
        closure.ChainSequence.ShouldBe(7);
        closure.Fingerprint.ShouldBe(closure.RecomputeFingerprint());
        closure.Fingerprint.Length.ShouldBe(64);
    }

    [Test]
    public void The_canonical_text_is_the_documented_one()
    {
        var closure = Closure.Close(Guid.NewGuid(), Company, ClosurePeriod.Month(2026, 3, 1), Context(new DateOnly(2026, 4, 1)),
            [Invoice("FA|1", new DateOnly(2026, 3, 5), 2, (20m, 10m, 2m))]);
        ClosureFingerprint.Canonical(closure).ShouldBe(
            "KOBAN-CLOSURE-1|01900000-0000-7000-8000-000000000001|Month|20260301|20260331|20260101|20260402010000||7\n" +
            $"LAST|FA\\|1|2|{new string('f', 64)}\n" +
            "PERIOD|INV-Full|2000|S|1|1000|200|1200\n" +
            "PERIOD-TOTAL|1|1000|200|1200\n" +
            "CUMUL|INV-Full|2000|S|1|1000|200|1200\n" +
            "CUMUL-TOTAL|1|1000|200|1200\n" +
            $"PREVIOUS|{new string('a', 64)}\n");
    }

    [Test]
    public void An_empty_month_closes_with_zero_totals_and_no_last_document()
    {
        var closure = Closure.Close(Guid.NewGuid(), Company, ClosurePeriod.Month(2026, 3, 1), Context(new DateOnly(2026, 4, 1)), []);
        closure.PeriodRows.ShouldBeEmpty();
        closure.PeriodTotals.ShouldBe(ClosureGrandTotals.Zero);
        closure.LastDocumentNumber.ShouldBeNull();
        closure.Fingerprint.ShouldBe(closure.RecomputeFingerprint());
    }

    [Test]
    public void A_month_closes_only_after_its_last_day()
    {
        var march = ClosurePeriod.Month(2026, 3, 1);
        Should.Throw<DomainException>(() => Closure.EnsureCanClose(march, Context(new DateOnly(2026, 3, 31)))).Code.ShouldBe(ErrorCodes.ClosurePeriodNotEnded);
        Should.NotThrow(() => Closure.EnsureCanClose(march, Context(new DateOnly(2026, 4, 1))));
    }

    [Test]
    public void A_period_closes_once()
    {
        var march = ClosurePeriod.Month(2026, 3, 1);
        var e = Should.Throw<DomainConflictException>(() => Closure.EnsureCanClose(march, Context(new DateOnly(2026, 5, 1), null, (ClosureKind.Month, march.Start))));
        e.Code.ShouldBe(ErrorCodes.ClosureAlreadyClosed);
    }

    [Test]
    public void A_month_waits_for_earlier_months_with_documents_but_not_for_empty_ones()
    {
        var march = ClosurePeriod.Month(2026, 3, 1);
        var e = Should.Throw<DomainException>(() => Closure.EnsureCanClose(march, Context(new DateOnly(2026, 4, 1), new DateOnly(2026, 2, 14))));
        e.Code.ShouldBe(ErrorCodes.ClosurePreviousMonthOpen);
        e.Arguments!["month"].ShouldBe("2026-02");
        Should.NotThrow(() => Closure.EnsureCanClose(march, Context(new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 2))));
        Should.NotThrow(() => Closure.EnsureCanClose(march, Context(new DateOnly(2026, 4, 1))));
    }

    [Test]
    public void Months_are_closed_in_order()
    {
        var e = Should.Throw<DomainException>(() => Closure.EnsureCanClose(ClosurePeriod.Month(2026, 2, 1),
            Context(new DateOnly(2026, 4, 1), null, (ClosureKind.Month, new DateOnly(2026, 3, 1)))));
        e.Code.ShouldBe(ErrorCodes.ClosureOutOfOrder);
    }

    [Test]
    public void A_fiscal_year_closes_after_its_last_month()
    {
        var year = ClosurePeriod.FiscalYearEndingIn(2026, 7);
        var today = new DateOnly(2026, 7, 1);
        Should.Throw<DomainException>(() => Closure.EnsureCanClose(year, Context(today))).Code.ShouldBe(ErrorCodes.ClosureMonthsOpen);
        Should.NotThrow(() => Closure.EnsureCanClose(year, Context(today, null, (ClosureKind.Month, new DateOnly(2026, 6, 1)))));
        Should.Throw<DomainException>(() => Closure.EnsureCanClose(year, Context(new DateOnly(2026, 6, 30), null, (ClosureKind.Month, new DateOnly(2026, 6, 1)))))
            .Code.ShouldBe(ErrorCodes.ClosurePeriodNotEnded);
    }

    [Test]
    public void Changing_any_total_changes_the_fingerprint()
    {
        var a = Closure.Close(Guid.NewGuid(), Company, ClosurePeriod.Month(2026, 3, 1), Context(new DateOnly(2026, 4, 1)), [Invoice("FA-1", new DateOnly(2026, 3, 5), 2, (20m, 10m, 2m))]);
        var b = Closure.Close(Guid.NewGuid(), Company, ClosurePeriod.Month(2026, 3, 1), Context(new DateOnly(2026, 4, 1)), [Invoice("FA-1", new DateOnly(2026, 3, 5), 2, (20m, 10.01m, 2m))]);
        a.Fingerprint.ShouldNotBe(b.Fingerprint);
    }
}
