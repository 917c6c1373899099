namespace Koban.Api.Infrastructure.Persistence.Sql;

/// <summary>
/// Closures are insert-only (domain-rules.md §8): PostgreSQL refuses UPDATE, DELETE and TRUNCATE on
/// <c>compliance_closures</c> whatever the application does (<c>koban_refuse_change()</c> comes from the Initial migration).
/// Kept apart from the generated migration so it is re-applied as is if the migration is regenerated.
/// </summary>
public static class ClosuresImmutability
{
    public const string Up = """
        CREATE TRIGGER compliance_closures_append_only BEFORE UPDATE OR DELETE ON compliance_closures
          FOR EACH ROW EXECUTE FUNCTION koban_refuse_change();
        CREATE TRIGGER compliance_closures_no_truncate BEFORE TRUNCATE ON compliance_closures
          FOR EACH STATEMENT EXECUTE FUNCTION koban_refuse_change();
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS compliance_closures_no_truncate ON compliance_closures;
        DROP TRIGGER IF EXISTS compliance_closures_append_only ON compliance_closures;
        """;
}
