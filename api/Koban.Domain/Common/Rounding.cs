namespace Koban.Domain.Common;

/// <summary>
/// The only rounding points of the document engine (domain-rules.md §5): amounts 2 decimals, unit prices 4, quantities 3,
/// always half away from zero, as French invoicing practice and EN 16931 expect; .NET's default (half to even) would
/// turn 0.125 into 0.12.
/// </summary>
public static class Rounding
{
    public static decimal Amount(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal UnitPrice(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero);

    public static decimal Quantity(decimal value) => decimal.Round(value, 3, MidpointRounding.AwayFromZero);
}
