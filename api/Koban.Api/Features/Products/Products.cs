using System.Globalization;
using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Products;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Products;

public sealed record ProductResponse(
    Guid Id,
    string Code,
    string Name,
    string? Description,
    string UnitCode,
    string UnitLabel,
    decimal UnitPrice,
    decimal VatRate,
    string? VatExemptionReason,
    ProductNature Nature,
    bool ForSale,
    bool Deliverable,
    bool IsContract,
    ContractPeriodicity? ContractPeriodicity,
    int? ContractTermMonths,
    bool IsArchived,
    DateTimeOffset UpdatedAt)
{
    internal static ProductResponse From(Product p) => new(p.Id, p.Code, p.Name, p.Description, p.UnitCode, Koban.Domain.Products.UnitCode.LabelOf(p.UnitCode), p.UnitPrice, p.VatRate,
        p.VatExemptionReason, p.Nature, p.ForSale, p.Deliverable, p.IsContract, p.ContractPeriodicity, p.ContractTermMonths, p.IsArchived, p.UpdatedAt);
}

public sealed record ProductList(IReadOnlyList<ProductResponse> Items, string? NextCursor, bool HasMore);

public sealed record ProductRequest(
    string Code,
    string Name,
    string? Description,
    string UnitCode,
    decimal UnitPrice,
    decimal VatRate,
    string? VatExemptionReason,
    ProductNature Nature,
    bool ForSale,
    bool Deliverable,
    bool IsContract,
    ContractPeriodicity? ContractPeriodicity,
    int? ContractTermMonths)
{
    internal ProductData ToData() => new(Code, Name, Description, UnitCode, UnitPrice, VatRate, VatExemptionReason, Nature, ForSale, Deliverable, IsContract,
        ContractPeriodicity, ContractTermMonths);
}

public sealed record UnitCodeResponse(string Code, string Label);

public sealed class ProductRequestValidator : AbstractValidator<ProductRequest>
{
    public ProductRequestValidator()
    {
        RuleFor(p => p.Code).NotEmpty().MaximumLength(Product.CodeMaxLength);
        RuleFor(p => p.Name).NotEmpty().MaximumLength(200);
        RuleFor(p => p.Description).MaximumLength(4000);
        RuleFor(p => p.UnitCode).NotEmpty().Must(Koban.Domain.Products.UnitCode.IsKnown).WithErrorCode(ErrorCodes.UnitCodeUnknown).WithMessage(_ => ErrorCatalog.Message(ErrorCodes.UnitCodeUnknown));
        RuleFor(p => p.UnitPrice).GreaterThanOrEqualTo(0).PrecisionScale(18, 4, true);
        RuleFor(p => p.VatRate).PrecisionScale(5, 2, true);
        RuleFor(p => p.VatExemptionReason).MaximumLength(300);
        RuleFor(p => p.Nature).IsInEnum();
        RuleFor(p => p.ContractPeriodicity).IsInEnum();
    }
}

public sealed record ListProductsQuery(int Limit, string? After, string? Sort, string? Search, ProductNature? Nature, bool? ForSale, bool? Deliverable,
    bool? IsContract, bool? Archived, DateTimeOffset? UpdatedSince) : IQuery<ProductList>;

public sealed record GetProductQuery(Guid Id) : IQuery<(ProductResponse Product, uint Version)>;

public sealed record CreateProductCommand(ProductRequest Product) : ICommand<(ProductResponse Product, uint Version)>;

public sealed record UpdateProductCommand(Guid Id, uint ExpectedVersion, ProductRequest Product) : ICommand<(ProductResponse Product, uint Version)>;

public sealed record ArchiveProductCommand(Guid Id, bool Archive) : ICommand<ProductResponse>;

public sealed record DeleteProductCommand(Guid Id) : ICommand;

public sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator() => RuleFor(c => c.Product).NotNull().SetValidator(new ProductRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateProductValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductValidator() => RuleFor(c => c.Product).NotNull().SetValidator(new ProductRequestValidator()).OverridePropertyName("");
}

