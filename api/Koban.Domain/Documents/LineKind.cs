namespace Koban.Domain.Documents;

/// <summary>What a document line is. Product and Free lines are priced; Title and Comment lines only shape the layout
/// and carry no amounts, so the totals engine skips them.</summary>
public enum LineKind
{
    /// <summary>A line for a product of the catalogue.</summary>
    Product,

    /// <summary>A priced line typed by hand, with no product behind it.</summary>
    Free,

    /// <summary>A section heading.</summary>
    Title,

    /// <summary>Free text between lines.</summary>
    Comment,
}

public static class LineKindExtensions
{
    public static bool IsPriced(this LineKind kind) => kind is LineKind.Product or LineKind.Free;
}
