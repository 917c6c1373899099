using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables.Reminders;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Reminders;

/// <summary>
/// <c>/api/v1/reminders</c> and the reminders of an invoice. Rights: <c>receivables:read</c> to read, <c>receivables:write</c>
/// to change the settings, send a reminder or invoice late fees.
/// </summary>
public static class RemindersEndpoints
{
    private static readonly Guid InvoiceId = Guid.Parse("01936e00-0000-7000-8000-0000000000f1");
    private static readonly Guid CustomerId = Guid.Parse("01936e00-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset Stamp = new(2026, 5, 15, 8, 0, 0, TimeSpan.Zero);

    private static readonly InvoiceReminderResponse Friendly = new(Guid.Parse("01936f00-0000-7000-8000-0000000000b1"), InvoiceId, "FA-2026-00042", CustomerId,
        "Menuiserie Durand SARL", 1, 1, "Relance amicale", ReminderStatus.Sent, 7, 1747.08m, Guid.Parse("01936f00-0000-7000-8000-0000000000a1"),
        ["compta@durand.example"], "Rappel : facture FA-2026-00042 échue le 08/05/2026", Stamp, ReminderRunner.ActorName);

    private static readonly InvoiceReminderResponse Manual = Friendly with
    {
        Id = Guid.Parse("01936f00-0000-7000-8000-0000000000b2"),
        Level = null,
        TemplateLevel = 2,
        LevelName = "Relance ferme",
        Status = ReminderStatus.Manual,
        DaysLate = 12,
        Subject = "Deuxième relance : facture FA-2026-00042 impayée",
        CreatedAt = Stamp.AddDays(5),
        CreatedByName = "Claire Martin",
    };

    public static void MapRemindersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reminders").WithTags("Reminders");
        var levels = ReminderLevels.Defaults.Select(ReminderLevelSettings.From).ToList();
        var settings = new ReminderSettingsResponse(true, true, levels, ReminderTemplate.Placeholders);

        group.MapGet("/settings", async Task<Ok<ReminderSettingsResponse>> (IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (current, version) = await mediator.Send(new GetReminderSettingsQuery(), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(current);
            })
            .WithName("GetReminderSettings")
            .WithSummary("Get the automatic reminder settings")
            .WithDescription("Whether automatic reminders are on and the levels (number, name, days after the due date, e-mail subject and body). A company that never saved them has them off (`configured: false`) with the default levels proposed: a friendly reminder at 7 days, a firm one at 30, a formal notice (mise en demeure) at 45. `placeholders` lists what the texts may insert: {customer}, {invoiceNumber}, {invoiceDate}, {dueDate}, {amountDue}, {invoiceTotal}, {daysLate}, {company}, {penalties} (the late-payment sentence for a business customer, empty for an individual). Returns an `ETag` for the update (`\"0\"` while never saved).")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithExamples(null, 200, settings);

        group.MapPut("/settings", async Task<Ok<ReminderSettingsResponse>> (UpdateReminderSettingsRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var expected = EntityTags.RequireIfMatch(http);
                var (saved, version) = await mediator.Send(new UpdateReminderSettingsCommand(expected, request), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(saved);
            })
            .WithName("UpdateReminderSettings")
            .WithSummary("Change the automatic reminder settings")
            .WithDescription("Replaces the settings. 1 to 6 levels (422 `reminder_levels_count`), numbered in the order given, each later than the previous and at most 365 days after the due date (422 `reminder_level_days_order`), each with a name, a subject and a body (422 `reminder_level_text_required`) using only known placeholders (422 `template_placeholder_unknown`, naming the field, e.g. `levels[1].body`). The hourly job (`Koban:Reminders:Cron`) then e-mails every overdue, undisputed invoice the highest level it has reached, once per level; levels passed over while the job did not run are recorded as skipped and never sent. Recorded in the audit log. Send the `ETag` of the settings you read in `If-Match` (412 when someone saved them meanwhile).")
            .RequirePermission(Permissions.Receivables, Access.Write)
            .RequiresIfMatch()
            .WithProblems(412, 422, 428)
            .WithExamples(new UpdateReminderSettingsRequest(true, levels), 200, settings);

        group.MapGet("", async Task<Ok<ReminderListResponse>> (int? limit, Guid? customerId, ReminderStatus? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRemindersQuery(limit ?? 50, customerId, status), ct)))
            .WithName("ListReminders")
            .WithSummary("List recent reminders")
            .WithDescription("The company's reminders, newest first (`limit` 1–200, default 50), optionally of one customer or one status (`Sent`, `Skipped`, `Manual`): the history page of reminders.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(400)
            .WithExamples(null, 200, new ReminderListResponse([Manual, Friendly]));

        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Reminders");
        invoices.MapGet("/{id:guid}/reminders", async Task<Ok<InvoiceRemindersResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new InvoiceRemindersQuery(id), ct)))
            .WithName("GetInvoiceReminders")
            .WithSummary("An invoice's reminders and accrued late-payment interest")
            .WithDescription("The reminder history of a validated invoice (automatic, skipped and manual, newest first), its days late and amount due today, and the late-payment interest accrued today: simple interest at the penalty rate printed on the invoice, from the day after the due date (or after the period already invoiced) on the balance outstanding each day, rounded once to the cent; plus the 40 € recovery indemnity unless already invoiced. Business customers only (zero for individuals). 409 `document_not_validated` for a draft.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(409)
            .WithExamples(null, 200, new InvoiceRemindersResponse(InvoiceId, "FA-2026-00042", new DateOnly(2026, 5, 8), 12, 1747.08m, false, [Manual, Friendly],
                new LateInterestResponse(new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 20), 12, 12.15m, 6.98m, 40m, 46.98m,
                    [new LateInterestSegmentResponse(new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 20), 12, 1747.08m, 6.98m)], 0m, false, true)));

