using Koban.Domain.Documents;

namespace Koban.Domain.Accounting;

/// <summary>
/// How French VAT treats a sale, as the VAT return (CA3, form 3310-CA3) sorts operations: taxable at a rate (lines 08 to
/// 9B), exports outside the EU (line 04), intra-EU supplies of goods to businesses (line 06), other non-taxable operations
/// (line 05: services to EU businesses under reverse charge, services outside the scope of French VAT, exempt sales) —
/// and the franchise, under which the seller files no return at all (art. 293 B du CGI).
/// </summary>
public enum VatTreatmentKind
{
    /// <summary>French VAT at a positive rate.</summary>
    Taxable,

    /// <summary>A French sale exempt with a legal basis (e.g. art. 261 du CGI): CA3 line 05.</summary>
    Exempt,

    /// <summary>The seller is under the VAT franchise (art. 293 B du CGI): no VAT, no return.</summary>
    Franchise,

    /// <summary>Services to a business of another EU member state, VAT due by the buyer (art. 283-2 du CGI): CA3 line 05.</summary>
    ReverseCharge,

    /// <summary>Exempt supply of goods to a business of another EU member state (art. 262 ter I du CGI): CA3 line 06.</summary>
    IntraCommunitySupply,

    /// <summary>Goods exported outside the EU (art. 262 I du CGI): CA3 line 04.</summary>
    Export,

    /// <summary>Services to a business outside the EU, outside the scope of French VAT (art. 259-1 du CGI): CA3 line 05.</summary>
    OutsideScope,
}

public static class VatTreatmentKinds
{
    /// <summary>The treatment of a line of this category on a document of a seller under the franchise or not.</summary>
    public static VatTreatmentKind Of(VatCategory category, bool sellerUnderFranchise) => sellerUnderFranchise
        ? VatTreatmentKind.Franchise
        : category switch
        {
            VatCategory.Standard => VatTreatmentKind.Taxable,
            VatCategory.ZeroRated or VatCategory.Exempt => VatTreatmentKind.Exempt,
            VatCategory.ReverseCharge => VatTreatmentKind.ReverseCharge,
            VatCategory.IntraCommunitySupply => VatTreatmentKind.IntraCommunitySupply,
            VatCategory.Export => VatTreatmentKind.Export,
            VatCategory.OutsideScope => VatTreatmentKind.OutsideScope,
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown VAT category."),
        };
}
