using Koban.Domain.Common;
using Koban.Domain.Contracts;
using Koban.Domain.Documents;
using Koban.Domain.Products;

namespace Koban.Domain.Tests.Contracts;

/// <summary>The contract rules of docs/contracts.md: term end, notice deadline, termination with notice, renewal and
/// revision, tacit renewal and expiry, transitions from the wrong status.</summary>
public sealed class ContractTests
{
    private static readonly Guid User = Guid.CreateVersion7();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static ContractLineData Line(decimal quantity, decimal unitPrice, decimal discount = 0m) =>
        new(new DocumentLineData(LineKind.Free, null, "Maintenance", quantity, "C62", unitPrice, discount, 20m, VatCategory.Standard));

    private static Contract Draft(
        DateOnly start, int termMonths = 12, ContractPeriodicity periodicity = ContractPeriodicity.Monthly, bool tacit = true, int notice = 3,
        ContractRevisionClause? revision = null, params ContractLineData[] lines) =>
        Contract.CreateDraft("CT-00001", Guid.CreateVersion7(), User,
            new ContractTermsData(start, termMonths, periodicity, BillingTiming.InAdvance, tacit, notice, revision ?? ContractRevisionClause.None),
            lines.Length == 0 ? [Line(1m, 100m)] : lines);

    private static Contract Active(DateOnly start, int termMonths = 12, ContractPeriodicity periodicity = ContractPeriodicity.Monthly, bool tacit = true,
        int notice = 3, ContractRevisionClause? revision = null, params ContractLineData[] lines)
    {
        var contract = Draft(start, termMonths, periodicity, tacit, notice, revision, lines);
        contract.Activate(start, User);
        return contract;
    }

    [TestCase(2027, 1, 1, 12, 2027, 12, 31)]
    [TestCase(2027, 1, 31, 1, 2027, 2, 27)]
    [TestCase(2027, 3, 15, 3, 2027, 6, 14)]
    [TestCase(2028, 2, 29, 12, 2029, 2, 27)]
    [TestCase(2027, 2, 28, 12, 2028, 2, 27)]
    [TestCase(2028, 3, 1, 24, 2030, 2, 28)]
    public void The_term_ends_the_day_before_the_same_day_term_months_later(int y, int m, int d, int months, int ey, int em, int ed)
    {
        var contract = Active(D(y, m, d), months, ContractPeriodicity.Monthly, notice: 0);

        contract.CurrentTermStart.ShouldBe(D(y, m, d));
        contract.CurrentTermEnd.ShouldBe(D(ey, em, ed));
        contract.Terms.Single().End.ShouldBe(D(ey, em, ed));
    }

    [TestCase(2027, 12, 31, 3, 2027, 9, 30)]
    [TestCase(2027, 2, 28, 1, 2027, 1, 31)]
    [TestCase(2028, 2, 28, 1, 2028, 1, 28)] // leap year: notice on 29/01 + 1 month = 29/02, a day too late
    [TestCase(2027, 6, 30, 2, 2027, 4, 30)]
    [TestCase(2027, 12, 31, 0, 2027, 12, 31)]
    [TestCase(2029, 2, 27, 1, 2029, 1, 27)]
    public void The_notice_deadline_leaves_whole_months_of_notice_before_the_term_end(int y, int m, int d, int notice, int ey, int em, int ed) =>
        ContractDates.NoticeDeadline(D(y, m, d), notice).ShouldBe(D(ey, em, ed));

    [Test]
    public void Notice_given_by_the_deadline_ends_the_contract_with_the_current_term()
    {
        var contract = Active(D(2027, 1, 1));

        contract.Terminate(null, "Le client arrête", D(2027, 9, 30));

        contract.Status.ShouldBe(ContractStatus.Terminated);
        contract.TerminationDate.ShouldBe(D(2027, 12, 31));
        contract.EndDate.ShouldBe(D(2027, 12, 31));
        contract.TerminatedOn.ShouldBe(D(2027, 9, 30));
        contract.TerminationReason.ShouldBe("Le client arrête");
    }

    [Test]
    public void Notice_given_after_the_deadline_of_a_tacitly_renewing_contract_takes_effect_at_the_end_of_the_next_term()
    {
        var contract = Active(D(2027, 1, 1));

        contract.EarliestTerminationDate(D(2027, 10, 1)).ShouldBe(D(2028, 12, 31));
        var refused = Should.Throw<DomainException>(() => contract.Terminate(D(2027, 12, 31), "Trop tard", D(2027, 10, 1)));

        refused.Code.ShouldBe(ErrorCodes.ContractNoticeNotRespected);
        refused.Field.ShouldBe("effectiveDate");
        refused.Arguments["earliestDate"].ShouldBe(D(2028, 12, 31), "a date: each language writes it its own way");
        refused.Arguments["noticeDeadline"].ShouldBe(D(2027, 9, 30));
        refused.Members.ShouldBe(new Dictionary<string, object>
        {
            ["earliestTerminationDate"] = "2028-12-31",
            ["latestTerminationDate"] = "2028-12-31",
            ["noticeDeadline"] = "2027-09-30",
        }, ignoreOrder: true);
        refused.AtField("x").Members.ShouldBe(refused.Members, "a refusal moved to another field keeps its members");
        contract.Status.ShouldBe(ContractStatus.Active);

        contract.Terminate(null, "Trop tard", D(2027, 10, 1));
        contract.EndDate.ShouldBe(D(2028, 12, 31));
    }

