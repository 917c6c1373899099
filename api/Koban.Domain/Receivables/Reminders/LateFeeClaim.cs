using Koban.Domain.Common;

namespace Koban.Domain.Receivables.Reminders;

/// <summary>
/// Late-payment interest and the recovery indemnity of one invoice, put on a fee invoice: the days (<see cref="InterestFrom"/>,
/// <see cref="InterestTo"/>] and the amounts claimed, so that a later claim starts where this one stopped and the 40 € are
/// claimed once. Deleting the fee invoice while it is a draft deletes the claim with it.
/// </summary>
public sealed class LateFeeClaim : ICompanyOwned
{
    private LateFeeClaim()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public Guid FeeInvoiceId { get; private set; }
    public DateOnly InterestFrom { get; private set; }
    public DateOnly InterestTo { get; private set; }
    public int Days { get; private set; }
    public decimal Rate { get; private set; }
    public decimal Interest { get; private set; }
    public decimal Indemnity { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static LateFeeClaim For(Guid invoiceId, Guid feeInvoiceId, LateInterestResult result, bool withIndemnity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new LateFeeClaim
        {
            Id = Guid.CreateVersion7(),
            InvoiceId = invoiceId,
            FeeInvoiceId = feeInvoiceId,
            InterestFrom = result.From,
            InterestTo = result.To,
            Days = result.Days,
            Rate = result.AnnualRate,
            Interest = result.Interest,
            Indemnity = withIndemnity ? result.Indemnity : 0m,
            CreatedAt = now,
        };
    }
}
