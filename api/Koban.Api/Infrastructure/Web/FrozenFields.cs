using System.Globalization;
using System.Text.RegularExpressions;

namespace Koban.Api.Infrastructure.Web;

/// <summary>Explains a <c>document_frozen</c> refusal in plain words: which field, on which line, why, and what to do.</summary>
public static partial class FrozenFields
{
    private static readonly Dictionary<string, (string Fr, string En)> Labels = new(StringComparer.Ordinal)
    {
        ["customerId"] = ("le client", "the customer"),
        ["billToCustomerId"] = ("le compte facturé", "the invoiced account"),
        ["orderDate"] = ("la date de commande", "the order date"),
        ["paymentTerms"] = ("les conditions de paiement", "the payment terms"),
        ["paymentMethod"] = ("le mode de paiement", "the payment method"),
        ["currency"] = ("la devise", "the currency"),
        ["lines"] = ("les lignes", "the lines"),
        ["number"] = ("le numéro", "the number"),
        ["kind"] = ("le type", "the kind"),
        ["productId"] = ("le produit", "the product"),
        ["description"] = ("la désignation", "the description"),
        ["quantity"] = ("la quantité", "the quantity"),
        ["unitCode"] = ("l'unité", "the unit"),
        ["unitPrice"] = ("le prix unitaire", "the unit price"),
        ["discountPercent"] = ("la remise", "the discount"),
        ["vatRate"] = ("le taux de TVA", "the VAT rate"),
        ["vatCategory"] = ("la catégorie de TVA", "the VAT category"),
    };

    public static string Describe(string field, CultureInfo culture)
    {
        var english = culture.TwoLetterISOLanguageName == "en";
        var match = LinePath().Match(field);
        string what;
        if (match.Success)
        {
            var line = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1;
            var label = Label(match.Groups[2].Success ? match.Groups[2].Value : "lines", english);
            what = english ? $"{label} of line {line}" : $"{label} de la ligne {line}";
        }
        else
        {
            what = Label(field, english);
        }
        return english
            ? $"The document is validated: {what} can no longer be changed. To correct it, cancel the order and enter it again."
            : $"Le document est validé : on ne peut plus modifier {what}. Pour le corriger, annulez la commande et ressaisissez-la.";
    }

    private static string Label(string field, bool english) =>
        Labels.TryGetValue(field, out var label) ? english ? label.En : label.Fr : field;

    [GeneratedRegex(@"^lines\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex LinePath();
}
