using Koban.Api.Tests.Infrastructure;
using Npgsql;

namespace Koban.Api.Tests.Contract;

/// <summary>The start-up's security set-up (<c>DatabaseSetup.MigrateAndSecureAsync</c>) grants the application role
/// what the owner owns, and only that: objects another role put in the schema neither stop the API nor become usable.</summary>
public sealed class DatabaseGrantsTests : ApiTest
{
    [Test]
    public async Task The_API_starts_beside_a_function_an_administrator_restricted_and_grants_only_its_own_objects()
    {
        var database = await TestDatabase.CreateAsync("koban_grants");
        try
        {
            // What installing pgstattuple as superuser leaves in the schema: a function revoked from PUBLIC.
            await using (var superuser = new NpgsqlConnection(database.Superuser))
            {
                await superuser.OpenAsync();
                await using var create = new NpgsqlCommand("""
                    CREATE FUNCTION public.dba_only() RETURNS int LANGUAGE sql AS 'SELECT 42';
                    REVOKE EXECUTE ON FUNCTION public.dba_only() FROM PUBLIC;
                    """, superuser);
                await create.ExecuteNonQueryAsync();
            }

            await using var factory = new ApiFactory(database);
            var company = await NewCompanyAsync(factory: factory);
            (await company.Admin.GetAsync("/api/v1/company")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

            await using var app = new NpgsqlConnection(database.App);
            await app.OpenAsync();
            await using (var own = new NpgsqlCommand("SELECT koban_current_company() IS NULL", app))
            {
                ((bool)(await own.ExecuteScalarAsync())!).ShouldBeTrue("the owner's functions are granted");
            }
            await using var foreign = new NpgsqlCommand("SELECT public.dba_only()", app);
            (await Should.ThrowAsync<PostgresException>(() => foreign.ExecuteScalarAsync())).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }
        finally
        {
            await database.DropAsync();
        }
    }
}
