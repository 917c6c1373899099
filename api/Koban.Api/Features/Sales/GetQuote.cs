using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record GetQuoteQuery(Guid Id) : IQuery<Versioned<QuoteResponse>>;

public sealed class GetQuoteHandler(KobanDbContext db, QuoteReader reader) : IQueryHandler<GetQuoteQuery, Versioned<QuoteResponse>>
{
    public async ValueTask<Versioned<QuoteResponse>> Handle(GetQuoteQuery query, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == query.Id, cancellationToken) ?? throw new NotFoundException("quote", query.Id);
        return Versioned.Of(await reader.ResponseAsync(quote, cancellationToken), quote.Version);
    }
}

internal static class GetQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<QuoteResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetQuoteQuery(id), ct)).Ok(response))
            .WithName("GetQuote")
            .WithSummary("Get a quote with its lines and totals")
            .WithDescription("Totals follow domain-rules §5 (line nets rounded to the cent, VAT per rate on the sum of nets). `orderId` links to the order made from it.")
            .RequirePermission(Permissions.Quotes, Access.Read)
            .WithExamples(null, 200, SalesOpenApiExamples.Quote);
}
