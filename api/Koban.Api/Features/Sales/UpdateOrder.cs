using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record UpdateOrderCommand(Guid Id, uint ExpectedVersion, OrderRequest Order) : ICommand<Versioned<OrderResponse>>;

public sealed class UpdateOrderValidator : AbstractValidator<UpdateOrderCommand>
{
    public UpdateOrderValidator() => RuleFor(c => c.Order).NotNull().SetValidator(new OrderRequestValidator()).OverridePropertyName("");
}

/// <summary>A draft changes freely; a validated order only in its free fields (the domain refuses a change of a frozen one).</summary>
public sealed class UpdateOrderHandler(KobanDbContext db, AuditLog audit, SalesLineBuilder builder, CompanyClock clock, OrderFactory factory, OrderReader reader)
    : ICommandHandler<UpdateOrderCommand, Versioned<OrderResponse>>
{
    public async ValueTask<Versioned<OrderResponse>> Handle(UpdateOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("order", command.Id);
        if (order.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(order).Property(o => o.Version).OriginalValue = command.ExpectedVersion;
        db.Entry(order).Property(o => o.UpdatedAt).IsModified = true;
        var content = await OrderContent.ResolveAsync(db, builder, clock, factory, command.Order, order, cancellationToken);
        var before = new { order.CustomerReference, order.GeneralComment, order.PlannedDeliveryDate, order.DeliveryMethod, order.ContactId, order.InternalNotes, order.TotalExcludingVat };
        order.UpdateHeader(content.Header, content.Free, content.Business);
        order.ReplaceLines(content.Lines);
        audit.Record("order.updated", "order", order.Id, before,
            new { order.CustomerReference, order.GeneralComment, order.PlannedDeliveryDate, order.DeliveryMethod, order.ContactId, order.InternalNotes, order.TotalExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(order, cancellationToken), order.Version);
    }
}

internal static class UpdateOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<OrderResponse>> (Guid id, OrderRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateOrderCommand(id, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateOrder")
            .WithSummary("Update an order")
            .WithDescription("""
                A draft is fully editable. Once validated (domain-rules §2), the financial content is frozen: customer and invoiced account, lines (products, descriptions, quantities, prices, discounts, VAT), number, order date, payment method and terms, currency. Send them back unchanged; any real change is refused with 409 `document_frozen`, `errors` naming the field (e.g. `lines[1].unitPrice`) and `detail` explaining it in plain words — cancel the order and re-enter it instead.
                Still editable after validation: document template and its header/footer texts, general comment, salesperson, planned delivery date, delivery method and address, customer contact, purchase-order reference, internal notes. A cancelled order changes no more.
                """)
            .RequirePermission(Permissions.Orders, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(SalesOpenApiExamples.OrderUpdateRequest, 200, SalesOpenApiExamples.OrderUpdated);
}
