namespace Koban.Domain.Contracts;

/// <summary>The lifecycle of a subscription contract (docs/contracts.md).</summary>
public enum ContractStatus
{
    /// <summary>Being prepared: editable, deletable, bills nothing.</summary>
    Draft,

    /// <summary>Running: its periods are invoiced; renewed at each term end (tacitly or by a user) or left to expire.</summary>
    Active,

    /// <summary>Notice given: periods are still invoiced up to <see cref="Contract.EndDate"/>, then nothing.</summary>
    Terminated,

    /// <summary>Reached the end of its term without renewal.</summary>
    Expired,
}
