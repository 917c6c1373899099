namespace Koban.Domain.Documents;

/// <summary>The VAT category of a line, as EN 16931 codes it (UNTDID 5305, BT-151/BT-118; domain-rules.md §10). Stored by
/// name; <see cref="VatCategoryExtensions.Code"/> gives the code Factur-X and UBL carry.</summary>
public enum VatCategory
{
    /// <summary>S: standard rate (any rate above 0 %).</summary>
    Standard,

    /// <summary>Z: zero-rated goods. Not produced for French sales (France has no zero rate); kept for received invoices.</summary>
    ZeroRated,

    /// <summary>E: exempt, with the legal reason printed (e.g. the VAT franchise, art. 293 B du CGI).</summary>
    Exempt,

    /// <summary>AE: reverse charge ("Autoliquidation"), services to an EU business.</summary>
    ReverseCharge,

    /// <summary>K: exempt intra-community supply of goods (art. 262 ter I du CGI).</summary>
    IntraCommunitySupply,

    /// <summary>G: export outside the EU (art. 262 I du CGI).</summary>
    Export,

    /// <summary>O: outside the scope of French VAT (services to a business outside the EU, art. 259-1 du CGI).</summary>
    OutsideScope,
}

public static class VatCategoryExtensions
{
    /// <summary>The UNTDID 5305 code EN 16931 expects.</summary>
    public static string Code(this VatCategory category) => category switch
    {
        VatCategory.Standard => "S",
        VatCategory.ZeroRated => "Z",
        VatCategory.Exempt => "E",
        VatCategory.ReverseCharge => "AE",
        VatCategory.IntraCommunitySupply => "K",
        VatCategory.Export => "G",
        VatCategory.OutsideScope => "O",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown VAT category."),
    };
}
