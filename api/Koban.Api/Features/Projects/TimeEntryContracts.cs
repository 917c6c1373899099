using System.ComponentModel;
using FluentValidation;
using Koban.Domain.Invoicing;
using Koban.Domain.Projects;
using Mapster;

namespace Koban.Api.Features.Projects;

/// <summary>A time entry as typed. <see cref="UserId"/> is whose time it is: omitted, the signed-in user; an Admin may name
/// anyone, a Sales or Accountant user only themselves; an API key must name a user.</summary>
public sealed record TimeEntryRequest(DateOnly Date, int Minutes, string? Description, bool? Billable, Guid? UserId);

public sealed record TimeEntryResponse(
    Guid Id,
    Guid ProjectId,
    string ProjectName,
    Guid UserId,
    string UserName,
    DateOnly Date,
    int Minutes,
    decimal Hours,
    string? Description,
    bool Billable,
    Guid? InvoiceId,
    [property: Description("The number of the invoice this time is on; null while that invoice is a draft (drafts have no number) or when the time is not invoiced.")]
    string? InvoiceNumber,
    [property: Description("The status of that invoice (`Draft` or `Validated`); null when the time is not invoiced.")]
    BillingStatus? InvoiceStatus,
    bool Locked,
    DateTimeOffset UpdatedAt);

public sealed record TimeEntryList(IReadOnlyList<TimeEntryResponse> Items, string? NextCursor, bool HasMore);

/// <summary>One cell of a week's grid: the user's time on one project one day. 0 minutes removes what was there.</summary>
public sealed record TimesheetCell(Guid ProjectId, DateOnly Date, int Minutes, string? Description, bool? Billable);

public sealed record TimesheetRequest(IReadOnlyList<TimesheetCell> Cells);

public sealed record TimesheetResponse(Guid UserId, DateOnly WeekStart, DateOnly WeekEnd, int TotalMinutes, IReadOnlyList<TimeEntryResponse> Entries);

/// <summary>Which billable time to invoice: every entry not yet invoiced up to <see cref="UpTo"/> (inclusive), or only
/// <see cref="EntryIds"/>; onto the draft <see cref="InvoiceId"/>, or a new direct draft.</summary>
public sealed record InvoiceTimeRequest(DateOnly? UpTo, IReadOnlyList<Guid>? EntryIds, Guid? InvoiceId);

public sealed record InvoiceTimeResponse(Guid InvoiceId, bool NewInvoice, int EntryCount, decimal Hours, decimal AmountExcludingVat, IReadOnlyList<Guid> EntryIds);

public sealed class TimeEntryRequestValidator : AbstractValidator<TimeEntryRequest>
{
    public TimeEntryRequestValidator()
    {
        RuleFor(r => r.Minutes).GreaterThan(0).LessThanOrEqualTo(TimeRules.MinutesPerDay);
        RuleFor(r => r.Description).MaximumLength(TimeEntry.DescriptionMaxLength);
        RuleFor(r => r.UserId).NotEqual(Guid.Empty).When(r => r.UserId is not null);
    }
}

public sealed class TimesheetRequestValidator : AbstractValidator<TimesheetRequest>
{
    /// <summary>A week of at most 50 projects.</summary>
    public const int MaxCells = 350;

    public TimesheetRequestValidator()
    {
        RuleFor(r => r.Cells).NotNull();
        RuleFor(r => r.Cells!.Count).LessThanOrEqualTo(MaxCells).When(r => r.Cells is not null).OverridePropertyName("cells");
        RuleForEach(r => r.Cells).NotNull().ChildRules(cell =>
        {
            cell.RuleFor(c => c.ProjectId).NotEmpty();
            cell.RuleFor(c => c.Minutes).GreaterThanOrEqualTo(0).LessThanOrEqualTo(TimeRules.MinutesPerDay);
            cell.RuleFor(c => c.Description).MaximumLength(TimeEntry.DescriptionMaxLength);
        });
    }
}

public sealed class InvoiceTimeRequestValidator : AbstractValidator<InvoiceTimeRequest>
{
    public InvoiceTimeRequestValidator()
    {
        RuleFor(r => r.EntryIds!.Count).LessThanOrEqualTo(5000).When(r => r.EntryIds is not null).OverridePropertyName("entryIds");
        RuleForEach(r => r.EntryIds).NotEmpty();
        RuleFor(r => r.InvoiceId).NotEqual(Guid.Empty).When(r => r.InvoiceId is not null);
    }
}

/// <summary>What a time entry's response is made of: the row and the names it shows.</summary>
public sealed record TimeEntrySource(TimeEntry Entry, string ProjectName, string UserName, string? InvoiceNumber, BillingStatus? InvoiceStatus);

public sealed class TimeEntryMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<TimeEntrySource, TimeEntryResponse>()
            .Map(d => d, s => s.Entry)
            .Map(d => d.Hours, s => ProjectTime.ShownHours(s.Entry.Minutes))
            .Map(d => d.Locked, s => s.Entry.InvoiceId != null);
}
