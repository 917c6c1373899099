using Koban.Domain.Invoicing;
using Koban.Domain.Receivables.Reminders;
using Mapster;

namespace Koban.Api.Features.Reminders;

/// <summary>A reminder level as the settings show and take it. Placeholders: see <c>placeholders</c> of the settings.</summary>
public sealed record ReminderLevelSettings(int Level, string Name, int DaysAfterDue, string Subject, string Body)
{
    internal static ReminderLevelSettings From(ReminderLevel l) => new(l.Level, l.Name, l.DaysAfterDue, l.Subject, l.Body);

    internal ReminderLevel ToDomain() => new(Level, Name ?? string.Empty, DaysAfterDue, Subject ?? string.Empty, Body ?? string.Empty);
}

/// <summary>The company's automatic reminders. <c>configured</c> is false while the company never saved them (then they are
/// off and the defaults are proposed).</summary>
public sealed record ReminderSettingsResponse(bool Enabled, bool Configured, IReadOnlyList<ReminderLevelSettings> Levels, IReadOnlyList<string> Placeholders);

public sealed record UpdateReminderSettingsRequest(bool Enabled, IReadOnlyList<ReminderLevelSettings> Levels);

/// <summary>One reminder of an invoice: automatic (<c>Sent</c>, or <c>Skipped</c> when a later level was due at once) or
/// <c>Manual</c>; <c>emailId</c> is the queued e-mail (its delivery status is in <c>GET /invoices/{id}/emails</c>).</summary>
public sealed record InvoiceReminderResponse(
    Guid Id,
    Guid InvoiceId,
    string? InvoiceNumber,
    Guid CustomerId,
    string? CustomerName,
    int? Level,
    int? TemplateLevel,
    string LevelName,
    ReminderStatus Status,
    int DaysLate,
    decimal AmountDue,
    Guid? EmailId,
    IReadOnlyList<string> Recipients,
    string? Subject,
    DateTimeOffset CreatedAt,
    string? CreatedByName);

public sealed record LateInterestSegmentResponse(DateOnly From, DateOnly To, int Days, decimal Balance, decimal Interest);

/// <summary>Late-payment interest accrued from the day after the due date (or after the last invoiced period) up to
/// <c>to</c>, at the rate printed on the invoice; the 40 € indemnity unless already invoiced. Zero for individuals.</summary>
public sealed record LateInterestResponse(
    DateOnly From,
    DateOnly To,
    int Days,
    decimal AnnualRate,
    decimal Interest,
    decimal Indemnity,
    decimal Total,
    IReadOnlyList<LateInterestSegmentResponse> Segments,
    decimal InterestAlreadyInvoiced,
    bool IndemnityAlreadyInvoiced,
    bool BusinessCustomer);

public sealed record InvoiceRemindersResponse(
    Guid InvoiceId,
    string InvoiceNumber,
    DateOnly DueDate,
    int DaysLate,
    decimal AmountDue,
    bool Disputed,
    IReadOnlyList<InvoiceReminderResponse> History,
    LateInterestResponse LateInterest);

public sealed record SendReminderRequest(int? Level = null, IReadOnlyList<string>? To = null, string? Subject = null, string? Message = null);

public sealed record ReminderListResponse(IReadOnlyList<InvoiceReminderResponse> Items);

/// <summary>The draft fee invoice created for an invoice's late-payment interest and indemnity.</summary>
public sealed record LateFeeInvoiceResponse(Guid FeeInvoiceId, Guid InvoiceId, DateOnly From, DateOnly To, int Days, decimal AnnualRate, decimal Interest,
    decimal Indemnity, decimal TotalIncludingVat);

/// <summary>A reminder with the number of its invoice and the name of its customer.</summary>
public sealed record ReminderRow(InvoiceReminder Reminder, string? InvoiceNumber, string? CustomerName);

/// <summary>Interest accrued on an invoice, with what was already invoiced of it: the indemnity is charged once.</summary>
public sealed record LateInterestView(LateInterestResult Result, decimal Indemnity, decimal InterestAlreadyInvoiced, bool IndemnityAlreadyInvoiced, bool BusinessCustomer);

/// <summary>An overdue invoice on a day, with its reminders and its late-payment interest.</summary>
public sealed record InvoiceRemindersView(ReminderInvoice Invoice, DateOnly Today, IReadOnlyList<InvoiceReminderResponse> History, LateInterestResponse LateInterest);

/// <summary>The fee invoice created for an invoice's interest and indemnity.</summary>
public sealed record LateFeeInvoiceView(Invoice Fee, Guid InvoiceId, LateInterestResult Result, decimal Indemnity);

/// <summary>How reminders, late-payment interest and fee invoices read in the API.</summary>
public sealed class RemindersMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ReminderRow, InvoiceReminderResponse>()
            .Map(d => d.Id, s => s.Reminder.Id)
            .Map(d => d.InvoiceId, s => s.Reminder.InvoiceId)
            .Map(d => d.CustomerId, s => s.Reminder.CustomerId)
            .Map(d => d.Level, s => s.Reminder.Level)
            .Map(d => d.TemplateLevel, s => s.Reminder.TemplateLevel)
            .Map(d => d.LevelName, s => s.Reminder.LevelName)
            .Map(d => d.Status, s => s.Reminder.Status)
            .Map(d => d.DaysLate, s => s.Reminder.DaysLate)
            .Map(d => d.AmountDue, s => s.Reminder.AmountDue)
            .Map(d => d.EmailId, s => s.Reminder.OutboxMessageId)
            .Map(d => d.Recipients, s => s.Reminder.Recipients)
            .Map(d => d.Subject, s => s.Reminder.Subject)
            .Map(d => d.CreatedAt, s => s.Reminder.CreatedAt)
            .Map(d => d.CreatedByName, s => s.Reminder.CreatedByName);

        config.NewConfig<InterestSegment, LateInterestSegmentResponse>();

        config.NewConfig<LateInterestView, LateInterestResponse>()
            .Map(d => d.From, s => s.Result.From)
            .Map(d => d.To, s => s.Result.To)
            .Map(d => d.Days, s => s.Result.Days)
            .Map(d => d.AnnualRate, s => s.Result.AnnualRate)
            .Map(d => d.Interest, s => s.Result.Interest)
            .Map(d => d.Total, s => s.Result.Interest + s.Indemnity)
            .Map(d => d.Segments, s => s.Result.Segments);

        config.NewConfig<InvoiceRemindersView, InvoiceRemindersResponse>()
            .Map(d => d.InvoiceId, s => s.Invoice.Invoice.Id)
            .Map(d => d.InvoiceNumber, s => s.Invoice.Invoice.Number)
            .Map(d => d.DueDate, s => s.Invoice.Situation.DueDate)
            .Map(d => d.DaysLate, s => s.Invoice.Item.DaysLate(s.Today))
            .Map(d => d.AmountDue, s => s.Invoice.Item.Outstanding)
            .Map(d => d.Disputed, s => s.Invoice.Item.Disputed);

        config.NewConfig<LateFeeInvoiceView, LateFeeInvoiceResponse>()
            .Map(d => d.FeeInvoiceId, s => s.Fee.Id)
            .Map(d => d.From, s => s.Result.From)
            .Map(d => d.To, s => s.Result.To)
            .Map(d => d.Days, s => s.Result.Days)
            .Map(d => d.AnnualRate, s => s.Result.AnnualRate)
            .Map(d => d.Interest, s => s.Result.Interest)
            .Map(d => d.TotalIncludingVat, s => s.Fee.TotalIncludingVat);
    }
}
