using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Products;

public sealed record DeleteProductCommand(Guid Id) : ICommand;

public sealed class DeleteProductHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<DeleteProductCommand>
{
    public async ValueTask<Unit> Handle(DeleteProductCommand command, CancellationToken cancellationToken)
    {
        var product = await ProductReader.LoadAsync(db, command.Id, cancellationToken);
        if (await References.ProductIsReferencedAsync(db, product.Id, cancellationToken))
        {
            throw new DomainConflictException(ErrorCodes.ProductReferenced, "A document uses this product: archive it instead.");
        }
        db.Products.Remove(product);
        audit.Record("product.deleted", "product", product.Id, before: ProductReader.Response(product));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class DeleteProductEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteProductCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteProduct")
            .WithSummary("Delete a product no document uses")
            .WithDescription("Only for a product entered by mistake: once a quote or order line uses it, the answer is 409 `product_referenced`: archive the product instead.")
            .RequirePermission(Permissions.Products, Access.Write)
            .WithProblems(409);
}
