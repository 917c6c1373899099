using System.Globalization;
using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Receivables.Reminders;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

/// <summary>The settings and their version for the <c>ETag</c>: 0 while the company never saved them.</summary>
public sealed record GetReminderSettingsQuery : IQuery<(ReminderSettingsResponse Settings, uint Version)>;

/// <summary>Saves the settings if they are still at <paramref name="ExpectedVersion"/> (0: never saved).</summary>
public sealed record UpdateReminderSettingsCommand(uint ExpectedVersion, UpdateReminderSettingsRequest Request) : ICommand<(ReminderSettingsResponse Settings, uint Version)>;

public sealed class UpdateReminderSettingsCommandValidator : AbstractValidator<UpdateReminderSettingsCommand>
{
    public UpdateReminderSettingsCommandValidator()
    {
        RuleFor(c => c.Request).NotNull();
        RuleFor(c => c.Request.Levels).NotNull().OverridePropertyName("levels");
        RuleForEach(c => c.Request.Levels).ChildRules(l =>
        {
            l.RuleFor(x => x.Name).MaximumLength(200);
            l.RuleFor(x => x.Subject).MaximumLength(500);
            l.RuleFor(x => x.Body).MaximumLength(10000);
        }).OverridePropertyName("levels");
    }
}

public sealed record InvoiceRemindersQuery(Guid InvoiceId) : IQuery<InvoiceRemindersResponse>;

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

public sealed record ListRemindersQuery(int Limit, Guid? CustomerId, ReminderStatus? Status) : IQuery<ReminderListResponse>;

public sealed record CreateLateFeeInvoiceCommand(Guid InvoiceId) : ICommand<LateFeeInvoiceResponse>;

