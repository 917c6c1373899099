"""Drives the API over HTTP: sign-up, profile, customer, then N × (20-line draft → validate → archived PDF)."""
import http.cookiejar
import json
import statistics
import sys
import time
import urllib.request
import uuid

base, iterations = sys.argv[1], int(sys.argv[2])
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
        payload = response.read()
        return response, payload


email = f"bench.{uuid.uuid4().hex}@bench.koban.fr"
call("POST", "/api/v1/signup", {"companyName": "Banc d'essai SAS", "adminEmail": email, "adminDisplayName": "Bench", "adminPassword": "Bench-Password-2026"})
call("POST", "/api/v1/auth/login", {"email": email, "password": "Bench-Password-2026"})
response, _ = call("GET", "/api/v1/company")
etag = response.headers["ETag"]
call("PUT", "/api/v1/company", {
    "legalName": "Banc d'essai SAS", "legalForm": "Sas", "shareCapital": 10000, "siren": "732829320", "vatNumber": "FR44732829320", "rcsCity": "Lyon",
    "address": {"line1": "3 place Bellecour", "postalCode": "69002", "city": "Lyon", "countryCode": "FR"},
    "iban": "FR7630006000011234567890189", "bic": "AGRIFRPP", "defaultPaymentTerms": {"kind": "Days", "days": 30},
    "latePaymentPenaltyRate": 12.15, "timeZone": "Europe/Paris", "fiscalYearStartMonth": 1, "vatFranchise": False, "vatOnDebits": False,
}, {"If-Match": etag})
_, payload = call("POST", "/api/v1/customers", {
    "kind": "Business", "name": "Client Banc SARL", "countryCode": "FR", "siren": "404833048", "vatNumber": "FR83404833048",
    "billingAddress": {"line1": "8 quai Saint-Vincent", "postalCode": "69001", "city": "Lyon", "countryCode": "FR"},
    "contacts": [{"firstName": "Claire", "lastName": "Durand", "email": "claire@example.org", "isBilling": True}],
})
customer = json.loads(payload)["id"]
lines = [{"kind": "Free", "description": f"Prestation détaillée numéro {i} — réglage, pose et finitions", "quantity": 1.5 + i, "unitCode": "HUR",
          "unitPrice": 65.25 + i, "discountPercent": 5 if i % 3 == 0 else 0, "vatRate": 20 if i % 4 else 10, "nature": "Service"} for i in range(20)]
timings = {"create draft": [], "validate (incl. PDF archive)": [], "get archived PDF": []}
sizes = []
for n in range(iterations + 3):
    t0 = time.perf_counter()
    _, payload = call("POST", "/api/v1/invoices", {"customerId": customer, "lines": lines})
    invoice = json.loads(payload)["id"]
    t1 = time.perf_counter()
    call("POST", f"/api/v1/invoices/{invoice}/validate", {})
    t2 = time.perf_counter()
    _, pdf = call("GET", f"/api/v1/invoices/{invoice}/pdf")
    t3 = time.perf_counter()
    assert pdf.startswith(b"%PDF"), "not a PDF"
    if n >= 3:
        timings["create draft"].append((t1 - t0) * 1000)
        timings["validate (incl. PDF archive)"].append((t2 - t1) * 1000)
        timings["get archived PDF"].append((t3 - t2) * 1000)
        sizes.append(len(pdf))
print(f"{iterations} invoices of 20 lines (after 3 warm-up), PDF {statistics.median(sizes) / 1024:.0f} KiB")
for name, values in timings.items():
    values.sort()
    p95 = values[max(0, int(round(len(values) * 0.95)) - 1)]
    print(f"  {name:32s} min {values[0]:7.1f}  median {statistics.median(values):7.1f}  p95 {p95:7.1f}  max {values[-1]:7.1f} ms")
