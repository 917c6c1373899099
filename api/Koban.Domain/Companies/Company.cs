using Koban.Domain.Common;

namespace Koban.Domain.Companies;

/// <summary>The seller: a tenant of Koban. Its identity feeds the mandatory mentions of every document
/// (domain-rules §4), so the rules on those fields live here.</summary>
public sealed class Company : IHasUpdatedAt
{
    private Company()
    {
    }

    public Guid Id { get; private set; }
    public string LegalName { get; private set; } = string.Empty;
    public LegalForm? LegalForm { get; private set; }
    public decimal? ShareCapital { get; private set; }
    public string? Siren { get; private set; }
    public string? VatNumber { get; private set; }
    public string? RcsCity { get; private set; }
    public PostalAddress? Address { get; private set; }
    public string? Iban { get; private set; }
    public string? Bic { get; private set; }
    public Guid? LogoFileId { get; private set; }
    public PaymentTerms DefaultPaymentTerms { get; private set; } = new(PaymentTermsKind.Days, 30);
    public decimal LatePaymentPenaltyRate { get; private set; }
    public string TimeZone { get; private set; } = DefaultTimeZone;
    public int FiscalYearStartMonth { get; private set; } = 1;
    public bool VatFranchise { get; private set; }
    public bool VatOnDebits { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public const string DefaultTimeZone = "Europe/Paris";

    /// <summary>ECB main refinancing rate (2.15 % since June 2025) + 10 points: the statutory default of
    /// art. L441-10 du Code de commerce when the company has not set its own.</summary>
    public const decimal DefaultLatePaymentPenaltyRate = 12.15m;

    public static Company Register(string legalName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(legalName))
        {
            throw new DomainException(ErrorCodes.CompanyNameRequired, "The company name is required.") { Field = "legalName" };
        }
        return new Company
        {
            Id = Guid.CreateVersion7(),
            LegalName = legalName.Trim(),
            LatePaymentPenaltyRate = DefaultLatePaymentPenaltyRate,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Replaces the profile. Identifiers arrive already parsed (their own types check their keys);
    /// here the rules that tie fields together are enforced.</summary>
    public void UpdateProfile(CompanyProfileData data, decimal legalInterestRateFloor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(data.LegalName))
        {
            throw new DomainException(ErrorCodes.CompanyNameRequired, "The company name is required.") { Field = "legalName" };
        }
        if (data.ShareCapital is < 0)
        {
            throw new DomainException(ErrorCodes.ShareCapitalNegative, "The share capital cannot be negative.") { Field = "shareCapital" };
        }
        if (data.VatNumber is { CountryCode: "FR" } vat && data.Siren is { } siren && !vat.MatchesSiren(siren))
        {
            throw new DomainException(ErrorCodes.VatNumberSirenMismatch, "The French VAT number does not belong to this SIREN.") { Field = "vatNumber" };
        }
        if (data.VatFranchise && data.VatOnDebits)
        {
            throw new DomainException(ErrorCodes.VatFranchiseExcludesDebits, "A company under the VAT franchise charges no VAT, so it cannot opt for VAT on debits.") { Field = "vatOnDebits" };
        }
        if (data.FiscalYearStartMonth is < 1 or > 12)
        {
            throw new DomainException(ErrorCodes.FiscalYearStartMonthInvalid, "The fiscal year start month must be between 1 and 12.") { Field = "fiscalYearStartMonth" };
        }
        // The company default applies to business customers, so it must respect their legal maximum (domain-rules §7).
        data.DefaultPaymentTerms.Validate(businessCustomer: true);
        LatePaymentPenalty.Validate(data.LatePaymentPenaltyRate, legalInterestRateFloor);

        LegalName = data.LegalName.Trim();
        LegalForm = data.LegalForm;
        ShareCapital = data.ShareCapital is { } capital ? Rounding.Amount(capital) : null;
        Siren = data.Siren?.Value;
        VatNumber = data.VatNumber?.Value;
        RcsCity = Blank(data.RcsCity);
        Address = data.Address;
        Iban = data.Iban?.Value;
        Bic = data.Bic?.Value;
        DefaultPaymentTerms = data.DefaultPaymentTerms;
        LatePaymentPenaltyRate = data.LatePaymentPenaltyRate;
        TimeZone = data.TimeZone;
        FiscalYearStartMonth = data.FiscalYearStartMonth;
        VatFranchise = data.VatFranchise;
        VatOnDebits = data.VatOnDebits;
        UpdatedAt = now;
    }

    public void SetLogo(Guid? fileId, DateTimeOffset now)
    {
        LogoFileId = fileId;
        UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record CompanyProfileData(
    string LegalName,
    LegalForm? LegalForm,
    decimal? ShareCapital,
    Siren? Siren,
    VatNumber? VatNumber,
    string? RcsCity,
    PostalAddress? Address,
    Iban? Iban,
    Bic? Bic,
    PaymentTerms DefaultPaymentTerms,
    decimal LatePaymentPenaltyRate,
    string TimeZone,
    int FiscalYearStartMonth,
    bool VatFranchise,
    bool VatOnDebits);
