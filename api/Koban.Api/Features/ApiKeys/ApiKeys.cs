using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.ApiKeys;

public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    internal static ApiKeyResponse From(ApiKey k) => new(k.Id, k.Name, $"{ApiKey.KeyPrefix}{k.Prefix}", k.Scopes, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

public sealed record ApiKeyList(IReadOnlyList<ApiKeyResponse> Items, string? NextCursor, bool HasMore);

public sealed record CreateApiKeyRequest(string Name, IReadOnlyList<string> Scopes);

/// <summary>The only time the secret is ever shown: it is stored hashed.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse ApiKey, string Key);

public sealed record ListApiKeysQuery(int Limit, string? After, string? Sort, bool? Revoked, DateTimeOffset? UpdatedSince) : IQuery<ApiKeyList>;

public sealed class ListApiKeysHandler(KobanDbContext db) : IQueryHandler<ListApiKeysQuery, ApiKeyList>
{
    public static readonly SortFields<ApiKey> Sorts = new SortFields<ApiKey>("createdAt")
        .Add("createdAt", k => k.CreatedAt)
        .Add("name", k => k.Name)
        .Add("updatedAt", k => k.UpdatedAt);

    public async ValueTask<ApiKeyList> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var keys = db.ApiKeys.AsNoTracking();
        if (query.Revoked is { } revoked) keys = keys.Where(k => (k.RevokedAt != null) == revoked);
        if (query.UpdatedSince is { } since) keys = keys.Where(k => k.UpdatedAt >= since);
        var (items, next, hasMore) = await Keyset.PageAsync(keys, Sorts, query.Sort, query.After, query.Limit, k => k.Id, cancellationToken);
        return new ApiKeyList([.. items.Select(ApiKeyResponse.From)], next, hasMore);
    }
}

public sealed record CreateApiKeyCommand(string Name, IReadOnlyList<string> Scopes) : ICommand<CreatedApiKeyResponse>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Scopes).NotEmpty();
        RuleForEach(c => c.Scopes).Must(s => Permissions.AllScopes.Contains(s))
            .WithErrorCode(ApiErrorCodes.UnknownScope).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.UnknownScope));
    }
}

public sealed class CreateApiKeyHandler(KobanDbContext db, CurrentActor actor, AuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyResponse>
{
    public async ValueTask<CreatedApiKeyResponse> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var (key, plain) = ApiKey.Create(command.Name, command.Scopes, actor.UserId, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        audit.Record("api_key.created", "api_key", key.Id, after: new { key.Name, key.Scopes });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyResponse(ApiKeyResponse.From(key), plain);
    }
}

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
        return ApiKeyResponse.From(key);
    }
}

public static class ApiKeysEndpoints
{
    public static void MapApiKeysEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys");

        group.MapGet("/", async Task<Ok<ApiKeyList>> (IMediator mediator, int? limit, string? after, string? sort, bool? revoked, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(Cursor.Limit(limit), after, sort, revoked, updatedSince), ct)))
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("Names, prefixes, scopes, creation, last use and revocation of the company's keys; never the secrets. `revoked=false` lists the usable ones. `sort`: `createdAt` (default), `name`, `updatedAt` (prefix `-` for descending); `updatedSince` for syncing.")
            .RequirePermission(Permissions.ApiKeys, Access.Read)
            .WithExamples(null, 200, new ApiKeyList([ApiKeyExamples.ApiKey], null, false));

        group.MapGet("/scopes", () => TypedResults.Ok<IReadOnlyList<string>>(Permissions.AllScopes))
            .WithName("ListApiKeyScopes")
            .WithSummary("Every scope an API key can hold")
            .WithDescription("Scopes are `resource:read` or `resource:write`; write includes read.")
            .RequirePermission(Permissions.ApiKeys, Access.Read);

        group.MapPost("/", async Task<Created<CreatedApiKeyResponse>> (CreateApiKeyRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateApiKeyCommand(request.Name, request.Scopes ?? []), ct);
                return TypedResults.Created($"/api/v1/api-keys/{created.ApiKey.Id}", created);
            })
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("Returns the key once, in `key`: store it now, Koban keeps only its hash. Send it as `X-Api-Key`. Requests are rate-limited per key (429 with `Retry-After`).")
            .RequirePermission(Permissions.ApiKeys, Access.Write)
            .WithExamples(new CreateApiKeyRequest("Synchronisation boutique", ["customers:write", "orders:read"]), 201,
                new CreatedApiKeyResponse(ApiKeyExamples.ApiKey, "kbn_3f9a1c2b7d_Xq8mV1kP0sTz4Rb9wLc6Hn2Jd5Fg7Ye3Ua0Io8Pe1Qs"));

        group.MapPost("/{id:guid}/revoke", async Task<Ok<ApiKeyResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevokeApiKeyCommand(id), ct)))
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key stops working at once (401). Revoking twice is harmless.")
            .RequirePermission(Permissions.ApiKeys, Access.Write)
            .WithExamples(null, 200, ApiKeyExamples.ApiKey with { RevokedAt = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero) });
    }
}
