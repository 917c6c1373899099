-- The statements GET /api/v1/invoices?limit=25 and GET /api/v1/credit-notes?limit=25 run, in the shape EF Core gives
-- them (query filter on company_id, row-level security from koban.company_id), one per sort and the second page of
-- the default sort, with the look-ups of the page's receivables, credits and customer names. Run by
-- bench/api-speed/run as the application role (EXPLAIN=1) with :company set; prints each plan.
SELECT set_config('koban.company_id', :'company', false), set_config('koban.system', 'off', false) \gset
\echo '--- invoices, default sort -updatedAt (first page)'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT b.* FROM billing_documents b
 WHERE b.document_type = 'Invoice' AND b.company_id = :'company' ORDER BY b.updated_at DESC, b.id DESC LIMIT 26;
SELECT updated_at AS after_at, id AS after_id FROM billing_documents WHERE document_type = 'Invoice' AND company_id = :'company'
 ORDER BY updated_at DESC, id DESC OFFSET 25 LIMIT 1 \gset
\echo '--- invoices, default sort, second page (keyset)'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT b.* FROM billing_documents b
 WHERE b.document_type = 'Invoice' AND b.company_id = :'company'
   AND (b.updated_at < :'after_at' OR (b.updated_at = :'after_at' AND b.id < :'after_id'))
 ORDER BY b.updated_at DESC, b.id DESC LIMIT 26;
\echo '--- invoices, sort=-issueDate'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT b.* FROM billing_documents b
 WHERE b.document_type = 'Invoice' AND b.company_id = :'company' ORDER BY b.issue_date DESC, b.id DESC LIMIT 26;
\echo '--- invoices, sort=dueDate'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT b.* FROM billing_documents b
 WHERE b.document_type = 'Invoice' AND b.company_id = :'company' ORDER BY b.due_date, b.id LIMIT 26;
\echo '--- invoices, sort=-totalIncludingVat'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT b.* FROM billing_documents b
 WHERE b.document_type = 'Invoice' AND b.company_id = :'company' ORDER BY b.total_including_vat DESC, b.id DESC LIMIT 26;
\echo '--- receivables of the page'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT r.* FROM receivable_items r
 WHERE r.company_id = :'company' AND r.kind = 'Invoice' AND r.source_id IN (SELECT id FROM billing_documents
   WHERE document_type = 'Invoice' AND company_id = :'company' ORDER BY updated_at DESC, id DESC LIMIT 25);
\echo '--- validated credits of the page'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT c.invoice_id, sum(c.total_including_vat) FROM billing_documents c
 WHERE c.document_type = 'CreditNote' AND c.company_id = :'company' AND c.status = 'Validated' AND c.invoice_id IN (SELECT id FROM billing_documents
   WHERE document_type = 'Invoice' AND company_id = :'company' ORDER BY updated_at DESC, id DESC LIMIT 25) GROUP BY c.invoice_id;
\echo '--- customer names of the page'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT c.id, c.name FROM customers c
 WHERE c.company_id = :'company' AND c.id IN (SELECT customer_id FROM billing_documents
   WHERE document_type = 'Invoice' AND company_id = :'company' ORDER BY updated_at DESC, id DESC LIMIT 25);
\echo '--- credit notes, default sort -updatedAt'
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) SELECT b.* FROM billing_documents b
 WHERE b.document_type = 'CreditNote' AND b.company_id = :'company' ORDER BY b.updated_at DESC, b.id DESC LIMIT 26;
