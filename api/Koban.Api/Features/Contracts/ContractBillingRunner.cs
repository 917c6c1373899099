using Koban.Api.Features.Common;
using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Common;
using Koban.Domain.Contracts;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Contracts;

/// <summary>
/// One pass of contract billing (docs/contracts.md, "Periods and invoices"). For every contract that is not a draft, in
/// the company's "today" (<see cref="CompanyClock"/> on <see cref="TimeProvider"/>):
/// <list type="number">
/// <item>every period of its terms whose billing date has come and that has no row yet gets its row and its draft invoice
/// in one transaction — several after days without runs, each with its own service dates; the unique key
/// (contract_id, period_start) makes a second instance's insert fail, and that instance skips the period;</item>
/// <item>then, at a term end passed, the contract renews tacitly (prices revised) or expires, and step 1 runs again for
/// the new term — so each period is billed at the prices of its own term;</item>
/// <item>when the company's setting says so, each new invoice is then validated and e-mailed through the Invoicing use
/// cases; a refusal (a mandatory mention missing, no billing e-mail) leaves the draft, or the validated invoice unsent,
/// for the accountant, and is logged;</item>
/// <item>the owner of an active contract is e-mailed once per term when the notice deadline is near.</item>
/// </list>
/// Safe on several instances at once and on re-runs. A terminated or expired contract bills nothing after its last day.
/// </summary>
public sealed class ContractBillingRunner(CompanyWorkRunner companies, ILogger<ContractBillingRunner> logger)
{
    public const string ActorName = "Facturation des contrats";

