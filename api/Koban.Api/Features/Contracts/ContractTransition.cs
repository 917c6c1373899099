using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Contracts;

namespace Koban.Api.Features.Contracts;

/// <summary>What a transition asks the audit log to record: its action and the values after it.</summary>
public sealed record ContractAuditEntry(string Action, object After);

/// <summary>
/// The one shape of a contract's lifecycle change (activate, let expire): today in the company's time zone, the contract
/// locked in a transaction (<see cref="ContractReader.LockAsync"/>: two requests at once queue), the domain's transition,
/// its audit entry when it returns one, save, commit, and the contract with its new version. Each use case keeps its own
/// file, command and endpoint; only this body is shared.
/// </summary>
public sealed class ContractTransition(KobanDbContext db, AuditLog audit, CompanyClock clock, ContractReader reader)
{
    public async ValueTask<Versioned<ContractResponse>> ApplyAsync(Guid id, Func<Contract, DateOnly, ContractAuditEntry?> transition, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contract = await reader.LockAsync(id, cancellationToken);
        if (transition(contract, today) is { } entry)
            audit.Record(entry.Action, "contract", contract.Id, after: entry.After);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(contract, today, cancellationToken), contract.Version);
    }
}
