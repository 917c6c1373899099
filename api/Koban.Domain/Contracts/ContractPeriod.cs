using Koban.Domain.Common;

namespace Koban.Domain.Contracts;

/// <summary>
/// A billing period of a contract that has been billed: the row and its invoice are written in one transaction, and the
/// database's unique key (contract_id, period_start) makes each period billed once, whatever the number of job instances
/// or retries. Deleting the period's draft invoice deletes the row, so the next run bills the period again.
/// </summary>
public sealed class ContractPeriod : ICompanyOwned
{
    private ContractPeriod()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>The contract term the period belongs to (1 for the initial term).</summary>
    public int TermNumber { get; private set; }
    public DateOnly PeriodStart { get; private set; }

    /// <summary>Inclusive last day: the full period's, or the contract's last day when it ends inside the period.</summary>
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly BillingDate { get; private set; }

    /// <summary>1 for a full period; service days ÷ days of the full period (6 decimals) for a cut one.</summary>
    public decimal ProRataFactor { get; private set; }
    public decimal AmountExcludingVat { get; private set; }
    public Guid? InvoiceId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static ContractPeriod Billed(Guid contractId, int termNumber, BillingPeriod period, decimal amountExcludingVat, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new ContractPeriod
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            TermNumber = termNumber,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            BillingDate = period.BillingDate,
            ProRataFactor = period.ProRataFactor,
            AmountExcludingVat = amountExcludingVat,
            CreatedAt = now,
        };
    }

    public void AttachInvoice(Guid invoiceId) => InvoiceId = invoiceId;
}

/// <summary>What the billing run does with a period's invoice.</summary>
public enum ContractInvoicing
{
    /// <summary>A draft the accountant reviews, validates and sends.</summary>
    Draft,

    /// <summary>Validated (numbered) at once and e-mailed to the customer's billing contact.</summary>
    ValidateAndSend,
}

/// <summary>
/// A company's contract billing settings: what becomes of each period's invoice, and how many days before a contract's
/// notice deadline its owner is reminded. A company without a row has drafts and a 30-day reminder.
/// </summary>
public sealed class ContractBillingSettings : ICompanyOwned, IHasUpdatedAt
{
    public const int DefaultNoticeReminderDays = 30;
    public const int MaximumNoticeReminderDays = 365;

    private ContractBillingSettings()
    {
    }

    public Guid CompanyId { get; private set; }
    public ContractInvoicing Invoicing { get; private set; }

    /// <summary>Days before the notice deadline the owner receives the reminder (0: on the deadline itself).</summary>
    public int NoticeReminderDays { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static ContractBillingSettings Default() => new() { Invoicing = ContractInvoicing.Draft, NoticeReminderDays = DefaultNoticeReminderDays };

    public static ContractBillingSettings Create(ContractInvoicing invoicing, int noticeReminderDays)
    {
        var settings = new ContractBillingSettings();
        settings.Update(invoicing, noticeReminderDays);
        return settings;
    }

    public void Update(ContractInvoicing invoicing, int noticeReminderDays)
    {
        if (!Enum.IsDefined(invoicing))
            throw new DomainException(ErrorCodes.ContractBillingSettingsInvalid, $"Unknown invoicing mode {invoicing}.") { Field = "invoicing" };
        if (noticeReminderDays is < 0 or > MaximumNoticeReminderDays)
            throw new DomainException(ErrorCodes.ContractBillingSettingsInvalid, "The reminder comes 0 to 365 days before the notice deadline.") { Field = "noticeReminderDays" };
        Invoicing = invoicing;
        NoticeReminderDays = noticeReminderDays;
    }

    /// <summary>Whether the owner of a contract whose notice deadline is <paramref name="deadline"/> is reminded on
    /// <paramref name="today"/>: from <see cref="NoticeReminderDays"/> days before it up to the deadline itself (a job that
    /// did not run in the window still reminds while the deadline is ahead; after it, a reminder would be useless).</summary>
    public bool NoticeReminderDue(DateOnly deadline, DateOnly today) => today >= deadline.AddDays(-NoticeReminderDays) && today <= deadline;
}

/// <summary>The notice-deadline reminder e-mailed to a contract's owner, once per contract and term (unique key).</summary>
public sealed class ContractNoticeReminder : ICompanyOwned
{
    private ContractNoticeReminder()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public Guid ContractId { get; private set; }
    public int TermNumber { get; private set; }
    public DateOnly NoticeDeadline { get; private set; }
    public string Recipient { get; private set; } = string.Empty;
    public DateTimeOffset SentAt { get; private set; }

    public static ContractNoticeReminder Sent(Guid contractId, int termNumber, DateOnly noticeDeadline, string recipient, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ContractId = contractId,
        TermNumber = termNumber,
        NoticeDeadline = noticeDeadline,
        Recipient = recipient,
        SentAt = now,
    };
}
