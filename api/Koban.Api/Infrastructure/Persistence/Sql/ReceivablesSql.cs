namespace Koban.Api.Infrastructure.Persistence.Sql;

/// <summary>
/// What the database guarantees about customers' accounts and the journal, whatever the application does:
/// <list type="bullet">
/// <item>an item's outstanding stays between zero and its amount and equals amount − settled, so no race can over-pay
/// an invoice or over-spend a payment (the application also locks the rows; this is the last wall);</item>
/// <item>journal entries and their lines are insert-only (domain-rules.md §9), except that an entry's <c>number</c>
/// (EcritureNum) and <c>export_id</c> may each be set once, from null, by the first export; nothing else ever changes and
/// nothing is deleted or truncated.</item>
/// </list>
/// Kept apart from the generated migration so it is re-applied as is if the migration is regenerated.
/// </summary>
public static class ReceivablesSql
{
    public const string Up = """
        ALTER TABLE receivable_items ADD CONSTRAINT receivable_items_amounts CHECK (
          amount > 0 AND outstanding >= 0 AND settled >= 0 AND settled_by_credit_notes >= 0
          AND (cancelled OR outstanding = amount - settled));
        ALTER TABLE allocations ADD CONSTRAINT allocations_amount_positive CHECK (amount > 0);
        ALTER TABLE payments ADD CONSTRAINT payments_amounts CHECK (amount > 0 AND bank_fees >= 0 AND bank_fees < amount);

        CREATE OR REPLACE FUNCTION koban_journal_entry_guard() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE'
             AND (OLD.number IS NULL OR OLD.number IS NOT DISTINCT FROM NEW.number)
             AND (OLD.export_id IS NULL OR OLD.export_id IS NOT DISTINCT FROM NEW.export_id)
             AND (to_jsonb(OLD) - 'number' - 'export_id') = (to_jsonb(NEW) - 'number' - 'export_id') THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'koban: % of journal entry % is refused: entries are never changed, only reversed', TG_OP, OLD.piece_ref
            USING ERRCODE = 'integrity_constraint_violation';
        END $$;

        CREATE TRIGGER journal_entries_insert_only BEFORE UPDATE OR DELETE ON journal_entries
          FOR EACH ROW EXECUTE FUNCTION koban_journal_entry_guard();
        CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
          FOR EACH STATEMENT EXECUTE FUNCTION koban_refuse_change();
        CREATE TRIGGER journal_entry_lines_insert_only BEFORE UPDATE OR DELETE ON journal_entry_lines
          FOR EACH ROW EXECUTE FUNCTION koban_refuse_change();
        CREATE TRIGGER journal_entry_lines_no_truncate BEFORE TRUNCATE ON journal_entry_lines
          FOR EACH STATEMENT EXECUTE FUNCTION koban_refuse_change();
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS journal_entry_lines_no_truncate ON journal_entry_lines;
        DROP TRIGGER IF EXISTS journal_entry_lines_insert_only ON journal_entry_lines;
        DROP TRIGGER IF EXISTS journal_entries_no_truncate ON journal_entries;
        DROP TRIGGER IF EXISTS journal_entries_insert_only ON journal_entries;
        DROP FUNCTION IF EXISTS koban_journal_entry_guard();
        ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_amounts;
        ALTER TABLE allocations DROP CONSTRAINT IF EXISTS allocations_amount_positive;
        ALTER TABLE receivable_items DROP CONSTRAINT IF EXISTS receivable_items_amounts;
        """;
}
