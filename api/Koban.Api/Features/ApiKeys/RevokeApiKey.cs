using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.ApiKeys;

public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<ApiKeyResponse>;

public sealed class RevokeApiKeyHandler(KobanDbContext db, AuditLog audit, TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand, ApiKeyResponse>
{
    public async ValueTask<ApiKeyResponse> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken) ?? throw new NotFoundException("api_key", command.Id);
        if (!key.IsRevoked)
        {
            key.Revoke(clock.GetUtcNow());
            audit.Record("api_key.revoked", "api_key", key.Id, after: new { key.Name, key.RevokedAt });
            await db.SaveChangesAsync(cancellationToken);
        }
        return ApiKeyReader.Response(key);
    }
}

internal static class RevokeApiKeyEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/revoke", async Task<Ok<ApiKeyResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokeApiKeyCommand(id), ct)))
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key stops working at once (401). Revoking twice is harmless.")
            .RequirePermission(Permissions.ApiKeys, Access.Write)
            .WithExamples(null, 200, ApiKeyExamples.ApiKey with { RevokedAt = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero) });
}
