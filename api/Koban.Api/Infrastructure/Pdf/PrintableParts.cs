using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;

namespace Koban.Api.Infrastructure.Pdf;

/// <summary>
/// The pieces every printable document is built from, shared by quotes, orders and (for the invoicing work) invoices and
/// credit notes: the seller and buyer blocks, the French wordings of terms, methods, nature and VAT exemptions
/// (domain-rules §4, §7). Wordings only: amounts come from the totals engine.
/// </summary>
public static class PrintableParts
{
    public const string NoEarlyPaymentDiscount = "Pas d'escompte pour paiement anticipé";
    public const string VatOnDebitsWording = "Option pour le paiement de la taxe d'après les débits";

    /// <summary>Used for a 0 % French line whose legal basis was not kept with the line.</summary>
    public const string GenericExemptionWording = "Exonération de TVA";

    public static string Title(PrintableKind kind) => kind switch
    {
        PrintableKind.Quote => "Devis",
        PrintableKind.Order => "Bon de commande",
        PrintableKind.Invoice => "Facture",
        PrintableKind.DepositInvoice => "Facture d'acompte",
        PrintableKind.CreditNote => "Avoir",
        PrintableKind.DeliveryNote => "Bon de livraison",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The seller block from the live company row. Validated invoices use the snapshot taken at validation instead
    /// (domain-rules §8); this is what that snapshot should copy.</summary>
    public static PrintableSeller Seller(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return new PrintableSeller(company.LegalName, company.LegalForm is { } form ? LegalFormLabel(form) : null, company.ShareCapital, company.Address,
            company.Siren, company.RcsCity, company.VatNumber, company.Iban, company.Bic, Email: null, Phone: null);
    }

    /// <summary>The buyer block: billing address, the delivery address when it differs, SIREN for a business, VAT number.</summary>
    public static PrintableBuyer Buyer(Customer customer, PostalAddress? deliveryAddress = null, Contact? contact = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        contact ??= customer.BillingContact;
        var contactName = contact is null ? null : $"{contact.FirstName} {contact.LastName}".Trim();
        return new PrintableBuyer(customer.Name, customer.Kind == CustomerKind.Business, customer.BillingAddress,
            deliveryAddress is not null && deliveryAddress != customer.BillingAddress ? deliveryAddress : null,
            customer.Kind == CustomerKind.Business ? customer.Siren : null, customer.VatNumber, string.IsNullOrEmpty(contactName) ? null : contactName);
    }

    /// <summary>"EI" must follow the name of a sole trader (art. R526-26 du Code de commerce); a micro-entrepreneur is one.</summary>
    public static string? LegalFormLabel(LegalForm form) => LegalFormText.Abbreviation(form);

    /// <summary>The head of the seller's legal identity: the name with its form once ("Atelier Koban Démo SAS", never "… SAS
    /// SAS") and, for a form with a capital, "au capital de …" to keep on one line.</summary>
    public static (string NameWithForm, string? Capital) NameAndCapital(PrintableSeller seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var name = LegalFormText.NameWithForm(seller.LegalName, seller.LegalForm);
        return (name, seller.ShareCapital is { } capital && seller.LegalForm is not null ? $"au capital de {FrenchFormat.Money(capital)}" : null);
    }

    public static string PaymentTermsText(PaymentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Kind switch
        {
            PaymentTermsKind.OnReceipt => "À réception de facture",
            PaymentTermsKind.Days => $"{terms.Days} jours à compter de la date de facture",
            PaymentTermsKind.DaysEndOfMonth => $"{terms.Days} jours fin de mois",
            PaymentTermsKind.EndOfMonthPlusDays => $"Fin de mois + {terms.Days} jours",
            _ => terms.Kind.ToString(),
        };
    }

    public static string PaymentMethodText(PaymentMethod method) => method switch
    {
        PaymentMethod.BankTransfer => "Virement bancaire",
        PaymentMethod.Card => "Carte bancaire",
        PaymentMethod.Cheque => "Chèque",
        PaymentMethod.Cash => "Espèces",
        PaymentMethod.DirectDebit => "Prélèvement",
        _ => "Autre",
    };

    /// <summary>The nature of the operation (domain-rules §4) from the natures of the priced lines, or null when unknown.</summary>
    public static string? OperationNature(IEnumerable<ProductNature> natures)
    {
        var set = natures.ToHashSet();
        return set.Count switch
        {
            0 => null,
            1 when set.Contains(ProductNature.Goods) => "Livraison de biens",
            1 => "Prestation de services",
            _ => "Livraison de biens et prestation de services",
        };
    }

    /// <summary>The nature a line's VAT category reveals, when it does (domain-rules §7: K and G are goods, AE and O services).</summary>
    public static ProductNature? NatureOf(VatCategory category) => category switch
    {
        VatCategory.IntraCommunitySupply or VatCategory.Export => ProductNature.Goods,
        VatCategory.ReverseCharge or VatCategory.OutsideScope => ProductNature.Service,
        _ => null,
    };

    /// <summary>
    /// The legal notes of a document: the wording of each VAT exemption it uses (each once, in a stable order) and the
    /// option for VAT on debits. <paramref name="exemptions"/> gives, for each priced line, its category and, for a French
    /// 0 % line, the exemption reason it was sold with.
    /// </summary>
    public static IReadOnlyList<string> LegalNotes(bool companyVatFranchise, bool companyVatOnDebits, IEnumerable<(VatCategory Category, string? ExemptionReason)> exemptions)
    {
        var notes = new List<string>();
        foreach (var (category, reason) in exemptions.OrderBy(e => e.Category))
        {
            var wording = category switch
            {
                VatCategory.Exempt => companyVatFranchise ? VatTreatments.FranchiseWording : string.IsNullOrWhiteSpace(reason) ? GenericExemptionWording : reason.Trim(),
                VatCategory.IntraCommunitySupply => VatTreatments.IntraCommunitySupplyWording,
                VatCategory.ReverseCharge => VatTreatments.ReverseChargeWording,
                VatCategory.Export => VatTreatments.ExportWording,
                VatCategory.OutsideScope => VatTreatments.OutsideScopeWording,
                _ => null,
            };
            if (wording is not null && !notes.Contains(wording)) notes.Add(wording);
        }
        if (companyVatFranchise && !notes.Contains(VatTreatments.FranchiseWording)) notes.Insert(0, VatTreatments.FranchiseWording);
        if (companyVatOnDebits && !companyVatFranchise) notes.Add(VatOnDebitsWording);
        return notes;
    }

    public static IReadOnlyList<PrintableVatRow> VatRows(DocumentTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return [.. totals.VatBreakdown.Select(b => new PrintableVatRow(b.Rate, b.Category, b.Base, b.Vat))];
    }
}
