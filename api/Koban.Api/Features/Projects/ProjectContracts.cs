using FluentValidation;
using Koban.Domain.Projects;
using Mapster;

namespace Koban.Api.Features.Projects;

/// <summary>A project as typed in its form (direct creation and update).</summary>
public sealed record ProjectRequest(
    string Name,
    string? Code,
    Guid CustomerId,
    decimal? BudgetHours,
    decimal? BudgetAmount,
    decimal HourlyRate,
    decimal? VatRate,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<Guid>? MemberIds);

/// <summary>A project from a validated order: every field is optional and defaults from the order (see the operation).</summary>
public sealed record ProjectFromOrderRequest(
    Guid OrderId,
    string? Name,
    string? Code,
    decimal? BudgetHours,
    decimal? BudgetAmount,
    decimal? HourlyRate,
    decimal? VatRate,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<Guid>? MemberIds);

public sealed record ProjectMemberResponse(Guid UserId, string DisplayName, decimal SpentHours, decimal BillableHours, decimal UninvoicedBillableHours);

/// <summary>Time spent against budget (hours with 2 decimals; amounts excluding VAT).</summary>
public sealed record ProjectTimeResponse(
    decimal SpentHours,
    decimal BillableHours,
    decimal UninvoicedBillableHours,
    decimal BillableAmount,
    decimal UninvoicedAmount,
    decimal? HoursConsumedPercent,
    decimal? AmountConsumedPercent,
    decimal? ProgressPercent,
    bool OverBudget);

public sealed record ProjectResponse(
    Guid Id,
    string Name,
    string? Code,
    Guid CustomerId,
    string CustomerName,
    Guid? OrderId,
    string? OrderNumber,
    decimal? BudgetHours,
    decimal? BudgetAmount,
    decimal HourlyRate,
    decimal VatRate,
    DateOnly? StartDate,
    DateOnly? EndDate,
    ProjectStatus Status,
    IReadOnlyList<ProjectMemberResponse> Members,
    ProjectTimeResponse Time,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record ProjectSummary(
    Guid Id,
    string Name,
    string? Code,
    Guid CustomerId,
    string CustomerName,
    Guid? OrderId,
    string? OrderNumber,
    decimal? BudgetHours,
    decimal? BudgetAmount,
    DateOnly? StartDate,
    DateOnly? EndDate,
    ProjectStatus Status,
    IReadOnlyList<Guid> MemberIds,
    decimal SpentHours,
    decimal? ProgressPercent,
    bool OverBudget,
    DateTimeOffset UpdatedAt);

public sealed record ProjectList(IReadOnlyList<ProjectSummary> Items, string? NextCursor, bool HasMore);

public sealed class ProjectRequestValidator : AbstractValidator<ProjectRequest>
{
    public ProjectRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Project.NameMaxLength);
        RuleFor(r => r.Code).MaximumLength(Project.CodeMaxLength);
        RuleFor(r => r.CustomerId).NotEmpty();
        RuleFor(r => r.BudgetHours).GreaterThanOrEqualTo(0m).PrecisionScale(10, 2, true);
        RuleFor(r => r.BudgetAmount).GreaterThanOrEqualTo(0m).PrecisionScale(18, 2, true);
        RuleFor(r => r.HourlyRate).GreaterThanOrEqualTo(0m).PrecisionScale(18, 4, true);
        RuleFor(r => r.VatRate).PrecisionScale(5, 2, true);
        RuleFor(r => r.EndDate).GreaterThanOrEqualTo(r => r.StartDate).When(r => r.StartDate is not null && r.EndDate is not null);
        RuleFor(r => r.MemberIds!.Count).LessThanOrEqualTo(Project.MaxMembers).When(r => r.MemberIds is not null).OverridePropertyName("memberIds");
        RuleForEach(r => r.MemberIds).NotEmpty();
    }
}

public sealed class ProjectFromOrderRequestValidator : AbstractValidator<ProjectFromOrderRequest>
{
    public ProjectFromOrderRequestValidator()
    {
        RuleFor(r => r.OrderId).NotEmpty();
        RuleFor(r => r.Name).MaximumLength(Project.NameMaxLength);
        RuleFor(r => r.Code).MaximumLength(Project.CodeMaxLength);
        RuleFor(r => r.BudgetHours).GreaterThanOrEqualTo(0m).PrecisionScale(10, 2, true);
        RuleFor(r => r.BudgetAmount).GreaterThanOrEqualTo(0m).PrecisionScale(18, 2, true);
        RuleFor(r => r.HourlyRate).GreaterThanOrEqualTo(0m).PrecisionScale(18, 4, true);
        RuleFor(r => r.VatRate).PrecisionScale(5, 2, true);
        RuleFor(r => r.EndDate).GreaterThanOrEqualTo(r => r.StartDate).When(r => r.StartDate is not null && r.EndDate is not null);
        RuleFor(r => r.MemberIds!.Count).LessThanOrEqualTo(Project.MaxMembers).When(r => r.MemberIds is not null).OverridePropertyName("memberIds");
        RuleForEach(r => r.MemberIds).NotEmpty();
    }
}

/// <summary>What a project's response is made of: the row, its names, its members and its time summary.</summary>
public sealed record ProjectSource(Project Project, string CustomerName, string? OrderNumber, IReadOnlyList<ProjectMemberResponse> Members, ProjectTimeResponse Time);

/// <summary>What a project's list item is made of.</summary>
public sealed record ProjectSummarySource(Project Project, string CustomerName, string? OrderNumber, decimal SpentHours, decimal? ProgressPercent, bool OverBudget);

public sealed class ProjectMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ProjectSource, ProjectResponse>()
            .Map(d => d, s => s.Project);
        config.NewConfig<ProjectSummarySource, ProjectSummary>()
            .Map(d => d, s => s.Project);
        config.NewConfig<ProjectTime, ProjectTimeResponse>();
    }
}
