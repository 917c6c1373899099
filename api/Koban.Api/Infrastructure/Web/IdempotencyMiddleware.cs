using System.Security.Cryptography;
using System.Text.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// Honours <c>Idempotency-Key</c> on every POST and DELETE under /api: the first response is stored (in PostgreSQL, so it
/// holds across instances) and replayed with <c>Idempotent-Replayed: true</c> for the same key and body; the same
/// key with another body is refused (422); a retry while the first is still running gets 409.
/// Server errors (5xx) are not kept, so a retry after a crash runs again; a failure after the request's change was
/// committed is answered as <see cref="CommittedRequests"/> says (303 or 204) and kept, so a retry does not act twice.
/// Records live at least 24 hours.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(5);

    public async Task InvokeAsync(HttpContext http, IServiceScopeFactory scopes, TimeProvider clock)
    {
        var key = http.Request.Headers[Header].ToString();
        if (!(HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method)) || string.IsNullOrEmpty(key) || !http.Request.Path.StartsWithSegments("/api"))
        {
            await next(http);
            return;
        }
        var principal = http.User.FindFirst(KobanClaims.UserId)?.Value ?? http.User.FindFirst(KobanClaims.ApiKeyId)?.Value;
        if (principal is null || !Guid.TryParse(http.User.FindFirst(KobanClaims.CompanyId)?.Value, out _))
        {
            await next(http); // unauthenticated calls (sign-in, sign-up) are not replayed; authorization answers them
            return;
        }
        if (key.Length > 200 || key.Any(char.IsControl))
        {
            await Problems.WriteAsync(http, Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.IdempotencyKeyInvalid,
                errors: new Dictionary<string, string[]> { [Header] = [ErrorCatalog.Message(ApiErrorCodes.IdempotencyKeyInvalid)] }));
            return;
        }

        http.Request.EnableBuffering();
        var hash = await HashRequestAsync(http.Request);

        // A separate unit of work: the handler's own DbContext must never be saved by this middleware.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        var now = clock.GetUtcNow();
        var record = new IdempotencyRecord { Principal = principal, Key = key, RequestHash = hash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var existing = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Principal == principal && r.Key == key, http.RequestAborted);
            if (existing.RequestHash != hash)
            {
                await Problems.WriteAsync(http, Problems.Create(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.IdempotencyKeyReused));
                return;
            }
            if (!existing.Completed)
            {
                if (now - existing.CreatedAt < Abandoned)
                {
                    await Problems.WriteAsync(http, Problems.Create(StatusCodes.Status409Conflict, ApiErrorCodes.IdempotencyKeyInProgress));
                    return;
                }
                await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(http.RequestAborted);
                await InvokeAsync(http, scopes, clock);
                return;
            }
            await ReplayAsync(http, existing);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch (Exception e) when (CommittedRequests.CommittedBefore(http, e))
        {
            await CommittedRequests.WriteAsync(http, e);
        }
        catch (Exception e) when (ProblemDetailsMapping.Map(e) is { Status: < 500 } problem)
        {
            // A refusal is the answer to this request: it is written here so that a retry replays it.
            await Problems.WriteAsync(http, problem);
        }
        catch
        {
            http.Response.Body = original;
            await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode >= 500)
        {
            await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            record.Completed = true;
            record.StatusCode = http.Response.StatusCode;
            record.ContentType = http.Response.ContentType;
            record.Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null;
            record.Body = buffer.ToArray();
            await db.SaveChangesAsync(CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record)
    {
        http.Response.StatusCode = record.StatusCode;
        http.Response.Headers[ReplayedHeader] = "true";
        if (record.ContentType is not null) http.Response.ContentType = record.ContentType;
        if (record.Location is not null) http.Response.Headers.Location = record.Location;
        if (record.ETag is not null) http.Response.Headers.ETag = record.ETag;
        if (record.Body is { Length: > 0 } body) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>Fingerprint of the request: method, path, query and body. A JSON body is hashed in canonical form (properties
    /// sorted by name at every level, no insignificant white space), so a client that serialises the same object with its
    /// properties in another order is recognised as retrying the same request.</summary>
    internal static async Task<string> HashRequestAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        await using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var bytes = body.ToArray();
        sha.AppendData(request.HasJsonContentType() && CanonicalJson(bytes) is { } canonical ? canonical : bytes);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    internal static byte[]? CanonicalJson(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var output = new MemoryStream();
            using (var writer = new Utf8JsonWriter(output))
            {
                WriteCanonical(document.RootElement, writer);
            }
            return output.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteCanonical(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(property.Value, writer);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteCanonical(item, writer);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}

/// <summary>Deletes idempotency records past their retention, hourly.</summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
                using var system = actor.EnterSystemScope();
                var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
                var limit = clock.GetUtcNow() - IdempotencyMiddleware.Retention;
                await db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.CreatedAt < limit).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Idempotency clean-up failed; it will run again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
