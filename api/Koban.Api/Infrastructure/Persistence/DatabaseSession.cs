using System.Data.Common;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>
/// The database side of one unit of work (an HTTP request, a job's scope): whether its connection is being held open
/// for the whole scope, and how many physical opens and company-context settings it cost — figures the tests check
/// (one of each per request) and nothing else reads — and what the context's connection was last told
/// (<see cref="CompanySessionInterceptor"/> keeps it here, as the interceptor itself is shared by every context).
/// </summary>
public sealed class DatabaseSession
{
    private DbConnection? _told;
    private string? _company;
    private bool _system;

    /// <summary>True while <see cref="RequestDatabaseConnection"/> opens the request's connection: its company
    /// settings wait for the first command, when the caller is known.</summary>
    public bool Pinning { get; set; }

    public int PhysicalOpens { get; set; }

    public int ContextSettings { get; set; }

    /// <summary>True when <paramref name="connection"/> was last told exactly this company and system flag, and
    /// nothing (a close, a re-open, a rollback) has undone it since.</summary>
    internal bool Carries(DbConnection connection, string company, bool system) =>
        ReferenceEquals(_told, connection) && _company == company && _system == system;

    internal void Told(DbConnection connection, string company, bool system)
    {
        _told = connection;
        _company = company;
        _system = system;
        ContextSettings++;
    }

    internal void Forget() => _told = null;
}
