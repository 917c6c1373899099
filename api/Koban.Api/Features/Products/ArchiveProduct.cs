using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Products;

public sealed record ArchiveProductCommand(Guid Id) : ICommand<ProductResponse>;

public sealed class ArchiveProductHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<ArchiveProductCommand, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(ArchiveProductCommand command, CancellationToken cancellationToken)
    {
        var product = await ProductReader.LoadAsync(db, command.Id, cancellationToken);
        product.Archive();
        audit.Record("product.archived", "product", product.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ProductReader.Response(product);
    }
}

internal static class ArchiveProductEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/archive", async Task<Ok<ProductResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ArchiveProductCommand(id), ct)))
            .WithName("ArchiveProduct")
            .WithSummary("Archive a product")
            .WithDescription("An archived product cannot be put on new documents; documents using it keep it. 409 `invalid_state_transition` if already archived.")
            .RequirePermission(Permissions.Products, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, ProductExamples.Product with { IsArchived = true });
}