public sealed class ProductHandlers(KobanDbContext db, AuditLog audit)
    : IQueryHandler<ListProductsQuery, ProductList>,
      IQueryHandler<GetProductQuery, (ProductResponse Product, uint Version)>,
      ICommandHandler<CreateProductCommand, (ProductResponse Product, uint Version)>,
      ICommandHandler<UpdateProductCommand, (ProductResponse Product, uint Version)>,
      ICommandHandler<ArchiveProductCommand, ProductResponse>,
      ICommandHandler<DeleteProductCommand>
{
    public static readonly SortFields<Product> Sorts = new SortFields<Product>("code")
        .Add("code", p => p.Code)
        .Add("name", p => p.Name)
        .Add("unitPrice", p => p.UnitPrice)
        .Add("updatedAt", p => p.UpdatedAt);

    public async ValueTask<ProductList> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        products = query.Archived is { } archived ? products.Where(p => p.IsArchived == archived) : products.Where(p => !p.IsArchived);
        if (query.Nature is { } nature) products = products.Where(p => p.Nature == nature);
        if (query.ForSale is { } forSale) products = products.Where(p => p.ForSale == forSale);
        if (query.Deliverable is { } deliverable) products = products.Where(p => p.Deliverable == deliverable);
        if (query.IsContract is { } contract) products = products.Where(p => p.IsContract == contract);
        if (query.UpdatedSince is { } since) products = products.Where(p => p.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            products = products.Where(p => EF.Functions.ILike(p.Code, pattern, "\\") || EF.Functions.ILike(p.Name, pattern, "\\"));
        }
        var (items, next, hasMore) = await Keyset.PageAsync(products, Sorts, query.Sort, query.After, query.Limit, p => p.Id, cancellationToken);
        return new ProductList([.. items.Select(ProductResponse.From)], next, hasMore);
    }

    public async ValueTask<(ProductResponse Product, uint Version)> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken) ?? throw new NotFoundException("product", query.Id);
        return (ProductResponse.From(product), product.Version);
    }

    public async ValueTask<(ProductResponse Product, uint Version)> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var product = Product.Create(command.Product.ToData());
        db.Products.Add(product);
        audit.Record("product.created", "product", product.Id, after: ProductResponse.From(product));
        await SaveAsync(cancellationToken);
        return (ProductResponse.From(product), product.Version);
    }

    public async ValueTask<(ProductResponse Product, uint Version)> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("product", command.Id);
        if (product.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(product).Property(p => p.Version).OriginalValue = command.ExpectedVersion;
        var before = ProductResponse.From(product);
        // Documents copy code, description, unit, price and VAT onto their lines: a change here never alters them.
        product.Update(command.Product.ToData());
        audit.Record("product.updated", "product", product.Id, before, ProductResponse.From(product));
        await SaveAsync(cancellationToken);
        return (ProductResponse.From(product), product.Version);
    }

    public async ValueTask<ProductResponse> Handle(ArchiveProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("product", command.Id);
        if (command.Archive) product.Archive();
        else product.Unarchive();
        audit.Record(command.Archive ? "product.archived" : "product.unarchived", "product", product.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ProductResponse.From(product);
    }

    public async ValueTask<Unit> Handle(DeleteProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException("product", command.Id);
        if (await References.ProductIsReferencedAsync(db, product.Id, cancellationToken))
        {
            throw new DomainConflictException(ErrorCodes.ProductReferenced, "A document uses this product: archive it instead.");
        }
        db.Products.Remove(product);
        audit.Record("product.deleted", "product", product.Id, before: ProductResponse.From(product));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new FieldValidationException("code", ApiErrorCodes.ProductCodeTaken);
        }
    }
}

public sealed record ImportProductsCommand(CsvTable Table, bool DryRun) : ICommand<ImportReport>;

/// <summary>One row = one product, matched on its code (created when new). Same rules as the API, one savepoint per row.</summary>
public sealed class ImportProductsHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<ImportProductsCommand, ImportReport>
{
    public const string Description = """
        multipart/form-data with a part `file`: a CSV (UTF-8 or Windows-1252; `;`, `,` or tab separated; at most 5 MB and 10,000 rows) with a header line. Columns, French or English names: `code` (required, the match key), `nom`/`name`, `description`, `unite`/`unit` (UN/ECE code such as C62, HUR, DAY, or its French label such as heure, jour), `prixHT`/`unitPrice` (decimal comma or point), `tva`/`vatRate` (20, 10, 5,5, 2,1 or 0), `motifExoneration`/`vatExemptionReason`, `nature` (bien/service, goods/service), `enVente`/`forSale`, `livrable`/`deliverable` (oui/non, yes/no, 1/0).
        A row updates the product with the same code or creates it; the report lists per row what was created, updated or refused and why. A price change never alters existing documents. `dryRun=true` checks everything and keeps nothing.
        """;

