using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Products;

public sealed record UpdateProductCommand(Guid Id, uint ExpectedVersion, ProductRequest Product) : ICommand<Versioned<ProductResponse>>;

public sealed class UpdateProductValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductValidator() => RuleFor(c => c.Product).NotNull().SetValidator(new ProductRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateProductHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<UpdateProductCommand, Versioned<ProductResponse>>
{
    public async ValueTask<Versioned<ProductResponse>> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await ProductReader.LoadAsync(db, command.Id, cancellationToken);
        if (product.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(product).Property(p => p.Version).OriginalValue = command.ExpectedVersion;
        var before = ProductReader.Response(product);
        // Documents copy code, description, unit, price and VAT onto their lines: a change here never alters them.
        product.Update(command.Product.ToData());
        audit.Record("product.updated", "product", product.Id, before, ProductReader.Response(product));
        await ProductCodes.SaveAsync(db, cancellationToken);
        return ProductReader.WithVersion(product);
    }
}

internal static class UpdateProductEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<ProductResponse>> (Guid id, ProductRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateProductCommand(id, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateProduct")
            .WithSummary("Update a product")
            .WithDescription("Same rules as the creation. Documents copy the product's description, unit, price and VAT onto their lines, so a change here never alters an existing quote, order or invoice.")
            .RequirePermission(Permissions.Products, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(ProductExamples.Request with { UnitPrice = 68m }, 200, ProductExamples.Product with { UnitPrice = 68.0000m });
}
