namespace Koban.Domain.Documents;

/// <summary>A French VAT rate a line may carry, with the article of the CGI that sets it.</summary>
public sealed record VatRateChoice(decimal Rate, string Label, string LegalBasis);

/// <summary>A French exemption a 0 % line may claim: <see cref="Wording"/> is the mention the document prints (and the
/// <c>vatExemptionReason</c> a line sends), <see cref="LegalBasis"/> the article it rests on.</summary>
public sealed record VatExemptionChoice(string Wording, string Label, string LegalBasis);

/// <summary>What a company may put on a French line: under the VAT franchise, no rate and only the franchise mention;
/// otherwise every allowed rate above 0 % and the usual exemptions (a 0 % French line must cite one, domain-rules.md §4).
/// The customer's regime may still replace the line's treatment (intra-EU supply, reverse charge, export: see
/// <see cref="VatTreatments.Decide"/>).</summary>
public sealed record VatChoiceList(bool Franchise, IReadOnlyList<VatRateChoice> Rates, IReadOnlyList<VatExemptionChoice> Exemptions);

public static class VatChoices
{
    public static IReadOnlyList<VatRateChoice> Rates { get; } =
    [
        new(20m, "Taux normal", "art. 278 du CGI"),
        new(10m, "Taux intermédiaire", "art. 279 du CGI"),
        new(5.5m, "Taux réduit", "art. 278-0 bis du CGI"),
        new(2.1m, "Taux particulier", "art. 281 quater à 281 nonies du CGI"),
    ];

    public static IReadOnlyList<VatExemptionChoice> Exemptions { get; } =
    [
        new("Exonération de TVA, article 261-4-4° a du CGI", "Formation professionnelle continue, enseignement", "art. 261-4-4° a du CGI"),
        new("Exonération de TVA, article 261-4-1° du CGI", "Soins médicaux et paramédicaux", "art. 261-4-1° du CGI"),
        new("Exonération de TVA, article 261 D-2° du CGI", "Location de locaux nus", "art. 261 D-2° du CGI"),
        new("Exonération de TVA, article 261 C du CGI", "Opérations bancaires et financières", "art. 261 C du CGI"),
        new("Exonération de TVA, article 261-7-1° du CGI", "Services d'un organisme sans but lucratif à ses membres", "art. 261-7-1° du CGI"),
    ];

    public static VatChoiceList For(bool companyVatFranchise) => companyVatFranchise
        ? new VatChoiceList(true, [], [new VatExemptionChoice(VatTreatments.FranchiseWording, "Franchise en base de TVA", "art. 293 B du CGI")])
        : new VatChoiceList(false, Rates, Exemptions);
}
