using Koban.Domain.Common;
using Koban.Domain.Projects;
using Koban.Domain.Tests.Sales;

namespace Koban.Domain.Tests.Projects;

public sealed class ProjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Alice = Guid.NewGuid();

    private static ProjectData Data(decimal? budgetHours = 10m, decimal? budgetAmount = 650m, decimal rate = 65m, DateOnly? start = null, DateOnly? end = null) =>
        new("Agencement", null, Guid.NewGuid(), budgetHours, budgetAmount, rate, 20m, start, end, [Alice]);

    private static ProjectTime Time(Project p, params (int Minutes, bool Billable, bool Invoiced)[] entries) =>
        ProjectTime.Of(p.BudgetHours, p.BudgetAmount, p.HourlyRate, entries.Select(e => (Alice, e.Minutes, e.Billable, e.Invoiced)));

    [Test]
    public void Time_spent_is_measured_against_the_hours_budget_and_the_amount_is_billable_hours_times_the_rate_rounded_once()
    {
        var project = Project.Create(Data(budgetHours: 10m, budgetAmount: 1000m, rate: 65.1234m), null, Now);

        // 7 h 20 spent, of which 5 h 20 billable (1 h 20 already invoiced) and 2 h not billable.
        var time = Time(project, (240, true, false), (80, true, true), (120, false, false), (20, true, false));

        time.SpentMinutes.ShouldBe(460);
        time.SpentHours.ShouldBe(7.67m);
        time.BillableMinutes.ShouldBe(340);
        time.UninvoicedBillableMinutes.ShouldBe(260);
        // 340 min = 5.667 h (quantity scale) × 65.1234 = 369.0543… → 369.05
        time.BillableAmount.ShouldBe(369.05m);
        // 260 min = 4.333 h × 65.1234 = 282.1797… → 282.18
        time.UninvoicedAmount.ShouldBe(282.18m);
        time.HoursConsumedPercent.ShouldBe(76.7m);
        time.AmountConsumedPercent.ShouldBe(36.9m);
        time.ProgressPercent.ShouldBe(76.7m);
        time.OverBudget.ShouldBeFalse();
        time.Members.Single().Minutes.ShouldBe(460);
    }

    [Test]
    public void Over_budget_when_either_budget_is_exceeded_and_progress_falls_back_on_the_amount_budget()
    {
        var hours = Project.Create(Data(budgetHours: 2m, budgetAmount: null), null, Now);
        Time(hours, (120, true, false)).OverBudget.ShouldBeFalse();
        Time(hours, (121, false, false)).OverBudget.ShouldBeTrue();

        var amount = Project.Create(Data(budgetHours: null, budgetAmount: 100m, rate: 60m), null, Now);
        var within = Time(amount, (100, true, false));
        within.BillableAmount.ShouldBe(100.02m); // 1.667 h × 60
        within.OverBudget.ShouldBeTrue();
        within.HoursConsumedPercent.ShouldBeNull();
        within.ProgressPercent.ShouldBe(100.0m);
        Time(amount, (600, false, false)).OverBudget.ShouldBeFalse(); // time not billable costs no amount

        var none = Project.Create(Data(budgetHours: null, budgetAmount: null), null, Now);
        var free = Time(none, (600, true, false));
        free.ProgressPercent.ShouldBeNull();
        free.OverBudget.ShouldBeFalse();
    }

    [Test]
    public void Status_moves_from_planned_to_in_progress_with_the_first_time_then_to_done_or_cancelled()
    {
        var project = Project.Create(Data(), null, Now);
        project.Status.ShouldBe(ProjectStatus.Planned);
        project.AcceptTime("minutes").ShouldBeTrue();
        project.Status.ShouldBe(ProjectStatus.InProgress);
        project.AcceptTime("minutes").ShouldBeFalse();
        Should.Throw<DomainConflictException>(project.Start).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        project.Complete();
        project.Status.ShouldBe(ProjectStatus.Done);
        Should.Throw<DomainConflictException>(() => project.AcceptTime("minutes")).Code.ShouldBe(ErrorCodes.ProjectClosed);
        Should.Throw<DomainConflictException>(project.Cancel).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainConflictException>(() => project.Update(Data())).Code.ShouldBe(ErrorCodes.InvalidStateTransition);

        var cancelled = Project.Create(Data(), null, Now);
        cancelled.Cancel();
        Should.Throw<DomainConflictException>(() => cancelled.AcceptTime("minutes")).Code.ShouldBe(ErrorCodes.ProjectClosed);
    }

    [Test]
    public void A_project_refuses_an_end_before_its_start_negative_budgets_and_rates_and_keeps_the_rate_to_4_decimals()
    {
        Should.Throw<DomainException>(() => Project.Create(Data(start: new DateOnly(2026, 12, 10), end: new DateOnly(2026, 12, 9)), null, Now)).Field.ShouldBe("endDate");
        Should.Throw<DomainException>(() => Project.Create(Data(budgetHours: -1m), null, Now)).Code.ShouldBe(ErrorCodes.ProjectBudgetNegative);
        Should.Throw<DomainException>(() => Project.Create(Data(rate: -0.01m), null, Now)).Code.ShouldBe(ErrorCodes.ProjectRateNegative);
        Project.Create(Data(rate: 65.12345m), null, Now).HourlyRate.ShouldBe(65.1235m);
        Should.Throw<DomainConflictException>(() => Project.EnsureDeletable(hasTime: true)).Code.ShouldBe(ErrorCodes.ProjectHasTime);
    }

    [Test]
    public void From_an_order_the_budget_is_its_hours_and_its_total_and_the_rate_its_first_line_in_hours_net_of_discount()
    {
        var order = SalesTestData.Validated(SalesTestData.Product(12m, 65m, discount: 10m), SalesTestData.Product(3m, 80m), SalesTestData.Free(2m, 375.5m, 20m));
        var defaults = OrderProjectDefaults.Of(order);
        defaults.BudgetHours.ShouldBe(15m);
        defaults.BudgetAmount.ShouldBe(order.TotalExcludingVat);
        defaults.HourlyRate.ShouldBe(58.5m);
        defaults.VatRate.ShouldBe(20m);
        defaults.Name.ShouldBe("Projet CO-2026-001");

        OrderProjectDefaults.Of(SalesTestData.Validated(SalesTestData.Free(1m, 100m, 20m))).HourlyRate.ShouldBeNull();
        Should.Throw<DomainConflictException>(() => OrderProjectDefaults.Of(SalesTestData.Draft())).Code.ShouldBe(ErrorCodes.OrderNotValidated);
    }
}
