namespace Koban.Domain.Contracts;

/// <summary>One term of a contract in its history: the first term, then one per renewal (explicit or tacit).</summary>
public sealed class ContractTerm
{
    private ContractTerm()
    {
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>1 for the initial term, then 2, 3… per renewal.</summary>
    public int Number { get; private set; }
    public DateOnly Start { get; private set; }

    /// <summary>Inclusive last day.</summary>
    public DateOnly End { get; private set; }

    /// <summary>The revision applied when this term began (None for the first term).</summary>
    public RevisionKind RevisionKind { get; private set; }

    /// <summary>The percentage, or the new index value, the revision used.</summary>
    public decimal? RevisionValue { get; private set; }

    /// <summary>What unit prices were multiplied by when this term began (1 for the first term), shown to 4 decimals (prices use the exact ratio).</summary>
    public decimal PriceFactor { get; private set; }

    /// <summary>Whether the term came by tacit renewal at the end of the previous one rather than by a user's decision.</summary>
    public bool Tacit { get; private set; }

    /// <summary>The day the term was decided (activation or renewal).</summary>
    public DateOnly DecidedOn { get; private set; }

    /// <summary>The user who activated or renewed; null for a tacit renewal by the scheduled job.</summary>
    public Guid? DecidedByUserId { get; private set; }

    internal static ContractTerm Create(Guid contractId, int number, DateOnly start, DateOnly end, bool tacit, DateOnly decidedOn, Guid? decidedBy) => new()
    {
        Id = Guid.CreateVersion7(),
        ContractId = contractId,
        Number = number,
        Start = start,
        End = end,
        RevisionKind = RevisionKind.None,
        PriceFactor = 1m,
        Tacit = tacit,
        DecidedOn = decidedOn,
        DecidedByUserId = decidedBy,
    };

    internal void RecordRevision(RevisionKind kind, decimal? value, decimal factor, DateOnly decidedOn, Guid? decidedBy)
    {
        RevisionKind = kind;
        RevisionValue = value;
        PriceFactor = factor;
        DecidedOn = decidedOn;
        DecidedByUserId = decidedBy;
    }
}
