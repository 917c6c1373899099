using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Products;

namespace Koban.Domain.Documents;

/// <summary>The VAT category, rate and legal wording of one line (EN 16931 BT-151, BT-152, BT-120).</summary>
public sealed record VatTreatment(VatCategory Category, decimal Rate, string? ExemptionReason);

/// <summary>Decides each line's VAT treatment from the seller, the buyer and the line (domain-rules.md §7).</summary>
public static class VatTreatments
{
    public const string FranchiseWording = "TVA non applicable, art. 293 B du CGI";
    public const string IntraCommunitySupplyWording = "Exonération de TVA, article 262 ter I du CGI";
    public const string ReverseChargeWording = "Autoliquidation";
    public const string ExportWording = "Exonération de TVA, article 262 I du CGI";
    public const string OutsideScopeWording = "TVA non applicable, article 259-1 du CGI";

    /// <summary>Category O on a French buyer's invoice: sums that are no consideration for a supply, such as late-payment
    /// interest and the 40 € recovery indemnity (reminders' fee invoices).</summary>
    public const string OutsideScopeOfVatWording = "Hors champ d'application de la TVA";

    /// <summary>
    /// <c>rate</c> is the product's (or line's) French rate, used only when French VAT applies; <c>exemptionReason</c> is
    /// required when French VAT applies at 0 %.
    /// </summary>
    public static VatTreatment Decide(
        bool companyVatFranchise,
        CustomerVatRegime regime,
        CustomerKind customerKind,
        ProductNature nature,
        decimal rate,
        string? exemptionReason = null)
    {
        // The franchise beats everything: the seller charges no VAT at all (art. 293 B du CGI).
        if (companyVatFranchise)
            return new VatTreatment(VatCategory.Exempt, 0m, FranchiseWording);

        switch (regime)
        {
            // Regime IntraEuBusiness implies a business; Customer enforces it. An EU individual falls under French VAT
            // below (B2C distance-selling thresholds are out of scope for now).
            case CustomerVatRegime.IntraEuBusiness when customerKind == CustomerKind.Business:
                return nature == ProductNature.Goods
                    ? new VatTreatment(VatCategory.IntraCommunitySupply, 0m, IntraCommunitySupplyWording)
                    : new VatTreatment(VatCategory.ReverseCharge, 0m, ReverseChargeWording);
            case CustomerVatRegime.OutsideEu when nature == ProductNature.Goods:
                return new VatTreatment(VatCategory.Export, 0m, ExportWording);
            // B2B services are taxed where the buyer is established (art. 259-1° du CGI). B2C services stay taxed in
            // France (art. 259-2°), hence no case for individuals: they fall through to French VAT.
            case CustomerVatRegime.OutsideEu when customerKind == CustomerKind.Business:
                return new VatTreatment(VatCategory.OutsideScope, 0m, OutsideScopeWording);
            case CustomerVatRegime.France or CustomerVatRegime.IntraEuBusiness or CustomerVatRegime.OutsideEu:
                break;
            default:
                throw new DomainException(ErrorCodes.VatRegimeInvalid, $"Unknown VAT regime {regime}.") { Field = "vatRegime" };
        }

        VatRates.EnsureAllowed(rate, "vatRate");
        if (rate > 0m)
            return new VatTreatment(VatCategory.Standard, rate, null);

        // French sales at 0 % are exemptions (e.g. art. 261 du CGI for training or medical care) and must cite their basis
        // (domain-rules.md §4); France has no zero-rated category, so Z is never chosen here.
        if (string.IsNullOrWhiteSpace(exemptionReason))
            throw new DomainException(ErrorCodes.VatExemptionReasonRequired, "A 0 % French rate needs an exemption reason.") { Field = "vatExemptionReason" };
        return new VatTreatment(VatCategory.Exempt, 0m, exemptionReason.Trim());
    }
}
