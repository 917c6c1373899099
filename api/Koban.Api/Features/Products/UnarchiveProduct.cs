using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Products;

public sealed record UnarchiveProductCommand(Guid Id) : ICommand<ProductResponse>;

public sealed class UnarchiveProductHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<UnarchiveProductCommand, ProductResponse>
{
    public async ValueTask<ProductResponse> Handle(UnarchiveProductCommand command, CancellationToken cancellationToken)
    {
        var product = await ProductReader.LoadAsync(db, command.Id, cancellationToken);
        product.Unarchive();
        audit.Record("product.unarchived", "product", product.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ProductReader.Response(product);
    }
}

internal static class UnarchiveProductEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/unarchive", async Task<Ok<ProductResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UnarchiveProductCommand(id), ct)))
            .WithName("UnarchiveProduct")
            .WithSummary("Bring an archived product back")
            .WithDescription("The product can be used again. 409 `invalid_state_transition` if it was not archived.")
            .RequirePermission(Permissions.Products, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, ProductExamples.Product);
}
