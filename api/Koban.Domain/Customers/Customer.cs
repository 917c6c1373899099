using System.Globalization;
using System.Text;
using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Domain.Customers;

/// <summary>
/// The fields a user edits on a customer. Identifiers arrive parsed (their own types check their keys); a null
/// <see cref="VatRegime"/> asks for <see cref="Customer.DefaultVatRegime"/>, a null <see cref="AccountingCode"/> for
/// <see cref="Customer.SuggestAccountingCode"/> (the caller adds a suffix when that code is taken).
/// </summary>
public sealed record CustomerData(
    CustomerKind Kind,
    string Name,
    string CountryCode,
    CustomerVatRegime? VatRegime = null,
    Siren? Siren = null,
    Siret? Siret = null,
    VatNumber? VatNumber = null,
    PostalAddress? BillingAddress = null,
    PaymentTerms? PaymentTerms = null,
    string? AccountingCode = null,
    string? Notes = null);

/// <summary>A buyer. Its kind and VAT regime drive the VAT category of every line (domain-rules.md §7) and the mandatory
/// mentions of its invoices (§4); documents copy what they need at validation, so editing a customer never changes them.</summary>
public sealed class Customer : ICompanyOwned, IHasUpdatedAt
{
    public const string AccountingCodePrefix = "411";
    public const int SuggestedAccountingCodeLength = 10;

    /// <summary>Room for a longer code typed by hand; most French accounting packages accept 13–17 characters.</summary>
    public const int AccountingCodeMaxLength = 17;

    private readonly List<Contact> _contacts = [];
    private readonly List<DeliveryAddress> _deliveryAddresses = [];

    private Customer()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public CustomerKind Kind { get; private set; }
    public string Name { get; private set; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; private set; } = "FR";
    public CustomerVatRegime VatRegime { get; private set; }
    public string? Siren { get; private set; }
    public string? Siret { get; private set; }
    public string? VatNumber { get; private set; }
    public PostalAddress? BillingAddress { get; private set; }

    /// <summary>Null: the company's default terms apply.</summary>
    public PaymentTerms? PaymentTerms { get; private set; }

    /// <summary>Auxiliary account under 411 (FEC CompAuxNum, domain-rules.md §9); unique per company, enforced by the database.</summary>
    public string AccountingCode { get; private set; } = string.Empty;
    public string? Notes { get; private set; }
    public bool IsArchived { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<Contact> Contacts => _contacts;
    public IReadOnlyList<DeliveryAddress> DeliveryAddresses => _deliveryAddresses;
    public Contact? BillingContact => _contacts.SingleOrDefault(c => c.IsBilling);

    public static Customer Create(CustomerData data)
    {
        var customer = new Customer { Id = Guid.CreateVersion7() };
        customer.Apply(data);
        return customer;
    }

    public void Update(CustomerData data) => Apply(data);

    /// <summary>France (and Monaco) → France; another EU country → intra-EU for a business, French VAT for an individual
    /// (B2C sales are taxed in France below the distance-selling threshold); anywhere else → outside the EU. Overseas
    /// departments get the outside-EU default (exports from mainland France, art. 294 du CGI); the user can change it.</summary>
    public static CustomerVatRegime DefaultVatRegime(string countryCode, CustomerKind kind) => countryCode switch
    {
        _ when EuropeanUnion.IsFrenchVatTerritory(countryCode) => CustomerVatRegime.France,
        _ when EuropeanUnion.IsMember(countryCode) => kind == CustomerKind.Business ? CustomerVatRegime.IntraEuBusiness : CustomerVatRegime.France,
        _ => CustomerVatRegime.OutsideEu,
    };

    /// <summary>"411" + the upper-case ASCII letters of the name, accents dropped, up to 10 characters: "Société Générale" → "411SOCIETE".</summary>
    public static string SuggestAccountingCode(string name)
    {
        var letters = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
                letters.Append(char.ToUpperInvariant(c));
            if (AccountingCodePrefix.Length + letters.Length == SuggestedAccountingCodeLength)
                break;
        }

        return AccountingCodePrefix + (letters.Length == 0 ? "CLIENT" : letters.ToString());
    }

    public void SetAccountingCode(string code) => AccountingCode = CheckAccountingCode(code);

