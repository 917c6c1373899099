using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record GetBillingScheduleQuery(Guid OrderId) : IQuery<Versioned<BillingScheduleResponse>>;

/// <summary>An order not yet planned has an empty schedule at version 0.</summary>
public sealed class GetBillingScheduleHandler(KobanDbContext db, BillingScheduleReader reader) : IQueryHandler<GetBillingScheduleQuery, Versioned<BillingScheduleResponse>>
{
    public async ValueTask<Versioned<BillingScheduleResponse>> Handle(GetBillingScheduleQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken) ?? throw new NotFoundException("order", query.OrderId);
        var schedule = await db.Set<BillingSchedule>().AsNoTracking().SingleOrDefaultAsync(s => s.OrderId == order.Id, cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(order, schedule, cancellationToken), schedule?.Version ?? 0);
    }
}

internal static class GetOrderBillingScheduleEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/billing-schedule", async Task<Ok<BillingScheduleResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetBillingScheduleQuery(id), ct)).Ok(response))
            .WithName("GetOrderBillingSchedule")
            .WithSummary("The order's billing schedule")
            .WithDescription("Planned milestones (label, date, percentage or amount excluding VAT) with the amount each represents, whether it is due or late, and the invoice that billed it once there is one.")
            .RequirePermission(Permissions.BillingSchedules, Access.Read)
            .WithExamples(null, 200, SalesOpenApiExamples.Schedule);
}
