namespace Koban.Domain.Customers;

/// <summary>Where the customer stands for French VAT; with the line's nature it decides each line's VAT category (domain-rules.md §7).</summary>
public enum CustomerVatRegime
{
    /// <summary>French VAT applies: any customer in France or Monaco, and individuals elsewhere in the EU.</summary>
    France,

    /// <summary>A business registered for VAT in another member state (valid VAT number): K for goods, AE for services.</summary>
    IntraEuBusiness,

    /// <summary>Outside the EU: G for goods (export), O for services to a business.</summary>
    OutsideEu,
}
