namespace Koban.Domain.Sales;

/// <summary>The life of a quote (domain-rules.md §1). "Expired" is derived (<see cref="Quote.IsExpired"/>), never stored.</summary>
public enum QuoteStatus
{
    Draft,
    Sent,
    Accepted,
    Refused,
}
