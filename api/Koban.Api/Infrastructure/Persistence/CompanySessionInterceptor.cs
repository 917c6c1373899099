using System.Data.Common;
using Koban.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>
/// Tells PostgreSQL which company the connection acts for, so that row-level security (the second wall
/// behind the EF query filters) applies to every statement, raw SQL included. Pooled connections are reset
/// by Npgsql when returned, and the settings are written again on every open.
/// </summary>
public sealed class CompanySessionInterceptor(CurrentActor actor) : DbConnectionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Prepare(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Prepare(connection);
        command.ExecuteNonQuery();
    }

    private DbCommand Prepare(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT set_config('koban.company_id', @company, false), set_config('koban.system', @system, false)";
        var company = command.CreateParameter();
        company.ParameterName = "company";
        company.Value = actor.CompanyId?.ToString() ?? string.Empty;
        command.Parameters.Add(company);
        var system = command.CreateParameter();
        system.ParameterName = "system";
        system.Value = actor.IsSystem ? "on" : "off";
        command.Parameters.Add(system);
        return command;
    }
}
