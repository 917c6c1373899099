using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record QuoteResponse(
    Guid Id,
    string? Number,
    QuoteStatus Status,
    bool IsExpired,
    Guid CustomerId,
    string CustomerName,
    Guid? OpportunityId,
    DateOnly ValidUntil,
    DateOnly? SentOn,
    DateOnly? AcceptedOn,
    DateOnly? RefusedOn,
    string? RefusalReason,
    IReadOnlyList<SalesLineResponse> Lines,
    TotalsResponse Totals,
    Guid? OrderId,
    DateTimeOffset UpdatedAt);

public sealed record QuoteList(IReadOnlyList<QuoteSummary> Items, string? NextCursor, bool HasMore);

public sealed record QuoteRequest(Guid CustomerId, Guid? OpportunityId, DateOnly ValidUntil, IReadOnlyList<SalesLineRequest> Lines);

public sealed record RefuseQuoteRequest(string? Reason);

public sealed record DuplicateQuoteRequest(DateOnly? ValidUntil);

public sealed class QuoteRequestValidator : AbstractValidator<QuoteRequest>
{
    public QuoteRequestValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty();
        RuleFor(q => q.Lines).NotNull();
        RuleFor(q => q.Lines.Count).LessThanOrEqualTo(500).OverridePropertyName("lines");
        RuleForEach(q => q.Lines).SetValidator(new SalesLineValidator());
    }
}

public sealed record ListQuotesQuery(int Limit, string? After, string? Sort, string? Search, QuoteStatus? Status, Guid? CustomerId, Guid? OpportunityId,
    DateOnly? ValidUntilFrom, DateOnly? ValidUntilTo, DateTimeOffset? UpdatedSince, string? Expand = null) : IQuery<QuoteList>;

public sealed record GetQuoteQuery(Guid Id) : IQuery<(QuoteResponse Quote, uint Version)>;

public sealed record SaveQuoteCommand(Guid? Id, uint? ExpectedVersion, QuoteRequest Quote) : ICommand<(QuoteResponse Quote, uint Version)>;

public sealed class SaveQuoteValidator : AbstractValidator<SaveQuoteCommand>
{
    public SaveQuoteValidator() => RuleFor(c => c.Quote).NotNull().SetValidator(new QuoteRequestValidator()).OverridePropertyName("");
}

public enum QuoteAction
{
    Send,
    Accept,
    Refuse,
    Delete,
}

public sealed record QuoteActionCommand(Guid Id, QuoteAction Action, string? Reason = null) : ICommand<QuoteResponse?>;

public sealed record DuplicateQuoteCommand(Guid Id, DateOnly? ValidUntil) : ICommand<QuoteResponse>;

