using FluentValidation;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Products;
using Mapster;

namespace Koban.Api.Features.Products;

public sealed record ProductResponse(
    Guid Id,
    string Code,
    string Name,
    string? Description,
    string UnitCode,
    string UnitLabel,
    decimal UnitPrice,
    decimal VatRate,
    string? VatExemptionReason,
    ProductNature Nature,
    bool ForSale,
    bool Deliverable,
    bool IsContract,
    ContractPeriodicity? ContractPeriodicity,
    int? ContractTermMonths,
    bool IsArchived,
    DateTimeOffset UpdatedAt);

/// <summary>A product reads as its fields plus the French label of its unit.</summary>
public sealed class ProductMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<Product, ProductResponse>()
            .Map(d => d.UnitLabel, s => Koban.Domain.Products.UnitCode.LabelOf(s.UnitCode));
}

public sealed record ProductList(IReadOnlyList<ProductResponse> Items, string? NextCursor, bool HasMore);

public sealed record ProductRequest(
    string Code,
    string Name,
    string? Description,
    string UnitCode,
    decimal UnitPrice,
    decimal VatRate,
    string? VatExemptionReason,
    ProductNature Nature,
    bool ForSale,
    bool Deliverable,
    bool IsContract,
    ContractPeriodicity? ContractPeriodicity,
    int? ContractTermMonths)
{
    internal ProductData ToData() => new(Code, Name, Description, UnitCode, UnitPrice, VatRate, VatExemptionReason, Nature, ForSale, Deliverable, IsContract,
        ContractPeriodicity, ContractTermMonths);
}

public sealed record UnitCodeResponse(string Code, string Label);

public sealed class ProductRequestValidator : AbstractValidator<ProductRequest>
{
    public ProductRequestValidator()
    {
        RuleFor(p => p.Code).NotEmpty().MaximumLength(Product.CodeMaxLength);
        RuleFor(p => p.Name).NotEmpty().MaximumLength(200);
        RuleFor(p => p.Description).MaximumLength(4000);
        RuleFor(p => p.UnitCode).NotEmpty().Must(Koban.Domain.Products.UnitCode.IsKnown).WithErrorCode(ErrorCodes.UnitCodeUnknown).WithMessage(_ => ErrorCatalog.Message(ErrorCodes.UnitCodeUnknown));
        RuleFor(p => p.UnitPrice).GreaterThanOrEqualTo(0).PrecisionScale(18, 4, true);
        RuleFor(p => p.VatRate).PrecisionScale(5, 2, true);
        RuleFor(p => p.VatExemptionReason).MaximumLength(300);
        RuleFor(p => p.Nature).IsInEnum();
        RuleFor(p => p.ContractPeriodicity).IsInEnum();
    }
}

public sealed record VatRateChoiceResponse(decimal Rate, string Label, string LegalBasis);

public sealed record VatExemptionChoiceResponse(string Reason, string Label, string LegalBasis);

public sealed record VatTreatmentsResponse(bool VatFranchise, IReadOnlyList<VatRateChoiceResponse> Rates, IReadOnlyList<VatExemptionChoiceResponse> Exemptions);
