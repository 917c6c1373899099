using System.Globalization;
using FluentValidation;
using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record InvoiceProjectTimeCommand(Guid ProjectId, InvoiceTimeRequest Request) : ICommand<InvoiceTimeResponse>;

public sealed class InvoiceProjectTimeValidator : AbstractValidator<InvoiceProjectTimeCommand>
{
    public InvoiceProjectTimeValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new InvoiceTimeRequestValidator()).OverridePropertyName("");
}

/// <summary>
/// Turns a project's billable time not yet invoiced into invoice lines — one line per person, hours (minutes ÷ 60, 3
/// decimals) at the project's rate — on a draft invoice (<see cref="AddTimeToInvoiceCommand"/>), and locks the entries
/// on it, in one transaction under a row lock on the project: two parallel requests never put the same time on two invoices.
/// </summary>
public sealed class InvoiceProjectTimeHandler(KobanDbContext db, AuditLog audit, TimeEntryWriter writer, IMediator mediator)
    : ICommandHandler<InvoiceProjectTimeCommand, InvoiceTimeResponse>
{
    public async ValueTask<InvoiceTimeResponse> Handle(InvoiceProjectTimeCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await writer.LockProjectAsync(command.ProjectId, null, cancellationToken);
        var query = db.TimeEntries.Where(e => e.ProjectId == project.Id);
        List<TimeEntry> entries;
        if (r.EntryIds is { Count: > 0 } ids)
        {
            var found = await query.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
            for (var i = 0; i < ids.Count; i++)
            {
                var entry = found.GetValueOrDefault(ids[i]) ?? throw new ReferenceNotFoundException($"entryIds[{i}]");
                entry.EnsureUnlocked($"entryIds[{i}]");
                if (!entry.Billable) throw new DomainConflictException(ErrorCodes.TimeEntryNotBillable, "Not billable.") { Field = $"entryIds[{i}]" };
            }
            entries = [.. found.Values];
        }
        else
        {
            query = query.Where(e => e.Billable && e.InvoiceId == null);
            if (r.UpTo is { } upTo) query = query.Where(e => e.Date <= upTo);
            entries = await query.ToListAsync(cancellationToken);
        }
        if (r.UpTo is { } limit) entries = [.. entries.Where(e => e.Date <= limit)];
        if (entries.Count == 0) throw new DomainConflictException(ErrorCodes.TimeNothingToInvoice, "No billable time left to invoice.") { Field = r.EntryIds is { Count: > 0 } ? "entryIds" : "upTo" };

        var userIds = entries.Select(e => e.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var lines = entries.GroupBy(e => e.UserId)
            .OrderBy(g => names.GetValueOrDefault(g.Key, ""), StringComparer.Ordinal)
            .Select(g => new TimeInvoiceLine(
                $"{project.Name} — {names.GetValueOrDefault(g.Key, "")} — {Period(g.Min(e => e.Date), g.Max(e => e.Date))}",
                TimeRules.Hours(g.Sum(e => e.Minutes)), project.HourlyRate, project.VatRate))
            .ToList();
        var orderNumber = project.OrderId is { } orderId ? await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == orderId).Select(o => o.Number).SingleAsync(cancellationToken) : null;
        var heading = orderNumber is null ? $"Projet {project.Name}" : $"Projet {project.Name} (commande {orderNumber})";
        var result = await mediator.Send(new AddTimeToInvoiceCommand(r.InvoiceId, project.CustomerId, project.OrderId, heading, entries.Max(e => e.Date), lines), cancellationToken);
        foreach (var entry in entries) entry.LockOn(result.InvoiceId);
        audit.Record("project.time_invoiced", "project", project.Id, after: new { result.InvoiceId, entries = entries.Count, minutes = entries.Sum(e => e.Minutes), result.AddedExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new InvoiceTimeResponse(result.InvoiceId, result.Created, entries.Count, lines.Sum(l => l.Hours), result.AddedExcludingVat,
            [.. entries.OrderBy(e => e.Date).ThenBy(e => e.Id).Select(e => e.Id)]);
    }

    private static string Period(DateOnly from, DateOnly to)
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        return from == to ? $"le {from.ToString("dd/MM/yyyy", fr)}" : $"du {from.ToString("dd/MM/yyyy", fr)} au {to.ToString("dd/MM/yyyy", fr)}";
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("/{id:guid}/invoice-time", async Task<Ok<InvoiceTimeResponse>> (Guid id, InvoiceTimeRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new InvoiceProjectTimeCommand(id, body), ct)))
            .WithName("InvoiceProjectTime")
            .WithSummary("Invoice a project's billable time")
            .WithDescription("Takes the project's billable entries not yet invoiced — all of them up to `upTo` (inclusive), or exactly `entryIds` (each of this project, billable — 409 `time_entry_not_billable` — and not yet invoiced — 409 `time_entry_locked`) — and bills them at the project's `hourlyRate` and `vatRate`: a title line \"Projet <name> (commande <number>)\", then one line per person, \"<project> — <person> — du <first day> au <last day>\", quantity in hours (minutes ÷ 60 rounded to 3 decimals), unit `HUR`, a service. With `invoiceId` the lines are added to that draft invoice (a draft of the project's customer, direct or of the project's order; else 409 `time_invoice_not_applicable`); without it a new direct draft is created for the project's customer, its date of service the last day invoiced. The entries are then locked on that invoice (changing or deleting them: 409 `time_entry_locked`); deleting the draft invoice unlocks them, removing a line from it does not. Nothing to invoice: 409 `time_nothing_to_invoice`. Under a row lock on the project: two parallel requests make one invoice, the other answers 409.")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(ProjectsExamples.InvoiceTimeRequest, 200, ProjectsExamples.InvoiceTime);
}
