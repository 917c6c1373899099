// HTTP load client of bench/api-speed: see ../README.md.
//   LoadClient setup BASE STATE            sign up a company, fill its profile, one customer, one validated 10-line invoice
//   LoadClient run BASE STATE SCENARIO CLIENTS REQUESTS
//       SCENARIO: draft (POST a 10-line draft; its id is appended to STATE.drafts), validate (validates drafts of
//       STATE.drafts, oldest first), get (GET the validated invoice), list (GET the first page of 25 invoices),
//       list:NAME (GET the first page of one list endpoint as the SPA asks for it: see Lists below).
//   LoadClient lists                     print the names of the list:NAME scenarios, one per line
//   Prints one line: scenario, clients, requests, req/s, p50, p95, max (ms). Every answer must be a 2xx.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

var invariant = CultureInfo.InvariantCulture;
if (args is ["lists"])
{
    foreach (var name in Lists.Keys) Console.WriteLine(name);
    return 0;
}
if (args.Length < 3) return Usage();
var baseUri = new Uri(args[1].TrimEnd('/') + "/");
var statePath = args[2];

switch (args[0])
{
    case "setup":
        await SetupAsync();
        return 0;
    case "run" when args.Length == 6:
        if (args[3].StartsWith("list:", StringComparison.Ordinal) && !Lists.ContainsKey(args[3][5..])) return Usage();
        return await RunAsync(args[3], int.Parse(args[4], invariant), int.Parse(args[5], invariant));
    default:
        return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: LoadClient setup BASE STATE | LoadClient run BASE STATE draft|validate|get|list|list:NAME CLIENTS REQUESTS | LoadClient lists");
    return 2;
}

HttpClient NewClient(int connections, string? cookie, string? xsrf)
{
    var handler = new SocketsHttpHandler { UseCookies = cookie is null, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
    var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
    if (xsrf is not null) client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", xsrf);
    return client;
}

async Task SetupAsync()
{
    var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer() };
    using var client = new HttpClient(handler) { BaseAddress = baseUri };
    string? Xsrf() => handler.CookieContainer.GetAllCookies().FirstOrDefault(c => c.Name == "XSRF-TOKEN")?.Value;
    async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (Xsrf() is { } token) request.Headers.Add("X-XSRF-TOKEN", token);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
    var email = $"bench.{Guid.NewGuid():N}@bench.koban.fr";
    const string password = "Bench-Password-2026";
    await Send(HttpMethod.Post, "api/v1/signup", new { companyName = "Banc d'essai SAS", adminEmail = email, adminDisplayName = "Bench", adminPassword = password });
    await Send(HttpMethod.Post, "api/v1/auth/login", new { email, password });
    var company = await Send(HttpMethod.Get, "api/v1/company", null);
    await Send(HttpMethod.Put, "api/v1/company", new
    {
        legalName = "Banc d'essai SAS",
        legalForm = "Sas",
        shareCapital = 10000,
        siren = "732829320",
        vatNumber = "FR44732829320",
        rcsCity = "Lyon",
        address = new { line1 = "3 place Bellecour", postalCode = "69002", city = "Lyon", countryCode = "FR" },
        iban = "FR7630006000011234567890189",
        bic = "AGRIFRPP",
        defaultPaymentTerms = new { kind = "Days", days = 30 },
        latePaymentPenaltyRate = 12.15m,
        timeZone = "Europe/Paris",
        fiscalYearStartMonth = 1,
        vatFranchise = false,
        vatOnDebits = false,
    }, company.Headers.ETag?.ToString());
    var customer = await (await Send(HttpMethod.Post, "api/v1/customers", new
    {
        kind = "Business",
        name = "Client Banc SARL",
        countryCode = "FR",
        siren = "404833048",
        vatNumber = "FR83404833048",
        billingAddress = new { line1 = "8 quai Saint-Vincent", postalCode = "69001", city = "Lyon", countryCode = "FR" },
        contacts = new[] { new { firstName = "Claire", lastName = "Durand", email = "claire@example.org", isBilling = true } },
    })).Content.ReadFromJsonAsync<JsonObject>();
    var customerId = customer!["id"]!.GetValue<string>();
    var draft = await (await Send(HttpMethod.Post, "api/v1/invoices", DraftBody(customerId))).Content.ReadFromJsonAsync<JsonObject>();
    var invoiceId = draft!["id"]!.GetValue<string>();
    await Send(HttpMethod.Post, $"api/v1/invoices/{invoiceId}/validate", new { });
    var cookie = string.Join("; ", handler.CookieContainer.GetAllCookies().Select(c => $"{c.Name}={c.Value}"));
    var state = new JsonObject { ["cookie"] = cookie, ["xsrf"] = Xsrf(), ["customerId"] = customerId, ["invoiceId"] = invoiceId };
    await File.WriteAllTextAsync(statePath, state.ToJsonString());
    await File.WriteAllTextAsync(statePath + ".drafts", string.Empty);
    Console.WriteLine($"setup: company of {email}, customer {customerId}, validated invoice {invoiceId}");
}

