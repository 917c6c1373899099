using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Customers;
using Koban.Domain.Receivables.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Reminders;

/// <summary>Builds every response of the Reminders feature: the settings, reminders with their invoice and customer, an
/// invoice's reminders with its late-payment interest, a fee invoice.</summary>
public sealed class RemindersReader(KobanDbContext db, ReminderService reminders)
{
    public static ReminderSettingsResponse Settings(ReminderSettings settings, bool configured) =>
        new(settings.Enabled, configured, [.. settings.Levels.Select(ReminderLevelSettings.From)], ReminderTemplate.Placeholders);

    /// <summary>The newest <paramref name="limit"/> reminders of <paramref name="source"/>: one query for them, one for their
    /// invoices' numbers, one for their customers' names.</summary>
    public async Task<List<InvoiceReminderResponse>> RemindersAsync(IQueryable<InvoiceReminder> source, int limit, CancellationToken ct)
    {
        var rows = await source.AsNoTracking().OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(limit).ToListAsync(ct);
        var invoiceIds = rows.Select(x => x.InvoiceId).Distinct().ToList();
        var numbers = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => invoiceIds.Contains(i.Id)).Select(i => new { i.Id, i.Number })
            .ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        var customerIds = rows.Select(x => x.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. rows.Select(x => new ReminderRow(x, numbers.GetValueOrDefault(x.InvoiceId), names.GetValueOrDefault(x.CustomerId)).MapTo<InvoiceReminderResponse>())];
    }

    /// <summary>An invoice's reminders (newest first) and the late-payment interest it has accrued today, net of what was
    /// already invoiced (the indemnity is invoiced once).</summary>
    public async Task<InvoiceRemindersResponse> InvoiceAsync(Guid invoiceId, CancellationToken ct)
    {
        var r = await reminders.InvoiceAsync(invoiceId, ct);
        var today = await reminders.TodayAsync(ct);
        var history = await RemindersAsync(db.InvoiceReminders.Where(x => x.InvoiceId == invoiceId), 500, ct);
        var claims = await db.LateFeeClaims.AsNoTracking().Where(c => c.InvoiceId == invoiceId).ToListAsync(ct);
        var lastClaimed = claims.Count == 0 ? (DateOnly?)null : claims.Max(c => c.InterestTo);
        var interest = await reminders.InterestAsync(r, today, lastClaimed, ct);
        var indemnityInvoiced = claims.Any(c => c.Indemnity > 0m);
        var late = new LateInterestView(interest, indemnityInvoiced ? 0m : interest.Indemnity, claims.Sum(c => c.Interest), indemnityInvoiced,
            r.CustomerKind == CustomerKind.Business).MapTo<LateInterestResponse>();
        return new InvoiceRemindersView(r, today, history, late).MapTo<InvoiceRemindersResponse>();
    }
}
