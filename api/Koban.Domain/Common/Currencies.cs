namespace Koban.Domain.Common;

/// <summary>
/// The currencies documents are made out in: euros only, one currency per company for now (architecture.md "Decided").
/// Amounts are plain <see cref="decimal"/> euros, rounded only at the points of domain-rules.md §5 through <see cref="Rounding"/>.
/// </summary>
public static class Currencies
{
    /// <summary>ISO 4217 code of the euro, the only currency an order, invoice or credit note takes.</summary>
    public const string Euro = "EUR";
}