    public void Archive()
    {
        if (IsArchived)
            throw new DomainConflictException(ErrorCodes.InvalidStateTransition, "The customer is already archived.") { Arguments = Status("archived") };
        IsArchived = true;
    }

    public void Unarchive()
    {
        if (!IsArchived)
            throw new DomainConflictException(ErrorCodes.InvalidStateTransition, "The customer is not archived.") { Arguments = Status("active") };
        IsArchived = false;
    }

    /// <summary>The first contact becomes the billing contact, so there is always exactly one once there is any.</summary>
    public Contact AddContact(ContactData data, bool isBilling = false)
    {
        var contact = Contact.Create(Id, data);
        _contacts.Add(contact);
        if (isBilling || _contacts.Count == 1)
            MakeBilling(contact);
        return contact;
    }

    public void UpdateContact(Guid contactId, ContactData data) => FindContact(contactId).Apply(data);

    public void SetBillingContact(Guid contactId) => MakeBilling(FindContact(contactId));

    /// <summary>
    /// Removing the billing contact promotes the oldest remaining one rather than refusing: refusing would force the user
    /// to pick a new billing contact first for no benefit, and the rule "exactly one billing contact" still holds.
    /// </summary>
    public void RemoveContact(Guid contactId)
    {
        var contact = FindContact(contactId);
        _contacts.Remove(contact);
        if (contact.IsBilling && _contacts.Count > 0)
            MakeBilling(_contacts[0]);
    }

    public DeliveryAddress AddDeliveryAddress(string label, PostalAddress address)
    {
        var deliveryAddress = new DeliveryAddress(Id, CheckLabel(label), address ?? throw new ArgumentNullException(nameof(address)));
        _deliveryAddresses.Add(deliveryAddress);
        return deliveryAddress;
    }

    public void UpdateDeliveryAddress(Guid deliveryAddressId, string label, PostalAddress address) =>
        FindDeliveryAddress(deliveryAddressId).Change(CheckLabel(label), address ?? throw new ArgumentNullException(nameof(address)));

    public void RemoveDeliveryAddress(Guid deliveryAddressId) => _deliveryAddresses.Remove(FindDeliveryAddress(deliveryAddressId));

    private void MakeBilling(Contact contact)
    {
        foreach (var other in _contacts)
            other.IsBilling = ReferenceEquals(other, contact);
    }

    private Contact FindContact(Guid contactId) =>
        _contacts.Find(c => c.Id == contactId)
        ?? throw new DomainException(ErrorCodes.ContactNotFound, $"Contact {contactId} does not belong to customer {Id}.") { Field = "contactId" };

    private DeliveryAddress FindDeliveryAddress(Guid deliveryAddressId) =>
        _deliveryAddresses.Find(a => a.Id == deliveryAddressId)
        ?? throw new DomainException(ErrorCodes.DeliveryAddressNotFound, $"Delivery address {deliveryAddressId} does not belong to customer {Id}.") { Field = "deliveryAddressId" };