    public async ValueTask<ImportReport> Handle(ImportProductsCommand command, CancellationToken cancellationToken)
    {
        var table = command.Table;
        if (!table.HasColumn("code")) throw new FieldValidationException("file", ApiErrorCodes.CsvMissingColumn);
        var validator = new ProductRequestValidator();
        return await CsvImport.RunAsync(db, table, command.DryRun, ["code"], async (get, ct) =>
        {
            var errors = new List<ImportRowError>();
            var request = ToRequest(names => get(names), errors);
            if (errors.Count > 0) return new ImportRowResult(0, ImportOutcome.Refused, get("code"), null, errors);
            var validation = await validator.ValidateAsync(request, ct);
            if (!validation.IsValid) return CsvImport.Refused(get("code"), validation);
            var trimmed = request.Code.Trim();
            var existing = await db.Products.SingleOrDefaultAsync(p => p.Code == trimmed, ct);
            Product product;
            if (existing is null)
            {
                product = Product.Create(request.ToData());
                db.Products.Add(product);
            }
            else
            {
                product = existing;
                product.Update(request.ToData());
            }
            audit.Record(existing is null ? "product.imported" : "product.updated_by_import", "product", product.Id, after: ProductResponse.From(product));
            await db.SaveChangesAsync(ct);
            return new ImportRowResult(0, existing is null ? ImportOutcome.Created : ImportOutcome.Updated, product.Code, product.Id, []);
        }, cancellationToken);
    }

    private static ProductRequest ToRequest(Func<string[], string?> get, List<ImportRowError> errors)
    {
        string? Get(params string[] names) => get(names);
        decimal Number(string field, string? text, decimal fallback)
        {
            if (text is null) return fallback;
            var normalized = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal)
                .Replace("€", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace(',', '.');
            if (decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add(new ImportRowError(field, ApiErrorCodes.MalformedRequest, ErrorCatalog.Message(ApiErrorCodes.MalformedRequest)));
            return fallback;
        }
        bool Flag(string? text, bool fallback) => text?.Trim().ToLowerInvariant() switch
        {
            null => fallback,
            "oui" or "o" or "yes" or "y" or "1" or "vrai" or "true" or "x" => true,
            _ => false,
        };
        var unitText = Get("unite", "unit", "unitCode") ?? UnitCode.Default;
        var unit = UnitCode.All.FirstOrDefault(u => string.Equals(u.Code, unitText, StringComparison.OrdinalIgnoreCase) || string.Equals(u.LabelFr, unitText, StringComparison.OrdinalIgnoreCase))?.Code ?? unitText;
        var natureText = Get("nature", "type")?.ToLowerInvariant();
        var nature = natureText is "bien" or "biens" or "goods" or "marchandise" ? ProductNature.Goods : ProductNature.Service;
        return new ProductRequest(Get("code") ?? string.Empty, Get("nom", "name", "designation", "libelle") ?? string.Empty, Get("description"), unit,
            Number("unitPrice", Get("prixHT", "prixUnitaireHT", "prix", "unitPrice", "price"), 0m), Number("vatRate", Get("tva", "tauxTva", "vatRate", "vat"), 20m),
            Get("motifExoneration", "vatExemptionReason"), nature, Flag(Get("enVente", "forSale"), true), Flag(Get("livrable", "deliverable"), false), false, null, null);
    }
}

public static class ProductsEndpoints
{
    public static void MapProductsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/products").WithTags("Products");
        var example = new ProductResponse(Guid.Parse("01936c10-0000-7000-8000-00000000a001"), "POSE-H", "Pose et réglage", "Main d'œuvre sur site, par heure",
            UnitCode.Hour, "heure", 65.0000m, 20.00m, null, ProductNature.Service, true, false, false, null, null, false, new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        var request = new ProductRequest("POSE-H", "Pose et réglage", "Main d'œuvre sur site, par heure", UnitCode.Hour, 65m, 20m, null, ProductNature.Service, true, false, false, null, null);

        group.MapGet("/", async Task<Ok<ProductList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, ProductNature? nature, bool? forSale,
                bool? deliverable, bool? isContract, bool? archived, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListProductsQuery(Cursor.Limit(limit), after, sort, search, nature, forSale, deliverable, isContract, archived, updatedSince), ct)))
            .WithName("ListProducts")
            .WithSummary("List and search products")
            .WithDescription("`search` matches the code or the name. Filters: `nature`, `forSale`, `deliverable`, `isContract`, `archived` (default false), `updatedSince`. `sort`: `code` (default), `name`, `unitPrice`, `updatedAt`, `-` for descending.")
            .RequirePermission(Permissions.Products, Access.Read)
            .WithExamples(null, 200, new ProductList([example], null, false));

