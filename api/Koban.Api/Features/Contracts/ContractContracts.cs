using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Domain.Contracts;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Mapster;

namespace Koban.Api.Features.Contracts;

/// <summary>The revision clause: <c>None</c>; <c>Percentage</c> with <c>percentage</c> (−50 to 100, 2 decimals) applied at
/// each tacit renewal; <c>Index</c> with <c>baseIndexValue</c> (above 0, 4 decimals), the index the current prices are based on.</summary>
public sealed record RevisionClauseDto(RevisionKind Kind, decimal? Percentage, decimal? BaseIndexValue)
{
    internal ContractRevisionClause ToDomain() => new(Kind, Percentage, BaseIndexValue);
}

/// <summary>The revision a user applies when renewing: <c>None</c>, a <c>percentage</c>, or the new <c>indexValue</c> of the
/// contract's index (new prices = price × indexValue ÷ base index value, rounded to 4 decimals).</summary>
public sealed record RevisionDto(RevisionKind Kind, decimal? Percentage, decimal? IndexValue)
{
    internal ContractRevision ToDomain() => new(Kind, Percentage, IndexValue);
}

/// <summary>A contract entered directly (or its draft updated): its customer, its terms and the lines one period bills.</summary>
public sealed record ContractRequest(
    Guid CustomerId,
    Guid? OwnerUserId,
    DateOnly StartDate,
    int TermMonths,
    ContractPeriodicity Periodicity,
    BillingTiming Timing,
    bool TacitRenewal,
    int NoticeMonths,
    RevisionClauseDto? Revision,
    IReadOnlyList<SalesLineRequest>? Lines);

/// <summary>A contract made from a validated order's subscription lines (all of them when <c>orderLineIds</c> is omitted).</summary>
public sealed record ContractFromOrderRequest(
    Guid OrderId,
    IReadOnlyList<Guid>? OrderLineIds,
    DateOnly StartDate,
    int? TermMonths,
    ContractPeriodicity? Periodicity,
    BillingTiming Timing,
    bool TacitRenewal,
    int NoticeMonths,
    RevisionClauseDto? Revision,
    Guid? OwnerUserId);

public sealed record TerminateContractRequest(DateOnly? EffectiveDate, string Reason);

public sealed record RenewContractRequest(RevisionDto Revision);

public sealed record ContractLineResponse(
    Guid Id,
    int Position,
    LineKind Kind,
    Guid? ProductId,
    Guid? OrderLineId,
    string Description,
    decimal Quantity,
    string? UnitCode,
    decimal UnitPrice,
    decimal DiscountPercent,
    decimal VatRate,
    VatCategory VatCategory,
    decimal NetAmount,
    string? VatExemptionReason);

public sealed record ContractTermResponse(int Number, DateOnly Start, DateOnly End, RevisionKind RevisionKind, decimal? RevisionValue, decimal PriceFactor,
    bool Tacit, DateOnly DecidedOn, Guid? DecidedByUserId);

public sealed record ContractHistoryEntry(DateTimeOffset OccurredAt, string Action, string? ActorName);

public sealed record ContractResponse(
    Guid Id,
    string Reference,
    ContractStatus Status,
    Guid CustomerId,
    string CustomerName,
    Guid? OrderId,
    string? OrderNumber,
    Guid OwnerUserId,
    DateOnly StartDate,
    int TermMonths,
    ContractPeriodicity Periodicity,
    BillingTiming Timing,
    bool TacitRenewal,
    int NoticeMonths,
    RevisionClauseDto Revision,
    bool IndexRevisionPending,
    int TermNumber,
    DateOnly CurrentTermStart,
    DateOnly CurrentTermEnd,
    DateOnly NoticeDeadline,
    bool NoticeDeadlinePassed,
    DateOnly RenewalOpensOn,
    bool WillRenewTacitly,
    DateOnly? RenewalDeclinedOn,
    DateOnly? TerminationDate,
    string? TerminationReason,
    DateOnly? TerminatedOn,
    DateOnly? EndDate,
    decimal PeriodAmountExcludingVat,
    decimal MonthlyRecurringRevenue,
    IReadOnlyList<ContractLineResponse> Lines,
    TotalsResponse Totals,
    IReadOnlyList<ContractTermResponse> Terms,
    IReadOnlyList<ContractHistoryEntry> History,
    DateTimeOffset UpdatedAt);

public sealed record ContractSummary(
    Guid Id,
    string Reference,
    ContractStatus Status,
    Guid CustomerId,
    string CustomerName,
    Guid? OrderId,
    ContractPeriodicity Periodicity,
    DateOnly StartDate,
    DateOnly CurrentTermEnd,
    DateOnly NoticeDeadline,
    bool TacitRenewal,
    DateOnly? EndDate,
    decimal PeriodAmountExcludingVat,
    decimal MonthlyRecurringRevenue,
    DateTimeOffset UpdatedAt);

