using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Sales;

public sealed record CreateOrderCommand(OrderRequest Order) : ICommand<Versioned<OrderResponse>>;

public sealed class CreateOrderValidator : AbstractValidator<CreateOrderCommand>
{
    public CreateOrderValidator() => RuleFor(c => c.Order).NotNull().SetValidator(new OrderRequestValidator()).OverridePropertyName("");
}

public sealed class CreateOrderHandler(KobanDbContext db, AuditLog audit, SalesLineBuilder builder, CompanyClock clock, OrderFactory factory, OrderReader reader)
    : ICommandHandler<CreateOrderCommand, Versioned<OrderResponse>>
{
    public async ValueTask<Versioned<OrderResponse>> Handle(CreateOrderCommand command, CancellationToken cancellationToken)
    {
        var content = await OrderContent.ResolveAsync(db, builder, clock, factory, command.Order, null, cancellationToken);
        var order = Order.CreateDraft(content.Header, content.Lines, content.Business, content.Free);
        db.Orders.Add(order);
        audit.Record("order.created", "order", order.Id, after: new { order.CustomerId, traceableToQuote = false, lines = content.Lines.Count, order.TotalExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(order, cancellationToken), order.Version);
    }
}

internal static class CreateOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<OrderResponse>> (OrderRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var order = await mediator.Send(new CreateOrderCommand(body), ct);
                return order.Created(response, $"/api/v1/orders/{order.Value.Id}");
            })
            .WithName("CreateOrder")
            .WithSummary("Create a draft order directly")
            .WithDescription("A draft order entered directly, marked as not traceable to a quote (`traceableToQuote: false`) — allowed, as the seed says. Defaults: today, the invoiced customer's payment terms (or the company's), bank transfer, EUR; `billToCustomerId` defaults to the customer. A draft has no number and stays fully editable. " + QuotesEndpoints.LinesRules)
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(422)
            .WithExamples(SalesOpenApiExamples.OrderRequest, 201, SalesOpenApiExamples.OrderDraft);
}
