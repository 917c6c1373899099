using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Receivables;
using Koban.Domain.Receivables.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Reminders;

/// <summary>
/// One pass of the automatic reminders: for every company that switched them on, every validated invoice with
/// something outstanding, not disputed, past its due date by the company's "today" (<see cref="TimeProvider"/>, in the
/// company's time zone), gets what <see cref="ReminderPolicy"/> decides. Safe to run on several instances at once and to
/// re-run: the unique key (invoice, level) decides, in the transaction that queues the e-mail.
/// </summary>
public sealed class ReminderRunner(CompanyWorkRunner companies, ILogger<ReminderRunner> logger)
{
    public const string ActorName = "Relances automatiques";

    /// <summary>Returns the number of reminders this call queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var ids = await companies.ReadAsSystemAsync((db, c) => db.ReminderSettings.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Enabled).OrderBy(s => s.CompanyId).Select(s => s.CompanyId).ToListAsync(c), ct);
        var pass = await companies.ForEachCompanyAsync(ids, ActorName, "Automatic reminders", (company, c) => RunCompanyAsync(company, c), ct);
        return pass.Completed.Sum(r => r.Result);
    }

    /// <summary>The reminders of one company: the due ones are decided in the company's scope, then each is queued in a
    /// scope of its own, so one invoice that fails does not stop the others.</summary>
    private async Task<int> RunCompanyAsync(CompanyScope company, CancellationToken ct)
    {
        var companyId = company.CompanyId;
        var reminders = company.Services.GetRequiredService<ReminderService>();
        var db = company.Services.GetRequiredService<KobanDbContext>();
        var settings = await reminders.SettingsAsync(ct);
        if (!settings.Enabled || settings.Levels.Count == 0) return 0;
        var today = await reminders.TodayAsync(ct);
        var latestDue = today.AddDays(-settings.Levels.Min(l => l.DaysAfterDue));
        var items = await db.ReceivableItems.AsNoTracking()
            .Where(i => i.Kind == ReceivableKind.Invoice && !i.Cancelled && !i.Disputed && i.Outstanding > 0m && i.DueDate != null && i.DueDate <= latestDue)
            .Select(i => new { i.SourceId, i.DueDate, i.Outstanding, i.Disputed, i.CustomerId })
            .ToListAsync(ct);
        var ids = items.Select(i => i.SourceId).ToList();
        var recorded = (await db.InvoiceReminders.AsNoTracking().Where(r => ids.Contains(r.InvoiceId) && r.Level != null)
                .Select(r => new { r.InvoiceId, Level = r.Level!.Value }).ToListAsync(ct))
            .ToLookup(r => r.InvoiceId, r => r.Level);
        var kinds = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Buyer }).ToDictionaryAsync(i => i.Id, i => i.Buyer?.IsBusiness ?? true, ct);
        var due = new List<(Guid InvoiceId, ReminderDecision Decision)>();
        foreach (var item in items)
        {
            var kind = kinds.GetValueOrDefault(item.SourceId, true) ? Koban.Domain.Customers.CustomerKind.Business : Koban.Domain.Customers.CustomerKind.Individual;
            var decision = ReminderPolicy.Decide(new ReminderSituation(item.DueDate!.Value, item.Outstanding, item.Disputed, kind), settings.Levels,
                [.. recorded[item.SourceId]], today);
            if (decision is not null) due.Add((item.SourceId, decision));
        }

        var sent = 0;
        foreach (var (invoiceId, decision) in due)
        {
            await using var scope = companies.OpenCompanyScope(companyId, ActorName);
            var service = scope.ServiceProvider.GetRequiredService<ReminderService>();
            try
            {
                var invoice = await service.InvoiceAsync(invoiceId, ct);
                if (invoice.Item.Outstanding <= 0m || invoice.Item.Disputed) continue; // paid or disputed since the list was read
                if (await service.SendAutomaticAsync(invoice, decision, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reminder of invoice {InvoiceId} could not be queued; the next run tries again", invoiceId);
            }
        }
        return sent;
    }
}
