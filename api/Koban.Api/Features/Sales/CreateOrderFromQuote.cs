using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record CreateOrderFromQuoteCommand(Guid QuoteId) : ICommand<Versioned<OrderResponse>>;

public sealed class CreateOrderFromQuoteHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, OrderFactory factory, OrderReader reader)
    : ICommandHandler<CreateOrderFromQuoteCommand, Versioned<OrderResponse>>
{
    public async ValueTask<Versioned<OrderResponse>> Handle(CreateOrderFromQuoteCommand command, CancellationToken cancellationToken)
    {
        var opportunityId = await db.Quotes.IgnoreAutoIncludes().Where(q => q.Id == command.QuoteId).Select(q => new { q.OpportunityId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ReferenceNotFoundException("quoteId");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Opportunity first, then the quote (OpportunityProgress): "Gagner" and this request queue on the same rows.
        if (opportunityId.OpportunityId is { } locked) await OpportunityProgress.LockAsync(db, locked, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM quotes WHERE id = {command.QuoteId} FOR UPDATE", cancellationToken);
        var quote = await db.Quotes.AsNoTracking().SingleAsync(q => q.Id == command.QuoteId, cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        var order = await factory.FromQuoteAsync(quote, today, cancellationToken);
        db.Orders.Add(order);
        audit.Record("order.created", "order", order.Id, after: new { order.CustomerId, order.SourceQuoteId, quote.Number });
        await OpportunityProgress.FollowAcceptedQuoteAsync(db, audit, quote, today, order.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(order, cancellationToken), order.Version);
    }
}

internal static class CreateOrderFromQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/from-quote", async Task<Created<OrderResponse>> (OrderFromQuoteRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var order = await mediator.Send(new CreateOrderFromQuoteCommand(body.QuoteId), ct);
                return order.Created(response, $"/api/v1/orders/{order.Value.Id}");
            })
            .WithName("CreateOrderFromQuote")
            .WithSummary("Create the draft order of an accepted quote")
            .WithDescription("Copies the accepted quote's customer and lines unchanged into a draft order linked to it (the link shows on both). One order per quote (409 `quote_already_ordered`); the quote must be accepted (409 `quote_not_accepted`). The quote's opportunity, if any, is won in the same transaction (if it is not already). Winning the opportunity does the same in one step.")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(SalesOpenApiExamples.FromQuoteRequest, 201, SalesOpenApiExamples.OrderDraftFromQuote);
}
