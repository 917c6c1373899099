using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>
/// Knows, for one request, whether a change it made is already committed to the database, and which entities that
/// commit created. Armed by the endpoint (<see cref="Web.CommittedRequests.TrackCommits{TBuilder}"/>) when an unsafe
/// request reaches its handler, so that what the pipeline writes before (an API key's last use, a session) never counts;
/// fed by <see cref="CommitTrackingInterceptor"/>. A failure after the commit must not be answered as an error.
/// </summary>
public sealed class CommitTracker
{
    private readonly List<(Type Type, Guid Id)> _pending = [];
    private readonly List<(Type Type, Guid Id)> _created = [];

    /// <summary>True once the request's handler runs: commits from then on are the request's own.</summary>
    public bool Armed { get; private set; }

    /// <summary>True once a transaction of the armed request committed (an explicit one, or the implicit one of a
    /// <c>SaveChanges</c> or a statement run outside any transaction).</summary>
    public bool Committed { get; private set; }

    /// <summary>The entities (CLR type and <c>Guid</c> key) the committed changes added, in the order they were saved.</summary>
    public IReadOnlyList<(Type Type, Guid Id)> Created => _created;

    public void Arm() => Armed = true;

    internal void Saving(DbContext context)
    {
        if (!Armed) return;
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            if (KeyOf(entry) is { } id) _pending.Add((entry.Metadata.ClrType, id));
        }
    }

    internal void OnCommitted()
    {
        if (!Armed) return;
        Committed = true;
        _created.AddRange(_pending);
        _pending.Clear();
    }

    internal void OnRolledBack() => _pending.Clear();

    private static Guid? KeyOf(EntityEntry entry)
    {
        if (entry.Metadata.IsOwned() || entry.Metadata.FindPrimaryKey() is not { Properties: [var key] }) return null;
        return entry.Property(key.Name).CurrentValue is Guid id && id != Guid.Empty ? id : null;
    }
}

/// <summary>
/// Tells the request's <see cref="CommitTracker"/> when its changes reach the database: when an explicit transaction
/// commits, when a <c>SaveChanges</c> outside any transaction succeeds (it commits its own), and when a statement run
/// outside any transaction (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL) changes rows. One instance serves every
/// context: the tracker is the intercepted context's own (<see cref="KobanDbContext.Commits"/>, its scope's).
/// </summary>
public sealed class CommitTrackingInterceptor : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private static CommitTracker? Of(DbContext? context) => (context as KobanDbContext)?.Commits;

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Of(context)?.Saving(context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Of(context)?.Saving(context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Of(eventData.Context)?.OnCommitted();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Of(eventData.Context)?.OnCommitted();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Of(eventData.Context)?.OnRolledBack();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Of(eventData.Context)?.OnRolledBack();
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(command, eventData, result);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Executed(command, eventData, result);
        return ValueTask.FromResult(result);
    }

    private static void Saved(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Of(eventData.Context)?.OnCommitted();
    }

    private static void Failed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Of(eventData.Context)?.OnRolledBack();
    }

    private static void Executed(DbCommand command, CommandEventData eventData, int rows)
    {
        if (command.Transaction is null && rows > 0) Of(eventData.Context)?.OnCommitted();
    }
}
