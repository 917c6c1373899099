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
/// written again first — for a query, as the first statement of the query's own batch (no extra round trip); for any
/// other command, as a command of its own. A connection opened by <see cref="RequestDatabaseConnection"/> for a whole request is told
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

    private const string SettingSql = "SELECT set_config('koban.company_id', @koban_company, false), set_config('koban.system', @koban_system, false)";
    private const string SettingPrefix = SettingSql + ";\n";

    private static DbCommand Prepare(DbConnection connection, string companyId, bool isSystem)
    {
        var command = connection.CreateCommand();
        command.CommandText = SettingSql;
        AddSettingParameters(command, companyId, isSystem);
        return command;
    }

    private static void AddSettingParameters(DbCommand command, string companyId, bool isSystem)
    {
        var company = command.CreateParameter();
        company.ParameterName = "koban_company";
        company.Value = companyId;
        command.Parameters.Add(company);
        var system = command.CreateParameter();
        system.ParameterName = "koban_system";
        system.Value = isSystem ? "on" : "off";
        command.Parameters.Add(system);
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

    // Queries: when the settings are out of date, they travel in the query's own round trip, as a first statement of
    // the same batch (a request's first query is its session check, so a request no longer pays a round trip for its
    // company). PostgreSQL runs the batch in one implicit transaction: if the query fails, the setting is undone too,
    // which is why the session is told only once the query's own results are reached (Npgsql returns the reader after
    // the first statement, so the query's error surfaces when moving to its results; the reader is then disposed, or
    // the connection would stay busy). Only reads are prefixed: SaveChanges reads its statements' results by position,
    // and a non-query's row count would include the setting's row.
    private static bool Prefix(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource is not (CommandSource.LinqQuery or CommandSource.FromSqlQuery)) return false;
        if (Of(eventData.Context) is not { } db || command.Connection is not { State: ConnectionState.Open } connection) return false;
        var (company, system) = Wanted(db.Actor);
        if (db.Session.Carries(connection, company, system)) return true;
        command.CommandText = SettingPrefix + command.CommandText;
        AddSettingParameters(command, company, system);
        return true;
    }

    private static bool Prefixed(DbCommand command, CommandEventData eventData, out KobanDbContext db)
    {
        db = Of(eventData.Context)!;
        return db is not null && command.Connection is not null && command.CommandText.StartsWith(SettingPrefix, StringComparison.Ordinal);
    }

    private static void ToldBy(KobanDbContext db, DbCommand command) =>
        db.Session.Told(command.Connection!, (string)command.Parameters["koban_company"].Value!, (string)command.Parameters["koban_system"].Value! == "on");

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Prefix(command, eventData) ? result : Before(command, eventData, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default) =>
        Prefix(command, eventData) ? ValueTask.FromResult(result) : BeforeAsync(command, eventData, result, cancellationToken);

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (!Prefixed(command, eventData, out var db)) return result;
        try
        {
            result.NextResult(); // past the setting's row, to the query's own rows
        }
        catch
        {
            result.Dispose(); // the query failed: release the connection before the error goes up
            throw;
        }
        ToldBy(db, command);
        return result;
    }

    public async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (!Prefixed(command, eventData, out var db)) return result;
        try
        {
            await result.NextResultAsync(cancellationToken);
        }
        catch
        {
            await result.DisposeAsync(); // the query failed: release the connection before the error goes up
            throw;
        }
        ToldBy(db, command);
        return result;
    }

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
