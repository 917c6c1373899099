using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.ApiKeys;

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
        return ApiKeyReader.Created(key, plain);
    }
}

internal static class CreateApiKeyEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<CreatedApiKeyResponse>> (CreateApiKeyRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateApiKeyCommand(request.Name, request.Scopes ?? []), ct);
                return TypedResults.Created($"/api/v1/api-keys/{created.ApiKey.Id}", created);
            })
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("Returns the key once, in `key`: store it now, Koban keeps only its hash. Send it as `X-Api-Key`. Requests are rate-limited per key (429 with `Retry-After`).")
            .RequirePermission(Permissions.ApiKeys, Access.Write)
            .WithExamples(ApiKeyExamples.Create, 201, ApiKeyExamples.Created);
}
