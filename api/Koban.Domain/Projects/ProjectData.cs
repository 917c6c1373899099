namespace Koban.Domain.Projects;

/// <summary>
/// What a user types for a project. <see cref="HourlyRate"/> is the project's service rate excluding VAT (4 decimals) and
/// <see cref="VatRate"/> the VAT rate of that service; budgets are optional (hours with 2 decimals, amount excluding VAT
/// with 2 decimals).
/// </summary>
public sealed record ProjectData(
    string Name,
    string? Code,
    Guid CustomerId,
    decimal? BudgetHours,
    decimal? BudgetAmount,
    decimal HourlyRate,
    decimal VatRate,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<Guid> MemberIds);
