using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record ValidateOrderCommand(Guid Id) : ICommand<OrderResponse>;

public sealed class ValidateOrderHandler(KobanDbContext db, AuditLog audit, DocumentNumbers numbers, OrderReader reader) : ICommandHandler<ValidateOrderCommand, OrderResponse>
{
    public async ValueTask<OrderResponse> Handle(ValidateOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("order", command.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var billTo = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleAsync(c => c.Id == order.BillToCustomerId, cancellationToken);
        var productIds = order.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var forSale = await db.Products.Where(p => productIds.Contains(p.Id) && p.ForSale && !p.IsArchived).Select(p => p.Id).ToListAsync(cancellationToken);
        var context = new OrderValidationContext(billTo.BillingAddress is not null, forSale.Contains);
        // The number is taken in this transaction: a refused validation rolls the counter back with it (domain-rules §3).
        var number = await numbers.NextAsync(DocumentType.Order, order.OrderDate, "orderDate", cancellationToken);
        order.Validate(number, context);
        audit.Record("order.validated", "order", order.Id, after: new { number, order.TotalExcludingVat, order.TotalVat, order.TotalIncludingVat });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.ResponseAsync(order, cancellationToken);
    }
}

internal static class ValidateOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/validate", async Task<Ok<OrderResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ValidateOrderCommand(id), ct)))
            .WithName("ValidateOrder")
            .WithSummary("Validate a draft order")
            .WithDescription("Checks: at least one priced line (422 `document_has_no_priced_line`), an invoiced customer with a billing address (422 `customer_billing_address_missing`), every product still for sale (422 `product_not_for_sale`), a total that is not negative (422 `document_total_negative`). Then assigns the next number of the order sequence in the same transaction (gapless: a refused validation takes no number) and freezes the financial content. Validating twice answers 409 `invalid_state_transition`.")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(null, 200, SalesOpenApiExamples.Order);
}