static object DraftBody(string customerId) => new
{
    customerId,
    lines = Enumerable.Range(0, 10).Select(i => new
    {
        kind = "Free",
        description = $"Prestation détaillée numéro {i} — réglage, pose et finitions",
        quantity = 1.5m + i,
        unitCode = "HUR",
        unitPrice = 65.25m + i,
        discountPercent = i % 3 == 0 ? 5 : 0,
        vatRate = i % 4 == 0 ? 10 : 20,
        nature = "Service",
    }).ToArray(),
};

async Task<int> RunAsync(string scenario, int clients, int requests)
{
    var state = JsonNode.Parse(await File.ReadAllTextAsync(statePath))!.AsObject();
    var customerId = state["customerId"]!.GetValue<string>();
    var invoiceId = state["invoiceId"]!.GetValue<string>();
    using var client = NewClient(clients, state["cookie"]!.GetValue<string>(), state["xsrf"]?.GetValue<string>());
    var draftsPath = statePath + ".drafts";
    var created = new ConcurrentQueue<string>();
    var pending = new ConcurrentQueue<string>();
    if (scenario == "validate")
    {
        var all = (await File.ReadAllLinesAsync(draftsPath)).Where(l => l.Length > 0).ToList();
        if (all.Count < requests + clients) throw new InvalidOperationException($"validate needs {requests + clients} drafts, {all.Count} left: run draft first");
        foreach (var id in all) pending.Enqueue(id);
    }
    var body = DraftBody(customerId);

    async Task<long> OneAsync()
    {
        var start = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        switch (scenario)
        {
            case "draft":
                response = await client.PostAsJsonAsync("api/v1/invoices", body);
                break;
            case "validate":
                if (!pending.TryDequeue(out var id)) throw new InvalidOperationException("out of drafts");
                response = await client.PostAsJsonAsync($"api/v1/invoices/{id}/validate", new { });
                break;
            case "get":
                response = await client.GetAsync($"api/v1/invoices/{invoiceId}");
                break;
            case "list":
                response = await client.GetAsync("api/v1/invoices?limit=25");
                break;
            case var named when named.StartsWith("list:", StringComparison.Ordinal):
                response = await client.GetAsync(Lists[named[5..]].Replace("{customerId}", customerId, StringComparison.Ordinal));
                break;
            default:
                throw new ArgumentException($"unknown scenario {scenario}");
        }
        var payload = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetTimestamp() - start;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{scenario}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(payload)}");
        if (scenario == "draft") created.Enqueue(JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!);
        response.Dispose();
        return elapsed;
    }

    // Warm-up: one request per client, not counted.
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => OneAsync()));
    var timings = new ConcurrentBag<long>();
    var left = requests;
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        while (Interlocked.Decrement(ref left) >= 0) timings.Add(await OneAsync());
    }));
    wall.Stop();
    if (scenario == "draft") await File.AppendAllLinesAsync(draftsPath, created);
    if (scenario == "validate") await File.WriteAllLinesAsync(draftsPath, pending);
    var ms = timings.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
    double Pct(double p) => ms[Math.Clamp((int)Math.Ceiling(p * ms.Length) - 1, 0, ms.Length - 1)];
    Console.WriteLine(string.Create(invariant,
        $"{scenario,-9} clients {clients,2}  requests {ms.Length,5}  {ms.Length / wall.Elapsed.TotalSeconds,8:F1} req/s  p50 {Pct(0.50),7:F2}  p95 {Pct(0.95),7:F2}  max {ms[^1],7:F2} ms"));
    return 0;
}

/// <summary>
/// The first page of every list endpoint, with the page size, filters and sort the SPA sends ({customerId}: the setup's
/// customer, one of the generator's customers). Searches: a customer name that matches 1 in 1 000 invoices with the
/// generator's default 1 000 customers, and an invoice number fragment that matches one invoice.
/// </summary>
internal partial class Program
{
    internal static readonly IReadOnlyDictionary<string, string> Lists = new Dictionary<string, string>
    {
        ["invoices"] = "api/v1/invoices?limit=25",
        ["invoices-status"] = "api/v1/invoices?limit=25&status=Validated",
        ["invoices-customer"] = "api/v1/invoices?limit=25&customerId={customerId}",
        ["invoices-overdue"] = "api/v1/invoices?limit=25&overdue=true",
        ["invoices-unpaid"] = "api/v1/invoices?limit=25&paymentStatus=Unpaid",
        ["invoices-paid"] = "api/v1/invoices?limit=25&paymentStatus=Paid",
        ["invoices-search-name"] = "api/v1/invoices?limit=25&search=SARL%2000042",
        ["invoices-search-number"] = "api/v1/invoices?limit=25&search=1004242",
        ["credit-notes"] = "api/v1/credit-notes?limit=25",
        ["payments"] = "api/v1/payments?limit=25",
        ["receivables"] = "api/v1/receivables?limit=50&overdueOnly=true",
        ["orders"] = "api/v1/orders?limit=25",
        ["quotes"] = "api/v1/quotes?limit=25&expand=customer",
        ["customers"] = "api/v1/customers?limit=25",
        ["products"] = "api/v1/products?limit=25",
        ["audit-events"] = "api/v1/audit-events?limit=50",
    };
}
