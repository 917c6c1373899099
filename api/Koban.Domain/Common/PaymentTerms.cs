namespace Koban.Domain.Common;

/// <summary>The four ways French invoices state a due date (domain-rules.md §7).</summary>
public enum PaymentTermsKind
{
    /// <summary>"À réception": due on the invoice date.</summary>
    OnReceipt,

    /// <summary>"N jours": invoice date + N days.</summary>
    Days,

    /// <summary>"N jours fin de mois": invoice date + N days, then the end of that month.</summary>
    DaysEndOfMonth,

    /// <summary>"Fin de mois + N jours": the end of the invoice's month, then + N days.</summary>
    EndOfMonthPlusDays,
}

/// <summary>
/// Payment terms, copied onto each document at validation (domain-rules.md §8). Always well formed: a kind and 0–365
/// days (0 for on receipt). Whether they are lawful depends on the customer, hence <see cref="Validate"/>.
/// </summary>
public sealed record PaymentTerms
{
    public const int MaximumDays = 365;

    /// <summary>Art. L441-10 I du Code de commerce: 60 days from the invoice date…</summary>
    public const int LegalMaximumDays = 60;

    /// <summary>…or, by derogation, 45 days end of month (either way of counting it, as the DGCCRF accepts).</summary>
    public const int LegalMaximumDaysEndOfMonth = 45;

    public PaymentTerms(PaymentTermsKind kind, int days)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException(ErrorCodes.PaymentTermsKindInvalid, $"Unknown payment terms kind {kind}.") { Field = "kind" };
        if (days is < 0 or > MaximumDays)
        {
            throw new DomainException(ErrorCodes.PaymentTermsDaysOutOfRange, $"Payment terms of {days} days are out of range.")
            {
                Field = "days",
                Arguments = new Dictionary<string, object> { ["maximumDays"] = MaximumDays },
            };
        }

        if (kind == PaymentTermsKind.OnReceipt && days != 0)
            throw new DomainException(ErrorCodes.PaymentTermsOnReceiptWithDays, "Payment on receipt takes no days.") { Field = "days" };

        Kind = kind;
        Days = days;
    }

    public static PaymentTerms OnReceipt { get; } = new(PaymentTermsKind.OnReceipt, 0);

    // private init rather than get-only: EF maps the record as a complex type by convention, which needs setters.
    public PaymentTermsKind Kind { get; private init; }

    public int Days { get; private init; }

    public DateOnly DueDate(DateOnly invoiceDate) => Kind switch
    {
        PaymentTermsKind.OnReceipt => invoiceDate,
        PaymentTermsKind.Days => invoiceDate.AddDays(Days),
        PaymentTermsKind.DaysEndOfMonth => EndOfMonth(invoiceDate.AddDays(Days)),
        PaymentTermsKind.EndOfMonthPlusDays => EndOfMonth(invoiceDate).AddDays(Days),
        _ => throw new InvalidOperationException($"Unknown payment terms kind {Kind}."),
    };

    /// <summary>
    /// Refuses terms longer than the law allows between businesses (art. L441-10 I du Code de commerce, domain-rules.md §7):
    /// 60 days from the invoice date, or 45 days end of month. Consumers have no statutory maximum here.
    /// </summary>
    public void Validate(bool businessCustomer)
    {
        if (!businessCustomer)
            return;

        var maximum = Kind switch
        {
            PaymentTermsKind.DaysEndOfMonth or PaymentTermsKind.EndOfMonthPlusDays => LegalMaximumDaysEndOfMonth,
            _ => LegalMaximumDays,
        };
        if (Days > maximum)
        {
            throw new DomainException(ErrorCodes.PaymentTermsBeyondLegalMaximum, $"{Kind} terms of {Days} days exceed the legal maximum of {maximum} days between businesses.")
            {
                Field = "days",
                Arguments = new Dictionary<string, object> { ["maximumDays"] = maximum },
            };
        }
    }

    private static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