        invoices.MapPost("/{id:guid}/reminders", async Task<Created<InvoiceReminderResponse>> (Guid id, SendReminderRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var reminder = await mediator.Send(new SendReminderCommand(id, request), ct);
                return TypedResults.Created($"/api/v1/invoices/{id}/reminders", reminder);
            })
            .WithName("SendInvoiceReminder")
            .WithSummary("Send a reminder by hand")
            .WithDescription("Queues a reminder e-mail with the invoice's archived PDF attached: the texts of `level` (default: the highest level the invoice has reached, else the first) unless `subject`/`message` are given (same placeholders as the settings), to `to` or by default the customer's billing contact (422 `no_recipient` when it has no e-mail). Works whether automatic reminders are on or off, and does not change the automatic sequence. 409 `reminder_nothing_due` when the invoice is paid, 422 `reminder_level_unknown` for a level the settings do not have. Recorded in the audit log; the e-mail's status is in `GET /invoices/{id}/emails`.")
            .RequirePermission(Permissions.Receivables, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new SendReminderRequest(2, ["compta@durand.example"], null, null), 201, Manual);

        invoices.MapPost("/{id:guid}/late-fees", async Task<Created<LateFeeInvoiceResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var fee = await mediator.Send(new CreateLateFeeInvoiceCommand(id), ct);
                return TypedResults.Created($"/api/v1/invoices/{fee.FeeInvoiceId}", fee);
            })
            .WithName("InvoiceLateFees")
            .WithSummary("Invoice the late-payment interest and the indemnity")
            .WithDescription("Creates a draft direct invoice to the same customer, payable on receipt, with the interest accrued until today (\"Intérêts de retard sur la facture FA-… du … au … : N jours au taux de X %\") and, once per invoice, the 40 € recovery indemnity (art. D441-5 du Code de commerce); both lines are outside the scope of VAT (category O, 0 %, \"Hors champ d'application de la TVA\"). A later call invoices only the days after the last period invoiced; deleting the draft frees its period again. Review and validate it like any invoice. 422 `late_fees_business_only` for an individual, 409 `late_fees_nothing_to_invoice` when nothing has accrued.")
            .RequirePermission(Permissions.Receivables, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(null, 201, new LateFeeInvoiceResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000f9"), InvoiceId, new DateOnly(2026, 5, 8),
                new DateOnly(2026, 5, 20), 12, 12.15m, 6.98m, 40m, 46.98m));
    }
}
