using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;

namespace Koban.Api.Infrastructure.Scheduling;

/// <summary>A piece of background work running as one company: its id and the services of a scope that acts as it (the
/// company query filters and the database session's company are set to it).</summary>
public sealed record CompanyScope(Guid CompanyId, IServiceProvider Services);

/// <summary>What a pass over several companies gave: the result of each company whose work completed, in the order run,
/// and the companies whose work failed (logged, not thrown).</summary>
public sealed record CompanyPass<T>(IReadOnlyList<(Guid CompanyId, T Result)> Completed, IReadOnlyList<Guid> Failed);

/// <summary>
/// The one per-company loop of the background workers (automatic closures, automatic reminders, PDF archiving, accounting
/// exports): find the companies (or the company-owned rows) to work on with a system-scope query that sees every company,
/// then run the work of each company in a scope of its own that acts as that company, so row-level security and the query
/// filters hold as in a request. One company's failure is logged with its id and does not stop the others; a cancellation
/// is never swallowed.
/// </summary>
public sealed class CompanyWorkRunner(IServiceScopeFactory scopes, ILogger<CompanyWorkRunner> logger)
{
    /// <summary>Runs a query that sees every company (system scope: no company filter), for finding the work to do.</summary>
    public async Task<TResult> ReadAsSystemAsync<TResult>(Func<KobanDbContext, CancellationToken, Task<TResult>> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = scopes.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<CurrentActor>().EnterSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<KobanDbContext>(), ct);
    }

    /// <summary>A new scope acting as the company, under the actor name its audit entries and closures carry
    /// (and the user who asked for the work, when one did). The caller disposes it.</summary>
    public AsyncServiceScope OpenCompanyScope(Guid companyId, string actorName, Guid? userId = null)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(companyId, userId, actorName);
        return scope;
    }

    /// <summary>Runs the work of one company in its own company scope. A failure is logged with the company id and
    /// <paramref name="work"/>'s description and gives <c>false</c>.</summary>
    public async Task<(bool Completed, T Result)> RunForCompanyAsync<T>(Guid companyId, string actorName, string description,
        Func<CompanyScope, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["CompanyId"] = companyId });
        try
        {
            await using var scope = OpenCompanyScope(companyId, actorName);
            return (true, await work(new CompanyScope(companyId, scope.ServiceProvider), ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "{Work} failed for company {CompanyId}; the next pass tries again", description, companyId);
            return (false, default!);
        }
    }

    /// <summary>Runs the work of each company in turn, each in its own company scope; a failing company is logged and
    /// skipped, the others still run.</summary>
    public async Task<CompanyPass<T>> ForEachCompanyAsync<T>(IEnumerable<Guid> companyIds, string actorName, string description,
        Func<CompanyScope, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(companyIds);
        var completed = new List<(Guid, T)>();
        var failed = new List<Guid>();
        foreach (var companyId in companyIds)
        {
            ct.ThrowIfCancellationRequested();
            var (ok, result) = await RunForCompanyAsync(companyId, actorName, description, work, ct);
            if (ok) completed.Add((companyId, result));
            else failed.Add(companyId);
        }
        return new CompanyPass<T>(completed, failed);
    }
}
