namespace Koban.Domain.Products;

/// <summary>How often a contract product is billed by default.</summary>
public enum ContractPeriodicity
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}
