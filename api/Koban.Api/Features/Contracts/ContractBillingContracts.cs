using System.ComponentModel;
using Koban.Domain.Contracts;
using Koban.Domain.Invoicing;
using Mapster;

namespace Koban.Api.Features.Contracts;

/// <summary>The company's contract billing settings.</summary>
public sealed record ContractBillingSettingsResponse(
    [property: Description("What the billing run does with each period's invoice: `Draft` (the accountant reviews, validates and sends it) or `ValidateAndSend` (validated — numbered — at once and e-mailed to the customer's billing contact).")]
    ContractInvoicing Invoicing,
    [property: Description("Days before a contract's notice deadline its owner is e-mailed a reminder (0 to 365; 0: on the deadline).")]
    int NoticeReminderDays,
    [property: Description("False while the company never saved them: the defaults (`Draft`, 30 days) apply.")]
    bool Configured);

public sealed record UpdateContractBillingSettingsRequest(ContractInvoicing Invoicing, int NoticeReminderDays);

/// <summary>Where a period stands: billed (it has its invoice), due (its billing date has come, the next run bills it) or
/// upcoming.</summary>
public enum ContractPeriodState
{
    Invoiced,
    Due,
    Upcoming,
}

/// <summary>A billing period of a contract: billed ones with their invoice, due and upcoming ones computed from the terms.</summary>
public sealed record ContractPeriodResponse(
    [property: Description("Null for a period not billed yet.")]
    Guid? Id,
    int TermNumber,
    DateOnly Start,
    [property: Description("Inclusive last day; the contract's last day when it ends inside the period.")]
    DateOnly End,
    [property: Description("In advance: the first day of the period; in arrears: the day after its last.")]
    DateOnly BillingDate,
    [property: Description("1 for a full period; service days ÷ days of the full period (6 decimals) for one cut by the contract's end.")]
    decimal ProRataFactor,
    [property: Description("What the period bills excluding VAT: the amount billed, or for a period not billed yet what it would bill at today's prices.")]
    decimal AmountExcludingVat,
    ContractPeriodState State,
    Guid? InvoiceId,
    string? InvoiceNumber,
    BillingStatus? InvoiceStatus,
    decimal? InvoiceTotalIncludingVat);

/// <summary>A period billed by a run, with its invoice.</summary>
public sealed record ContractPeriodInvoiceResponse(
    Guid PeriodId,
    Guid ContractId,
    string ContractReference,
    DateOnly Start,
    DateOnly End,
    DateOnly BillingDate,
    decimal ProRataFactor,
    decimal AmountExcludingVat,
    Guid InvoiceId,
    [property: Description("Set when the company's setting validates period invoices at once.")]
    string? InvoiceNumber,
    BillingStatus InvoiceStatus,
    [property: Description("Whether the invoice's e-mail was queued to the customer's billing contact.")]
    bool Sent);

/// <summary>The settings response is built from the entity and whether it was stored.</summary>
public sealed record ContractBillingSettingsView(ContractBillingSettings Settings, bool Configured);

public sealed class ContractBillingMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<ContractBillingSettingsView, ContractBillingSettingsResponse>()
            .Map(d => d.Invoicing, s => s.Settings.Invoicing)
            .Map(d => d.NoticeReminderDays, s => s.Settings.NoticeReminderDays);
}
