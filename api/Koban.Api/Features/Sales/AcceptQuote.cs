using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record AcceptQuoteCommand(Guid Id) : ICommand<QuoteResponse>;

public sealed class AcceptQuoteHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, QuoteReader reader) : ICommandHandler<AcceptQuoteCommand, QuoteResponse>
{
    /// <summary>Accepting a quote of an opportunity wins the opportunity in the same transaction (<see cref="OpportunityProgress"/>).</summary>
    public async ValueTask<QuoteResponse> Handle(AcceptQuoteCommand command, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken) ?? throw new NotFoundException("quote", command.Id);
        var today = await clock.TodayAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        quote.Accept(today);
        audit.Record("quote.accepted", "quote", quote.Id, after: new { acceptedOn = today });
        await OpportunityProgress.FollowAcceptedQuoteAsync(db, audit, quote, today, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.ResponseAsync(quote, cancellationToken);
    }
}

internal static class AcceptQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/accept", async Task<Ok<QuoteResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AcceptQuoteCommand(id), ct)))
            .WithName("AcceptQuote")
            .WithSummary("Record the customer's acceptance")
            .WithDescription("Only a sent quote still valid (409 `quote_expired` once past its validity date: duplicate it instead). Accepting a quote of an opportunity wins the opportunity in the same transaction (its amount becomes the quote's total excluding VAT); the order is then made with `POST /orders/from-quote` or by winning the opportunity, which links it. 409 `invalid_state_transition` from another state.")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, SalesOpenApiExamples.QuoteAccepted);
}
