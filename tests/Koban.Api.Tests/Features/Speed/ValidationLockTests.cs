using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Tests.Features.Companies;
using Koban.Api.Tests.Features.Customers;
using Koban.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koban.Api.Tests.Features.Speed;

/// <summary>
/// Every validation of a company queues on its number counter row (gapless numbering, domain-rules §3), so its throughput
/// is bounded by how long that lock is held (issue 12 §5): everything that does not need the number is read before the
/// lock, and under it only the chain head, the closed-period check, one batch of writes and the commit remain.
/// </summary>
public sealed class ValidationLockTests : ApiTest
{
    /// <summary>The statements EF sends for one company, in order, with the commits (EF's diagnostic events).</summary>
    private sealed class Statements : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly Guid _company;
        private readonly IDisposable _all;
        private readonly List<IDisposable> _listeners = [];
        public ConcurrentQueue<string> Sent { get; } = new();

        public Statements(Guid company)
        {
            _company = company;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_listeners) _listeners.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandEventData command && value.Key == RelationalEventId.CommandExecuting.Name && Ours(command.Context))
                Sent.Enqueue(command.Command.CommandText);
            else if (value.Value is TransactionEndEventData end && value.Key == RelationalEventId.TransactionCommitted.Name && Ours(end.Context))
                Sent.Enqueue("COMMIT");
        }

        private bool Ours(DbContext? context) => context is KobanDbContext db && db.Actor.CompanyId == _company;

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_listeners) _listeners.ForEach(l => l.Dispose());
        }
    }

    [Test]
    public async Task A_validation_holds_the_number_counter_lock_for_the_chain_head_the_period_check_one_batch_of_writes_and_the_commit()
    {
        var company = await NewCompanyAsync();
        var etag = (await company.Admin.GetAsync("/api/v1/company")).Headers.ETag;
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/company") { Content = JsonContent.Create(CompanyProfileTests.Profile()) })
        {
            await (await company.Admin.SendAsync(put.WithIfMatch(etag))).ShouldHaveStatus(HttpStatusCode.OK);
        }
        var (customer, _) = await CustomerTests.CreateAsync(company.Admin, CustomerTests.Business());
        var lines = Enumerable.Range(0, 10).Select(i => new
        {
            kind = "Free",
            description = $"Prestation {i}",
            quantity = 1m + i,
            unitCode = "HUR",
            unitPrice = 65.25m + i,
            vatRate = i % 4 == 0 ? 10m : 20m,
            nature = "Service",
        }).ToArray();

        async Task<List<string>> ValidateOneAsync()
        {
            var created = await company.Admin.PostAsJsonAsync("/api/v1/invoices", new { customerId = customer.GetProperty("id").GetGuid(), lines });
            await created.ShouldHaveStatus(HttpStatusCode.Created);
            var id = (await created.Json()).GetProperty("id").GetGuid();
            using var statements = new Statements(company.Id);
            await (await company.Admin.PostAsJsonAsync($"/api/v1/invoices/{id}/validate", new { })).ShouldHaveStatus(HttpStatusCode.OK);
            return [.. statements.Sent];
        }

        // The first validation of the company also creates its counter and chain head; the second is the common case.
        await ValidateOneAsync();
        var sent = await ValidateOneAsync();

        var locked = sent.FindIndex(s => s.Contains("FROM number_counters", StringComparison.Ordinal) && s.Contains("FOR UPDATE", StringComparison.Ordinal));
        locked.ShouldBeGreaterThan(0, string.Join("\n---\n", sent));
        var commit = sent.IndexOf("COMMIT", locked);
        commit.ShouldBeGreaterThan(locked);
        var underLock = sent[(locked + 1)..commit];
        underLock.Count.ShouldBe(3, "chain head, closed period, the writes: " + string.Join("\n---\n", underLock));
        underLock[0].ShouldContain("FROM compliance_chain_heads");
        underLock[0].ShouldContain("FOR UPDATE");
        underLock[1].ShouldContain("FROM compliance_closures");
        var writes = underLock[2];
        foreach (var written in new[] { "UPDATE billing_documents", "UPDATE number_counters", "UPDATE compliance_chain_heads", "INSERT INTO audit_events", "INSERT INTO journal_entries", "INSERT INTO receivable_items" })
            writes.ShouldContain(written, Case.Sensitive, "every write of the validation goes in the one batch");
        writes.ShouldNotContain("SAVEPOINT");
        sent[..locked].ShouldContain(s => s.Contains("FROM accounting_settings", StringComparison.Ordinal), "the booking's reads come before the lock");
    }
}
