using System.Globalization;

namespace Koban.Api.Infrastructure.Pdf;

/// <summary>How documents write numbers and dates in French: <c>1 234,56 €</c>, <c>20 %</c>, <c>20/11/2026</c>. Spaces are
/// no-break spaces (U+00A0) so an amount never breaks across lines. Formatting only: nothing is rounded here.</summary>
public static class FrenchFormat
{
    public const char Space = '\u00A0';

    private static readonly NumberFormatInfo Numbers = CreateNumbers();

    private static NumberFormatInfo CreateNumbers()
    {
        var n = (NumberFormatInfo)CultureInfo.GetCultureInfo("fr-FR").NumberFormat.Clone();
        n.NumberGroupSeparator = Space.ToString();
        n.NumberDecimalSeparator = ",";
        n.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(n);
    }

    /// <summary>An amount with its two decimals and the euro sign: <c>1 234,56 €</c>.</summary>
    public static string Money(decimal amount) => $"{Amount(amount)}{Space}€";

    /// <summary>An amount without currency: <c>1 234,56</c>.</summary>
    public static string Amount(decimal amount) => amount.ToString("#,0.00", Numbers);

    /// <summary>A unit price: two decimals at least, up to four when they are significant (<c>12,3456</c>).</summary>
    public static string UnitPrice(decimal price) => price.ToString("#,0.00##", Numbers);

    /// <summary>A quantity without trailing zeros: <c>12</c>, <c>1,5</c>, <c>0,125</c>.</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,0.###", Numbers);

    /// <summary>A rate or percentage: <c>20 %</c>, <c>5,5 %</c>, <c>12,15 %</c>.</summary>
    public static string Percent(decimal rate) => $"{rate.ToString("#,0.##", Numbers)}{Space}%";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A SIREN in groups of three (<c>732 829 320</c>); anything else unchanged.</summary>
    public static string Siren(string siren) =>
        siren.Length == 9 && siren.All(char.IsAsciiDigit) ? $"{siren[..3]} {siren[3..6]} {siren[6..]}" : siren;

    /// <summary>An IBAN in groups of four, as printed on bank documents.</summary>
    public static string Iban(string iban)
    {
        var compact = iban.Replace(" ", "", StringComparison.Ordinal);
        return string.Join(' ', Enumerable.Range(0, (compact.Length + 3) / 4).Select(i => compact.Substring(i * 4, Math.Min(4, compact.Length - i * 4))));
    }

    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["FR"] = "France",
        ["DE"] = "Allemagne",
        ["AT"] = "Autriche",
        ["BE"] = "Belgique",
        ["BG"] = "Bulgarie",
        ["CY"] = "Chypre",
        ["HR"] = "Croatie",
        ["DK"] = "Danemark",
        ["ES"] = "Espagne",
        ["EE"] = "Estonie",
        ["FI"] = "Finlande",
        ["GR"] = "Grèce",
        ["HU"] = "Hongrie",
        ["IE"] = "Irlande",
        ["IT"] = "Italie",
        ["LV"] = "Lettonie",
        ["LT"] = "Lituanie",
        ["LU"] = "Luxembourg",
        ["MT"] = "Malte",
        ["NL"] = "Pays-Bas",
        ["PL"] = "Pologne",
        ["PT"] = "Portugal",
        ["CZ"] = "Tchéquie",
        ["RO"] = "Roumanie",
        ["SK"] = "Slovaquie",
        ["SI"] = "Slovénie",
        ["SE"] = "Suède",
        ["CH"] = "Suisse",
        ["GB"] = "Royaume-Uni",
        ["US"] = "États-Unis",
        ["CA"] = "Canada",
        ["MC"] = "Monaco",
        ["NO"] = "Norvège",
        ["IS"] = "Islande",
        ["LI"] = "Liechtenstein",
        ["AD"] = "Andorre",
        ["MA"] = "Maroc",
        ["TN"] = "Tunisie",
        ["DZ"] = "Algérie",
        ["SN"] = "Sénégal",
        ["CN"] = "Chine",
        ["JP"] = "Japon",
        ["RE"] = "La Réunion",
        ["GP"] = "Guadeloupe",
        ["MQ"] = "Martinique",
        ["GF"] = "Guyane",
        ["YT"] = "Mayotte",
    };

    /// <summary>The French name of a country code, or the code itself when it is not in the short list.</summary>
    public static string Country(string code) => Countries.GetValueOrDefault(code, code);
}
