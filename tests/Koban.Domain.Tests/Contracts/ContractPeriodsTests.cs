using Koban.Domain.Contracts;
using Koban.Domain.Products;

namespace Koban.Domain.Tests.Contracts;

/// <summary>The period rules of subscription contracts (docs/contracts.md, "Periods and invoices").</summary>
public sealed class ContractPeriodsTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static (DateOnly Start, DateOnly End)[] Spans(IEnumerable<BillingPeriod> periods) => [.. periods.Select(p => (p.Start, p.End))];

    [Test]
    public void Monthly_periods_from_31_January_are_computed_from_the_term_start_so_month_ends_come_back()
    {
        var periods = ContractPeriods.OfTerm(D(2027, 1, 31), 12, ContractPeriodicity.Monthly, BillingTiming.InAdvance);

        periods.Count.ShouldBe(12);
        Spans(periods.Take(4)).ShouldBe([
            (D(2027, 1, 31), D(2027, 2, 27)),
            (D(2027, 2, 28), D(2027, 3, 30)),
            (D(2027, 3, 31), D(2027, 4, 29)),
            (D(2027, 4, 30), D(2027, 5, 30)),
        ]);
        periods[^1].End.ShouldBe(D(2028, 1, 30));
        periods.ShouldAllBe(p => !p.IsPartial && p.ProRataFactor == 1m);
        // Periods follow each other without a gap or an overlap.
        for (var i = 1; i < periods.Count; i++) periods[i].Start.ShouldBe(periods[i - 1].End.AddDays(1));
    }

    [Test]
    public void A_term_started_on_29_February_keeps_the_29th_in_leap_years_and_the_28th_otherwise()
    {
        var yearly = ContractPeriods.OfTerm(D(2028, 2, 29), 48, ContractPeriodicity.Yearly, BillingTiming.InAdvance);

        Spans(yearly).ShouldBe([
            (D(2028, 2, 29), D(2029, 2, 27)),
            (D(2029, 2, 28), D(2030, 2, 27)),
            (D(2030, 2, 28), D(2031, 2, 27)),
            (D(2031, 2, 28), D(2032, 2, 28)),
        ]);
        ContractPeriods.TermEnd(D(2028, 2, 29), 48).ShouldBe(D(2032, 2, 28));

        var monthly = ContractPeriods.OfTerm(D(2027, 1, 29), 2, ContractPeriodicity.Monthly, BillingTiming.InAdvance);
        Spans(monthly).ShouldBe([(D(2027, 1, 29), D(2027, 2, 27)), (D(2027, 2, 28), D(2027, 3, 28))]);
    }

    [Test]
    public void Quarterly_half_yearly_and_yearly_periods_cover_the_term_exactly()
    {
        Spans(ContractPeriods.OfTerm(D(2027, 1, 1), 12, ContractPeriodicity.Quarterly, BillingTiming.InAdvance)).ShouldBe([
            (D(2027, 1, 1), D(2027, 3, 31)),
            (D(2027, 4, 1), D(2027, 6, 30)),
            (D(2027, 7, 1), D(2027, 9, 30)),
            (D(2027, 10, 1), D(2027, 12, 31)),
        ]);
        Spans(ContractPeriods.OfTerm(D(2027, 8, 31), 12, ContractPeriodicity.HalfYearly, BillingTiming.InAdvance)).ShouldBe([
            (D(2027, 8, 31), D(2028, 2, 28)),
            (D(2028, 2, 29), D(2028, 8, 30)),
        ]);
        Spans(ContractPeriods.OfTerm(D(2027, 3, 15), 24, ContractPeriodicity.Yearly, BillingTiming.InArrears)).ShouldBe([
            (D(2027, 3, 15), D(2028, 3, 14)),
            (D(2028, 3, 15), D(2029, 3, 14)),
        ]);
        ContractPeriods.MonthsOf(ContractPeriodicity.HalfYearly).ShouldBe(6);
    }

    [Test]
    public void In_advance_a_period_is_billed_on_its_first_day_and_in_arrears_the_day_after_its_last()
    {
        var advance = ContractPeriods.OfTerm(D(2027, 1, 31), 2, ContractPeriodicity.Monthly, BillingTiming.InAdvance);
        advance.Select(p => p.BillingDate).ShouldBe([D(2027, 1, 31), D(2027, 2, 28)]);

        var arrears = ContractPeriods.OfTerm(D(2027, 1, 31), 2, ContractPeriodicity.Monthly, BillingTiming.InArrears);
        arrears.Select(p => p.BillingDate).ShouldBe([D(2027, 2, 28), D(2027, 3, 31)]);

        var yearlyArrears = ContractPeriods.OfTerm(D(2027, 1, 1), 12, ContractPeriodicity.Yearly, BillingTiming.InArrears).ShouldHaveSingleItem();
        yearlyArrears.End.ShouldBe(D(2027, 12, 31));
        yearlyArrears.BillingDate.ShouldBe(D(2028, 1, 1));
    }

    [Test]
    public void A_termination_mid_period_cuts_the_last_period_and_bills_its_share_by_days()
    {
        // Monthly from 01/03/2027 at 49,00 €, terminated with service up to 15/04/2027: April bills 15/30 of 49,00 = 24,50.
        var periods = ContractPeriods.OfTerm(D(2027, 3, 1), 12, ContractPeriodicity.Monthly, BillingTiming.InArrears, lastServiceDay: D(2027, 4, 15));

        periods.Count.ShouldBe(2);
        var last = periods[^1];
        (last.Start, last.End, last.ServiceDays, last.FullDays).ShouldBe((D(2027, 4, 1), D(2027, 4, 15), 15, 30));
        last.IsPartial.ShouldBeTrue();
        last.ProRataFactor.ShouldBe(0.5m);
        last.Share(49m).ShouldBe(24.50m);
        last.BillingDate.ShouldBe(D(2027, 4, 16));
        periods[0].Share(49m).ShouldBe(49m);
    }

    [Test]
    public void A_share_is_rounded_once_to_the_cent_half_away_from_zero()
    {
        // 10 days of a 31-day month at 100,00 €: 32,258… → 32,26; factor kept to six decimals for display.
        var period = ContractPeriods.OfTerm(D(2027, 1, 1), 1, ContractPeriodicity.Monthly, BillingTiming.InAdvance, lastServiceDay: D(2027, 1, 10)).ShouldHaveSingleItem();
        period.Share(100m).ShouldBe(32.26m);
        period.ProRataFactor.ShouldBe(0.322581m);
        // 1 day of 8: 0,125 € of 1,00 € rounds to 0,13, not to 0,12 as banker's rounding would.
        var tiny = new BillingPeriod(0, D(2027, 1, 1), D(2027, 1, 1), D(2027, 1, 1), 1, 8);
        tiny.Share(1m).ShouldBe(0.13m);
    }

    [Test]
    public void A_yearly_period_cut_in_a_leap_year_counts_366_days()
    {
        var period = ContractPeriods.OfTerm(D(2028, 1, 1), 12, ContractPeriodicity.Yearly, BillingTiming.InAdvance, lastServiceDay: D(2028, 6, 30)).ShouldHaveSingleItem();
        (period.ServiceDays, period.FullDays).ShouldBe((182, 366));
        period.Share(1200m).ShouldBe(596.72m);
    }

    [Test]
    public void A_term_that_is_not_a_whole_number_of_periods_ends_with_a_partial_period()
    {
        var periods = ContractPeriods.OfTerm(D(2027, 1, 1), 18, ContractPeriodicity.Yearly, BillingTiming.InAdvance);
        Spans(periods).ShouldBe([(D(2027, 1, 1), D(2027, 12, 31)), (D(2028, 1, 1), D(2028, 6, 30))]);
        periods[1].IsPartial.ShouldBeTrue();
    }

    [Test]
    public void A_termination_on_a_period_end_leaves_no_partial_period_and_nothing_after()
    {
        var periods = ContractPeriods.OfTerm(D(2027, 1, 1), 12, ContractPeriodicity.Quarterly, BillingTiming.InAdvance, lastServiceDay: D(2027, 6, 30));
        Spans(periods).ShouldBe([(D(2027, 1, 1), D(2027, 3, 31)), (D(2027, 4, 1), D(2027, 6, 30))]);
        periods.ShouldAllBe(p => !p.IsPartial);
        // A last day after the term's end changes nothing.
        ContractPeriods.OfTerm(D(2027, 1, 1), 12, ContractPeriodicity.Quarterly, BillingTiming.InAdvance, lastServiceDay: D(2028, 5, 1)).Count.ShouldBe(4);
    }

    [Test]
    public void The_catch_up_list_holds_every_period_billed_by_today_in_order()
    {
        var periods = ContractPeriods.OfTerm(D(2027, 1, 15), 12, ContractPeriodicity.Monthly, BillingTiming.InAdvance);

        ContractPeriods.DueBy(periods, D(2027, 4, 14)).Select(p => p.Start).ShouldBe([D(2027, 1, 15), D(2027, 2, 15), D(2027, 3, 15)]);
        ContractPeriods.DueBy(periods, D(2027, 4, 15)).Count.ShouldBe(4);
        ContractPeriods.DueBy(periods, D(2027, 1, 14)).ShouldBeEmpty();

        var arrears = ContractPeriods.OfTerm(D(2027, 1, 15), 12, ContractPeriodicity.Monthly, BillingTiming.InArrears);
        ContractPeriods.DueBy(arrears, D(2027, 4, 14)).Select(p => p.End).ShouldBe([D(2027, 2, 14), D(2027, 3, 14)]);
    }

    [Test]
    public void Recurring_revenue_per_month_divides_the_period_amount_by_its_months()
    {
        ContractPeriods.MonthlyEquivalent(1200m, ContractPeriodicity.Yearly).ShouldBe(100m);
        ContractPeriods.MonthlyEquivalent(100m, ContractPeriodicity.Quarterly).ShouldBe(33.33m);
        ContractPeriods.MonthlyEquivalent(49m, ContractPeriodicity.Monthly).ShouldBe(49m);
    }

    [Test]
    public void Revenue_to_come_counts_each_period_in_the_month_of_its_billing_date_after_today()
    {
        var today = D(2027, 3, 10);
        var revenue = ContractPeriods.RevenueToCome(today, [
            // Monthly 49 € in advance from 31/01: billed 31/01, 28/02, 31/03…; term ends 30/01/2028, renews tacitly.
            new ContractSchedule(D(2027, 1, 31), 12, ContractPeriodicity.Monthly, BillingTiming.InAdvance, true, null, 49m),
            // Yearly 1 200 € in arrears from 01/06/2026, no tacit renewal: billed 01/06/2027, then nothing.
            new ContractSchedule(D(2026, 6, 1), 12, ContractPeriodicity.Yearly, BillingTiming.InArrears, false, null, 1200m),
            // Quarterly 300 € in advance from 10/03/2027 (billed today: already invoiced), terminated after 20/06/2027.
            new ContractSchedule(D(2027, 3, 10), 12, ContractPeriodicity.Quarterly, BillingTiming.InAdvance, true, D(2027, 6, 20), 300m),
        ]);

        revenue.Count.ShouldBe(12);
        revenue[0].FirstDay.ShouldBe(D(2027, 3, 1));
        revenue[^1].FirstDay.ShouldBe(D(2028, 2, 1));
        revenue[0].AmountExcludingVat.ShouldBe(49m); // 31/03 only: the quarter billed today is not to come
        // June: the monthly period, the yearly period in arrears, and 10/06–20/06 of the quarter 10/06–09/09 (92 days):
        // 11/92 × 300 = 35,869… → 35,87, billed 10/06 in advance.
        revenue[3].Month.ShouldBe(6);
        revenue[3].AmountExcludingVat.ShouldBe(49m + 1200m + 35.87m);
        revenue.Sum(m => m.AmountExcludingVat).ShouldBe(49m * 12 + 1200m + 35.87m);
        // January 2028: the first period of the tacitly renewed term (from 31/01/2028) is to come too.
        revenue[10].AmountExcludingVat.ShouldBe(49m);
        revenue[11].AmountExcludingVat.ShouldBe(49m);
    }
}