        group.MapGet("/units", () => TypedResults.Ok<IReadOnlyList<UnitCodeResponse>>([.. UnitCode.All.Select(u => new UnitCodeResponse(u.Code, u.LabelFr))]))
            .WithName("ListUnitCodes")
            .WithSummary("Units of measure")
            .WithDescription("UN/ECE Recommendation 20 codes (needed by e-invoices) with their French labels.")
            .RequirePermission(Permissions.Products, Access.Read)
            .WithExamples(null, 200, new List<UnitCodeResponse> { new("HUR", "heure"), new("DAY", "jour") });

        group.MapPost("/", async Task<Created<ProductResponse>> (ProductRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (product, version) = await mediator.Send(new CreateProductCommand(body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/products/{product.Id}", product);
            })
            .WithName("CreateProduct")
            .WithSummary("Create a product")
            .WithDescription("The code is unique in the company (400 `product_code_taken`). Unit price excluding VAT, up to 4 decimals. VAT rate from the French table (20, 10, 5.5, 2.1, 0); 0 % needs an exemption reason. `forSale` is required for a product to appear on a quote or order, `deliverable` for a delivery note; `isContract` products are sold as subscriptions and need a periodicity and a term (1–120 months).")
            .RequirePermission(Permissions.Products, Access.Write)
            .WithProblems(422)
            .WithExamples(request, 201, example);

        group.MapGet("/{id:guid}", async Task<Ok<ProductResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (product, version) = await mediator.Send(new GetProductQuery(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(product);
            })
            .WithName("GetProduct")
            .WithSummary("Get a product")
            .WithDescription("Returns the product with an `ETag` for the update.")
            .RequirePermission(Permissions.Products, Access.Read)
            .WithExamples(null, 200, example);

        group.MapPut("/{id:guid}", async Task<Ok<ProductResponse>> (Guid id, ProductRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (product, version) = await mediator.Send(new UpdateProductCommand(id, EntityTags.RequireIfMatch(http), body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(product);
            })
            .WithName("UpdateProduct")
            .WithSummary("Update a product")
            .WithDescription("Same rules as the creation. Documents copy the product's description, unit, price and VAT onto their lines, so a change here never alters an existing quote, order or invoice.")
            .RequirePermission(Permissions.Products, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(request with { UnitPrice = 68m }, 200, example with { UnitPrice = 68.0000m });

        group.MapPost("/{id:guid}/archive", async Task<Ok<ProductResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ArchiveProductCommand(id, true), ct)))
            .WithName("ArchiveProduct")
            .WithSummary("Archive a product")
            .WithDescription("An archived product cannot be put on new documents; documents using it keep it. 409 `invalid_state_transition` if already archived.")
            .RequirePermission(Permissions.Products, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, example with { IsArchived = true });

        group.MapPost("/{id:guid}/unarchive", async Task<Ok<ProductResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ArchiveProductCommand(id, false), ct)))
            .WithName("UnarchiveProduct")
            .WithSummary("Bring an archived product back")
            .WithDescription("The product can be used again. 409 `invalid_state_transition` if it was not archived.")
            .RequirePermission(Permissions.Products, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, example);

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

        group.MapPost("/import", async Task<Ok<ImportReport>> (IFormFile file, bool? dryRun, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ImportProductsCommand(await ImportFile.ReadAsync(file, ct), dryRun ?? false), ct)))
            .WithName("ImportProducts")
            .WithSummary("Import products from a CSV file")
            .WithDescription(ImportProductsHandler.Description)
            .RequirePermission(Permissions.Products, Access.Write)
            .DisableAntiforgery()
            .WithExamples(null, 200, new ImportReport(2, 1, 0, 1, false,
            [
                new ImportRowResult(2, ImportOutcome.Created, "POSE-H", example.Id, []),
                new ImportRowResult(3, ImportOutcome.Refused, "LIVR", null, [new ImportRowError("vatRate", "vat_rate_not_allowed", "Taux de TVA non autorisé.")]),
            ]));
    }
}
