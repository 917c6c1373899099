using Koban.Api.Features.Invoicing;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Koban.Domain.Receivables.Reminders;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Reminders;

/// <summary>An overdue validated invoice as the reminders see it: its document, its customer's account row, its customer.</summary>
public sealed record ReminderInvoice(Invoice Invoice, ReceivableItem Item, string CustomerName, CustomerKind CustomerKind, string CompanyName)
{
    /// <summary>The penalty rate printed on the invoice (the company's at validation): the one the customer agreed to.</summary>
    public decimal PenaltyRate => Invoice.Seller?.LatePaymentPenaltyRate ?? Koban.Domain.Companies.Company.DefaultLatePaymentPenaltyRate;

    public ReminderSituation Situation => new(Item.DueDate ?? Invoice.DueDate ?? Item.Date, Item.Outstanding, Item.Disputed, CustomerKind);
}

/// <summary>
/// The reminders of the current company: settings, the texts of a reminder, sending one (automatically, idempotent by
/// the unique key (invoice, level), or by hand), and the late-payment interest an invoice has accrued.
/// </summary>
public sealed class ReminderService(KobanDbContext db, MailOutbox outbox, IMediator mediator, AuditLog audit, CurrentActor actor, CompanyClock companyClock,
    TimeProvider clock, ILogger<ReminderService> logger)
{
    public async Task<ReminderSettings> SettingsAsync(CancellationToken ct) =>
        await db.ReminderSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? ReminderSettings.Default();

    public Task<DateOnly> TodayAsync(CancellationToken ct) => companyClock.TodayAsync(ct);

    /// <summary>A validated invoice of the company with its account row; 404 when there is none.</summary>
    public async Task<ReminderInvoice> InvoiceAsync(Guid invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(i => i.Id == invoiceId, ct)
            ?? throw new NotFoundException("invoice", invoiceId);
        if (!invoice.IsValidated)
            throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "Only a validated invoice has reminders.");
        var item = await db.ReceivableItems.AsNoTracking().SingleOrDefaultAsync(i => i.SourceId == invoiceId && i.Kind == ReceivableKind.Invoice, ct)
            ?? throw new DomainConflictException(ErrorCodes.DocumentNotValidated, "This invoice has no amount due.");
        return await ContextAsync(invoice, item, ct);
    }

    private async Task<ReminderInvoice> ContextAsync(Invoice invoice, ReceivableItem item, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == invoice.CustomerId).Select(c => new { c.Name, c.Kind }).SingleAsync(ct);
        var company = await db.Companies.AsNoTracking().Select(c => c.LegalName).SingleAsync(ct);
        var kind = invoice.Buyer is { } buyer ? (buyer.IsBusiness ? CustomerKind.Business : CustomerKind.Individual) : customer.Kind;
        return new ReminderInvoice(invoice, item, invoice.Buyer?.Name ?? customer.Name, kind, company);
    }

    /// <summary>The subject and body of <paramref name="level"/> for this invoice today.</summary>
    public static (string Subject, string Body) Render(ReminderLevel level, ReminderInvoice r, int daysLate)
    {
        var penalties = r.CustomerKind == CustomerKind.Business ? ReminderTemplate.PenaltiesSentence(r.PenaltyRate) : string.Empty;
        var values = new ReminderValues(r.CustomerName, r.Invoice.Number!, r.Invoice.IssueDate!.Value, r.Situation.DueDate, r.Item.Outstanding,
            r.Invoice.TotalIncludingVat, Math.Max(0, daysLate), r.CompanyName, penalties);
        return (ReminderTemplate.Render(level.Subject, values), ReminderTemplate.Render(level.Body, values));
    }

    public async Task<List<string>> BillingContactAsync(Guid customerId, CancellationToken ct)
    {
        var email = await db.Set<Contact>().AsNoTracking().Where(c => c.CustomerId == customerId && c.IsBilling).Select(c => c.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email))
            throw new DomainException(ErrorCodes.NoRecipient, "The customer's billing contact has no e-mail address; give the recipients.") { Field = "to" };
        return [email];
    }

    private async Task<MailAttachment> ArchivedPdfAsync(Invoice invoice, CancellationToken ct)
    {
        var archived = await mediator.Send(new ArchiveDocumentPdfCommand(invoice.Id), ct);
        return MailAttachment.FromStoredFile(archived.FileId, archived.FileName, "application/pdf");
    }

    /// <summary>
    /// Records the decision for one invoice and queues its e-mail, all in one transaction: the skipped levels and the sent
    /// level are inserted with <c>ON CONFLICT (invoice_id, level) DO NOTHING</c>; if the sent level already exists
    /// (another instance, an earlier run that committed) everything is rolled back and nothing is queued. So a reminder is
    /// never sent without its row, nor recorded without its e-mail, and never twice.
    /// </summary>
    /// <returns>True when this call sent the reminder.</returns>
    public async Task<bool> SendAutomaticAsync(ReminderInvoice r, ReminderDecision decision, CancellationToken ct)
    {
        var to = await BillingContactAsync(r.Invoice.CustomerId, ct);
        var attachment = await ArchivedPdfAsync(r.Invoice, ct);
        var (subject, body) = Render(decision.Send, r, decision.DaysLate);
        var companyId = actor.RequireCompanyId();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var skipped in decision.Skip)
        {
            await InsertAsync(companyId, r, skipped, ReminderStatus.Skipped, decision.DaysLate, null, [], null, now, ct);
        }
        var emailId = await outbox.EnqueueAsync(new OutgoingMail
        {
            To = to,
            Subject = subject,
            TextBody = body,
            Attachments = [attachment],
            EntityType = "invoice",
            EntityId = r.Invoice.Id,
        }, ct);
        if (!await InsertAsync(companyId, r, decision.Send, ReminderStatus.Sent, decision.DaysLate, emailId, to, subject, now, ct))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
        audit.Record("invoice.reminded", "invoice", r.Invoice.Id, after: new
        {
            level = decision.Send.Level,
            name = decision.Send.Name,
            skipped = decision.Skip.Select(l => l.Level).ToArray(),
            daysLate = decision.DaysLate,
            amountDue = r.Item.Outstanding,
            emailId,
            to,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Reminder level {Level} of invoice {Number} queued ({DaysLate} days late)", decision.Send.Level, r.Invoice.Number, decision.DaysLate);
        return true;
    }

    private async Task<bool> InsertAsync(Guid companyId, ReminderInvoice r, ReminderLevel level, ReminderStatus status, int daysLate, Guid? emailId,
        List<string> recipients, string? subject, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var statusText = status.ToString();
        var actorName = ReminderRunner.ActorName;
        var inserted = await db.Database.SqlQuery<Guid>($"""
            INSERT INTO invoice_reminders (id, company_id, invoice_id, customer_id, level, template_level, level_name, status, days_late, amount_due,
                                           outbox_message_id, recipients, subject, created_at, created_by, created_by_name)
            VALUES ({id}, {companyId}, {r.Invoice.Id}, {r.Invoice.CustomerId}, {level.Level}, {level.Level}, {level.Name}, {statusText}, {daysLate},
                    {r.Item.Outstanding}, {emailId}, {recipients.ToArray()}, {subject}, {now}, {actor.UserId}, {actor.DisplayName ?? actorName})
            ON CONFLICT (invoice_id, level) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return inserted.Count == 1;
    }

    /// <summary>A reminder sent by a user: the texts of a level (or of the last level reached) unless given, to the billing
    /// contact unless recipients are given. Not tied to the automatic sequence: it neither blocks nor replaces a level.</summary>
    public async Task<InvoiceReminder> SendManualAsync(Guid invoiceId, int? level, IReadOnlyList<string>? to, string? subject, string? message, CancellationToken ct)
    {
        var r = await InvoiceAsync(invoiceId, ct);
        if (r.Item.Outstanding <= 0m)
            throw new DomainConflictException(ErrorCodes.ReminderNothingDue, "This invoice has nothing left to pay.");
        var settings = await SettingsAsync(ct);
        var today = await TodayAsync(ct);
        var daysLate = ReminderPolicy.DaysLate(r.Situation.DueDate, today);
        ReminderLevel template;
        if (level is { } chosen)
        {
            template = settings.Levels.SingleOrDefault(l => l.Level == chosen)
                ?? throw new DomainException(ErrorCodes.ReminderLevelUnknown, $"There is no reminder level {chosen}.")
                {
                    Field = "level",
                    Arguments = new Dictionary<string, object> { ["level"] = chosen, ["count"] = settings.Levels.Count },
                };
        }
        else
        {
            template = settings.Levels.LastOrDefault(l => l.DaysAfterDue <= daysLate) ?? settings.Levels[0];
        }
        if (subject is not null) ReminderTemplate.Validate(subject, "subject");
        if (message is not null) ReminderTemplate.Validate(message, "message");
        var rendered = Render(template with { Subject = subject ?? template.Subject, Body = message ?? template.Body }, r, daysLate);
        var recipients = to is { Count: > 0 } ? [.. to.Select(a => a.Trim())] : await BillingContactAsync(r.Invoice.CustomerId, ct);
        var attachment = await ArchivedPdfAsync(r.Invoice, ct);
        var emailId = await outbox.EnqueueAsync(new OutgoingMail
        {
            To = recipients,
            Subject = rendered.Subject,
            TextBody = rendered.Body,
            Attachments = [attachment],
            EntityType = "invoice",
            EntityId = r.Invoice.Id,
        }, ct);
        var reminder = InvoiceReminder.Manual(r.Invoice.Id, r.Invoice.CustomerId, template.Level, template.Name, Math.Max(0, daysLate), r.Item.Outstanding, emailId,
            recipients, rendered.Subject, clock.GetUtcNow(), actor.UserId, actor.DisplayName);
        db.InvoiceReminders.Add(reminder);
        audit.Record("invoice.reminded", "invoice", r.Invoice.Id, after: new { manual = true, templateLevel = template.Level, daysLate, amountDue = r.Item.Outstanding, emailId, to = recipients });
        await db.SaveChangesAsync(ct);
        return reminder;
    }

    /// <summary>The outstanding amount of the invoice over time, from its active allocations (payments, credit notes, write-offs).</summary>
    public async Task<List<OutstandingStep>> HistoryAsync(ReceivableItem item, CancellationToken ct)
    {
        var settled = await db.Allocations.AsNoTracking().Where(a => a.DebitItemId == item.Id && a.CancelledAt == null)
            .GroupBy(a => a.Date).Select(g => new { Date = g.Key, Amount = g.Sum(a => a.Amount) }).OrderBy(x => x.Date).ToListAsync(ct);
        var steps = new List<OutstandingStep> { new(item.Date, item.Amount) };
        var outstanding = item.Amount;
        foreach (var s in settled)
        {
            outstanding -= s.Amount;
            steps.Add(new OutstandingStep(s.Date, outstanding));
        }
        return steps;
    }

    /// <summary>Interest and indemnity accrued up to <paramref name="asOf"/>, counted after <paramref name="from"/> when given.</summary>
    public async Task<LateInterestResult> InterestAsync(ReminderInvoice r, DateOnly asOf, DateOnly? from, CancellationToken ct) =>
        LateInterest.Compute(r.Situation.DueDate, await HistoryAsync(r.Item, ct), r.PenaltyRate, r.CustomerKind, asOf, from);
}
