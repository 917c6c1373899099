using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>
/// The per-company loop every background worker runs on (<see cref="CompanyWorkRunner"/>), against the real database:
/// each company's work runs in a scope acting as that company, a failing company is logged with its id and skipped while
/// the others run, and a cancellation stops the pass instead of being taken for a company's failure.
/// </summary>
public sealed class CompanyWorkRunnerTests : ApiTest
{
    [Test]
    public async Task Each_company_runs_as_itself_and_a_failing_company_does_not_stop_the_others()
    {
        var first = await NewCompanyAsync("Première SAS");
        var failing = await NewCompanyAsync("Défaillante SAS");
        var third = await NewCompanyAsync("Troisième SAS");
        var log = new RecordingLogger();
        var runner = new CompanyWorkRunner(Factory.Services.GetRequiredService<IServiceScopeFactory>(), log);

        var pass = await runner.ForEachCompanyAsync([first.Id, failing.Id, third.Id], "Travail de test", "Reading the company", async (company, ct) =>
        {
            if (company.CompanyId == failing.Id) throw new InvalidOperationException("this company's work breaks");
            var actor = company.Services.GetRequiredService<CurrentActor>();
            actor.CompanyId.ShouldBe(company.CompanyId);
            actor.DisplayName.ShouldBe("Travail de test");
            // The query filters and the database session act as the company: it sees itself only.
            return await company.Services.GetRequiredService<KobanDbContext>().Companies.Select(c => c.LegalName).SingleAsync(ct);
        }, CancellationToken.None);

        pass.Completed.ShouldBe(new[] { (first.Id, "Première SAS"), (third.Id, "Troisième SAS") });
        pass.Failed.ShouldBe(new[] { failing.Id });
        var warning = log.Entries.ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Exception.ShouldBeOfType<InvalidOperationException>();
        warning.Message.ShouldContain(failing.Id.ToString());
        warning.Message.ShouldContain("Reading the company");
    }

    [Test]
    public async Task The_system_read_sees_every_company_and_a_cancellation_stops_the_pass()
    {
        var a = await NewCompanyAsync();
        var b = await NewCompanyAsync();
        var log = new RecordingLogger();
        var runner = new CompanyWorkRunner(Factory.Services.GetRequiredService<IServiceScopeFactory>(), log);

        var all = await runner.ReadAsSystemAsync((db, ct) => db.Companies.IgnoreQueryFilters().Select(c => c.Id).ToListAsync(ct), CancellationToken.None);
        all.ShouldContain(a.Id);
        all.ShouldContain(b.Id);

        using var cancel = new CancellationTokenSource();
        var ran = new List<Guid>();
        await Should.ThrowAsync<OperationCanceledException>(() => runner.ForEachCompanyAsync([a.Id, b.Id], "Travail de test", "Cancelled work", async (company, ct) =>
        {
            ran.Add(company.CompanyId);
            await cancel.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return 0;
        }, cancel.Token));
        ran.ShouldHaveSingleItem().ShouldBe(a.Id, "the pass stops at the cancellation");
        log.Entries.ShouldBeEmpty("a cancellation is not a company's failure");
    }

    private sealed class RecordingLogger : ILogger<CompanyWorkRunner>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries) Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}
