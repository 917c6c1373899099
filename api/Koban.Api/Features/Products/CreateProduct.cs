using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Products;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Products;

public sealed record CreateProductCommand(ProductRequest Product) : ICommand<Versioned<ProductResponse>>;

public sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator() => RuleFor(c => c.Product).NotNull().SetValidator(new ProductRequestValidator()).OverridePropertyName("");
}

public sealed class CreateProductHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<CreateProductCommand, Versioned<ProductResponse>>
{
    public async ValueTask<Versioned<ProductResponse>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var product = Product.Create(command.Product.ToData());
        db.Products.Add(product);
        audit.Record("product.created", "product", product.Id, after: ProductReader.Response(product));
        await ProductCodes.SaveAsync(db, cancellationToken);
        return ProductReader.WithVersion(product);
    }
}

internal static class CreateProductEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<ProductResponse>> (ProductRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var product = await mediator.Send(new CreateProductCommand(body), ct);
                return product.Created(response, $"/api/v1/products/{product.Value.Id}");
            })
            .WithName("CreateProduct")
            .WithSummary("Create a product")
            .WithDescription("The code is unique in the company (400 `product_code_taken`). Unit price excluding VAT, up to 4 decimals. VAT rate from the French table (20, 10, 5.5, 2.1, 0); 0 % needs an exemption reason. `forSale` is required for a product to appear on a quote or order, `deliverable` for a delivery note; `isContract` products are sold as subscriptions and need a periodicity and a term (1–120 months).")
            .RequirePermission(Permissions.Products, Access.Write)
            .WithProblems(422)
            .WithExamples(ProductExamples.Request, 201, ProductExamples.Product);
}
