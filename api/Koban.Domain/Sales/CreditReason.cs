namespace Koban.Domain.Sales;

/// <summary>Why a credit note was issued (domain-rules.md §6): only a correction gives back "left to invoice" on the order.</summary>
public enum CreditReason
{
    Correction,
    CommercialDiscount,
    WriteOff,
}
