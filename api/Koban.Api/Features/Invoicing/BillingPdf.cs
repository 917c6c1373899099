using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Sales;

namespace Koban.Api.Features.Invoicing;

/// <summary>
/// What an invoice or credit note prints, read from the snapshot copied at validation (domain-rules.md §8) — never from the
/// live company or customer rows — and from the stored totals and breakdown. Drafts (no snapshot yet) print from the
/// snapshots the caller builds from the live rows, marked as drafts by their missing number.
/// </summary>
public static class BillingPdf
{
    public const string NoEarlyPaymentDiscount = "Pas d'escompte pour paiement anticipé";

    public static PrintableDocument ToPrintable(BillingDocument document, SellerSnapshot seller, BuyerSnapshot buyer, IReadOnlyList<string> legalNotes, DateOnly today,
        IReadOnlyList<PrintableReference> references)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(buyer);
        var totals = document.IsValidated
            ? new DocumentTotals(document.TotalExcludingVat, document.VatBreakdown, document.TotalVat, document.TotalIncludingVat, [])
            : document.ComputeTotals();
        var (kind, title) = document switch
        {
            Invoice { Kind: InvoiceKind.Deposit } => (PrintableKind.DepositInvoice, "Facture d'acompte"),
            Invoice => (PrintableKind.Invoice, "Facture"),
            _ => (PrintableKind.CreditNote, "Avoir"),
        };
        var lines = document.Lines.Select(l => new PrintableLine(l.Kind, WithServicePeriod(l), l.Quantity, l.UnitCode, l.UnitPrice, l.DiscountPercent, l.VatRate,
            l.VatCategory, l.NetAmount, l.IsDeduction)).ToList();
        // The payment clauses (terms, early-payment discount, late-payment penalties, the 40 € indemnity) only where something is to be paid.
        var payable = MandatoryMentions.PaymentClausesApply(document);
        var reason = document is CreditNote note ? $"{ReasonLabel(note.Reason)}{(note.ReasonText is { } text ? $" — {text}" : string.Empty)}" : null;
        return new PrintableDocument(
            kind,
            title,
            document.Number,
            document.IssueDate ?? document.RequestedIssueDate ?? today,
            document.SaleDate,
            payable ? document.DueDate ?? document.PaymentTerms.DueDate(document.RequestedIssueDate ?? today) : null,
            null,
            new PrintableSeller(seller.LegalName, LegalFormLabel(seller.LegalForm), seller.ShareCapital, seller.Address?.ToPostalAddress(), seller.Siren, seller.RcsCity,
                seller.VatNumber, seller.Iban, seller.Bic, null, null),
            new PrintableBuyer(buyer.Name, buyer.IsBusiness, buyer.BillingAddress?.ToPostalAddress(), buyer.DeliveryAddress?.ToPostalAddress(), buyer.Siren, buyer.VatNumber,
                buyer.ContactName),
            document.CustomerReference,
            references,
            OperationNature(document.Lines),
            lines,
            [.. totals.VatBreakdown.Select(r => new PrintableVatRow(r.Rate, r.Category, r.Base, r.Vat))],
            totals.TotalExcludingVat,
            totals.TotalVat,
            totals.TotalIncludingVat,
            totals.TotalIncludingVat,
            payable ? PaymentTermsLabel(document.PaymentTerms) : null,
            payable ? PrintableParts.PaymentMethodText(document.PaymentMethod) : null,
            payable ? NoEarlyPaymentDiscount : null,
            payable && buyer.IsBusiness ? seller.LatePaymentPenaltyRate : null,
            payable && buyer.IsBusiness,
            legalNotes,
            document.HeaderText,
            document.FooterText,
            document.Comment,
            reason);
    }

    /// <summary>The line's description, with its service period printed under it when it has one.</summary>
    public static string WithServicePeriod(BillingLine line) =>
        line.ServiceStart is { } start && line.ServiceEnd is { } end
            ? $"{line.Description}\nPériode du {FrenchFormat.Date(start)} au {FrenchFormat.Date(end)}"
            : line.Description;

    /// <summary>Goods, services or both (domain-rules.md §4), from the natures of the priced lines.</summary>
    public static string? OperationNature(IEnumerable<BillingLine> lines)
    {
        var natures = lines.Where(l => l.Kind.IsPriced() && !l.IsDeduction && l.Nature is not null).Select(l => l.Nature!.Value).Distinct().ToList();
        return natures.Count switch
        {
            0 => null,
            2 => "Livraison de biens et prestation de services",
            _ => natures[0] == ProductNature.Goods ? "Livraison de biens" : "Prestation de services",
        };
    }

    public static string PaymentTermsLabel(PaymentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Kind switch
        {
            PaymentTermsKind.OnReceipt => "À réception de facture",
            PaymentTermsKind.Days => $"{terms.Days} jours à compter de la date de facture",
            PaymentTermsKind.DaysEndOfMonth => $"{terms.Days} jours fin de mois",
            _ => $"Fin de mois + {terms.Days} jours",
        };
    }

    public static string ReasonLabel(CreditReason reason) => reason switch
    {
        CreditReason.Correction => "Correction de facture",
        CreditReason.CommercialDiscount => "Remise commerciale",
        _ => "Abandon de créance",
    };

    /// <summary>The abbreviation of the legal form kept in the snapshot (its enum name), as every document prints it.</summary>
    public static string? LegalFormLabel(string? form) => Koban.Domain.Companies.LegalFormText.Abbreviation(form);
}
