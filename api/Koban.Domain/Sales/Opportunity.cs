using Koban.Domain.Common;

namespace Koban.Domain.Sales;

/// <summary>A sales lead for a customer, before or around its quotes.</summary>
public sealed class Opportunity : ICompanyOwned, IHasUpdatedAt
{
    private Opportunity()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Title { get; private set; } = string.Empty;

    /// <summary>Excluding VAT, 2 decimals.</summary>
    public decimal ExpectedAmount { get; private set; }
    public DateOnly? ExpectedCloseDate { get; private set; }
    public Guid? OwnerUserId { get; private set; }
    public OpportunityStage Stage { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? LostReason { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Opportunity Create(Guid customerId, string title, decimal expectedAmount, DateOnly? expectedCloseDate, Guid? ownerUserId)
    {
        var opportunity = new Opportunity { Id = Guid.CreateVersion7(), Stage = OpportunityStage.Open };
        opportunity.Apply(customerId, title, expectedAmount, expectedCloseDate, ownerUserId);
        return opportunity;
    }

    public void Update(Guid customerId, string title, decimal expectedAmount, DateOnly? expectedCloseDate, Guid? ownerUserId)
    {
        EnsureOpen("update");
        Apply(customerId, title, expectedAmount, expectedCloseDate, ownerUserId);
    }

    public void Win(DateOnly on)
    {
        EnsureOpen("win");
        Stage = OpportunityStage.Won;
        ClosedOn = on;
    }

    /// <summary>
    /// The opportunity follows its quote: the customer's acceptance of one of its quotes is the sale, so accepting it (or
    /// making its order) wins the opportunity that day with the quote's total excluding VAT as its amount. An acceptance
    /// is a fact that outweighs a forecast: a lost opportunity whose quote the customer accepts after all is won too.
    /// Already won, it stays as it is (its amount and date are those of the first win). A refusal never loses the
    /// opportunity: a refused quote is usually followed by a revised one, and only the salesperson closes the lead.
    /// Returns whether the opportunity changed.
    /// </summary>
    public bool WinByAcceptedQuote(Quote quote, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.OpportunityId != Id || quote.Status != QuoteStatus.Accepted)
            throw new DomainException(ErrorCodes.QuoteNotOfOpportunity, "Not an accepted quote of this opportunity.") { Field = "quoteId" };
        if (Stage == OpportunityStage.Won) return false;
        Stage = OpportunityStage.Won;
        ClosedOn = on;
        LostReason = null;
        if (quote.TotalExcludingVat >= 0m) ExpectedAmount = quote.TotalExcludingVat;
        return true;
    }

    /// <summary>
    /// "Gagner": an open opportunity is won, by <paramref name="acceptedQuote"/> when it has one (see
    /// <see cref="WinByAcceptedQuote"/>). One already won by its accepted quote stays won, so asking again only makes
    /// sure its order exists; a lost one is reopened first. Returns whether the opportunity changed.
    /// </summary>
    public bool WinWith(Quote? acceptedQuote, DateOnly on)
    {
        if (Stage == OpportunityStage.Lost || (Stage == OpportunityStage.Won && acceptedQuote is null))
            throw DocumentErrors.InvalidTransition("win", Stage);
        if (acceptedQuote is not null) return WinByAcceptedQuote(acceptedQuote, on);
        Win(on);
        return true;
    }

    public void Lose(string reason, DateOnly on)
    {
        EnsureOpen("lose");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ErrorCodes.LostReasonRequired, "The reason for losing is required.") { Field = "reason" };
        Stage = OpportunityStage.Lost;
        LostReason = reason.Trim();
        ClosedOn = on;
    }

    public void Reopen()
    {
        if (Stage == OpportunityStage.Open)
            throw DocumentErrors.InvalidTransition("reopen", Stage);
        Stage = OpportunityStage.Open;
        ClosedOn = null;
        LostReason = null;
    }

    private void EnsureOpen(string action)
    {
        if (Stage != OpportunityStage.Open)
            throw DocumentErrors.InvalidTransition(action, Stage);
    }

    private void Apply(Guid customerId, string title, decimal expectedAmount, DateOnly? expectedCloseDate, Guid? ownerUserId)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainException(ErrorCodes.OpportunityTitleRequired, "The title is required.") { Field = "title" };
        if (expectedAmount < 0m)
            throw new DomainException(ErrorCodes.AmountNegative, "The expected amount cannot be negative.") { Field = "expectedAmount" };
        if (Rounding.Amount(expectedAmount) != expectedAmount)
            throw new DomainException(ErrorCodes.AmountTooPrecise, "Amounts take at most 2 decimals.") { Field = "expectedAmount" };
        CustomerId = customerId;
        Title = title.Trim();
        ExpectedAmount = expectedAmount;
        ExpectedCloseDate = expectedCloseDate;
        OwnerUserId = ownerUserId;
    }
}
