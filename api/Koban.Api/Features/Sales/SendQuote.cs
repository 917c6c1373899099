using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record SendQuoteCommand(Guid Id) : ICommand<QuoteResponse>;

public sealed class SendQuoteHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, DocumentNumbers numbers, QuoteReader reader)
    : ICommandHandler<SendQuoteCommand, QuoteResponse>
{
    public async ValueTask<QuoteResponse> Handle(SendQuoteCommand command, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken) ?? throw new NotFoundException("quote", command.Id);
        var today = await clock.TodayAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The number is taken only here, inside the transaction that sends (domain-rules §1: numbered at sending).
        quote.MarkSent(quote.Number ?? await numbers.NextAsync(DocumentType.Quote, today, "date", cancellationToken), today);
        audit.Record("quote.sent", "quote", quote.Id, after: new { quote.Number, sentOn = today });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.ResponseAsync(quote, cancellationToken);
    }
}

internal static class SendQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/send", async Task<Ok<QuoteResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SendQuoteCommand(id), ct)))
            .WithName("SendQuote")
            .WithSummary("Mark a quote sent (numbers it)")
            .WithDescription("Takes the next number of the quote sequence, in the same transaction (a draft has no number), and freezes the quote: it cannot be changed afterwards (duplicate it instead). To e-mail its PDF to the customer, then call `POST /api/v1/quotes/{id}/email`, as often as needed. 409 `invalid_state_transition` from another state.")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, SalesOpenApiExamples.Quote);
}
