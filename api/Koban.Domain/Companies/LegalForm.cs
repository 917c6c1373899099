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
