using FluentValidation;
using Koban.Api.Infrastructure.Mapping;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;
using Mapster;

namespace Koban.Api.Features.Common;

/// <summary>A line as a client sends it. On a product line, omitted description, unit, price and VAT rate are copied from
/// the product at that moment (later product changes never alter the document); the VAT category and the rate actually
/// charged follow from the customer's regime and the nature (domain-rules §7).</summary>
public sealed record SalesLineRequest(
    LineKind Kind,
    Guid? ProductId,
    string? Description,
    decimal? Quantity,
    string? UnitCode,
    decimal? UnitPrice,
    decimal? DiscountPercent,
    decimal? VatRate,
    ProductNature? Nature,
    [property: System.ComponentModel.Description("For a French sale at 0 %: the legal basis of the exemption (required then; a product line defaults to its product's), stored with the line and printed on the document as typed, e.g. \"Exonération de TVA, article 261-4-4° du CGI\".")]
    string? VatExemptionReason);

public sealed record SalesLineResponse(
    Guid Id,
    int Position,
    LineKind Kind,
    Guid? ProductId,
    string Description,
    decimal Quantity,
    string? UnitCode,
    decimal UnitPrice,
    decimal DiscountPercent,
    decimal VatRate,
    VatCategory VatCategory,
    bool IsContractLine,
    decimal NetAmount,
    [property: System.ComponentModel.Description("On a French 0 % exempt line (category E), the legal basis of the exemption printed on the document.")]
    string? VatExemptionReason = null);

public sealed record VatBreakdownResponse(decimal Rate, VatCategory Category, decimal Base, decimal Vat);

public sealed record TotalsResponse(decimal TotalExcludingVat, IReadOnlyList<VatBreakdownResponse> VatBreakdown, decimal TotalVat, decimal TotalIncludingVat)
{
    internal static TotalsResponse From(DocumentTotals t) => t.MapTo<TotalsResponse>();
}

public sealed class SalesLineValidator : AbstractValidator<SalesLineRequest>
{
    public SalesLineValidator()
    {
        RuleFor(l => l.Kind).IsInEnum();
        RuleFor(l => l.Description).MaximumLength(4000);
        RuleFor(l => l.Quantity).PrecisionScale(15, 3, true).When(l => l.Quantity is not null);
        RuleFor(l => l.UnitPrice).PrecisionScale(18, 4, true).When(l => l.UnitPrice is not null);
        RuleFor(l => l.DiscountPercent).InclusiveBetween(0m, 100m).When(l => l.DiscountPercent is not null);
        RuleFor(l => l.Nature).IsInEnum();
        RuleFor(l => l.VatExemptionReason).MaximumLength(300);
    }
}

/// <summary>Lines and totals as every sales document shows them: quote and order lines map member for member.</summary>
public sealed class SalesLineMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<SalesLine, SalesLineResponse>();
        config.NewConfig<VatBreakdownLine, VatBreakdownResponse>();
        config.NewConfig<DocumentTotals, TotalsResponse>();
    }
}
