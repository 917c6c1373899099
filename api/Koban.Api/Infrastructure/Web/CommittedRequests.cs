using Koban.Api.Infrastructure.Persistence;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Koban.Api.Infrastructure.Web;

/// <summary>Marks an endpoint whose request arms the <see cref="CommitTracker"/> before its handler runs.</summary>
public sealed class CommitTrackedMetadata
{
    public static readonly CommitTrackedMetadata Instance = new();
}

/// <summary>
/// Never an error for a request whose transaction committed: when a server failure (a bug, a database that drops the
/// connection) happens after the change reached the database — while re-reading the document to build the response, say —
/// the client is told that the action happened instead of being invited to do it again: <c>204</c> for a DELETE,
/// else <c>303 See Other</c> with <c>Location</c> of the resource the request changed or created (which the client can
/// GET), or <c>204</c> when there is no such resource. The failure is logged as an error. The idempotency middleware
/// stores that answer under the request's <c>Idempotency-Key</c>, so a retry gets it again without acting twice.
/// A refusal (4xx) is a deliberate answer and is kept even after a commit (a failed sign-in records the attempt).
/// </summary>
public static class CommittedRequests
{
    /// <summary>Arms the request's <see cref="CommitTracker"/> when an unsafe request reaches its handler (what the
    /// pipeline wrote before — sessions, API keys' last use — is not the request's change).</summary>
    public static TBuilder TrackCommits<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(CommitTrackedMetadata.Instance);
        builder.AddEndpointFilter(static async (context, next) =>
        {
            var method = context.HttpContext.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
                context.HttpContext.RequestServices.GetRequiredService<CommitTracker>().Arm();
            return await next(context);
        });
        return builder;
    }

    /// <summary>True when <paramref name="exception"/> would be answered as a server error although the request's change
    /// is committed.</summary>
    public static bool CommittedBefore(HttpContext http, Exception exception) =>
        http.RequestServices.GetService<CommitTracker>() is { Committed: true } && ProblemDetailsMapping.Map(exception).Status >= 500;

    /// <summary>Writes the answer that tells the client its committed action happened (see the class summary) and logs the failure.</summary>
    public static Task WriteAsync(HttpContext http, Exception exception)
    {
        var tracker = http.RequestServices.GetRequiredService<CommitTracker>();
        var location = HttpMethods.IsDelete(http.Request.Method) ? null : LocationOf(http, tracker);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommittedRequests)).LogError(exception,
            "{Method} {Path} failed after its change was committed; answering {Status} {Location}", http.Request.Method, http.Request.Path,
            location is null ? StatusCodes.Status204NoContent : StatusCodes.Status303SeeOther, location);
        http.Response.Clear();
        if (location is null)
        {
            http.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = location;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The resource the request changed or created: for a creation (<c>POST …/invoices</c>, <c>POST …/invoices/from-order</c>),
    /// the one entity the commit added whose type names the collection (Invoice for <c>invoices</c>, CreditNote for
    /// <c>credit-notes</c>), when <c>GET {collection}/{id}</c> exists; else the resource in the path (<c>…/invoices/{id}</c>
    /// for <c>…/invoices/{id}/validate</c>); else the nearest collection that can be read; else none.
    /// </summary>
    internal static string? LocationOf(HttpContext http, CommitTracker tracker)
    {
        var segments = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var readable = http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true
                && e.RoutePattern.Parameters.All(p => !p.IsCatchAll))
            .Select(e => e.RoutePattern).ToList();
        bool CanGet(IReadOnlyList<string> path) => readable.Any(p => Matches(p, path));

        // trailing literal segments: a creation's collection (or an action's verb)
        for (var end = segments.Length; end > 0 && !Guid.TryParse(segments[end - 1], out _); end--)
        {
            var collection = Normalize(segments[end - 1]);
            var created = tracker.Created.Where(c => Names(c.Type, collection)).Select(c => c.Id).Distinct().ToList();
            if (created.Count != 1) continue;
            string[] path = [.. segments[..end], created[0].ToString()];
            if (CanGet(path)) return "/" + string.Join('/', path);
        }
        for (var end = segments.Length; end > 0; end--)
        {
            var path = segments[..end];
            if (Guid.TryParse(path[^1], out _) && CanGet(path)) return "/" + string.Join('/', path);
        }
        for (var end = segments.Length; end > 0; end--)
        {
            if (CanGet(segments[..end])) return "/" + string.Join('/', segments[..end]);
        }
        return null;
    }

    /// <summary>"credit-notes" → "creditnote", "opportunities" → "opportunity".</summary>
    private static string Normalize(string segment)
    {
        var letters = new string([.. segment.Where(char.IsLetter).Select(char.ToLowerInvariant)]);
        return letters.EndsWith("ies", StringComparison.Ordinal) ? letters[..^3] + "y"
            : letters.EndsWith('s') ? letters[..^1] : letters;
    }

    /// <summary>Whether an entity type is what a collection holds: Invoice for "invoice", AccountingExport for "export", KobanUser for "user".</summary>
    private static bool Names(Type type, string collection) =>
        collection.Length > 0 && type.Name.ToLowerInvariant().EndsWith(collection, StringComparison.Ordinal);

    private static bool Matches(RoutePattern pattern, IReadOnlyList<string> path)
    {
        if (pattern.PathSegments.Count != path.Count) return false;
        for (var i = 0; i < path.Count; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts is [RoutePatternLiteralPart literal])
            {
                if (!string.Equals(literal.Content, path[i], StringComparison.OrdinalIgnoreCase)) return false;
            }
            else if (parts is [RoutePatternParameterPart parameter])
            {
                if (parameter.ParameterPolicies.Any(p => p.Content == "guid") && !Guid.TryParse(path[i], out _)) return false;
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}
