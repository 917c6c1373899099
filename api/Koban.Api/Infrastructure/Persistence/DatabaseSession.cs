namespace Koban.Api.Infrastructure.Persistence;

/// <summary>
/// The database side of one unit of work (an HTTP request, a job's scope): whether its connection is being held open
/// for the whole scope, and how many physical opens and company-context settings it cost — figures the tests check
/// (one of each per request) and nothing else reads.
/// </summary>
public sealed class DatabaseSession
{
    /// <summary>True while <see cref="RequestDatabaseConnection"/> opens the request's connection: its company
    /// settings wait for the first command, when the caller is known.</summary>
    public bool Pinning { get; set; }

    public int PhysicalOpens { get; set; }

    public int ContextSettings { get; set; }
}
