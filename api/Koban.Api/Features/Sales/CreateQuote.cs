using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record CreateQuoteCommand(QuoteRequest Quote) : ICommand<Versioned<QuoteResponse>>;

public sealed class CreateQuoteValidator : AbstractValidator<CreateQuoteCommand>
{
    public CreateQuoteValidator() => RuleFor(c => c.Quote).NotNull().SetValidator(new QuoteRequestValidator()).OverridePropertyName("");
}

public sealed class CreateQuoteHandler(KobanDbContext db, AuditLog audit, SalesLineBuilder builder, QuoteReader reader) : ICommandHandler<CreateQuoteCommand, Versioned<QuoteResponse>>
{
    public async ValueTask<Versioned<QuoteResponse>> Handle(CreateQuoteCommand command, CancellationToken cancellationToken)
    {
        var r = command.Quote;
        var customer = await builder.CustomerAsync(r.CustomerId, "customerId", forNewDocument: true, cancellationToken);
        await QuoteOpportunity.EnsureOfCustomerAsync(db, r, cancellationToken);
        var lines = await builder.BuildAsync(r.Lines, customer, cancellationToken);
        var quote = Quote.CreateDraft(r.CustomerId, r.OpportunityId, r.ValidUntil, lines);
        db.Quotes.Add(quote);
        audit.Record("quote.created", "quote", quote.Id, after: new { r.CustomerId, r.ValidUntil, lines = r.Lines.Count, quote.TotalExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(quote, cancellationToken), quote.Version);
    }
}

/// <summary>A quote names an opportunity of its own customer or none.</summary>
internal static class QuoteOpportunity
{
    public static async Task EnsureOfCustomerAsync(KobanDbContext db, QuoteRequest r, CancellationToken ct)
    {
        if (r.OpportunityId is { } opportunityId && !await db.Opportunities.AnyAsync(o => o.Id == opportunityId && o.CustomerId == r.CustomerId, ct))
        {
            throw new ReferenceNotFoundException("opportunityId");
        }
    }
}

internal static class CreateQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<QuoteResponse>> (QuoteRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var quote = await mediator.Send(new CreateQuoteCommand(body), ct);
                return quote.Created(response, $"/api/v1/quotes/{quote.Value.Id}");
            })
            .WithName("CreateQuote")
            .WithSummary("Create a draft quote")
            .WithDescription(QuotesEndpoints.LinesRules)
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(422)
            .WithExamples(SalesOpenApiExamples.QuoteRequest, 201, SalesOpenApiExamples.QuoteDraft);
}
