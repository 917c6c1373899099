namespace Koban.Api.Features.Reminders;

/// <summary>
/// <c>/api/v1/reminders</c> and the reminders of an invoice, each mapped by its use case. Rights: <c>receivables:read</c> to
/// read, <c>receivables:write</c> to change the settings, send a reminder or invoice late fees.
/// </summary>
public static class RemindersEndpoints
{
    public static void MapRemindersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reminders").WithTags("Reminders");
        GetReminderSettings.Map(group);
        UpdateReminderSettings.Map(group);
        ListReminders.Map(group);

        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Reminders");
        GetInvoiceReminders.Map(invoices);
        SendInvoiceReminder.Map(invoices);
        CreateLateFeeInvoice.Map(invoices);
    }
}
