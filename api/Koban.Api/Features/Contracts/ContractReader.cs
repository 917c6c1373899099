using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

/// <summary>Builds every contract response: the contract with its customer's name, its order's number and its history,
/// summaries for lists, renewal items.</summary>
public sealed class ContractReader(KobanDbContext db)
{
    public async Task<Contract> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Contracts.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("contract", id);

    /// <summary>Locks the contract row (<c>SELECT … FOR UPDATE</c>) inside the caller's transaction, then loads it: two
    /// transitions of one contract queue, and the second sees what the first did.</summary>
    public async Task<Contract> LockAsync(Guid id, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A contract is locked inside a transaction.");
        var found = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM contracts WHERE id = {id} FOR UPDATE").ToListAsync(ct);
        if (found.Count == 0) throw new NotFoundException("contract", id);
        return await LoadAsync(id, ct);
    }

    public async Task<Versioned<ContractResponse>> ContractAsync(Guid id, DateOnly today, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("contract", id);
        return Versioned.Of(await ResponseAsync(contract, today, ct), contract.Version);
    }

    public async Task<ContractResponse> ResponseAsync(Contract contract, DateOnly today, CancellationToken ct)
    {
        var customerName = await db.Customers.IgnoreAutoIncludes().Where(c => c.Id == contract.CustomerId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        var orderNumber = contract.OrderId is { } orderId
            ? await db.Orders.IgnoreAutoIncludes().Where(o => o.Id == orderId).Select(o => o.Number).SingleOrDefaultAsync(ct)
            : null;
        var history = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == contract.Id).OrderBy(e => e.OccurredAt)
            .Select(e => new ContractHistoryEntry(e.OccurredAt, e.Action, e.ActorName)).ToListAsync(ct);
        return new ContractSource(contract, customerName ?? "", orderNumber, today, history).MapTo<ContractResponse>();
    }

    public async Task<List<ContractSummary>> SummariesAsync(IReadOnlyList<Contract> rows, CancellationToken ct)
    {
        var names = await NamesAsync(rows, ct);
        return [.. rows.Select(c => new ContractSummarySource(c, names.GetValueOrDefault(c.CustomerId, "")).MapTo<ContractSummary>())];
    }

    public async Task<List<ContractRenewal>> RenewalsAsync(IReadOnlyList<Contract> rows, DateOnly today, CancellationToken ct)
    {
        var names = await NamesAsync(rows, ct);
        return [.. rows.Select(c => new ContractRenewalSource(c, names.GetValueOrDefault(c.CustomerId, ""), today).MapTo<ContractRenewal>())];
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyList<Contract> rows, CancellationToken ct)
    {
        var ids = rows.Select(c => c.CustomerId).Distinct().ToList();
        return await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
