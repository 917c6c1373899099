using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Sales;

public sealed record BillingOverviewQuery(DateOnly? DueBy) : IQuery<BillingOverview>;

public sealed class BillingOverviewHandler(BillingScheduleReader reader) : IQueryHandler<BillingOverviewQuery, BillingOverview>
{
    public async ValueTask<BillingOverview> Handle(BillingOverviewQuery query, CancellationToken cancellationToken) => await reader.OverviewAsync(query.DueBy, cancellationToken);
}

internal static class GetBillingOverviewEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/billing-schedule", async Task<Ok<BillingOverview>> (IMediator mediator, DateOnly? dueBy, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new BillingOverviewQuery(dueBy), ct)))
            .WithTags("Orders")
            .WithName("GetBillingOverview")
            .WithSummary("What to invoice now: due milestones and orders left to invoice")
            .WithDescription("Across orders, so nothing is forgotten: milestones not yet invoiced planned on or before `dueBy` (default today, in the company's time zone; `isLate` when past), and validated orders with an amount left to invoice (oldest first, 500 at most).")
            .RequirePermission(Permissions.BillingSchedules, Access.Read)
            .WithExamples(null, 200, SalesOpenApiExamples.Overview);
}
