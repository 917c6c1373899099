using Koban.Domain.Common;
using Koban.Domain.Documents;

namespace Koban.Domain.Products;

/// <summary>The fields a user edits on a product; <see cref="Product.Create"/> and <see cref="Product.Update"/> validate them together.</summary>
public sealed record ProductData(
    string Code,
    string Name,
    string? Description,
    string UnitCode,
    decimal UnitPrice,
    decimal VatRate,
    string? VatExemptionReason,
    ProductNature Nature,
    bool ForSale = true,
    bool Deliverable = false,
    bool IsContract = false,
    ContractPeriodicity? ContractPeriodicity = null,
    int? ContractTermMonths = null);

/// <summary>A catalogue item. Once a document uses it, it is archived, never deleted: documents keep pointing at it.</summary>
public sealed class Product : ICompanyOwned, IHasUpdatedAt
{
    public const int CodeMaxLength = 50;
    public const int MaximumContractTermMonths = 120;

    private Product()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }

    /// <summary>Kept as typed (trimmed): codes like "Abo-Pro" are meaningful to users; uniqueness per company is a database index.</summary>
    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }

    /// <summary>A <see cref="Products.UnitCode"/> value (UN/ECE Rec. 20).</summary>
    public string UnitCode { get; private set; } = Products.UnitCode.Default;

    /// <summary>Excluding VAT, up to 4 decimals (domain-rules.md §5).</summary>
    public decimal UnitPrice { get; private set; }
    public decimal VatRate { get; private set; }

    /// <summary>Legal basis printed on lines at 0 % (domain-rules.md §4), e.g. "Exonération de TVA, art. 261-4-4° du CGI".</summary>
    public string? VatExemptionReason { get; private set; }
    public ProductNature Nature { get; private set; }
    public bool ForSale { get; private set; }
    public bool Deliverable { get; private set; }

    /// <summary>Billed per period by a contract, and left out of full and balance invoices of orders (domain-rules.md §6).</summary>
    public bool IsContract { get; private set; }
    public ContractPeriodicity? ContractPeriodicity { get; private set; }
    public int? ContractTermMonths { get; private set; }
    public bool IsArchived { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Product Create(ProductData data)
    {
        var product = new Product { Id = Guid.CreateVersion7() };
        product.Apply(data);
        return product;
    }

    /// <summary>Editing a product never touches documents already made: their lines copied its description, price and VAT.</summary>
    public void Update(ProductData data) => Apply(data);

    public void Archive()
    {
        if (IsArchived)
            throw new DomainConflictException(ErrorCodes.InvalidStateTransition, "The product is already archived.") { Arguments = StatusArgument("archived") };
        IsArchived = true;
    }

    public void Unarchive()
    {
        if (!IsArchived)
            throw new DomainConflictException(ErrorCodes.InvalidStateTransition, "The product is not archived.") { Arguments = StatusArgument("active") };
        IsArchived = false;
    }

    private void Apply(ProductData data)
    {
        var code = data.Code?.Trim() ?? string.Empty;
        if (code.Length is 0 or > CodeMaxLength)
        {
            throw new DomainException(ErrorCodes.ProductCodeInvalid, "The product code must have 1 to 50 characters.")
            {
                Field = "code",
                Arguments = new Dictionary<string, object> { ["maximumLength"] = CodeMaxLength },
            };
        }
        if (string.IsNullOrWhiteSpace(data.Name))
            throw new DomainException(ErrorCodes.ProductNameRequired, "The product name is required.") { Field = "name" };
        var unit = data.UnitCode?.Trim().ToUpperInvariant();
        if (!Products.UnitCode.IsKnown(unit))
            throw new DomainException(ErrorCodes.UnitCodeUnknown, $"Unknown unit code '{data.UnitCode}'.") { Field = "unitCode" };
        if (data.UnitPrice < 0m)
            throw new DomainException(ErrorCodes.ProductUnitPriceNegative, "The unit price cannot be negative.") { Field = "unitPrice" };
        if (Rounding.UnitPrice(data.UnitPrice) != data.UnitPrice)
            throw new DomainException(ErrorCodes.LineUnitPriceTooPrecise, "Unit prices take at most 4 decimals.") { Field = "unitPrice" };
        VatRates.EnsureAllowed(data.VatRate, "vatRate");
        if (data.VatRate == 0m && string.IsNullOrWhiteSpace(data.VatExemptionReason))
            throw new DomainException(ErrorCodes.VatExemptionReasonRequired, "A 0 % product needs an exemption reason.") { Field = "vatExemptionReason" };
        if (!Enum.IsDefined(data.Nature))
            throw new DomainException(ErrorCodes.ProductNatureInvalid, $"Unknown nature {data.Nature}.") { Field = "nature" };
        var contractShapeHolds = data.IsContract
            ? data.ContractPeriodicity is { } periodicity && Enum.IsDefined(periodicity) && data.ContractTermMonths is >= 1 and <= MaximumContractTermMonths
            : data.ContractPeriodicity is null && data.ContractTermMonths is null;
        if (!contractShapeHolds)
        {
            throw new DomainException(ErrorCodes.ContractTermsInvalid, "Contract products need a periodicity and a term; others have neither.")
            {
                Field = data.IsContract && data.ContractPeriodicity is not null ? "contractTermMonths" : "contractPeriodicity",
                Arguments = new Dictionary<string, object> { ["maximumMonths"] = MaximumContractTermMonths },
            };
        }

        Code = code;
        Name = data.Name.Trim();
        Description = string.IsNullOrWhiteSpace(data.Description) ? null : data.Description.Trim();
        UnitCode = unit!;
        UnitPrice = data.UnitPrice;
        VatRate = data.VatRate;
        // A reason on a taxed product would be printed nowhere; dropping it keeps the stored data truthful.
        VatExemptionReason = data.VatRate == 0m ? data.VatExemptionReason!.Trim() : null;
        Nature = data.Nature;
        ForSale = data.ForSale;
        Deliverable = data.Deliverable;
        IsContract = data.IsContract;
        ContractPeriodicity = data.ContractPeriodicity;
        ContractTermMonths = data.ContractTermMonths;
    }

    private static Dictionary<string, object> StatusArgument(string status) => new() { ["status"] = status };
}
