using System.Globalization;

namespace Koban.Domain.Common;

/// <summary>
/// An amount in euros (single currency per company for now, architecture.md "Decided"). Arithmetic never rounds:
/// rounding happens only at the named points of domain-rules.md §5, through <see cref="Round2"/>.
/// </summary>
public readonly record struct Money(decimal Amount) : IComparable<Money>
{
    public const string Currency = "EUR";

    public static Money Zero => default;

    public Money Round2() => new(Rounding.Amount(Amount));

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount);

    public static Money operator -(Money value) => new(-value.Amount);

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");
}