public sealed class QuoteHandlers(KobanDbContext db, AuditLog audit, SalesLineBuilder builder, CompanyClock clock, DocumentNumbers numbers)
    : IQueryHandler<ListQuotesQuery, QuoteList>,
      IQueryHandler<GetQuoteQuery, (QuoteResponse Quote, uint Version)>,
      ICommandHandler<SaveQuoteCommand, (QuoteResponse Quote, uint Version)>,
      ICommandHandler<QuoteActionCommand, QuoteResponse?>,
      ICommandHandler<DuplicateQuoteCommand, QuoteResponse>
{
    public static readonly SortFields<Quote> Sorts = new SortFields<Quote>("-updatedAt")
        .Add("updatedAt", q => q.UpdatedAt)
        .Add("validUntil", q => q.ValidUntil)
        .Add("totalExcludingVat", q => q.TotalExcludingVat);

    public async ValueTask<QuoteList> Handle(ListQuotesQuery query, CancellationToken cancellationToken)
    {
        var quotes = db.Quotes.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status) quotes = quotes.Where(q => q.Status == status);
        if (query.CustomerId is { } customerId) quotes = quotes.Where(q => q.CustomerId == customerId);
        if (query.OpportunityId is { } opportunityId) quotes = quotes.Where(q => q.OpportunityId == opportunityId);
        if (query.ValidUntilFrom is { } from) quotes = quotes.Where(q => q.ValidUntil >= from);
        if (query.ValidUntilTo is { } to) quotes = quotes.Where(q => q.ValidUntil <= to);
        if (query.UpdatedSince is { } since) quotes = quotes.Where(q => q.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            quotes = quotes.Where(q => EF.Functions.ILike(q.Number ?? "", pattern, "\\") || db.Customers.Any(c => c.Id == q.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var expand = Expansions.Wants(query.Expand, Expansions.Customer);
        var (rows, next, hasMore) = await Keyset.PageAsync(quotes, Sorts, query.Sort, query.After, query.Limit, q => q.Id, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var summaries = await QuoteSummary.QueryAsync(db, db.Quotes.Where(q => ids.Contains(q.Id)), await clock.TodayAsync(cancellationToken), cancellationToken);
        var customers = expand ? await Expansions.CustomersAsync(db, rows.Select(q => q.CustomerId), cancellationToken) : [];
        return new QuoteList([.. rows.Select(r => summaries.Single(s => s.Id == r.Id) with { Customer = customers.GetValueOrDefault(r.CustomerId) })], next, hasMore);
    }

    public async ValueTask<(QuoteResponse Quote, uint Version)> Handle(GetQuoteQuery query, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == query.Id, cancellationToken) ?? throw new NotFoundException("quote", query.Id);
        return (await ToResponseAsync(quote, cancellationToken), quote.Version);
    }

    public async ValueTask<(QuoteResponse Quote, uint Version)> Handle(SaveQuoteCommand command, CancellationToken cancellationToken)
    {
        var r = command.Quote;
        var existing = command.Id is { } existingId
            ? await db.Quotes.SingleOrDefaultAsync(q => q.Id == existingId, cancellationToken) ?? throw new NotFoundException("quote", existingId)
            : null;
        var customer = await builder.CustomerAsync(r.CustomerId, "customerId", forNewDocument: true, cancellationToken);
        if (r.OpportunityId is { } opportunityId && !await db.Opportunities.AnyAsync(o => o.Id == opportunityId && o.CustomerId == r.CustomerId, cancellationToken))
        {
            throw new ReferenceNotFoundException("opportunityId");
        }
        var lines = await builder.BuildAsync(r.Lines, customer, cancellationToken, existing?.Lines);
        Quote quote;
        if (existing is not null)
        {
            quote = existing;
            if (quote.Version != command.ExpectedVersion) throw new PreconditionFailedException();
            db.Entry(quote).Property(q => q.Version).OriginalValue = command.ExpectedVersion!.Value;
            quote.UpdateHeader(r.CustomerId, r.OpportunityId, r.ValidUntil);
            quote.ReplaceLines(lines);
            db.Entry(quote).Property(q => q.UpdatedAt).IsModified = true;
            audit.Record("quote.updated", "quote", quote.Id, after: new { r.CustomerId, r.ValidUntil, lines = r.Lines.Count, quote.TotalExcludingVat });
        }
        else
        {
            quote = Quote.CreateDraft(r.CustomerId, r.OpportunityId, r.ValidUntil, lines);
            db.Quotes.Add(quote);
            audit.Record("quote.created", "quote", quote.Id, after: new { r.CustomerId, r.ValidUntil, lines = r.Lines.Count, quote.TotalExcludingVat });
        }
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponseAsync(quote, cancellationToken), quote.Version);
    }

    public async ValueTask<QuoteResponse?> Handle(QuoteActionCommand command, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken) ?? throw new NotFoundException("quote", command.Id);
        var today = await clock.TodayAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        switch (command.Action)
        {
            case QuoteAction.Send:
                // The number is taken only here, inside the transaction that sends (domain-rules §1: numbered at sending).
                quote.MarkSent(quote.Number ?? await numbers.NextAsync(DocumentType.Quote, today, "date", cancellationToken), today);
                audit.Record("quote.sent", "quote", quote.Id, after: new { quote.Number, sentOn = today });
                break;
            case QuoteAction.Accept:
                quote.Accept(today);
                audit.Record("quote.accepted", "quote", quote.Id, after: new { acceptedOn = today });
                await OpportunityProgress.FollowAcceptedQuoteAsync(db, audit, quote, today, null, cancellationToken);
                break;
            case QuoteAction.Refuse:
                quote.Refuse(today, command.Reason);
                audit.Record("quote.refused", "quote", quote.Id, after: new { refusedOn = today, command.Reason });
                break;
            case QuoteAction.Delete:
                quote.EnsureDeletable();
                db.Quotes.Remove(quote);
                audit.Record("quote.deleted", "quote", quote.Id, before: new { quote.CustomerId, quote.TotalExcludingVat });
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return command.Action == QuoteAction.Delete ? null : await ToResponseAsync(quote, cancellationToken);
    }

    public async ValueTask<QuoteResponse> Handle(DuplicateQuoteCommand command, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken) ?? throw new NotFoundException("quote", command.Id);
        var copy = quote.Duplicate(command.ValidUntil);
        db.Quotes.Add(copy);
        audit.Record("quote.created", "quote", copy.Id, after: new { duplicatedFrom = quote.Id });
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(copy, cancellationToken);
    }

    private async Task<QuoteResponse> ToResponseAsync(Quote q, CancellationToken ct)
    {
        var name = await db.Customers.IgnoreAutoIncludes().Where(c => c.Id == q.CustomerId).Select(c => c.Name).SingleAsync(ct);
        var orderId = await db.Orders.IgnoreAutoIncludes().Where(o => o.SourceQuoteId == q.Id).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
        return new QuoteResponse(q.Id, q.Number, q.Status, q.IsExpired(await clock.TodayAsync(ct)), q.CustomerId, name, q.OpportunityId, q.ValidUntil, q.SentOn,
            q.AcceptedOn, q.RefusedOn, q.RefusalReason, [.. q.Lines.OrderBy(l => l.Position).Select(SalesLineResponse.From)], TotalsResponse.From(q.ComputeTotals()),
            orderId, q.UpdatedAt);
    }
}

