using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record DuplicateQuoteCommand(Guid Id, DateOnly? ValidUntil) : ICommand<QuoteResponse>;

public sealed class DuplicateQuoteHandler(KobanDbContext db, AuditLog audit, QuoteReader reader) : ICommandHandler<DuplicateQuoteCommand, QuoteResponse>
{
    public async ValueTask<QuoteResponse> Handle(DuplicateQuoteCommand command, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken) ?? throw new NotFoundException("quote", command.Id);
        var copy = quote.Duplicate(command.ValidUntil);
        db.Quotes.Add(copy);
        audit.Record("quote.created", "quote", copy.Id, after: new { duplicatedFrom = quote.Id });
        await db.SaveChangesAsync(cancellationToken);
        return await reader.ResponseAsync(copy, cancellationToken);
    }
}

internal static class DuplicateQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/duplicate", async Task<Created<QuoteResponse>> (Guid id, DuplicateQuoteRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var copy = await mediator.Send(new DuplicateQuoteCommand(id, body.ValidUntil), ct);
                return TypedResults.Created($"/api/v1/quotes/{copy.Id}", copy);
            })
            .WithName("DuplicateQuote")
            .WithSummary("Duplicate a quote as a new draft")
            .WithDescription("Copies customer, opportunity and lines into a new draft (no number), e.g. to re-issue an expired quote with a new `validUntil`.")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithExamples(SalesOpenApiExamples.DuplicateRequest, 201, SalesOpenApiExamples.QuoteDraft);
}
