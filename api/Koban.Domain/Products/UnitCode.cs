namespace Koban.Domain.Products;

/// <summary>A unit of measure: its UN/ECE Recommendation 20 code and the French label printed on documents.</summary>
public sealed record UnitCodeEntry(string Code, string LabelFr);

/// <summary>
/// The units Koban offers, as UN/ECE Recommendation 20 codes: EN 16931 requires one on every invoice line (BT-130), so
/// lines store the code and documents print the label.
/// </summary>
public static class UnitCode
{
    public const string Piece = "C62";
    public const string Hour = "HUR";
    public const string Day = "DAY";
    public const string Week = "WEE";
    public const string Month = "MON";
    public const string Year = "ANN";
    public const string Minute = "MIN";
    public const string Kilogram = "KGM";
    public const string Gram = "GRM";
    public const string Tonne = "TNE";
    public const string Metre = "MTR";
    public const string SquareMetre = "MTK";
    public const string CubicMetre = "MTQ";
    public const string Litre = "LTR";
    public const string Kilometre = "KMT";
    public const string Set = "SET";
    public const string Pack = "XPK";
    public const string Box = "XBX";
    public const string Lump = "LS";

    /// <summary>The default for a line typed without a unit: "unité" (C62 is "one", EN 16931's usual choice).</summary>
    public const string Default = Piece;

    public static IReadOnlyList<UnitCodeEntry> All { get; } =
    [
        new(Piece, "unité"),
        new(Hour, "heure"),
        new(Day, "jour"),
        new(Week, "semaine"),
        new(Month, "mois"),
        new(Year, "an"),
        new(Minute, "minute"),
        new(Kilogram, "kg"),
        new(Gram, "g"),
        new(Tonne, "t"),
        new(Metre, "m"),
        new(SquareMetre, "m²"),
        new(CubicMetre, "m³"),
        new(Litre, "litre"),
        new(Kilometre, "km"),
        new(Set, "lot"),
        new(Pack, "paquet"),
        new(Box, "boîte"),
        new(Lump, "forfait"),
    ];

    private static readonly Dictionary<string, string> Labels = All.ToDictionary(u => u.Code, u => u.LabelFr, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Labels.ContainsKey(code);

    public static string LabelOf(string code) =>
        Labels.TryGetValue(code, out var label) ? label : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown unit code.");
}
