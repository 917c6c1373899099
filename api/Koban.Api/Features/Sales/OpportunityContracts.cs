using FluentValidation;
using Koban.Domain.Sales;
using Mapster;

namespace Koban.Api.Features.Sales;

public sealed record OpportunityResponse(
    Guid Id,
    Guid CustomerId,
    string CustomerName,
    string Title,
    decimal ExpectedAmount,
    DateOnly? ExpectedCloseDate,
    Guid? OwnerUserId,
    OpportunityStage Stage,
    DateOnly? ClosedOn,
    string? LostReason,
    IReadOnlyList<QuoteSummary> Quotes,
    DateTimeOffset UpdatedAt);

public sealed record OpportunityList(IReadOnlyList<OpportunityResponse> Items, string? NextCursor, bool HasMore);

public sealed record OpportunityRequest(Guid CustomerId, string Title, decimal ExpectedAmount, DateOnly? ExpectedCloseDate, Guid? OwnerUserId);

public sealed record WinOpportunityRequest(Guid? QuoteId, bool CreateOrder = true);

public sealed record WinOpportunityResponse(OpportunityResponse Opportunity, Guid? OrderId);

public sealed record LoseOpportunityRequest(string Reason);

public sealed class OpportunityRequestValidator : AbstractValidator<OpportunityRequest>
{
    public OpportunityRequestValidator()
    {
        RuleFor(o => o.CustomerId).NotEmpty();
        RuleFor(o => o.Title).NotEmpty().MaximumLength(200);
        RuleFor(o => o.ExpectedAmount).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, true);
    }
}

/// <summary>What an opportunity's response is made of: the row, its customer's name and its quotes.</summary>
public sealed record OpportunitySource(Opportunity Opportunity, string CustomerName, IReadOnlyList<QuoteSummary> Quotes);

public sealed class OpportunityMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<OpportunitySource, OpportunityResponse>()
            .Map(d => d, s => s.Opportunity);
}
