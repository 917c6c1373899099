namespace Koban.Domain.Contracts;

/// <summary>When a subscription contract bills a period: on its first day, or the day after its last.</summary>
public enum BillingTiming
{
    /// <summary>Terme à échoir: the period is invoiced when it starts.</summary>
    InAdvance,

    /// <summary>Terme échu: the period is invoiced once it has ended.</summary>
    InArrears,
}
