using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record UpdateQuoteCommand(Guid Id, uint ExpectedVersion, QuoteRequest Quote) : ICommand<Versioned<QuoteResponse>>;

public sealed class UpdateQuoteValidator : AbstractValidator<UpdateQuoteCommand>
{
    public UpdateQuoteValidator() => RuleFor(c => c.Quote).NotNull().SetValidator(new QuoteRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateQuoteHandler(KobanDbContext db, AuditLog audit, SalesLineBuilder builder, QuoteReader reader) : ICommandHandler<UpdateQuoteCommand, Versioned<QuoteResponse>>
{
    public async ValueTask<Versioned<QuoteResponse>> Handle(UpdateQuoteCommand command, CancellationToken cancellationToken)
    {
        var r = command.Quote;
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken) ?? throw new NotFoundException("quote", command.Id);
        var customer = await builder.CustomerAsync(r.CustomerId, "customerId", forNewDocument: true, cancellationToken);
        await QuoteOpportunity.EnsureOfCustomerAsync(db, r, cancellationToken);
        var lines = await builder.BuildAsync(r.Lines, customer, cancellationToken, quote.Lines);
        if (quote.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(quote).Property(q => q.Version).OriginalValue = command.ExpectedVersion;
        quote.UpdateHeader(r.CustomerId, r.OpportunityId, r.ValidUntil);
        quote.ReplaceLines(lines);
        db.Entry(quote).Property(q => q.UpdatedAt).IsModified = true;
        audit.Record("quote.updated", "quote", quote.Id, after: new { r.CustomerId, r.ValidUntil, lines = r.Lines.Count, quote.TotalExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(quote, cancellationToken), quote.Version);
    }
}

internal static class UpdateQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<QuoteResponse>> (Guid id, QuoteRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateQuoteCommand(id, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateQuote")
            .WithSummary("Replace a draft quote")
            .WithDescription("Only a draft can change (409 `document_frozen` once sent). " + QuotesEndpoints.LinesRules)
            .RequirePermission(Permissions.Quotes, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(SalesOpenApiExamples.QuoteRequest, 200, SalesOpenApiExamples.QuoteDraft);
}
