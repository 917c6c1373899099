using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

/// <summary>Builds the responses of the billing side of contracts: the settings, and a contract's periods.</summary>
public sealed class ContractBillingReader(KobanDbContext db, CompanyClock clock)
{
    public static ContractBillingSettingsResponse Settings(ContractBillingSettings? stored) =>
        new ContractBillingSettingsView(stored ?? ContractBillingSettings.Default(), stored is not null).MapTo<ContractBillingSettingsResponse>();

    /// <summary>
    /// Every period of the contract in order: those billed, with their invoice (number, status, total including VAT); the
    /// others of its terms so far, due (billing date come) or upcoming, with what they would bill at today's prices; and,
    /// for a contract renewing tacitly, none of the next term (it does not exist yet).
    /// </summary>
    public async Task<IReadOnlyList<ContractPeriodResponse>> PeriodsAsync(Contract contract, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var today = await clock.TodayAsync(ct);
        var rows = await db.ContractPeriods.AsNoTracking().Where(p => p.ContractId == contract.Id).ToListAsync(ct);
        var invoiceIds = rows.Where(r => r.InvoiceId != null).Select(r => r.InvoiceId!.Value).ToList();
        var invoices = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => invoiceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Status, i.TotalIncludingVat }).ToDictionaryAsync(i => i.Id, ct);
        var lines = contract.Lines.Select(l => l.ToData()).ToList();
        var result = rows.Select(r =>
        {
            var invoice = r.InvoiceId is { } id && invoices.TryGetValue(id, out var found) ? found : null;
            return new ContractPeriodResponse(r.Id, r.TermNumber, r.PeriodStart, r.PeriodEnd, r.BillingDate, r.ProRataFactor, r.AmountExcludingVat, ContractPeriodState.Invoiced,
                r.InvoiceId, invoice?.Number, invoice?.Status, invoice?.TotalIncludingVat);
        }).ToList();
        var billed = rows.Select(r => r.PeriodStart).ToHashSet();
        if (contract.Status != ContractStatus.Draft)
        {
            result.AddRange(ContractPeriods.OfContract(contract).Where(p => !billed.Contains(p.Period.Start)).Select(p => new ContractPeriodResponse(null, p.Term, p.Period.Start,
                p.Period.End, p.Period.BillingDate, p.Period.ProRataFactor, ContractPeriods.AmountOf(lines, p.Period),
                p.Period.BillingDate <= today ? ContractPeriodState.Due : ContractPeriodState.Upcoming, null, null, null, null)));
        }
        return [.. result.OrderBy(p => p.Start)];
    }
}
