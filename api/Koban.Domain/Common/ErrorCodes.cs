namespace Koban.Domain.Common;

/// <summary>
/// Every <see cref="DomainException.Code"/> the domain raises. Codes are a public contract (clients switch on them):
/// never rename one, add a new one instead. Each summary gives the French and English message the API shows;
/// placeholders in braces name entries of <see cref="DomainException.Arguments"/>.
/// </summary>
public static class ErrorCodes
{
    /// <summary>fr: Ce document est validé : son contenu ne peut plus être modifié. en: This document is validated: its content can no longer be changed.</summary>
    public const string DocumentFrozen = "document_frozen";

    /// <summary>fr: La raison sociale est obligatoire. en: The company name is required.</summary>
    public const string CompanyNameRequired = "company_name_required";

    /// <summary>fr: Le capital social ne peut pas être négatif. en: The share capital cannot be negative.</summary>
    public const string ShareCapitalNegative = "share_capital_negative";

    /// <summary>fr: Le numéro de TVA français ne correspond pas au SIREN de l'entreprise. en: The French VAT number does not belong to the company's SIREN.</summary>
    public const string VatNumberSirenMismatch = "vat_number_siren_mismatch";

    /// <summary>fr: Une entreprise en franchise en base de TVA (art. 293 B du CGI) ne facture pas de TVA et ne peut donc pas opter pour la TVA sur les débits. en: A company under the VAT franchise (CGI art. 293 B) charges no VAT, so it cannot opt for VAT on debits.</summary>
    public const string VatFranchiseExcludesDebits = "vat_franchise_excludes_debits";

    /// <summary>fr: Le SIREN doit comporter 9 chiffres. en: The SIREN must have 9 digits.</summary>
    public const string SirenInvalidFormat = "siren_invalid_format";

    /// <summary>fr: Le SIREN est invalide (clé de contrôle). en: The SIREN check digit is invalid.</summary>
    public const string SirenInvalidCheckDigit = "siren_invalid_check_digit";

    /// <summary>fr: Le SIRET doit comporter 14 chiffres. en: The SIRET must have 14 digits.</summary>
    public const string SiretInvalidFormat = "siret_invalid_format";

    /// <summary>fr: Le SIRET est invalide (clé de contrôle). en: The SIRET check digit is invalid.</summary>
    public const string SiretInvalidCheckDigit = "siret_invalid_check_digit";

    /// <summary>fr: Le numéro de TVA intracommunautaire n'a pas le format attendu pour ce pays. en: The VAT number does not have the format expected for its country.</summary>
    public const string VatNumberInvalidFormat = "vat_number_invalid_format";

    /// <summary>fr: Le numéro de TVA doit commencer par le code d'un pays de l'Union européenne. en: The VAT number must start with the code of a European Union country.</summary>
    public const string VatNumberUnsupportedCountry = "vat_number_unsupported_country";

    /// <summary>fr: La clé du numéro de TVA ne correspond pas au SIREN. en: The VAT number key does not match the SIREN.</summary>
    public const string VatNumberInvalidKey = "vat_number_invalid_key";

    /// <summary>fr: Le SIREN contenu dans le numéro de TVA est invalide. en: The SIREN inside the VAT number is invalid.</summary>
    public const string VatNumberInvalidSiren = "vat_number_invalid_siren";

    /// <summary>fr: L'IBAN doit commencer par un code pays et deux chiffres, suivis de lettres et de chiffres. en: The IBAN must start with a country code and two digits, followed by letters and digits.</summary>
    public const string IbanInvalidFormat = "iban_invalid_format";

    /// <summary>fr: Les IBAN de ce pays ({country}) ne sont pas acceptés. en: IBANs from this country ({country}) are not accepted.</summary>
    public const string IbanUnsupportedCountry = "iban_unsupported_country";

    /// <summary>fr: Un IBAN {country} comporte {expectedLength} caractères. en: An IBAN from {country} has {expectedLength} characters.</summary>
    public const string IbanInvalidLength = "iban_invalid_length";

    /// <summary>fr: L'IBAN est invalide (clé de contrôle). en: The IBAN check digits are invalid.</summary>
    public const string IbanInvalidChecksum = "iban_invalid_checksum";

    /// <summary>fr: Le BIC doit comporter 8 ou 11 caractères (banque, pays, localité, agence). en: The BIC must have 8 or 11 characters (bank, country, location, branch).</summary>
    public const string BicInvalidFormat = "bic_invalid_format";

    /// <summary>fr: Ce type de conditions de paiement est inconnu. en: This kind of payment terms is unknown.</summary>
    public const string PaymentTermsKindInvalid = "payment_terms_kind_invalid";

    /// <summary>fr: Le nombre de jours doit être compris entre 0 et {maximumDays}. en: The number of days must be between 0 and {maximumDays}.</summary>
    public const string PaymentTermsDaysOutOfRange = "payment_terms_days_out_of_range";

    /// <summary>fr: Un paiement à réception ne prend pas de nombre de jours. en: Payment on receipt takes no number of days.</summary>
    public const string PaymentTermsOnReceiptWithDays = "payment_terms_on_receipt_with_days";

    /// <summary>fr: Entre professionnels, le délai de paiement ne peut dépasser {maximumDays} jours (art. L441-10 du Code de commerce). en: Between businesses, payment terms may not exceed {maximumDays} days (French Commercial Code, art. L441-10).</summary>
    public const string PaymentTermsBeyondLegalMaximum = "payment_terms_beyond_legal_maximum";

    /// <summary>fr: La première ligne de l'adresse est obligatoire. en: The first address line is required.</summary>
    public const string AddressLine1Required = "address_line1_required";

    /// <summary>fr: La ville est obligatoire. en: The city is required.</summary>
    public const string AddressCityRequired = "address_city_required";

    /// <summary>fr: Le code postal est invalide (5 chiffres en France). en: The postal code is invalid (5 digits in France).</summary>
    public const string PostalCodeInvalid = "postal_code_invalid";

    /// <summary>fr: Le pays doit être un code ISO 3166 à deux lettres (ex. FR). en: The country must be a two-letter ISO 3166 code (e.g. FR).</summary>
    public const string CountryCodeInvalid = "country_code_invalid";

    /// <summary>fr: Le taux des pénalités de retard doit être compris entre 0 et 100 %. en: The late-payment penalty rate must be between 0 and 100%.</summary>
    public const string LatePenaltyRateOutOfRange = "late_penalty_rate_out_of_range";

    /// <summary>fr: Le taux des pénalités de retard ne peut être inférieur à trois fois le taux d'intérêt légal, soit {minimumRate} % (art. L441-10 du Code de commerce). en: The late-payment penalty rate may not be lower than three times the legal interest rate, i.e. {minimumRate}% (French Commercial Code, art. L441-10).</summary>
    public const string LatePenaltyRateBelowLegalMinimum = "late_penalty_rate_below_legal_minimum";

    /// <summary>fr: Le mois de début d'exercice doit être compris entre 1 et 12. en: The fiscal year start month must be between 1 and 12.</summary>
    public const string FiscalYearStartMonthInvalid = "fiscal_year_start_month_invalid";
}
