using System.Data;
using System.Data.Common;
using Koban.Api.Infrastructure.Tenancy;
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
/// </summary>
public sealed class CompanySessionInterceptor(CurrentActor actor, DatabaseSession session)
    : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private DbConnection? _told;
    private string? _company;
    private bool _system;

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        session.PhysicalOpens++;
        if (!session.Pinning) await ApplyAsync(connection, cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        Forget();
        session.PhysicalOpens++;
        if (!session.Pinning) Apply(connection);
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Forget();

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Forget();
        return Task.CompletedTask;
    }

    /// <summary>Writes the actor's company and system flag on the connection unless it already carries them.</summary>
    public async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (IsCurrent(connection)) return;
        await using var command = Prepare(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private void Apply(DbConnection connection)
    {
        if (IsCurrent(connection)) return;
        using var command = Prepare(connection);
        command.ExecuteNonQuery();
        Remember(connection);
    }

    private bool IsCurrent(DbConnection connection) =>
        ReferenceEquals(_told, connection) && _company == CompanySetting && _system == actor.IsSystem;

    private string CompanySetting => actor.CompanyId?.ToString() ?? string.Empty;

    private void Remember(DbConnection connection)
    {
        _told = connection;
        _company = CompanySetting;
        _system = actor.IsSystem;
        session.ContextSettings++;
    }

    private void Forget() => _told = null;

    private DbCommand Prepare(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT set_config('koban.company_id', @company, false), set_config('koban.system', @system, false)";
        var company = command.CreateParameter();
        company.ParameterName = "company";
        company.Value = CompanySetting;
        command.Parameters.Add(company);
        var system = command.CreateParameter();
        system.ParameterName = "system";
        system.Value = actor.IsSystem ? "on" : "off";
        command.Parameters.Add(system);
        return command;
    }

    // Commands: bring the settings up to date first (a no-op comparison when they already are).
    private async ValueTask<InterceptionResult<T>> BeforeAsync<T>(DbCommand command, InterceptionResult<T> result, CancellationToken ct)
    {
        if (command.Connection is { State: ConnectionState.Open } connection) await ApplyAsync(connection, ct);
        return result;
    }

    private InterceptionResult<T> Before<T>(DbCommand command, InterceptionResult<T> result)
    {
        if (command.Connection is { State: ConnectionState.Open } connection) Apply(connection);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => Before(command, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default) => BeforeAsync(command, result, cancellationToken);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Before(command, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) => BeforeAsync(command, result, cancellationToken);

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Before(command, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default) => BeforeAsync(command, result, cancellationToken);

    // Transactions: a rollback undoes a set_config written inside the transaction, so nothing is assumed after one.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => Forget();

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }
}
