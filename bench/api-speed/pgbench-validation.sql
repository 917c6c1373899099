-- One gapless invoice validation, as the API does it: one transaction that locks the company's counter row (every
-- validation of the company waits here), locks the fingerprint chain head, writes the numbered invoice, its 10 lines,
-- moves the chain head and appends an audit row. Run by bench/api-speed/run with pgbench -f. The invoice's id is
-- derived from its number (unique: the counter is gapless) so that every statement can name it.
BEGIN;
UPDATE pgbench_koban.counters SET next_value = next_value + 1
 WHERE company_id = '00000000-0000-0000-0000-00000000000c' AND kind = 'Invoice' AND year = 2026 RETURNING next_value - 1 AS number \gset
SELECT fingerprint FROM pgbench_koban.chain_heads WHERE company_id = '00000000-0000-0000-0000-00000000000c' FOR UPDATE;
INSERT INTO pgbench_koban.invoices
SELECT md5('FA' || :number)::uuid, '00000000-0000-0000-0000-00000000000c', 'FA-2026-' || lpad(:number::text, 6, '0'), 'Validated', current_date,
       '00000000-0000-0000-0000-0000000000c1', '{"name": "Banc d''essai SAS", "siren": "732829320"}', '{"name": "Client Banc SARL"}',
       1000.00, 200.00, 1200.00, encode(sha256((h.fingerprint || :number)::bytea), 'hex'), h.fingerprint, now()
  FROM pgbench_koban.chain_heads h WHERE h.company_id = '00000000-0000-0000-0000-00000000000c';
INSERT INTO pgbench_koban.invoice_lines
SELECT gen_random_uuid(), md5('FA' || :number)::uuid, '00000000-0000-0000-0000-00000000000c', n,
       'Prestation détaillée numéro ' || n || ' — réglage, pose et finitions', 1.5 + n, 65.25 + n, 20, round((1.5 + n) * (65.25 + n), 2)
  FROM generate_series(1, 10) AS n;
UPDATE pgbench_koban.chain_heads SET fingerprint = encode(sha256((fingerprint || :number)::bytea), 'hex')
 WHERE company_id = '00000000-0000-0000-0000-00000000000c';
INSERT INTO pgbench_koban.audit_events (company_id, action, entity_id, actor, at, details)
VALUES ('00000000-0000-0000-0000-00000000000c', 'invoice.validated', md5('FA' || :number)::uuid, 'Bench', now(), '{"number": "FA"}');
END;
