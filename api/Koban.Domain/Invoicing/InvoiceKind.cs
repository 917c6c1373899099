namespace Koban.Domain.Invoicing;

/// <summary>How an invoice bills its order (domain-rules.md §6).</summary>
public enum InvoiceKind
{
    /// <summary>Everything of the order not yet invoiced.</summary>
    Full,

    /// <summary>A percentage of the order, or chosen lines and quantities.</summary>
    Intermediate,

    /// <summary>Facture d'acompte: a percentage or an amount of the order, one line per VAT rate.</summary>
    Deposit,

    /// <summary>Facture de solde: everything left, minus every validated deposit.</summary>
    Balance,

    /// <summary>Free lines, no order: allowed, but not traceable to an order.</summary>
    Direct,
}

/// <summary>A draft is editable and deletable and has no number; a validated document is frozen forever (domain-rules.md §1).</summary>
public enum BillingStatus
{
    Draft,
    Validated,
}

/// <summary>How a deposit (or a credit note by amount) is given.</summary>
public enum AmountBasis
{
    /// <summary>A percentage of the order's total excluding VAT.</summary>
    Percentage,

    /// <summary>An amount excluding VAT, split across the VAT rates.</summary>
    ExcludingVat,

    /// <summary>An amount including VAT, which the document's total reproduces exactly.</summary>
    IncludingVat,
}
