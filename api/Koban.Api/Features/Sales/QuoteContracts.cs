using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Domain.Sales;
using Mapster;

namespace Koban.Api.Features.Sales;

public sealed record QuoteResponse(
    Guid Id,
    string? Number,
    QuoteStatus Status,
    bool IsExpired,
    Guid CustomerId,
    string CustomerName,
    Guid? OpportunityId,
    DateOnly ValidUntil,
    DateOnly? SentOn,
    DateOnly? AcceptedOn,
    DateOnly? RefusedOn,
    string? RefusalReason,
    IReadOnlyList<SalesLineResponse> Lines,
    TotalsResponse Totals,
    Guid? OrderId,
    DateTimeOffset UpdatedAt);

public sealed record QuoteSummary(Guid Id, string? Number, QuoteStatus Status, bool IsExpired, Guid? OpportunityId, Guid CustomerId, DateOnly ValidUntil,
    decimal TotalExcludingVat, decimal TotalIncludingVat, Guid? OrderId, Customers.CustomerSummary? Customer = null);

public sealed record QuoteList(IReadOnlyList<QuoteSummary> Items, string? NextCursor, bool HasMore);

public sealed record QuoteRequest(Guid CustomerId, Guid? OpportunityId, DateOnly ValidUntil, IReadOnlyList<SalesLineRequest> Lines);

public sealed record RefuseQuoteRequest(string? Reason);

public sealed record DuplicateQuoteRequest(DateOnly? ValidUntil);

public sealed class QuoteRequestValidator : AbstractValidator<QuoteRequest>
{
    public QuoteRequestValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty();
        RuleFor(q => q.Lines).NotNull();
        RuleFor(q => q.Lines.Count).LessThanOrEqualTo(500).OverridePropertyName("lines");
        RuleForEach(q => q.Lines).SetValidator(new SalesLineValidator());
    }
}

/// <summary>What a quote's response is made of: the quote with its lines, its customer's name, the order made from it
/// and the company's today (a sent quote past its validity date is expired).</summary>
public sealed record QuoteSource(Quote Quote, string CustomerName, Guid? OrderId, DateOnly Today);

/// <summary>A quote in a list (its lines not loaded), with the order made from it and, on request, its customer.</summary>
public sealed record QuoteSummarySource(Quote Quote, Guid? OrderId, DateOnly Today, Customers.CustomerSummary? Customer);

public sealed class QuoteMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<QuoteSource, QuoteResponse>()
            .Map(d => d, s => s.Quote)
            .Map(d => d.IsExpired, s => s.Quote.IsExpired(s.Today))
            .Map(d => d.Lines, s => s.Quote.Lines.OrderBy(l => l.Position))
            .Map(d => d.Totals, s => s.Quote.ComputeTotals());
        config.NewConfig<QuoteSummarySource, QuoteSummary>()
            .Map(d => d, s => s.Quote)
            .Map(d => d.IsExpired, s => s.Quote.IsExpired(s.Today));
    }
}
