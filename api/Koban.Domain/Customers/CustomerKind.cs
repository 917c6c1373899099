namespace Koban.Domain.Customers;

/// <summary>Business (B2B: SIREN, 40 € recovery indemnity, legal payment-term maximum) or individual (B2C), domain-rules.md §7.</summary>
public enum CustomerKind
{
    Business,
    Individual,
}
