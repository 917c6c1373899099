namespace Koban.Api.Infrastructure.Persistence.Sql;

/// <summary>
/// The summary behind the totals of <c>GET /receivables</c> (<see cref="ReceivableDueTotal"/>): what each change of an
/// invoice's account row does to the count and the outstanding of the open invoices, per company, due date and dispute
/// flag.
/// <list type="bullet">
/// <item>An account row contributes (1, outstanding) to its key when it is an invoice (<c>kind = 'Invoice'</c>) with
/// <c>outstanding &gt; 0</c> — the exact filter of the list; <c>cancelled</c> is not part of it — and (0, 0) otherwise.
/// After every insert, update and delete of such a row, a trigger inserts new contribution − old contribution (nothing
/// when both are zero). Insert-only: no summary row is ever updated, so concurrent payments and validations never wait
/// on nor deadlock over one; the delta is written in the transaction of the change, so a rollback takes it back.</item>
/// <item>The trigger runs as the caller (no <c>SECURITY DEFINER</c>): a session may only change its own company's items
/// (row-level security on <c>receivable_items</c>), and the delta carries the item's company, so the summary's own
/// policy (WITH CHECK company = session's company, or the system) accepts it. A definer would gain nothing: the policies
/// are forced on the owner too.</item>
/// <item><c>koban_compact_receivable_due_totals(company)</c> replaces the company's rows by one per key in one statement
/// (a <c>DELETE … RETURNING</c> feeding an aggregated <c>INSERT</c>; keys summing to zero disappear). Under READ COMMITTED
/// the delete removes only rows of its snapshot, each returned by the one transaction that deletes it, and deltas
/// committed meanwhile stay as they are, so the sums never change; two compactions at once each fold what they deleted.
/// It returns how many rows it removed.</item>
/// </list>
/// The migration creates the triggers before reading the items (creating a trigger locks out writers until the migration
/// commits), then fills the summary with one aggregated insert, so an existing database is right at once.
/// </summary>
public static class ReceivableTotalsSql
{
    public const string Up = """
        CREATE OR REPLACE FUNCTION koban_receivable_due_totals_delta() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            IF OLD.kind = 'Invoice' AND NEW.kind = 'Invoice' AND OLD.outstanding > 0 AND NEW.outstanding > 0
               AND OLD.company_id = NEW.company_id AND OLD.due_date IS NOT DISTINCT FROM NEW.due_date AND OLD.disputed = NEW.disputed THEN
              IF NEW.outstanding <> OLD.outstanding THEN
                INSERT INTO receivable_due_totals (company_id, due_date, disputed, open_count, outstanding)
                VALUES (NEW.company_id, NEW.due_date, NEW.disputed, 0, NEW.outstanding - OLD.outstanding);
              END IF;
              RETURN NULL;
            END IF;
          END IF;
          IF TG_OP <> 'INSERT' THEN
            IF OLD.kind = 'Invoice' AND OLD.outstanding > 0 THEN
              INSERT INTO receivable_due_totals (company_id, due_date, disputed, open_count, outstanding)
              VALUES (OLD.company_id, OLD.due_date, OLD.disputed, -1, -OLD.outstanding);
            END IF;
          END IF;
          IF TG_OP <> 'DELETE' THEN
            IF NEW.kind = 'Invoice' AND NEW.outstanding > 0 THEN
              INSERT INTO receivable_due_totals (company_id, due_date, disputed, open_count, outstanding)
              VALUES (NEW.company_id, NEW.due_date, NEW.disputed, 1, NEW.outstanding);
            END IF;
          END IF;
          RETURN NULL;
        END $$;

        CREATE TRIGGER receivable_due_totals_on_insert AFTER INSERT ON receivable_items
          FOR EACH ROW WHEN (NEW.kind = 'Invoice' AND NEW.outstanding > 0)
          EXECUTE FUNCTION koban_receivable_due_totals_delta();
        CREATE TRIGGER receivable_due_totals_on_update AFTER UPDATE ON receivable_items
          FOR EACH ROW WHEN ((OLD.kind = 'Invoice' OR NEW.kind = 'Invoice')
            AND (OLD.outstanding, OLD.due_date, OLD.disputed, OLD.company_id, OLD.kind)
                IS DISTINCT FROM (NEW.outstanding, NEW.due_date, NEW.disputed, NEW.company_id, NEW.kind))
          EXECUTE FUNCTION koban_receivable_due_totals_delta();
        CREATE TRIGGER receivable_due_totals_on_delete AFTER DELETE ON receivable_items
          FOR EACH ROW WHEN (OLD.kind = 'Invoice' AND OLD.outstanding > 0)
          EXECUTE FUNCTION koban_receivable_due_totals_delta();

        CREATE OR REPLACE FUNCTION koban_compact_receivable_due_totals(p_company uuid) RETURNS bigint
        LANGUAGE sql AS $$
          WITH gone AS (
            DELETE FROM receivable_due_totals WHERE company_id = p_company
            RETURNING due_date, disputed, open_count, outstanding),
          kept AS (
            INSERT INTO receivable_due_totals (company_id, due_date, disputed, open_count, outstanding)
            SELECT p_company, due_date, disputed, sum(open_count), sum(outstanding) FROM gone
            GROUP BY due_date, disputed
            HAVING sum(open_count) <> 0 OR sum(outstanding) <> 0
            RETURNING 1)
          SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM kept)
        $$;

        """ + Backfill;

    /// <summary>The summary of every company from its account rows, one row per key (the migration's filling, read in the
    /// system scope for this transaction).</summary>
    public const string Backfill = """
        SELECT set_config('koban.system', 'on', true);
        INSERT INTO receivable_due_totals (company_id, due_date, disputed, open_count, outstanding)
        SELECT company_id, due_date, disputed, count(*), sum(outstanding) FROM receivable_items
        WHERE kind = 'Invoice' AND outstanding > 0
        GROUP BY company_id, due_date, disputed;
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS receivable_due_totals_on_delete ON receivable_items;
        DROP TRIGGER IF EXISTS receivable_due_totals_on_update ON receivable_items;
        DROP TRIGGER IF EXISTS receivable_due_totals_on_insert ON receivable_items;
        DROP FUNCTION IF EXISTS koban_receivable_due_totals_delta();
        DROP FUNCTION IF EXISTS koban_compact_receivable_due_totals(uuid);
        """;

    /// <summary>The companies whose summary holds more than <c>{0}</c> rows beyond one per key (deltas not yet
    /// compacted); read in the system scope.</summary>
    public const string CompaniesToCompact = """
        SELECT company_id AS "Value" FROM receivable_due_totals
        GROUP BY company_id
        HAVING count(*) - count(DISTINCT (due_date, disputed)) > {0}
        """;
}
