using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Documents;

namespace Koban.Domain.Invoicing;

/// <summary>
/// Refuses to validate a document whose mandatory mentions (domain-rules.md §4; art. 242 nonies A de l'annexe II du CGI,
/// art. L441-9 et R123-237 du Code de commerce) cannot all be filled. One refusal names every missing mention at once, by
/// the field to complete: <c>company.shareCapital</c>, <c>company.rcsCity</c>… on the company profile,
/// <c>customer.siren</c>… on the customer, <c>lines[2].unitCode</c> on the document.
/// </summary>
public static class MandatoryMentions
{
    /// <summary>The mentions that cannot be filled, as field paths, in a stable order (empty when the document may be validated).</summary>
    public static IReadOnlyList<string> Missing(SellerSnapshot seller, BuyerSnapshot buyer, IEnumerable<BillingLine> lines)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(buyer);
        ArgumentNullException.ThrowIfNull(lines);
        var missing = new List<string>();
        void Require(bool present, string mention)
        {
            if (!present) missing.Add(mention);
        }

        Require(!string.IsNullOrWhiteSpace(seller.LegalName), "company.legalName");
        var form = Enum.TryParse<LegalForm>(seller.LegalForm, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (LegalForm?)null;
        Require(form is not null, "company.legalForm");
        // A commercial company prints its share capital and its registry city (art. R123-237 du Code de commerce).
        var company = form is { } f && LegalFormText.HasShareCapital(f);
        Require(!company || seller.ShareCapital is not null, "company.shareCapital");
        Require(!company || !string.IsNullOrWhiteSpace(seller.RcsCity), "company.rcsCity");
        Require(!string.IsNullOrWhiteSpace(seller.Siren), "company.siren");
        Require(seller.Address is not null, "company.address");
        // A company under the franchise may have no VAT number; everyone else prints it.
        Require(seller.VatFranchise || !string.IsNullOrWhiteSpace(seller.VatNumber), "company.vatNumber");
        Require(!string.IsNullOrWhiteSpace(buyer.Name), "customer.name");
        Require(buyer.BillingAddress is not null, "customer.billingAddress");
        Require(!(buyer.IsBusiness && buyer.CountryCode == "FR") || !string.IsNullOrWhiteSpace(buyer.Siren), "customer.siren");
        Require(buyer.VatRegime != "IntraEuBusiness" || !string.IsNullOrWhiteSpace(buyer.VatNumber), "customer.vatNumber");
        foreach (var line in lines.Where(l => l.Kind.IsPriced()))
            Require(!string.IsNullOrWhiteSpace(line.UnitCode), $"lines[{line.Position}].unitCode");
        return missing;
    }

    /// <summary>Throws one <see cref="ErrorCodes.MandatoryMentionMissing"/> refusal listing every missing mention, each as
    /// its own field (<see cref="DomainException.Details"/>), so the user completes them all at once.</summary>
    public static void Check(SellerSnapshot seller, BuyerSnapshot buyer, IEnumerable<BillingLine> lines)
    {
        var missing = Missing(seller, buyer, lines);
        if (missing.Count == 0)
            return;
        var all = string.Join(", ", missing);
        throw new DomainException(ErrorCodes.MandatoryMentionMissing, $"The mandatory mentions {all} cannot be filled.")
        {
            Field = missing[0],
            Arguments = new Dictionary<string, object> { ["mention"] = all },
            Details = [.. missing.Select(m => new DomainException(ErrorCodes.MandatoryMentionMissing, $"The mandatory mention {m} cannot be filled.")
            {
                Field = m,
                Arguments = new Dictionary<string, object> { ["mention"] = m },
            })],
        };
    }

    /// <summary>
    /// Whether the payment clauses of art. L441-9 du Code de commerce (due date, payment terms, early-payment discount,
    /// late-payment penalty rate, the 40 € recovery indemnity) belong on the document: only when it asks to be paid, so an
    /// invoice with something to pay, never a credit note (the seller owes it) nor an invoice whose total is nil.
    /// </summary>
    public static bool PaymentClausesApply(BillingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document is Invoice && document.TotalIncludingVat > 0m;
    }
}
