using System.Data;
using System.Data.Common;
using Koban.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>
/// Tells PostgreSQL which company the connection acts for, so that row-level security (the second wall
/// behind the EF query filters) applies to every statement, raw SQL included. Pooled connections are reset
/// by Npgsql when returned, so the settings are written again after every physical open.
/// <para>
/// The settings follow the <see cref="CurrentActor"/>: before every EF command, when the actor's company or system
/// flag differs from what this connection was last told (a system scope during sign-in, an impersonation), they are
/// written again first. A connection opened by <see cref="RequestDatabaseConnection"/> for a whole request is told
/// only at its first command, once the caller is known, so a request pays one setting for all its statements. What
/// was written is forgotten on every open, close and rollback (a rolled-back <c>set_config</c> is undone), so a
/// stale company can never be assumed. Raw ADO.NET commands on the EF connection bypass the command hooks: they must
/// run after an EF command of the same actor, or call <see cref="ApplyAsync"/> first.
/// </para>
/// <para>
/// One instance serves every context (a singleton, so that the context options are built once for the application
/// instead of once per scope): it keeps no state of its own. The actor is the intercepted context's own
/// (<see cref="KobanDbContext.Actor"/>), and what this context's connection was last told is kept in the context's
/// <see cref="DatabaseSession"/>, so two contexts can never see each other's company.
/// </para>
/// </summary>
public sealed class CompanySessionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Of(eventData.Context) is not { } db) return;
        db.Session.Forget();
        db.Session.PhysicalOpens++;
        if (!db.Session.Pinning) await ApplyAsync(db, connection, cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Of(eventData.Context) is not { } db) return;
        db.Session.Forget();
        db.Session.PhysicalOpens++;
        if (!db.Session.Pinning) Apply(db, connection);
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Forget(eventData.Context);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Writes the context's actor's company and system flag on the connection unless it already carries them.</summary>
    public static async Task ApplyAsync(KobanDbContext db, DbConnection connection, CancellationToken cancellationToken)
    {
        var (company, system) = Wanted(db.Actor);
        if (db.Session.Carries(connection, company, system)) return;
        await using var command = Prepare(connection, company, system);
        await command.ExecuteNonQueryAsync(cancellationToken);
        db.Session.Told(connection, company, system);
    }

    private static void Apply(KobanDbContext db, DbConnection connection)
    {
        var (company, system) = Wanted(db.Actor);
        if (db.Session.Carries(connection, company, system)) return;
        using var command = Prepare(connection, company, system);
        command.ExecuteNonQuery();
        db.Session.Told(connection, company, system);
    }

    private static (string Company, bool System) Wanted(CurrentActor actor) => (actor.CompanyId?.ToString() ?? string.Empty, actor.IsSystem);

    private static KobanDbContext? Of(DbContext? context) => context as KobanDbContext;

    private static void Forget(DbContext? context) => Of(context)?.Session.Forget();

    private static DbCommand Prepare(DbConnection connection, string companyId, bool isSystem)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT set_config('koban.company_id', @company, false), set_config('koban.system', @system, false)";
        var company = command.CreateParameter();
        company.ParameterName = "company";
        company.Value = companyId;
        command.Parameters.Add(company);
        var system = command.CreateParameter();
        system.ParameterName = "system";
        system.Value = isSystem ? "on" : "off";
        command.Parameters.Add(system);
        return command;
    }

    // Commands: bring the settings up to date first (a no-op comparison when they already are).
    private static async ValueTask<InterceptionResult<T>> BeforeAsync<T>(DbCommand command, CommandEventData eventData, InterceptionResult<T> result, CancellationToken ct)
    {
        if (Of(eventData.Context) is { } db && command.Connection is { State: ConnectionState.Open } connection) await ApplyAsync(db, connection, ct);
        return result;
    }

    private static InterceptionResult<T> Before<T>(DbCommand command, CommandEventData eventData, InterceptionResult<T> result)
    {
        if (Of(eventData.Context) is { } db && command.Connection is { State: ConnectionState.Open } connection) Apply(db, connection);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Before(command, eventData, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default) => BeforeAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Before(command, eventData, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) => BeforeAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Before(command, eventData, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default) => BeforeAsync(command, eventData, result, cancellationToken);

    // Transactions: a rollback undoes a set_config written inside the transaction, so nothing is assumed after one.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => Forget(eventData.Context);

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }
}
