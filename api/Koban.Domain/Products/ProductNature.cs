namespace Koban.Domain.Products;

/// <summary>Goods or a service: it decides the VAT category abroad (domain-rules.md §7), the revenue account (707/706,
/// §9) and the "nature of the operation" mention (§4).</summary>
public enum ProductNature
{
    Goods,
    Service,
}
