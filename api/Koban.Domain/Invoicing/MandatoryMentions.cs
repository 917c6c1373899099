using Koban.Domain.Common;
using Koban.Domain.Documents;

namespace Koban.Domain.Invoicing;

/// <summary>
/// Refuses to validate a document whose mandatory mentions (domain-rules.md §4; art. 242 nonies A de l'annexe II du CGI,
/// art. L441-9 du Code de commerce) cannot all be filled: the error names the missing one, e.g. <c>seller.siren</c>.
/// </summary>
public static class MandatoryMentions
{
    public static void Check(SellerSnapshot seller, BuyerSnapshot buyer, IEnumerable<BillingLine> lines)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(buyer);
        ArgumentNullException.ThrowIfNull(lines);
        Require(!string.IsNullOrWhiteSpace(seller.LegalName), "seller.legalName");
        Require(seller.Address is not null, "seller.address");
        Require(!string.IsNullOrWhiteSpace(seller.Siren), "seller.siren");
        // A company under the franchise may have no VAT number; everyone else prints it.
        Require(seller.VatFranchise || !string.IsNullOrWhiteSpace(seller.VatNumber), "seller.vatNumber");
        Require(!string.IsNullOrWhiteSpace(buyer.Name), "buyer.name");
        Require(buyer.BillingAddress is not null, "buyer.billingAddress");
        Require(!(buyer.IsBusiness && buyer.CountryCode == "FR") || !string.IsNullOrWhiteSpace(buyer.Siren), "buyer.siren");
        Require(buyer.VatRegime != "IntraEuBusiness" || !string.IsNullOrWhiteSpace(buyer.VatNumber), "buyer.vatNumber");
        foreach (var line in lines.Where(l => l.Kind.IsPriced()))
            Require(!string.IsNullOrWhiteSpace(line.UnitCode), $"lines[{line.Position}].unitCode");
    }

    private static void Require(bool present, string mention)
    {
        if (present)
            return;
        throw new DomainException(ErrorCodes.MandatoryMentionMissing, $"The mandatory mention {mention} cannot be filled.")
        {
            Field = mention,
            Arguments = new Dictionary<string, object> { ["mention"] = mention },
        };
    }
}