    /// <summary>A pass over every company with contracts; returns the periods billed by this call.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var ids = await companies.ReadAsSystemAsync((db, c) => db.Contracts.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Status != ContractStatus.Draft).Select(x => x.CompanyId).Distinct().OrderBy(id => id).ToListAsync(c), ct);
        var pass = await companies.ForEachCompanyAsync(ids, ActorName, "Contract billing", async (company, c) =>
        {
            var billed = 0;
            foreach (var contractId in await ContractIdsAsync(company.Services.GetRequiredService<KobanDbContext>(), c))
            {
                try
                {
                    billed += (await BillContractAsync(company.CompanyId, contractId, ActorName, null, c)).Count;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Billing of contract {ContractId} failed; the next run tries again", contractId);
                }
            }
            await RemindNoticeDeadlinesAsync(company.CompanyId, c);
            return billed;
        }, ct);
        return pass.Completed.Sum(r => r.Result);
    }

    private static Task<List<Guid>> ContractIdsAsync(KobanDbContext db, CancellationToken ct) =>
        db.Contracts.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Status != ContractStatus.Draft).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

    /// <summary>Bills every due period of one contract (renewing or expiring it at its term ends), as the job does; the
    /// manual trigger calls it for the user's company. Returns the periods this call billed, in order.</summary>
    public async Task<IReadOnlyList<ContractPeriodInvoiceResponse>> BillContractAsync(Guid companyId, Guid contractId, string actorName, Guid? userId, CancellationToken ct)
    {
        var billed = new List<ContractPeriodInvoiceResponse>();
        // One turn per term: bill the due periods of the terms known, then renew or expire; a renewal starts another turn.
        for (var turn = 0; turn <= Contract.MaximumTermMonths; turn++)
        {
            await using var scope = companies.OpenCompanyScope(companyId, actorName, userId);
            var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
            var today = await scope.ServiceProvider.GetRequiredService<CompanyClock>().TodayAsync(ct);
            var contract = await db.Contracts.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contractId, ct);
            if (contract is null || contract.Status == ContractStatus.Draft) return billed;
            var done = (await db.ContractPeriods.AsNoTracking().Where(p => p.ContractId == contractId).Select(p => p.PeriodStart).ToListAsync(ct)).ToHashSet();
            foreach (var (term, period) in ContractPeriods.OfContract(contract).Where(p => p.Period.BillingDate <= today && !done.Contains(p.Period.Start)))
            {
                if (await BillPeriodAsync(companyId, contractId, term, period, actorName, userId, ct) is { } result) billed.Add(result);
            }

            var renewed = contract.RenewTacitly(today) is not null;
            if (!renewed && !contract.ExpireIfDue(today)) return billed;
            try
            {
                scope.ServiceProvider.GetRequiredService<AuditLog>().Record(renewed ? "contract.renewed" : "contract.expired", "contract", contract.Id,
                    after: new { contract.Status, contract.TermNumber, contract.CurrentTermStart, contract.CurrentTermEnd, contract.EndDate, tacit = renewed });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another instance renewed or expired it first: read it again.
            }
            if (!renewed) return billed;
        }
        return billed;
    }

    /// <summary>The period's row and draft invoice in one transaction; null when another instance billed it first. Then,
    /// by the company's setting, validation and e-mail, each in its own transaction.</summary>
    private async Task<ContractPeriodInvoiceResponse?> BillPeriodAsync(Guid companyId, Guid contractId, int termNumber, BillingPeriod period, string actorName, Guid? userId,
        CancellationToken ct)
    {
        ContractPeriod row;
        ContractInvoicing mode;
        string reference;
        await using (var scope = companies.OpenCompanyScope(companyId, actorName, userId))
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<KobanDbContext>();
            var contract = await db.Contracts.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == contractId, ct);
            reference = contract.Reference;
            mode = (await db.ContractBillingSettings.AsNoTracking().SingleOrDefaultAsync(ct))?.Invoicing ?? ContractInvoicing.Draft;
            var lines = contract.Lines.Select(l => l.ToData()).ToList();
            var order = contract.OrderId is { } orderId
                ? await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.Number, o.CustomerReference }).SingleOrDefaultAsync(ct)
                : null;
            var (orderNumber, customerReference) = (order?.Number, order?.CustomerReference);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            row = ContractPeriod.Billed(contractId, termNumber, period, ContractPeriods.AmountOf(lines, period), services.GetRequiredService<TimeProvider>().GetUtcNow());
            db.ContractPeriods.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return null; // billed by another instance meanwhile
            }
            var created = await services.GetRequiredService<IMediator>().Send(new CreateContractPeriodInvoiceCommand(contract.CustomerId,
                ContractBilling.HeaderText(contract.Reference, orderNumber, period), customerReference,
                [.. lines.Select(l => ContractPeriods.InvoiceLine(l, period))], $"Contrat {contract.Reference}"), ct);
            row.AttachInvoice(created.InvoiceId);
            services.GetRequiredService<AuditLog>().Record("contract.period_billed", "contract", contractId,
                after: new { period.Start, period.End, period.BillingDate, row.ProRataFactor, row.AmountExcludingVat, invoiceId = created.InvoiceId });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        string? number = null;
        var status = BillingStatus.Draft;
        var sent = false;
        if (mode == ContractInvoicing.ValidateAndSend)
        {
            try
            {
                await using var scope = companies.OpenCompanyScope(companyId, actorName, userId);
                var validated = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ValidateInvoiceCommand(row.InvoiceId!.Value), ct);
                (number, status) = (validated.Number, validated.Status);
            }
            catch (DomainException e)
            {
                logger.LogWarning(e, "The invoice of contract {Reference} for {Start}–{End} stays a draft: {Code}", reference, period.Start, period.End, e.Code);
            }
            if (status == BillingStatus.Validated)
            {
                try
                {
                    await using var scope = companies.OpenCompanyScope(companyId, actorName, userId);
                    await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendInvoiceCommand(row.InvoiceId!.Value, new SendDocumentRequest()), ct);
                    sent = true;
                }
                catch (DomainException e)
                {
                    logger.LogWarning(e, "Invoice {Number} of contract {Reference} was not e-mailed: {Code}", number, reference, e.Code);
                }
            }
        }
        return new ContractPeriodInvoiceResponse(row.Id, contractId, reference, row.PeriodStart, row.PeriodEnd, row.BillingDate, row.ProRataFactor, row.AmountExcludingVat,
            row.InvoiceId!.Value, number, status, sent);
    }

    /// <summary>E-mails the owner of each active contract, not declined, whose notice deadline is within the company's
    /// lead days, once per contract and term (the unique key decides between instances).</summary>
    private async Task RemindNoticeDeadlinesAsync(Guid companyId, CancellationToken ct)
    {
        List<(Guid Id, int Term)> due;
        await using (var scope = companies.OpenCompanyScope(companyId, ActorName))
        {
            var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
            var today = await scope.ServiceProvider.GetRequiredService<CompanyClock>().TodayAsync(ct);
            var settings = await db.ContractBillingSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? ContractBillingSettings.Default();
            var active = await db.Contracts.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Status == ContractStatus.Active && c.RenewalDeclinedOn == null).ToListAsync(ct);
            var reminded = (await db.ContractNoticeReminders.AsNoTracking().Select(r => new { r.ContractId, r.TermNumber }).ToListAsync(ct))
                .Select(r => (r.ContractId, r.TermNumber)).ToHashSet();
            due = [.. active.Where(c => settings.NoticeReminderDue(c.NoticeDeadline, today) && !reminded.Contains((c.Id, c.TermNumber))).Select(c => (c.Id, c.TermNumber))];
        }
        foreach (var (contractId, term) in due)
        {
            try
            {
                await using var scope = companies.OpenCompanyScope(companyId, ActorName);
                await scope.ServiceProvider.GetRequiredService<ContractNoticeMail>().SendAsync(contractId, term, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The notice reminder of contract {ContractId} could not be queued; the next run tries again", contractId);
            }
        }
    }
}
