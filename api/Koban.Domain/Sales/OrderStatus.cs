namespace Koban.Domain.Sales;

/// <summary>The life of an order (domain-rules.md §1).</summary>
public enum OrderStatus
{
    /// <summary>Editable and deletable; no number.</summary>
    Draft,

    /// <summary>Validated: numbered, financial content frozen (domain-rules.md §2).</summary>
    InProgress,

    /// <summary>Complete.</summary>
    Closed,

    /// <summary>Cancelled with a reason, only while nothing was invoiced or delivered.</summary>
    Cancelled,
}