public static class QuotesEndpoints
{
    public static void MapQuotesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quotes").WithTags("Quotes");
        var example = new QuoteResponse(SalesExamples.QuoteId, "DE-2026-00012", QuoteStatus.Sent, false, SalesExamples.CustomerId, "Menuiserie Durand SARL",
            SalesExamples.Opportunity.Id, new DateOnly(2026, 12, 31), new DateOnly(2026, 11, 20), null, null, null, SalesExamples.Lines, SalesExamples.Totals, null,
            new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        var request = new QuoteRequest(SalesExamples.CustomerId, SalesExamples.Opportunity.Id, new DateOnly(2026, 12, 31), SalesExamples.LineRequests);

        group.MapGet("/", async Task<Ok<QuoteList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, QuoteStatus? status, Guid? customerId,
                Guid? opportunityId, DateOnly? validUntilFrom, DateOnly? validUntilTo, DateTimeOffset? updatedSince, string? expand, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListQuotesQuery(Cursor.Limit(limit), after, sort, search, status, customerId, opportunityId, validUntilFrom, validUntilTo, updatedSince, expand), ct)))
            .WithName("ListQuotes")
            .WithSummary("List quotes")
            .WithDescription("`search` matches the number or the customer's name. Filters: `status`, `customerId`, `opportunityId`, `validUntilFrom`/`validUntilTo`, `updatedSince`. `sort`: `-updatedAt` (default), `validUntil`, `totalExcludingVat`. `isExpired` is derived: sent and past its validity date. `expand=customer` embeds each quote's customer summary.")
            .RequirePermission(Permissions.Quotes, Access.Read)
            .WithExamples(null, 200, new QuoteList([SalesExamples.QuoteSummary], null, false));

        group.MapPost("/", async Task<Created<QuoteResponse>> (QuoteRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (quote, version) = await mediator.Send(new SaveQuoteCommand(null, null, body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/quotes/{quote.Id}", quote);
            })
            .WithName("CreateQuote")
            .WithSummary("Create a draft quote")
            .WithDescription(LinesRules)
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(422)
            .WithExamples(request, 201, example with { Number = null, Status = QuoteStatus.Draft, SentOn = null });

        group.MapGet("/{id:guid}", async Task<Ok<QuoteResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (quote, version) = await mediator.Send(new GetQuoteQuery(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(quote);
            })
            .WithName("GetQuote")
            .WithSummary("Get a quote with its lines and totals")
            .WithDescription("Totals follow domain-rules §5 (line nets rounded to the cent, VAT per rate on the sum of nets). `orderId` links to the order made from it.")
            .RequirePermission(Permissions.Quotes, Access.Read)
            .WithExamples(null, 200, example);

        group.MapPut("/{id:guid}", async Task<Ok<QuoteResponse>> (Guid id, QuoteRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (quote, version) = await mediator.Send(new SaveQuoteCommand(id, EntityTags.RequireIfMatch(http), body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(quote);
            })
            .WithName("UpdateQuote")
            .WithSummary("Replace a draft quote")
            .WithDescription("Only a draft can change (409 `document_frozen` once sent). " + LinesRules)
            .RequirePermission(Permissions.Quotes, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(request, 200, example with { Number = null, Status = QuoteStatus.Draft, SentOn = null });

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new QuoteActionCommand(id, QuoteAction.Delete), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteQuote")
            .WithSummary("Delete a draft quote")
            .WithDescription("Only drafts, which have no number, can be deleted (409 `document_not_deletable` otherwise).")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(409);

        MapAction(group, "send", QuoteAction.Send, "SendQuote", "Mark a quote sent (numbers it)",
            "Takes the next number of the quote sequence, in the same transaction (a draft has no number), and freezes the quote: it cannot be changed afterwards (duplicate it instead). To e-mail its PDF to the customer, then call `POST /api/v1/quotes/{id}/email`, as often as needed.", example);
        MapAction(group, "accept", QuoteAction.Accept, "AcceptQuote", "Record the customer's acceptance",
            "Only a sent quote still valid (409 `quote_expired` once past its validity date: duplicate it instead). Accepting a quote of an opportunity wins the opportunity in the same transaction (its amount becomes the quote's total excluding VAT); the order is then made with `POST /orders/from-quote` or by winning the opportunity, which links it.", example with { Status = QuoteStatus.Accepted, AcceptedOn = new DateOnly(2026, 11, 25) });

        group.MapPost("/{id:guid}/refuse", async Task<Ok<QuoteResponse>> (Guid id, RefuseQuoteRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new QuoteActionCommand(id, QuoteAction.Refuse, body.Reason), ct))!))
            .WithName("RefuseQuote")
            .WithSummary("Record the customer's refusal")
            .WithDescription("Only a sent quote; the reason is optional. The quote's opportunity stays open: a refused quote is usually followed by a revised one, and only the salesperson closes the lead (`POST /opportunities/{id}/lose`).")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(409)
            .WithExamples(new RefuseQuoteRequest("Prix trop élevé"), 200, example with { Status = QuoteStatus.Refused, RefusedOn = new DateOnly(2026, 11, 25), RefusalReason = "Prix trop élevé" });

        group.MapPost("/{id:guid}/duplicate", async Task<Created<QuoteResponse>> (Guid id, DuplicateQuoteRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var copy = await mediator.Send(new DuplicateQuoteCommand(id, body.ValidUntil), ct);
                return TypedResults.Created($"/api/v1/quotes/{copy.Id}", copy);
            })
            .WithName("DuplicateQuote")
            .WithSummary("Duplicate a quote as a new draft")
            .WithDescription("Copies customer, opportunity and lines into a new draft (no number), e.g. to re-issue an expired quote with a new `validUntil`.")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithExamples(new DuplicateQuoteRequest(new DateOnly(2027, 1, 31)), 201, example with { Number = null, Status = QuoteStatus.Draft, SentOn = null });
    }

    internal const string LinesRules = """
        Lines: `Product` lines reference a product of the company (another id → 422 `reference_not_found` naming `lines[i].productId`) and take its description, unit, price and VAT rate unless given; `Free` lines carry their own; `Title` and `Comment` lines are layout only. Quantities up to 3 decimals, unit prices up to 4, discount 0–100 %. The VAT category and the rate charged follow from the customer's regime and the line's nature (goods/services): intra-EU goods are exempt (K), intra-EU services reverse-charged (AE), exports exempt (G), services abroad outside the scope (O), a company under the VAT franchise charges none (E). Totals are computed by the server.
        """;

    private static void MapAction(RouteGroupBuilder group, string path, QuoteAction action, string name, string summary, string description, QuoteResponse example) =>
        group.MapPost($"/{{id:guid}}/{path}", async Task<Ok<QuoteResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new QuoteActionCommand(id, action), ct))!))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " 409 `invalid_state_transition` from another state.")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, example);
}
