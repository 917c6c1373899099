using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record RefuseQuoteCommand(Guid Id, string? Reason) : ICommand<QuoteResponse>;

public sealed class RefuseQuoteHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, QuoteReader reader) : ICommandHandler<RefuseQuoteCommand, QuoteResponse>
{
    public async ValueTask<QuoteResponse> Handle(RefuseQuoteCommand command, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken) ?? throw new NotFoundException("quote", command.Id);
        var today = await clock.TodayAsync(cancellationToken);
        quote.Refuse(today, command.Reason);
        audit.Record("quote.refused", "quote", quote.Id, after: new { refusedOn = today, command.Reason });
        await db.SaveChangesAsync(cancellationToken);
        return await reader.ResponseAsync(quote, cancellationToken);
    }
}

internal static class RefuseQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/refuse", async Task<Ok<QuoteResponse>> (Guid id, RefuseQuoteRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RefuseQuoteCommand(id, body.Reason), ct)))
            .WithName("RefuseQuote")
            .WithSummary("Record the customer's refusal")
            .WithDescription("Only a sent quote; the reason is optional. The quote's opportunity stays open: a refused quote is usually followed by a revised one, and only the salesperson closes the lead (`POST /opportunities/{id}/lose`).")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(409)
            .WithExamples(SalesOpenApiExamples.RefuseRequest, 200, SalesOpenApiExamples.QuoteRefused);
}
