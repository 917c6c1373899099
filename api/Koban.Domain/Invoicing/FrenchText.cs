using System.Globalization;

namespace Koban.Domain.Invoicing;

/// <summary>Numbers and dates as the generated French line labels print them ("1 234,56 €", "33,33 %", "15/11/2026").</summary>
internal static class FrenchText
{
    public static string Amount(decimal value)
    {
        var text = Math.Abs(value).ToString("#,0.00", CultureInfo.InvariantCulture).Replace(",", " ", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal);
        return (value < 0 ? "-" : string.Empty) + text + " €";
    }

    public static string Percent(decimal value) =>
        value.ToString("0.##", CultureInfo.InvariantCulture).Replace(".", ",", StringComparison.Ordinal) + " %";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
