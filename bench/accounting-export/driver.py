"""Sign-up, SQL seed of a year of journal entries, then the FEC export through the API with memory sampling."""
import hashlib
import http.cookiejar
import json
import subprocess
import sys
import threading
import time
import urllib.request
import uuid

base, api_pid, invoices, psql, dsn = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def call(method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    for cookie in jar:
        if cookie.name == "XSRF-TOKEN":
            request.add_header("X-XSRF-TOKEN", cookie.value)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    with opener.open(request) as response:
        return response, response.read()


def memory():
    values = {}
    with open(f"/proc/{api_pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) // 1024  # MiB
    return values


email = f"bench.{uuid.uuid4().hex}@bench.koban.fr"
call("POST", "/api/v1/signup", {"companyName": "Banc d'essai SAS", "adminEmail": email, "adminDisplayName": "Bench", "adminPassword": "Bench-Password-2026"})
call("POST", "/api/v1/auth/login", {"email": email, "password": "Bench-Password-2026"})
response, payload = call("GET", "/api/v1/company")
company = json.loads(payload)["id"]
call("PUT", "/api/v1/company", {
    "legalName": "Banc d'essai SAS", "legalForm": "Sas", "shareCapital": 10000, "siren": "732829320", "vatNumber": "FR44732829320", "rcsCity": "Lyon",
    "address": {"line1": "3 place Bellecour", "postalCode": "69002", "city": "Lyon", "countryCode": "FR"},
    "iban": "FR7630006000011234567890189", "bic": "AGRIFRPP", "defaultPaymentTerms": {"kind": "Days", "days": 30},
    "latePaymentPenaltyRate": 12.15, "timeZone": "Europe/Paris", "fiscalYearStartMonth": 1, "vatFranchise": False, "vatOnDebits": False,
}, {"If-Match": response.headers["ETag"]})

seed = f"""
SELECT set_config('koban.system', 'on', false);
BEGIN;
CREATE TEMP TABLE inv ON COMMIT DROP AS
  SELECT g AS n, gen_random_uuid() AS id, gen_random_uuid() AS receipt, date '2025-01-01' + ((g - 1)::bigint * 365 / {invoices})::int AS d,
         (100 + g % 900)::numeric(18,2) AS b1, (50 + g % 300)::numeric(18,2) AS b2
    FROM generate_series(1, {invoices}) g;
INSERT INTO journal_entries (id, company_id, journal, journal_code, journal_label, date, fiscal_year_end, piece_ref, piece_date, label, source, source_id, validation_date, created_at)
  SELECT id, '{company}', 'Sales', 'VT', 'Journal des ventes', d, date '2025-12-31', 'FA-2025-' || lpad(n::text, 7, '0'), d,
         'Facture FA-2025-' || lpad(n::text, 7, '0') || ' Client n°' || (n % 5000), 'Invoice', gen_random_uuid(), d, now()
    FROM inv ORDER BY n;
INSERT INTO journal_entry_lines (id, entry_id, position, account, account_label, auxiliary_account, auxiliary_label, label, debit, credit, company_id)
  SELECT gen_random_uuid(), id, p, a, al, x, xl, 'Facture FA-2025-' || lpad(n::text, 7, '0') || ' Client n°' || (n % 5000), dr, cr, '{company}'
    FROM inv, LATERAL (VALUES
      (0, '411000', 'Clients', '411C' || (n % 5000), 'Client n°' || (n % 5000), b1 + b2 + b1 * 0.2 + b2 * 0.2, 0::numeric),
      (1, '706000', 'Prestations de services', NULL, NULL, 0, b1),
      (2, '707000', 'Ventes de marchandises', NULL, NULL, 0, b2),
      (3, '445710', 'TVA collectée', NULL, NULL, 0, b1 * 0.2 + b2 * 0.2)) AS l(p, a, al, x, xl, dr, cr);
INSERT INTO journal_entries (id, company_id, journal, journal_code, journal_label, date, fiscal_year_end, piece_ref, piece_date, label, source, source_id, validation_date, created_at)
  SELECT receipt, '{company}', 'Bank', 'BQ', 'Journal de banque', least(d + 20, date '2025-12-31'), date '2025-12-31', 'VIR-' || n, least(d + 20, date '2025-12-31'),
         'Règlement FA-2025-' || lpad(n::text, 7, '0'), 'Receipt', gen_random_uuid(), least(d + 20, date '2025-12-31'), now()
    FROM inv WHERE n % 2 = 0 ORDER BY n;
INSERT INTO journal_entry_lines (id, entry_id, position, account, account_label, auxiliary_account, auxiliary_label, label, debit, credit, company_id)
  SELECT gen_random_uuid(), receipt, p, a, al, x, xl, 'Règlement FA-2025-' || lpad(n::text, 7, '0'), dr, cr, '{company}'
    FROM inv, LATERAL (VALUES
      (0, '512000', 'Banque', NULL, NULL, b1 + b2 + b1 * 0.2 + b2 * 0.2, 0::numeric),
      (1, '411000', 'Clients', '411C' || (n % 5000), 'Client n°' || (n % 5000), 0, b1 + b2 + b1 * 0.2 + b2 * 0.2)) AS l(p, a, al, x, xl, dr, cr)
   WHERE n % 2 = 0;
COMMIT;
ANALYZE journal_entries; ANALYZE journal_entry_lines;
SELECT count(*) FROM journal_entries WHERE company_id = '{company}';
"""
t0 = time.perf_counter()
out = subprocess.run([psql, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", dsn], input=seed, capture_output=True, text=True, check=True).stdout.split()
entries = int(out[-1])
seed_seconds = time.perf_counter() - t0
print(f"seeded {invoices} invoices → {entries} entries in {seed_seconds:.1f} s")

before = memory()
samples = []
stop = threading.Event()


def sample():
    while not stop.is_set():
        samples.append(memory()["VmRSS"])
        time.sleep(0.1)


sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
t0 = time.perf_counter()
_, payload = call("POST", "/api/v1/accounting/exports", {"format": "Fec", "from": "2025-01-01", "to": "2025-12-31"})
export_id = json.loads(payload)["id"]
while True:
    _, payload = call("GET", f"/api/v1/accounting/exports/{export_id}")
    export = json.loads(payload)
    if export["status"] in ("Completed", "Failed"):
        break
    time.sleep(0.2)
export_seconds = time.perf_counter() - t0
stop.set()
sampler.join()
after = memory()
assert export["status"] == "Completed", export.get("error")

t0 = time.perf_counter()
digest = hashlib.sha256()
size = lines = 0
request = urllib.request.Request(f"{base}/api/v1/accounting/exports/{export_id}/file")
with opener.open(request) as response:
    while chunk := response.read(1 << 20):
        digest.update(chunk)
        size += len(chunk)
        lines += chunk.count(b"\n")
download_seconds = time.perf_counter() - t0
assert digest.hexdigest() == export["sha256"] and size == export["size"], "fingerprint mismatch"
assert lines == export["rowsWritten"] + 1, f"{lines} lines for {export['rowsWritten']} rows"

print(f"FEC {export['fileName']}: {export['entryCount']} entries, {export['rowsWritten']} lines, {size / 1048576:.1f} MiB, sha256 {export['sha256'][:16]}…")
print(f"  export wall time (request → Completed): {export_seconds:.1f} s  ({export['rowsWritten'] / export_seconds:,.0f} lines/s)")
print(f"  download (streamed from chunks):        {download_seconds:.1f} s")
print(f"  API RSS before {before['VmRSS']} MiB, max sampled during export {max(samples or [0])} MiB, VmHWM before {before['VmHWM']} MiB → after {after['VmHWM']} MiB")
