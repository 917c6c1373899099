-- Tables for bench/api-speed/pgbench-validation.sql: the rows a gapless invoice validation writes, in their own
-- schema so the benchmark never touches Koban's tables. Column types and widths follow billing_documents,
-- billing_document_lines, document_counters and audit_events closely enough for the write volume to compare.
DROP SCHEMA IF EXISTS pgbench_koban CASCADE;
CREATE SCHEMA pgbench_koban;
SET search_path = pgbench_koban;
CREATE TABLE counters (
    company_id uuid NOT NULL, kind text NOT NULL, year int NOT NULL, next_value bigint NOT NULL,
    PRIMARY KEY (company_id, kind, year));
CREATE TABLE chain_heads (company_id uuid PRIMARY KEY, fingerprint text NOT NULL);
CREATE TABLE invoices (
    id uuid PRIMARY KEY, company_id uuid NOT NULL, number text NOT NULL, status text NOT NULL, issue_date date NOT NULL,
    customer_id uuid NOT NULL, seller jsonb NOT NULL, buyer jsonb NOT NULL, total_excl_tax numeric(18,2) NOT NULL,
    total_vat numeric(18,2) NOT NULL, total_incl_tax numeric(18,2) NOT NULL, fingerprint text NOT NULL,
    previous_fingerprint text NOT NULL, validated_at timestamptz NOT NULL, UNIQUE (company_id, number));
CREATE INDEX ON invoices (company_id, issue_date DESC, id);
CREATE TABLE invoice_lines (
    id uuid PRIMARY KEY, invoice_id uuid NOT NULL REFERENCES invoices, company_id uuid NOT NULL, position int NOT NULL,
    description text NOT NULL, quantity numeric(18,4) NOT NULL, unit_price numeric(18,4) NOT NULL,
    vat_rate numeric(5,2) NOT NULL, total_excl_tax numeric(18,2) NOT NULL);
CREATE INDEX ON invoice_lines (invoice_id);
CREATE TABLE audit_events (
    id bigserial PRIMARY KEY, company_id uuid NOT NULL, action text NOT NULL, entity_id uuid NOT NULL,
    actor text NOT NULL, at timestamptz NOT NULL, details jsonb NOT NULL);
INSERT INTO counters VALUES ('00000000-0000-0000-0000-00000000000c', 'Invoice', 2026, 1);
INSERT INTO chain_heads VALUES ('00000000-0000-0000-0000-00000000000c', repeat('0', 64));
