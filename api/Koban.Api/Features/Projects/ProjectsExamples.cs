using Koban.Domain.Invoicing;
using Koban.Domain.Projects;

namespace Koban.Api.Features.Projects;

/// <summary>The OpenAPI examples of projects and time: one worked case (a fitting project from an order, two people's
/// time, part of it invoiced), reused by every operation.</summary>
internal static class ProjectsExamples
{
    internal static readonly Guid ProjectId = Guid.Parse("01936f00-0000-7000-8000-0000000000a1");
    internal static readonly Guid OrderId = Guid.Parse("01936d00-0000-7000-8000-0000000000b1");
    internal static readonly Guid AliceId = Guid.Parse("01936a00-0000-7000-8000-0000000000e1");
    internal static readonly Guid BrunoId = Guid.Parse("01936a00-0000-7000-8000-0000000000e2");
    internal static readonly Guid EntryId = Guid.Parse("01936f00-0000-7000-8000-0000000000c1");
    internal static readonly Guid InvoiceId = Guid.Parse("01936e00-0000-7000-8000-0000000000f2");
    internal static readonly DateTimeOffset Stamp = new(2026, 12, 7, 17, 30, 0, TimeSpan.Zero);

    internal static readonly ProjectRequest Request = new("Agencement de la boutique Durand", "AGC-DURAND", SalesExamples.CustomerId, 40m, 3200m, 65m, 20m,
        new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 18), [AliceId, BrunoId]);

    internal static readonly ProjectFromOrderRequest FromOrderRequest = new(OrderId, "Agencement de la boutique Durand", null, null, null, null, null, null, null, [AliceId, BrunoId]);

    internal static readonly ProjectResponse Project = new(
        Id: ProjectId,
        Name: "Agencement de la boutique Durand",
        Code: "AGC-DURAND",
        CustomerId: SalesExamples.CustomerId,
        CustomerName: "Menuiserie Durand SARL",
        OrderId: OrderId,
        OrderNumber: "BC-2026-00012",
        BudgetHours: 40m,
        BudgetAmount: 3200m,
        HourlyRate: 65m,
        VatRate: 20m,
        StartDate: new DateOnly(2026, 11, 23),
        EndDate: new DateOnly(2026, 12, 18),
        Status: ProjectStatus.InProgress,
        Members:
        [
            new(AliceId, "Alice Martin", 21.5m, 20m, 8m),
            new(BrunoId, "Bruno Petit", 16m, 14m, 14m),
        ],
        Time: new ProjectTimeResponse(37.5m, 34m, 22m, 2210m, 1430m, 93.8m, 69.1m, 93.8m, false),
        CreatedAt: Stamp.AddDays(-14),
        UpdatedAt: Stamp);

    internal static readonly ProjectList List = new(
    [
        new ProjectSummary(ProjectId, Project.Name, Project.Code, Project.CustomerId, Project.CustomerName, OrderId, Project.OrderNumber, 40m, 3200m,
            Project.StartDate, Project.EndDate, ProjectStatus.InProgress, [AliceId, BrunoId], 37.5m, 93.8m, false, Stamp),
    ], null, false);

    internal static readonly TimeEntryRequest TimeEntryRequest = new(new DateOnly(2026, 12, 7), 210, "Pose des étagères de la réserve", true, null);

    internal static readonly TimeEntryResponse TimeEntry = new(EntryId, ProjectId, Project.Name, AliceId, "Alice Martin", new DateOnly(2026, 12, 7), 210, 3.5m,
        "Pose des étagères de la réserve", true, null, null, null, false, Stamp);

    internal static readonly TimeEntryList TimeEntries = new(
    [
        TimeEntry,
        new(Guid.Parse("01936f00-0000-7000-8000-0000000000c0"), ProjectId, Project.Name, BrunoId, "Bruno Petit", new DateOnly(2026, 12, 4), 420, 7m,
            "Découpe des plans de travail", true, InvoiceId, "FA-2026-00042", BillingStatus.Validated, true, Stamp.AddDays(-3)),
    ], null, false);

    internal static readonly TimesheetRequest TimesheetRequest = new(
    [
        new TimesheetCell(ProjectId, new DateOnly(2026, 12, 7), 210, "Pose des étagères de la réserve", true),
        new TimesheetCell(ProjectId, new DateOnly(2026, 12, 8), 450, null, null),
        new TimesheetCell(ProjectId, new DateOnly(2026, 12, 9), 0, null, null),
    ]);

    internal static readonly TimesheetResponse Timesheet = new(AliceId, new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13), 660,
    [
        TimeEntry,
        new(Guid.Parse("01936f00-0000-7000-8000-0000000000c2"), ProjectId, Project.Name, AliceId, "Alice Martin", new DateOnly(2026, 12, 8), 450, 7.5m,
            null, true, null, null, null, false, Stamp),
    ]);

    internal static readonly InvoiceTimeRequest InvoiceTimeRequest = new(new DateOnly(2026, 12, 6), null, null);

    internal static readonly InvoiceTimeResponse InvoiceTime = new(InvoiceId, true, 4, 22m, 1430m,
    [
        Guid.Parse("01936f00-0000-7000-8000-0000000000b7"), Guid.Parse("01936f00-0000-7000-8000-0000000000b8"),
        Guid.Parse("01936f00-0000-7000-8000-0000000000b9"), Guid.Parse("01936f00-0000-7000-8000-0000000000c0"),
    ]);
}