public sealed record ContractList(IReadOnlyList<ContractSummary> Items, string? NextCursor, bool HasMore);

/// <summary>A contract reaching the end of its term (or whose tacit renewal waits for an index value).</summary>
public sealed record ContractRenewal(
    Guid Id,
    string Reference,
    Guid CustomerId,
    string CustomerName,
    Guid OwnerUserId,
    DateOnly CurrentTermEnd,
    int DaysLeft,
    DateOnly NoticeDeadline,
    bool NoticeDeadlinePassed,
    bool WillRenewTacitly,
    bool IndexRevisionPending,
    RevisionKind RevisionKind,
    DateOnly RenewalOpensOn,
    decimal MonthlyRecurringRevenue);

public sealed record ContractRenewalList(DateOnly Today, int Within, int Count, IReadOnlyList<ContractRenewal> Items);

/// <summary>Revenue excluding VAT the contracts will invoice in one calendar month (<c>month</c> is its first day).</summary>
public sealed record MonthAmount(DateOnly Month, decimal AmountExcludingVat);

public sealed record RecurringRevenueResponse(
    DateOnly Today,
    decimal MonthlyRecurringRevenue,
    decimal AnnualRecurringRevenue,
    int ActiveContracts,
    IReadOnlyList<MonthAmount> RevenueToCome);

/// <summary>A contract with what its response shows beside its own fields.</summary>
public sealed record ContractSource(Contract Contract, string CustomerName, string? OrderNumber, DateOnly Today, IReadOnlyList<ContractHistoryEntry> History);

public sealed record ContractSummarySource(Contract Contract, string CustomerName);

public sealed record ContractRenewalSource(Contract Contract, string CustomerName, DateOnly Today);

public sealed class ContractMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ContractLine, ContractLineResponse>()
            .Map(d => d.NetAmount, s => s.Kind == LineKind.Product || s.Kind == LineKind.Free ? DocumentTotals.LineNet(s.Quantity, s.UnitPrice, s.DiscountPercent) : 0m);
        config.NewConfig<ContractTerm, ContractTermResponse>().Map(d => d.End, s => s.End);
        config.NewConfig<ContractSource, ContractResponse>()
            .Map(d => d, s => s.Contract)
            .Map(d => d.Revision, s => new RevisionClauseDto(s.Contract.RevisionKind, s.Contract.RevisionPercentage, s.Contract.RevisionIndexBase))
            .Map(d => d.NoticeDeadlinePassed, s => s.Today > s.Contract.NoticeDeadline)
            .Map(d => d.MonthlyRecurringRevenue, s => s.Contract.MonthlyAmountExcludingVat)
            .Map(d => d.Lines, s => s.Contract.Lines)
            .Map(d => d.Totals, s => TotalsResponse.From(s.Contract.ComputeTotals()))
            .Map(d => d.Terms, s => s.Contract.Terms);
        config.NewConfig<ContractSummarySource, ContractSummary>()
            .Map(d => d, s => s.Contract)
            .Map(d => d.MonthlyRecurringRevenue, s => s.Contract.MonthlyAmountExcludingVat);
        config.NewConfig<ContractRenewalSource, ContractRenewal>()
            .Map(d => d, s => s.Contract)
            .Map(d => d.DaysLeft, s => s.Contract.CurrentTermEnd.DayNumber - s.Today.DayNumber)
            .Map(d => d.NoticeDeadlinePassed, s => s.Today > s.Contract.NoticeDeadline)
            .Map(d => d.MonthlyRecurringRevenue, s => s.Contract.MonthlyAmountExcludingVat);
    }
}

public sealed class RevisionClauseValidator : AbstractValidator<RevisionClauseDto>
{
    public RevisionClauseValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Percentage).PrecisionScale(5, 2, true).When(r => r.Percentage is not null);
        RuleFor(r => r.BaseIndexValue).PrecisionScale(11, 4, true).When(r => r.BaseIndexValue is not null);
    }
}

public sealed class RevisionValidator : AbstractValidator<RevisionDto>
{
    public RevisionValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Percentage).PrecisionScale(5, 2, true).When(r => r.Percentage is not null);
        RuleFor(r => r.IndexValue).PrecisionScale(11, 4, true).When(r => r.IndexValue is not null);
    }
}

public sealed class ContractRequestValidator : AbstractValidator<ContractRequest>
{
    public ContractRequestValidator()
    {
        RuleFor(r => r.Periodicity).IsInEnum();
        RuleFor(r => r.Timing).IsInEnum();
        RuleFor(r => r.Revision!).SetValidator(new RevisionClauseValidator()).When(r => r.Revision is not null);
        RuleFor(r => r.Lines).Must(l => l is null || l.Count <= 200).WithMessage("At most 200 lines.");
        RuleForEach(r => r.Lines).NotNull().SetValidator(new SalesLineValidator());
    }
}
