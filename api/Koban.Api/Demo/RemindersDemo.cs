using Koban.Api.Features.Common;
using Koban.Api.Features.Invoicing;
using Koban.Api.Features.Reminders;
using Koban.Api.Features.Sales;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Receivables.Reminders;
using Mediator;

namespace Koban.Api.Demo;

/// <summary>Automatic reminders switched on with the default levels, and one overdue invoice (Boulangerie Martin, dated
/// 50 days ago, due 20 days ago) that has received its friendly reminder — queued in the outbox like the job would.
/// Runs before the other invoices are validated, so the numbers stay in date order.</summary>
internal static class RemindersDemo
{
    /// <summary>The overdue example's invoice date: 50 days ago.</summary>
    public static DateOnly IssueDate(DateOnly today) => today.AddDays(-50);

    public static async Task SeedAsync(IServiceProvider services, IMediator mediator, SalesDemoIds ids, DateOnly today, CancellationToken ct)
    {
        var (_, version) = await mediator.Send(new GetReminderSettingsQuery(), ct);
        await mediator.Send(new UpdateReminderSettingsCommand(version, new UpdateReminderSettingsRequest(true, [.. ReminderLevels.Defaults.Select(ReminderLevelSettings.From)])), ct);

        var issued = IssueDate(today);
        if (issued.Year != today.Year) return; // early January: the overdue example would open last year's series
        var (draft, _) = await mediator.Send(new CreateDirectInvoiceCommand(new InvoiceRequest(ids.BakeryCustomer, CustomerReference: "BC-0917", Lines:
            [new SalesLineRequest(LineKind.Free, null, "Entretien annuel du four et de la vitrine réfrigérée", 3m, "HUR", 65m, null, 20m, ProductNature.Service, null)])), ct);
        await mediator.Send(new ValidateInvoiceCommand(draft.Id, issued), ct);

        var reminders = services.GetRequiredService<ReminderService>();
        var invoice = await reminders.InvoiceAsync(draft.Id, ct);
        var settings = await reminders.SettingsAsync(ct);
        if (ReminderPolicy.Decide(invoice.Situation, settings.Levels, [], today) is { } decision)
            await reminders.SendAutomaticAsync(invoice, decision, ct);
    }
}
