using FluentValidation;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables.Reminders;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Reminders;

public sealed record SendReminderCommand(Guid InvoiceId, SendReminderRequest Request) : ICommand<InvoiceReminderResponse>;

public sealed class SendReminderCommandValidator : AbstractValidator<SendReminderCommand>
{
    public SendReminderCommandValidator()
    {
        RuleFor(c => c.Request).NotNull();
        RuleFor(c => c.Request.Level).InclusiveBetween(1, ReminderLevels.MaxLevels).When(c => c.Request?.Level is not null).OverridePropertyName("level");
        RuleFor(c => c.Request.To!.Count).LessThanOrEqualTo(20).When(c => c.Request?.To is not null).OverridePropertyName("to");
        RuleForEach(c => c.Request.To).NotEmpty().EmailAddress().Must(Infrastructure.Mail.MailOutbox.IsValidAddress).OverridePropertyName("to");
        RuleFor(c => c.Request.Subject).MaximumLength(500).OverridePropertyName("subject");
        RuleFor(c => c.Request.Message).MaximumLength(10000).OverridePropertyName("message");
    }
}

/// <summary>A reminder sent by a user, outside the automatic sequence.</summary>
public sealed class SendReminderHandler(KobanDbContext db, ReminderService reminders, RemindersReader reader) : ICommandHandler<SendReminderCommand, InvoiceReminderResponse>
{
    public async ValueTask<InvoiceReminderResponse> Handle(SendReminderCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var reminder = await reminders.SendManualAsync(command.InvoiceId, r.Level, r.To, Blank(r.Subject), Blank(r.Message), cancellationToken);
        return (await reader.RemindersAsync(db.InvoiceReminders.Where(x => x.Id == reminder.Id), 1, cancellationToken)).Single();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class SendInvoiceReminder
{
    public static void Map(RouteGroupBuilder invoices) =>
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
            .WithExamples(RemindersExamples.Send, 201, RemindersExamples.Manual);
}
