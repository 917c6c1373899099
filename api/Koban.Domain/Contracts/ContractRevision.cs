using Koban.Domain.Common;

namespace Koban.Domain.Contracts;

/// <summary>How a contract's prices move when it is renewed.</summary>
public enum RevisionKind
{
    /// <summary>Prices stay as they are.</summary>
    None,

    /// <summary>Every unit price moves by a fixed percentage (e.g. +3 %).</summary>
    Percentage,

    /// <summary>Every unit price moves by the ratio of a new index value to the base value (e.g. Syntec), entered by a user.</summary>
    Index,
}

/// <summary>The revision clause of a contract: what a renewal applies (docs/contracts.md, "Renewal and price revision").</summary>
public sealed record ContractRevisionClause(RevisionKind Kind, decimal? Percentage = null, decimal? BaseIndexValue = null)
{
    public static ContractRevisionClause None { get; } = new(RevisionKind.None);

    /// <summary>A percentage between −50 and +100 with at most 2 decimals; an index value above 0 with at most 4 decimals.</summary>
    internal ContractRevisionClause Checked(string prefix)
    {
        if (!Enum.IsDefined(Kind))
            throw ContractRevision.Invalid($"{prefix}.kind");
        return Kind switch
        {
            RevisionKind.Percentage when Percentage is { } p && ContractRevision.IsPercentage(p) => new ContractRevisionClause(Kind, p),
            RevisionKind.Percentage => throw ContractRevision.Invalid($"{prefix}.percentage"),
            RevisionKind.Index when BaseIndexValue is { } i && ContractRevision.IsIndexValue(i) => new ContractRevisionClause(Kind, null, i),
            RevisionKind.Index => throw ContractRevision.Invalid($"{prefix}.baseIndexValue"),
            _ => None,
        };
    }
}

/// <summary>What a user chooses when renewing: keep prices, a percentage, or the new value of the contract's index.</summary>
public sealed record ContractRevision(RevisionKind Kind, decimal? Percentage = null, decimal? IndexValue = null)
{
    public const decimal MinimumPercentage = -50m;
    public const decimal MaximumPercentage = 100m;

    public static ContractRevision None { get; } = new(RevisionKind.None);

    internal static bool IsPercentage(decimal value) =>
        value is >= MinimumPercentage and <= MaximumPercentage && Rounding.Amount(value) == value;

    internal static bool IsIndexValue(decimal value) => value is > 0m and <= 1_000_000m && Rounding.UnitPrice(value) == value;

    internal static DomainException Invalid(string field) =>
        new(ErrorCodes.ContractRevisionInvalid, "The revision needs a percentage (−50 to 100, 2 decimals) or an index value (above 0, 4 decimals).")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["minimumPercentage"] = MinimumPercentage, ["maximumPercentage"] = MaximumPercentage },
        };
}
