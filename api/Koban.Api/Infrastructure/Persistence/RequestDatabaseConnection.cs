using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>
/// One pool checkout per API request: opens the request's <see cref="KobanDbContext"/> connection before
/// authentication, so every statement of the request — session check, handler, response building, the archive step
/// after a validation — runs on it, instead of EF opening and closing (and PostgreSQL re-setting) a pooled connection
/// around each query. Opening a pooled connection costs no round trip; the company settings are written at the first
/// command (<see cref="CompanySessionInterceptor"/>). The connection goes back to the pool when the request ends.
/// </summary>
public sealed class RequestDatabaseConnection(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, KobanDbContext db, DatabaseSession session)
    {
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }
        session.Pinning = true;
        try
        {
            await db.Database.OpenConnectionAsync(http.RequestAborted);
        }
        finally
        {
            session.Pinning = false;
        }
        try
        {
            await next(http);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
