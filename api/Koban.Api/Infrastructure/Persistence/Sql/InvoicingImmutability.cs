namespace Koban.Api.Infrastructure.Persistence.Sql;

/// <summary>
/// The database half of inalterability (domain-rules.md §8): whatever the application does, PostgreSQL refuses to update
/// or delete a validated invoice or credit note, to add, change or remove its lines, to change or delete an archived PDF
/// or the stored file behind it, and to truncate any of these tables. The application role owns none of these tables, so
/// it cannot disable the triggers; only the owner can (the tamper tests do, to prove the chain check finds the change).
/// </summary>
public static class InvoicingImmutability
{
    public const string Up = """
        CREATE OR REPLACE FUNCTION koban_billing_document_guard() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.status = 'Validated' THEN
            RAISE EXCEPTION 'koban: % of validated document % is refused: it is frozen forever', TG_OP, OLD.number
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$;

        CREATE OR REPLACE FUNCTION koban_billing_line_guard() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE doc uuid;
        BEGIN
          IF TG_OP = 'DELETE' THEN doc := OLD.document_id; ELSE doc := NEW.document_id; END IF;
          IF EXISTS (SELECT 1 FROM billing_documents d WHERE d.id = doc AND d.status = 'Validated')
             OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM billing_documents d WHERE d.id = OLD.document_id AND d.status = 'Validated')) THEN
            RAISE EXCEPTION 'koban: % of a line of a validated document is refused: it is frozen forever', TG_OP
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$;

        CREATE OR REPLACE FUNCTION koban_archived_file_guard() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM archived_documents a WHERE a.file_id = OLD.id) THEN
            RAISE EXCEPTION 'koban: % of an archived document file is refused', TG_OP
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$;

        CREATE TRIGGER billing_documents_frozen BEFORE UPDATE OR DELETE ON billing_documents
          FOR EACH ROW EXECUTE FUNCTION koban_billing_document_guard();
        CREATE TRIGGER billing_documents_no_truncate BEFORE TRUNCATE ON billing_documents
          FOR EACH STATEMENT EXECUTE FUNCTION koban_refuse_change();
        CREATE TRIGGER billing_document_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON billing_document_lines
          FOR EACH ROW EXECUTE FUNCTION koban_billing_line_guard();
        CREATE TRIGGER billing_document_lines_no_truncate BEFORE TRUNCATE ON billing_document_lines
          FOR EACH STATEMENT EXECUTE FUNCTION koban_refuse_change();
        CREATE TRIGGER archived_documents_append_only BEFORE UPDATE OR DELETE ON archived_documents
          FOR EACH ROW EXECUTE FUNCTION koban_refuse_change();
        CREATE TRIGGER archived_documents_no_truncate BEFORE TRUNCATE ON archived_documents
          FOR EACH STATEMENT EXECUTE FUNCTION koban_refuse_change();
        CREATE TRIGGER stored_files_archived BEFORE UPDATE OR DELETE ON stored_files
          FOR EACH ROW EXECUTE FUNCTION koban_archived_file_guard();
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS stored_files_archived ON stored_files;
        DROP FUNCTION IF EXISTS koban_archived_file_guard();
        DROP FUNCTION IF EXISTS koban_billing_line_guard();
        DROP FUNCTION IF EXISTS koban_billing_document_guard();
        """;
}
