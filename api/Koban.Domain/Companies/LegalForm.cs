namespace Koban.Domain.Companies;

/// <summary>The seller's legal form, a mandatory invoice mention with the share capital (domain-rules.md §4; art. R123-237 du Code de commerce).</summary>
public enum LegalForm
{
    Sas,
    Sasu,
    Sarl,
    Eurl,
    Sa,
    Snc,

    /// <summary>Entreprise individuelle: the invoice must carry "EI" next to the name (art. R526-26 du Code de commerce).</summary>
    Ei,

    /// <summary>An EI under the micro-social regime; usually under the VAT franchise as well (art. 293 B du CGI).</summary>
    MicroEntreprise,
    Association,
    Other,
}

/// <summary>How the legal form is written on documents: once, as its usual abbreviation, after the name.</summary>
public static class LegalFormText
{
    /// <summary>The abbreviation printed (art. R123-237 du Code de commerce); "EI" for a sole trader, micro-entrepreneurs
    /// included (art. R526-26); null for <see cref="LegalForm.Other"/>, which has no fixed wording.</summary>
    public static string? Abbreviation(LegalForm form) => form switch
    {
        LegalForm.Sas => "SAS",
        LegalForm.Sasu => "SASU",
        LegalForm.Sarl => "SARL",
        LegalForm.Eurl => "EURL",
        LegalForm.Sa => "SA",
        LegalForm.Snc => "SNC",
        LegalForm.Ei or LegalForm.MicroEntreprise => "EI",
        LegalForm.Association => "Association",
        _ => null,
    };

    /// <summary>The abbreviation of a form stored by name (the snapshots keep <c>Sas</c>, <c>Sarl</c>…), or null.</summary>
    public static string? Abbreviation(string? storedForm) =>
        Enum.TryParse<LegalForm>(storedForm, ignoreCase: true, out var form) && Enum.IsDefined(form) ? Abbreviation(form) : null;

    /// <summary>Whether the form has a share capital to print (the commercial companies).</summary>
    public static bool HasShareCapital(LegalForm form) => form is LegalForm.Sas or LegalForm.Sasu or LegalForm.Sarl or LegalForm.Eurl or LegalForm.Sa or LegalForm.Snc;

    /// <summary>
    /// The name followed by the form's abbreviation, unless the name already ends with it ("Atelier Koban Démo SAS" stays as
    /// it is, never "Atelier Koban Démo SAS SAS"); dotted spellings ("S.A.S.") and case are ignored in that comparison.
    /// </summary>
    public static string NameWithForm(string legalName, string? abbreviation)
    {
        ArgumentNullException.ThrowIfNull(legalName);
        var name = legalName.Trim();
        if (string.IsNullOrWhiteSpace(abbreviation)) return name;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wanted = Compact(abbreviation);
        return words.Length > 0 && string.Equals(Compact(words[^1]), wanted, StringComparison.OrdinalIgnoreCase) || words.Length > 1 && string.Equals(Compact(words[0]), wanted, StringComparison.OrdinalIgnoreCase)
            ? name
            : $"{name} {abbreviation}";
    }

    private static string Compact(string word) => word.Replace(".", string.Empty, StringComparison.Ordinal).Trim(',', ';', '(', ')');
}