    [Test]
    public void A_contract_without_tacit_renewal_can_be_terminated_only_at_its_term_end_after_the_deadline()
    {
        var contract = Active(D(2027, 1, 1), tacit: false);

        contract.EarliestTerminationDate(D(2027, 11, 15)).ShouldBe(D(2027, 12, 31));
        Should.Throw<DomainException>(() => contract.Terminate(D(2028, 1, 31), "x", D(2027, 11, 15))).Code.ShouldBe(ErrorCodes.ContractTerminationTooLate);
    }

    [Test]
    public void A_chosen_termination_date_between_the_earliest_and_the_end_of_the_next_term_is_kept()
    {
        var contract = Active(D(2027, 1, 1));

        contract.Terminate(D(2028, 3, 31), "Déménagement", D(2027, 5, 2));

        contract.EndDate.ShouldBe(D(2028, 3, 31));
        Should.Throw<DomainException>(() => Active(D(2027, 1, 1)).Terminate(D(2029, 1, 1), "x", D(2027, 5, 2))).Code.ShouldBe(ErrorCodes.ContractTerminationTooLate);
    }

    [Test]
    public void A_termination_needs_a_reason_and_an_active_contract()
    {
        Should.Throw<DomainException>(() => Active(D(2027, 1, 1)).Terminate(null, "  ", D(2027, 2, 1))).Code.ShouldBe(ErrorCodes.TerminationReasonRequired);
        Should.Throw<DomainConflictException>(() => Draft(D(2027, 1, 1)).Terminate(null, "x", D(2027, 2, 1))).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        var terminated = Active(D(2027, 1, 1));
        terminated.Terminate(null, "x", D(2027, 2, 1));
        Should.Throw<DomainConflictException>(() => terminated.Terminate(null, "x", D(2027, 2, 1))).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainConflictException>(() => terminated.Renew(ContractRevision.None, D(2027, 11, 1), User)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainConflictException>(() => terminated.UpdateDraft(terminated.CustomerId, User,
            new ContractTermsData(D(2027, 1, 1), 12, ContractPeriodicity.Monthly, BillingTiming.InAdvance, true, 3, ContractRevisionClause.None), null)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainConflictException>(() => terminated.EnsureDeletable()).Code.ShouldBe(ErrorCodes.DocumentNotDeletable);
    }

    [Test]
    public void A_percentage_renewal_starts_the_next_term_and_rounds_each_unit_price_once_to_4_decimals()
    {
        var contract = Active(D(2027, 1, 1), lines: [Line(1m, 99.99m), Line(3m, 12.3457m)]);

        var term = contract.Renew(new ContractRevision(RevisionKind.Percentage, 2.5m), D(2027, 8, 1), User);

        term.Number.ShouldBe(2);
        term.Start.ShouldBe(D(2028, 1, 1));
        term.End.ShouldBe(D(2028, 12, 31));
        term.PriceFactor.ShouldBe(1.025m);
        contract.TermNumber.ShouldBe(2);
        contract.CurrentTermEnd.ShouldBe(D(2028, 12, 31));
        contract.Lines[0].UnitPrice.ShouldBe(102.4898m); // 99.99 × 1.025 = 102.48975
        contract.Lines[1].UnitPrice.ShouldBe(12.6543m); // 12.3457 × 1.025 = 12.65434…
        contract.PeriodAmountExcludingVat.ShouldBe(102.49m + 37.96m);
        contract.Terms.Select(t => t.Number).ShouldBe([1, 2]);
    }

    [Test]
    public void An_index_renewal_multiplies_prices_by_the_new_over_the_base_index_and_makes_the_new_value_the_base()
    {
        var contract = Active(D(2027, 1, 1), revision: new ContractRevisionClause(RevisionKind.Index, BaseIndexValue: 310.5m), lines: [Line(1m, 1200m)]);

        contract.Renew(new ContractRevision(RevisionKind.Index, IndexValue: 322.4m), D(2027, 9, 1), User);

        contract.Lines[0].UnitPrice.ShouldBe(1245.9903m); // 1200 × 322.4 / 310.5 = 1245.99033…
        contract.RevisionIndexBase.ShouldBe(322.4m);
        contract.Terms[^1].RevisionValue.ShouldBe(322.4m);
        contract.Terms[^1].PriceFactor.ShouldBe(1.0383m);
    }

    [Test]
    public void An_index_renewal_needs_an_index_clause_and_a_valid_value()
    {
        var contract = Active(D(2027, 1, 1));
        Should.Throw<DomainException>(() => contract.Renew(new ContractRevision(RevisionKind.Index, IndexValue: 100m), D(2027, 9, 1), User)).Code.ShouldBe(ErrorCodes.ContractIndexNotDefined);
        Should.Throw<DomainException>(() => contract.Renew(new ContractRevision(RevisionKind.Percentage, 150m), D(2027, 9, 1), User)).Field.ShouldBe("revision.percentage");
        Should.Throw<DomainException>(() => contract.Renew(new ContractRevision(RevisionKind.Percentage, 1.234m), D(2027, 9, 1), User)).Code.ShouldBe(ErrorCodes.ContractRevisionInvalid);
        var indexed = Active(D(2027, 1, 1), revision: new ContractRevisionClause(RevisionKind.Index, BaseIndexValue: 100m));
        Should.Throw<DomainException>(() => indexed.Renew(new ContractRevision(RevisionKind.Index, IndexValue: 0m), D(2027, 9, 1), User)).Field.ShouldBe("revision.indexValue");
        contract.TermNumber.ShouldBe(1);
    }

    [Test]
    public void A_term_is_renewed_once_the_renewal_opening_90_days_before_the_notice_deadline()
    {
        var contract = Active(D(2027, 1, 1));
        contract.RenewalOpensOn.ShouldBe(D(2027, 7, 2)); // notice deadline 30/09/2027 − 90 days

        var early = Should.Throw<DomainConflictException>(() => contract.Renew(ContractRevision.None, D(2027, 7, 1), User));
        early.Code.ShouldBe(ErrorCodes.ContractRenewalTooEarly);
        early.Arguments["opensOn"].ShouldBe(D(2027, 7, 2));

        contract.Renew(ContractRevision.None, D(2027, 7, 2), User);
        Should.Throw<DomainConflictException>(() => contract.Renew(ContractRevision.None, D(2027, 7, 2), User)).Code.ShouldBe(ErrorCodes.ContractRenewalTooEarly);
        contract.TermNumber.ShouldBe(2);
    }

    [Test]
    public void A_monthly_term_opens_its_renewal_when_it_starts_so_it_is_renewed_once()
    {
        var contract = Active(D(2027, 1, 1), termMonths: 1, notice: 0);

        contract.RenewalOpensOn.ShouldBe(D(2027, 1, 1));
        contract.Renew(ContractRevision.None, D(2027, 1, 10), User);
        contract.CurrentTermStart.ShouldBe(D(2027, 2, 1));
        Should.Throw<DomainConflictException>(() => contract.Renew(ContractRevision.None, D(2027, 1, 10), User));
    }

    [Test]
    public void Tacit_renewal_applies_the_percentage_clause_at_each_term_end_passed_and_catches_up()
    {
        var contract = Active(D(2026, 1, 1), revision: new ContractRevisionClause(RevisionKind.Percentage, 2m), lines: [Line(1m, 100m)]);

        contract.RenewTacitly(D(2026, 12, 31)).ShouldBeNull();
        var started = contract.CatchUp(D(2028, 3, 1));

        started.Count.ShouldBe(2);
        started.ShouldAllBe(t => t.Tacit && t.DecidedByUserId == null && t.RevisionKind == RevisionKind.Percentage);
        contract.TermNumber.ShouldBe(3);
        contract.CurrentTermStart.ShouldBe(D(2028, 1, 1));
        contract.Lines[0].UnitPrice.ShouldBe(104.04m); // 100 × 1.02 × 1.02
        contract.Status.ShouldBe(ContractStatus.Active);
    }

    [Test]
    public void A_tacit_renewal_of_an_indexed_contract_keeps_prices_until_a_user_enters_the_index()
    {
        var contract = Active(D(2027, 1, 1), revision: new ContractRevisionClause(RevisionKind.Index, BaseIndexValue: 200m), lines: [Line(1m, 100m)]);

        contract.RenewTacitly(D(2028, 1, 1)).ShouldNotBeNull();
        contract.IndexRevisionPending.ShouldBeTrue();
        contract.Lines[0].UnitPrice.ShouldBe(100m);

        contract.Renew(new ContractRevision(RevisionKind.Index, IndexValue: 210m), D(2028, 1, 5), User);

        contract.TermNumber.ShouldBe(2); // the revision went to the current term, no third term
        contract.IndexRevisionPending.ShouldBeFalse();
        contract.Lines[0].UnitPrice.ShouldBe(105m);
        contract.Terms[^1].RevisionKind.ShouldBe(RevisionKind.Index);
    }

    [Test]
    public void A_contract_that_does_not_renew_expires_after_its_term_end()
    {
        var contract = Active(D(2027, 1, 1), tacit: false);

        contract.ExpireIfDue(D(2027, 12, 31)).ShouldBeFalse();
        contract.CatchUp(D(2028, 1, 1)).ShouldBeEmpty();

        contract.Status.ShouldBe(ContractStatus.Expired);
        contract.EndDate.ShouldBe(D(2027, 12, 31));
    }

    [Test]
    public void Let_expire_stops_a_tacit_renewal_until_the_notice_deadline_only()
    {
        var contract = Active(D(2027, 1, 1));
        contract.LetExpire(D(2027, 9, 30));
        contract.WillRenewTacitly.ShouldBeFalse();
        contract.LetExpire(D(2027, 10, 5)); // asked twice: nothing changes
        contract.CatchUp(D(2028, 1, 1));
        contract.Status.ShouldBe(ContractStatus.Expired);

        var late = Active(D(2027, 1, 1));
        var refused = Should.Throw<DomainException>(() => late.LetExpire(D(2027, 10, 1)));
        refused.Code.ShouldBe(ErrorCodes.ContractNoticePassed);
        refused.Arguments["earliestDate"].ShouldBe(D(2028, 12, 31), "a date: each language writes it its own way");
        refused.Members["earliestTerminationDate"].ShouldBe("2028-12-31");
    }

    [Test]
    public void A_terminated_contract_ending_in_the_next_term_rolls_into_it_and_then_stops()
    {
        var contract = Active(D(2027, 1, 1), revision: new ContractRevisionClause(RevisionKind.Percentage, 5m), lines: [Line(1m, 100m)]);
        contract.Terminate(null, "x", D(2027, 11, 1));

        contract.CatchUp(D(2029, 6, 1)).Count.ShouldBe(1);

        contract.CurrentTermEnd.ShouldBe(D(2028, 12, 31));
        contract.Lines[0].UnitPrice.ShouldBe(100m);
        contract.Status.ShouldBe(ContractStatus.Terminated);
    }

    [Test]
    public void Monthly_recurring_revenue_is_the_period_amount_over_its_months_rounded_once()
    {
        var quarterly = Active(D(2027, 1, 1), periodicity: ContractPeriodicity.Quarterly, lines: [Line(1m, 100m)]);
        quarterly.PeriodAmountExcludingVat.ShouldBe(100m);
        quarterly.MonthlyAmountExcludingVat.ShouldBe(33.33m);

        var yearly = Active(D(2027, 1, 1), periodicity: ContractPeriodicity.Yearly, lines: [Line(2m, 600m, 10m)]);
        yearly.MonthlyAmountExcludingVat.ShouldBe(90m);
    }

    [Test]
    public void Terms_are_checked_field_by_field()
    {
        DomainException Refusal(int termMonths, ContractPeriodicity periodicity, int notice) =>
            Should.Throw<DomainException>(() => Draft(D(2027, 1, 1), termMonths, periodicity, notice: notice));

        Refusal(0, ContractPeriodicity.Monthly, 0).Field.ShouldBe("termMonths");
        Refusal(121, ContractPeriodicity.Monthly, 0).Code.ShouldBe(ErrorCodes.ContractTermInvalid);
        Refusal(10, ContractPeriodicity.Quarterly, 0).Code.ShouldBe(ErrorCodes.ContractTermNotWholePeriods);
        Refusal(12, (ContractPeriodicity)9, 0).Field.ShouldBe("periodicity");
        Refusal(12, ContractPeriodicity.Monthly, 12).Code.ShouldBe(ErrorCodes.ContractNoticeInvalid);
        Refusal(24, ContractPeriodicity.Monthly, 13).Field.ShouldBe("noticeMonths");
        Should.Throw<DomainException>(() => Draft(D(2027, 1, 1), revision: new ContractRevisionClause(RevisionKind.Percentage)))
            .Field.ShouldBe("revision.percentage");
        Should.Throw<DomainException>(() => Draft(D(2027, 1, 1), lines: [new ContractLineData(DocumentLineData.Title("Abonnement"))]))
            .Code.ShouldBe(ErrorCodes.DocumentHasNoPricedLine);
    }

    [Test]
    public void Activation_is_from_draft_only()
    {
        var contract = Active(D(2027, 1, 1));

        Should.Throw<DomainConflictException>(() => contract.Activate(D(2027, 1, 2), User)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        contract.Terms.Count.ShouldBe(1);
        contract.TermNumber.ShouldBe(1);
    }
}
