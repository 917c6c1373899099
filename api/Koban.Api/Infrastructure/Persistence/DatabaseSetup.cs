using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    /// <summary>Apply migrations and the security set-up at start-up (connected as the owner).</summary>
    public bool Migrate { get; set; }

    /// <summary>The login role the application runs as; it is granted DML rights but owns nothing, so it cannot
    /// disable row-level security or the immutability triggers.</summary>
    public string? AppRole { get; set; }
}

/// <summary>Migrations plus what EF migrations cannot express centrally: row-level security on every
/// company-owned table, the append-only audit log and the application role's grants. Idempotent.</summary>
public static class DatabaseSetup
{
    public const string OwnerConnectionName = "KobanOwner";
    public const string AppConnectionName = "Koban";

    /// <summary>
    /// The application's connection string, with Npgsql's automatic preparation on unless the configuration sets it: a
    /// statement run twice on a pooled connection is prepared there and kept across checkouts (Npgsql then resets a
    /// returned connection with <c>RESET ALL</c> and the other parts of <c>DISCARD ALL</c> but keeps its prepared
    /// statements), so PostgreSQL no longer parses and plans every query of every request — the planning of an invoice's
    /// reads was most of PostgreSQL's time for <c>GET /invoices/{id}</c>. The company setting is still written at every
    /// checkout (<see cref="CompanySessionInterceptor"/>) and reset at every return.
    /// </summary>
    public static string AppConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(AppConnectionName) ?? "Host=127.0.0.1;Database=koban";
        var builder = new NpgsqlConnectionStringBuilder(configured);
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        if (!keys.ContainsKey("Max Auto Prepare") && !keys.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
            if (!keys.ContainsKey("Auto Prepare Min Usages") && !keys.ContainsKey("AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    /// <summary>A quoted identifier as a SQL string literal, to splice into <c>format</c> inside a DO block.</summary>
    private static string Literal(string quotedIdentifier) => "'" + quotedIdentifier.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Prepared statements kept per connection (least recently used replaced first).</summary>
    public const int AutoPreparedStatements = 128;

    public static async Task MigrateAndSecureAsync(IServiceProvider services, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var options = configuration.GetSection("Koban:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var ownerConnection = configuration.GetConnectionString(OwnerConnectionName)
            ?? configuration.GetConnectionString(AppConnectionName)
            ?? throw new InvalidOperationException("ConnectionStrings:Koban is not configured.");

        var builder = new DbContextOptionsBuilder<KobanDbContext>();
        builder.UseNpgsql(ownerConnection, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")).UseSnakeCaseNamingConvention();
        var actor = new CurrentActor(new HttpContextAccessor());
        using var system = actor.EnterSystemScope();
        await using var db = new KobanDbContext(builder.Options).Lease(actor, TimeProvider.System, new DatabaseSession(), new CommitTracker());
        await db.Database.MigrateAsync(ct);

        var sql = new System.Text.StringBuilder();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned() && e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            string? column = typeof(ICompanyOwned).IsAssignableFrom(entity.ClrType) || entity.FindProperty("CompanyId") is not null ? "company_id"
                : entity.ClrType == typeof(Company) ? "id" : null;
            if (column is null) continue;
            // The settings are read in sub-selects: PostgreSQL then reads them once per statement (an InitPlan) instead
            // of once per row, which on a large table (an aggregate over 300 000 account rows) was most of the time.
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS company_isolation ON "{table}";
                CREATE POLICY company_isolation ON "{table}"
                  USING ("{column}" = (SELECT koban_current_company()) OR (SELECT koban_is_system()))
                  WITH CHECK ("{column}" = (SELECT koban_current_company()) OR (SELECT koban_is_system()));

                """);
        }
        if (!string.IsNullOrWhiteSpace(options.AppRole))
        {
            var role = new NpgsqlCommandBuilder().QuoteIdentifier(options.AppRole);
            // Grants on what the owner owns only: a table or function another role put in the schema (an extension a
            // database administrator installed as superuser, such as pgstattuple, whose functions are revoked from
            // PUBLIC) made "GRANT ... ON ALL FUNCTIONS" fail with "permission denied", and the API no longer started.
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                GRANT USAGE ON SCHEMA public TO {{role}};
                DO $grants$
                DECLARE item record;
                BEGIN
                  FOR item IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                        AND pg_has_role(c.relowner, 'USAGE') LOOP
                    IF item.relkind = 'S' THEN
                      EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO %s', item.name, {{Literal(role)}});
                    ELSE
                      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %s TO %s', item.name, {{Literal(role)}});
                    END IF;
                  END LOOP;
                  FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                      WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p', 'a', 'w')
                        AND pg_has_role(p.proowner, 'USAGE') LOOP
                    EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO %s', item.name, {{Literal(role)}});
                  END LOOP;
                END $grants$;
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {{role}};

                """);
        }
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct);
    }
}
