using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record WinOpportunityCommand(Guid Id, WinOpportunityRequest Request) : ICommand<WinOpportunityResponse>;

public sealed class WinOpportunityHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, OrderFactory orders, OpportunityReader reader)
    : ICommandHandler<WinOpportunityCommand, WinOpportunityResponse>
{
    /// <summary>Winning offers the order (the seed's flow): one accepted quote → a draft order with its lines, or the order
    /// already made from it (never a second one); several → the caller names one; none → an empty draft for the customer;
    /// or no order when asked. The opportunity row is locked for the whole request, so two clicks make one order.</summary>
    public async ValueTask<WinOpportunityResponse> Handle(WinOpportunityCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OpportunityProgress.LockAsync(db, command.Id, cancellationToken);
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("opportunity", command.Id);
        var today = await clock.TodayAsync(cancellationToken);
        var accepted = await db.Quotes.Where(q => q.OpportunityId == opportunity.Id && q.Status == QuoteStatus.Accepted).ToListAsync(cancellationToken);
        Quote? quote = null;
        if (command.Request.QuoteId is { } quoteId)
        {
            quote = accepted.SingleOrDefault(q => q.Id == quoteId);
            if (quote is null)
            {
                await References.EnsureExistAsync<Quote>(db, [quoteId], _ => "quoteId", cancellationToken);
                throw new DomainException(ErrorCodes.QuoteNotOfOpportunity, "Not an accepted quote of this opportunity.") { Field = "quoteId" };
            }
        }
        else if (command.Request.CreateOrder && accepted.Count > 1)
        {
            throw new DomainException(ErrorCodes.QuoteChoiceRequired, "Several accepted quotes: name one.") { Field = "quoteId" };
        }
        else if (accepted.Count == 1)
        {
            quote = accepted[0];
        }

        var won = opportunity.WinWith(quote, today);
        var existingOrderId = quote is null ? null
            : await db.Orders.IgnoreAutoIncludes().Where(o => o.SourceQuoteId == quote.Id).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
        Guid? orderId = null;
        if (command.Request.CreateOrder && existingOrderId is { } linked)
        {
            orderId = linked;
        }
        else if (command.Request.CreateOrder)
        {
            var order = quote is null
                ? await orders.EmptyDraftAsync(opportunity.CustomerId, today, cancellationToken)
                : await orders.FromQuoteAsync(quote, today, cancellationToken);
            db.Orders.Add(order);
            orderId = order.Id;
            audit.Record("order.created", "order", order.Id, after: new { order.CustomerId, order.SourceQuoteId, fromOpportunity = opportunity.Id });
        }
        if (won) audit.Record("opportunity.won", "opportunity", opportunity.Id, after: new { quoteId = quote?.Id, orderId, opportunity.ExpectedAmount });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WinOpportunityResponse(await reader.ResponseAsync(opportunity, cancellationToken), orderId);
    }
}

internal static class WinOpportunityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/win", async Task<Ok<WinOpportunityResponse>> (Guid id, WinOpportunityRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WinOpportunityCommand(id, request), ct)))
            .WithName("WinOpportunity")
            .WithSummary("Win an opportunity, creating the draft order")
            .WithDescription("""
                Marks the opportunity won and offers the order (domain-rules §1, the seed's flow): with one accepted quote, a **draft order** whose lines are identical to the quote's, linked to it both ways; with several accepted quotes the caller names one in `quoteId` (otherwise 422 `quote_choice_required`); with none, an empty draft order for the customer. `createOrder: false` wins without an order. The order takes the customer's payment terms (or the company default) and bank transfer; it stays a draft until validated.

                The opportunity follows its quote: accepting one of its quotes (`POST /quotes/{id}/accept`) or making the quote's order (`POST /orders/from-quote`) already wins it, with the quote's total excluding VAT as `expectedAmount` (a refusal leaves it open). Calling this afterwards is idempotent: the opportunity stays won and `orderId` is the order **already made** from the quote — never a second one, even for two requests at once (the opportunity is locked while one is answered). A lost opportunity is reopened first (409 `invalid_state_transition`), as is one already won without a quote.
                """)
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(SalesOpenApiExamples.WinRequest, 200, SalesOpenApiExamples.Won);
}
