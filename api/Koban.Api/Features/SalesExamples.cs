namespace Koban.Api.Features;

/// <summary>The sale the OpenAPI examples tell (customer Menuiserie Durand, its opportunity, quote DE-2026-00012 and
/// order CO-2026-00031): shared so that invoices, payments, receivables and the dashboard name the same documents.
/// Ids only — each feature builds its own example objects from them.</summary>
internal static class SalesExamples
{
    public static readonly Guid CustomerId = Guid.Parse("01936c00-1111-7000-8000-00000000c001");
    public static readonly Guid OpportunityId = Guid.Parse("01936d00-0000-7000-8000-0000000000b1");
    public static readonly Guid QuoteId = Guid.Parse("01936d00-0000-7000-8000-0000000000a1");
    public static readonly Guid OrderId = Guid.Parse("01936d00-0000-7000-8000-0000000000d1");
    public static readonly Guid ProductId = Guid.Parse("01936c10-0000-7000-8000-00000000a001");

    /// <summary>The example order's lines, by id: a title, the catalogue service (12 h of fitting) and a free line (two oak shelves).</summary>
    public static readonly IReadOnlyList<SalesExampleLine> Lines =
    [
        new(Guid.Parse("01936d00-0000-7000-8000-00000000e001")),
        new(Guid.Parse("01936d00-0000-7000-8000-00000000e002")),
        new(Guid.Parse("01936d00-0000-7000-8000-00000000e003")),
    ];
}

/// <summary>A line of the example order, as other features' examples refer to it.</summary>
internal sealed record SalesExampleLine(Guid Id);