    private void Apply(CustomerData data)
    {
        if (!Enum.IsDefined(data.Kind))
            throw new DomainException(ErrorCodes.CustomerKindInvalid, $"Unknown customer kind {data.Kind}.") { Field = "kind" };
        if (string.IsNullOrWhiteSpace(data.Name))
            throw new DomainException(ErrorCodes.CustomerNameRequired, "The customer name is required.") { Field = "name" };
        var country = data.CountryCode?.Trim().ToUpperInvariant() ?? string.Empty;
        // PostalAddress owns the ISO 3166 list; a dummy French-shaped address isolates its country check.
        if (PostalAddress.FindError("-", "00000", "-", country) == ErrorCodes.CountryCodeInvalid)
            throw new DomainException(ErrorCodes.CountryCodeInvalid, $"Unknown country '{data.CountryCode}'.") { Field = "countryCode" };

        var regime = data.VatRegime ?? DefaultVatRegime(country, data.Kind);
        CheckVatRegime(data, country, regime);

        var siren = data.Siren ?? data.Siret?.Siren;
        if (data.Siret is { } siret && data.Siren is { } givenSiren && siret.Siren != givenSiren)
            throw new DomainException(ErrorCodes.SiretSirenMismatch, "The SIRET does not start with the SIREN.") { Field = "siret" };
        // SIREN is a mandatory invoice mention for French business customers (art. 242 nonies A, annexe II du CGI; domain-rules.md §4).
        if (data.Kind == CustomerKind.Business && country == "FR" && siren is null)
            throw new DomainException(ErrorCodes.CustomerSirenRequired, "A French business customer needs a SIREN.") { Field = "siren" };
        if (data.VatNumber is { Prefix: "FR" } vat && siren is not null && !vat.MatchesSiren(siren))
            throw new DomainException(ErrorCodes.VatNumberSirenMismatch, "The French VAT number does not belong to this SIREN.") { Field = "vatNumber" };

        // Legal maximum applies to business customers only (art. L441-10 du Code de commerce).
        data.PaymentTerms?.Validate(businessCustomer: data.Kind == CustomerKind.Business);

        var name = data.Name.Trim();
        Kind = data.Kind;
        Name = name;
        CountryCode = country;
        VatRegime = regime;
        Siren = siren?.Value;
        Siret = data.Siret?.Value;
        VatNumber = data.VatNumber?.Value;
        BillingAddress = data.BillingAddress;
        PaymentTerms = data.PaymentTerms;
        AccountingCode = data.AccountingCode is null
            ? (AccountingCode.Length > 0 ? AccountingCode : SuggestAccountingCode(name))
            : CheckAccountingCode(data.AccountingCode);
        Notes = string.IsNullOrWhiteSpace(data.Notes) ? null : data.Notes.Trim();
    }

    private static void CheckVatRegime(CustomerData data, string country, CustomerVatRegime regime)
    {
        switch (regime)
        {
            case CustomerVatRegime.France:
                // An EU business would owe French VAT wrongly if left under France: it must be intra-EU (art. 262 ter I / 283-2 du CGI).
                if (!EuropeanUnion.IsFrenchVatTerritory(country) && !(EuropeanUnion.IsMember(country) && data.Kind == CustomerKind.Individual))
                    throw RegimeMismatch();
                break;
            case CustomerVatRegime.IntraEuBusiness:
                if (data.Kind != CustomerKind.Business)
                    throw new DomainException(ErrorCodes.VatRegimeRequiresBusiness, "The intra-EU regime is for businesses only.") { Field = "vatRegime" };
                if (!EuropeanUnion.IsMember(country) || country == "FR")
                    throw RegimeMismatch();
                // The exemption of art. 262 ter I du CGI requires the buyer's valid VAT number from another member state.
                if (data.VatNumber is null)
                    throw new DomainException(ErrorCodes.CustomerVatNumberRequired, "An intra-EU business needs a VAT number.") { Field = "vatNumber" };
                if (data.VatNumber.CountryCode == "FR")
                    throw new DomainException(ErrorCodes.CustomerVatNumberCountryMismatch, "An intra-EU customer's VAT number must be foreign.") { Field = "vatNumber" };
                break;
            case CustomerVatRegime.OutsideEu:
                if (EuropeanUnion.IsMember(country) || country == "MC")
                    throw RegimeMismatch();
                break;
            default:
                throw new DomainException(ErrorCodes.VatRegimeInvalid, $"Unknown VAT regime {regime}.") { Field = "vatRegime" };
        }
    }

    private static DomainException RegimeMismatch() =>
        new(ErrorCodes.VatRegimeCountryMismatch, "The VAT regime does not match the country.") { Field = "vatRegime" };

    private static string CheckAccountingCode(string code)
    {
        var value = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (value.Length is 0 or > AccountingCodeMaxLength || !value.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException(ErrorCodes.AccountingCodeInvalid, $"Invalid auxiliary account '{code}'.")
            {
                Field = "accountingCode",
                Arguments = new Dictionary<string, object> { ["maximumLength"] = AccountingCodeMaxLength },
            };
        }

        return value;
    }

    private static string CheckLabel(string label) =>
        string.IsNullOrWhiteSpace(label)
            ? throw new DomainException(ErrorCodes.DeliveryAddressLabelRequired, "The delivery address label is required.") { Field = "label" }
            : label.Trim();

    private static Dictionary<string, object> Status(string status) => new() { ["status"] = status.ToString(CultureInfo.InvariantCulture) };
}