public sealed class ReminderHandlers(KobanDbContext db, ReminderService reminders, AuditLog audit, CurrentActor actor, TimeProvider clock)
    : IQueryHandler<GetReminderSettingsQuery, (ReminderSettingsResponse Settings, uint Version)>,
      ICommandHandler<UpdateReminderSettingsCommand, (ReminderSettingsResponse Settings, uint Version)>,
      IQueryHandler<InvoiceRemindersQuery, InvoiceRemindersResponse>,
      ICommandHandler<SendReminderCommand, InvoiceReminderResponse>,
      IQueryHandler<ListRemindersQuery, ReminderListResponse>,
      ICommandHandler<CreateLateFeeInvoiceCommand, LateFeeInvoiceResponse>
{
    public async ValueTask<(ReminderSettingsResponse Settings, uint Version)> Handle(GetReminderSettingsQuery query, CancellationToken cancellationToken)
    {
        var stored = await db.ReminderSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return (ToResponse(stored ?? ReminderSettings.Default(), stored is not null), stored?.Version ?? 0);
    }

    public async ValueTask<(ReminderSettingsResponse Settings, uint Version)> Handle(UpdateReminderSettingsCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var levels = r.Levels.Select(l => l.ToDomain()).ToList();
        var settings = await db.ReminderSettings.SingleOrDefaultAsync(cancellationToken);
        if ((settings?.Version ?? 0) != command.ExpectedVersion) throw new PreconditionFailedException();
        var before = settings is null ? null : new { settings.Enabled, levels = settings.Levels.Select(l => new { l.Level, l.Name, l.DaysAfterDue }).ToArray() };
        if (settings is null)
        {
            settings = ReminderSettings.Create(r.Enabled, levels);
            db.ReminderSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(x => x.Version).OriginalValue = command.ExpectedVersion;
            settings.Update(r.Enabled, levels);
        }
        audit.Record("reminders.settings_updated", "company", actor.RequireCompanyId(), before,
            new { settings.Enabled, levels = settings.Levels.Select(l => new { l.Level, l.Name, l.DaysAfterDue }).ToArray() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new PreconditionFailedException(); // saved for the first time by someone else meanwhile
        }
        return (ToResponse(settings, true), settings.Version);
    }

    public async ValueTask<InvoiceRemindersResponse> Handle(InvoiceRemindersQuery query, CancellationToken cancellationToken)
    {
        var r = await reminders.InvoiceAsync(query.InvoiceId, cancellationToken);
        var today = await reminders.TodayAsync(cancellationToken);
        var history = await ListAsync(db.InvoiceReminders.Where(x => x.InvoiceId == query.InvoiceId), 500, cancellationToken);
        var claims = await db.LateFeeClaims.AsNoTracking().Where(c => c.InvoiceId == query.InvoiceId).ToListAsync(cancellationToken);
        var lastClaimed = claims.Count == 0 ? (DateOnly?)null : claims.Max(c => c.InterestTo);
        var interest = await reminders.InterestAsync(r, today, lastClaimed, cancellationToken);
        var indemnityInvoiced = claims.Any(c => c.Indemnity > 0m);
        var late = new LateInterestResponse(interest.From, interest.To, interest.Days, interest.AnnualRate, interest.Interest,
            indemnityInvoiced ? 0m : interest.Indemnity, interest.Interest + (indemnityInvoiced ? 0m : interest.Indemnity),
            [.. interest.Segments.Select(s => new LateInterestSegmentResponse(s.From, s.To, s.Days, s.Balance, s.Interest))],
            claims.Sum(c => c.Interest), indemnityInvoiced, r.CustomerKind == CustomerKind.Business);
        return new InvoiceRemindersResponse(r.Invoice.Id, r.Invoice.Number!, r.Situation.DueDate, r.Item.DaysLate(today), r.Item.Outstanding, r.Item.Disputed,
            history, late);
    }

    public async ValueTask<InvoiceReminderResponse> Handle(SendReminderCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var reminder = await reminders.SendManualAsync(command.InvoiceId, r.Level, r.To, Blank(r.Subject), Blank(r.Message), cancellationToken);
        return (await ListAsync(db.InvoiceReminders.Where(x => x.Id == reminder.Id), 1, cancellationToken)).Single();
    }

    public async ValueTask<ReminderListResponse> Handle(ListRemindersQuery query, CancellationToken cancellationToken)
    {
        var source = db.InvoiceReminders.AsQueryable();
        if (query.CustomerId is { } customerId) source = source.Where(x => x.CustomerId == customerId);
        if (query.Status is { } status) source = source.Where(x => x.Status == status);
        return new ReminderListResponse(await ListAsync(source, Math.Clamp(query.Limit, 1, 200), cancellationToken));
    }

    /// <summary>
    /// A draft direct invoice to the same customer with the interest accrued since the due date (or since the last claim)
    /// and, once per invoice, the 40 € indemnity: both outside the scope of VAT (category O, 0 %), worded so.
    /// </summary>
    public async ValueTask<LateFeeInvoiceResponse> Handle(CreateLateFeeInvoiceCommand command, CancellationToken cancellationToken)
    {
        var r = await reminders.InvoiceAsync(command.InvoiceId, cancellationToken);
        if (r.CustomerKind != CustomerKind.Business)
            throw new DomainException(ErrorCodes.LateFeesBusinessOnly, "Late fees apply to business customers only.");
        var today = await reminders.TodayAsync(cancellationToken);
        var claims = await db.LateFeeClaims.AsNoTracking().Where(c => c.InvoiceId == command.InvoiceId).ToListAsync(cancellationToken);
        var lastClaimed = claims.Count == 0 ? (DateOnly?)null : claims.Max(c => c.InterestTo);
        var result = await reminders.InterestAsync(r, today, lastClaimed, cancellationToken);
        var withIndemnity = result.Indemnity > 0m && !claims.Any(c => c.Indemnity > 0m);
        if (result.Interest <= 0m && !withIndemnity)
            throw new DomainConflictException(ErrorCodes.LateFeesNothingToInvoice, "Nothing to invoice.");

        var number = r.Invoice.Number!;
        var lines = new List<BillingLineData>();
        if (result.Interest > 0m)
        {
            var description = string.Create(CultureInfo.InvariantCulture,
                $"Intérêts de retard sur la facture {number} du {FrenchFormat.Date(result.From.AddDays(1))} au {FrenchFormat.Date(result.To)} : {result.Days} jours au taux de {Percent(result.AnnualRate)}\nHors champ d'application de la TVA");
            lines.Add(FeeLine(description, result.Interest, LateFeeKind.Interest));
        }
        if (withIndemnity)
        {
            lines.Add(FeeLine($"Indemnité forfaitaire pour frais de recouvrement (art. D441-5 du Code de commerce), facture {number}\nHors champ d'application de la TVA",
                LateInterest.RecoveryIndemnity, LateFeeKind.RecoveryIndemnity));
        }
        // the invoice charged is cited in the header text, not as the customer's reference (its purchase order number)
        var header = new BillingHeaderData(PaymentTerms: new PaymentTerms(PaymentTermsKind.OnReceipt, 0), PaymentMethod: r.Invoice.PaymentMethod,
            HeaderText: $"Pénalités de retard de la facture n° {number} du {FrenchFormat.Date(r.Invoice.IssueDate!.Value)}", Comment: $"Pénalités de retard de la facture {number}");
        var fee = Invoice.Direct(r.Invoice.CustomerId, header, lines, businessCustomer: true, clock.GetUtcNow());
        db.Invoices.Add(fee);
        db.LateFeeClaims.Add(LateFeeClaim.For(r.Invoice.Id, fee.Id, result, withIndemnity, clock.GetUtcNow()));
        audit.Record("invoice.created", "invoice", fee.Id, after: new { fee.Kind, lateFeesOf = r.Invoice.Id, number, result.From, result.To, result.Interest, indemnity = withIndemnity ? 40m : 0m });
        await db.SaveChangesAsync(cancellationToken);
        return new LateFeeInvoiceResponse(fee.Id, r.Invoice.Id, result.From, result.To, result.Days, result.AnnualRate, result.Interest, withIndemnity ? LateInterest.RecoveryIndemnity : 0m,
            fee.TotalIncludingVat);
    }

    private static BillingLineData FeeLine(string description, decimal amount, LateFeeKind fee) =>
        new(new DocumentLineData(LineKind.Free, null, description, 1m, UnitCode.Piece, amount, 0m, 0m, VatCategory.OutsideScope), Nature: ProductNature.Service, LateFee: fee);

    private static string Percent(decimal rate) => rate.ToString("0.##", CultureInfo.InvariantCulture).Replace(".", ",", StringComparison.Ordinal) + " %";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<List<InvoiceReminderResponse>> ListAsync(IQueryable<InvoiceReminder> source, int limit, CancellationToken ct)
    {
        var rows = await source.AsNoTracking().OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(limit).ToListAsync(ct);
        var invoiceIds = rows.Select(x => x.InvoiceId).Distinct().ToList();
        var numbers = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => invoiceIds.Contains(i.Id)).Select(i => new { i.Id, i.Number })
            .ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        var customerIds = rows.Select(x => x.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. rows.Select(x => new InvoiceReminderResponse(x.Id, x.InvoiceId, numbers.GetValueOrDefault(x.InvoiceId), x.CustomerId, names.GetValueOrDefault(x.CustomerId),
            x.Level, x.TemplateLevel, x.LevelName, x.Status, x.DaysLate, x.AmountDue, x.OutboxMessageId, x.Recipients, x.Subject, x.CreatedAt, x.CreatedByName))];
    }

    private static ReminderSettingsResponse ToResponse(ReminderSettings s, bool configured) =>
        new(s.Enabled, configured, [.. s.Levels.Select(ReminderLevelSettings.From)], ReminderTemplate.Placeholders);
}
