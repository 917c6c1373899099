using FluentValidation;
using Koban.Api.Features.Users;
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

public sealed record OpportunityResponse(
    Guid Id,
    Guid CustomerId,
    string CustomerName,
    string Title,
    decimal ExpectedAmount,
    DateOnly? ExpectedCloseDate,
    Guid? OwnerUserId,
    OpportunityStage Stage,
    DateOnly? ClosedOn,
    string? LostReason,
    IReadOnlyList<QuoteSummary> Quotes,
    DateTimeOffset UpdatedAt);

public sealed record OpportunityList(IReadOnlyList<OpportunityResponse> Items, string? NextCursor, bool HasMore);

public sealed record OpportunityRequest(Guid CustomerId, string Title, decimal ExpectedAmount, DateOnly? ExpectedCloseDate, Guid? OwnerUserId);

public sealed record WinOpportunityRequest(Guid? QuoteId, bool CreateOrder = true);

public sealed record WinOpportunityResponse(OpportunityResponse Opportunity, Guid? OrderId);

public sealed record LoseOpportunityRequest(string Reason);

public sealed class OpportunityRequestValidator : AbstractValidator<OpportunityRequest>
{
    public OpportunityRequestValidator()
    {
        RuleFor(o => o.CustomerId).NotEmpty();
        RuleFor(o => o.Title).NotEmpty().MaximumLength(200);
        RuleFor(o => o.ExpectedAmount).GreaterThanOrEqualTo(0).PrecisionScale(18, 2, true);
    }
}

public sealed record ListOpportunitiesQuery(int Limit, string? After, string? Sort, string? Search, OpportunityStage? Stage, Guid? CustomerId, Guid? OwnerUserId,
    DateOnly? ExpectedCloseFrom, DateOnly? ExpectedCloseTo, DateTimeOffset? UpdatedSince) : IQuery<OpportunityList>;

public sealed record GetOpportunityQuery(Guid Id) : IQuery<(OpportunityResponse Opportunity, uint Version)>;

public sealed record SaveOpportunityCommand(Guid? Id, uint? ExpectedVersion, OpportunityRequest Opportunity) : ICommand<(OpportunityResponse Opportunity, uint Version)>;

public sealed class SaveOpportunityValidator : AbstractValidator<SaveOpportunityCommand>
{
    public SaveOpportunityValidator() => RuleFor(c => c.Opportunity).NotNull().SetValidator(new OpportunityRequestValidator()).OverridePropertyName("");
}

public sealed record WinOpportunityCommand(Guid Id, WinOpportunityRequest Request) : ICommand<WinOpportunityResponse>;

public sealed record LoseOpportunityCommand(Guid Id, string Reason) : ICommand<OpportunityResponse>;

public sealed record ReopenOpportunityCommand(Guid Id) : ICommand<OpportunityResponse>;

public sealed class OpportunityHandlers(KobanDbContext db, AuditLog audit, SalesLineBuilder lines, CompanyClock clock, OrderFactory orders)
    : IQueryHandler<ListOpportunitiesQuery, OpportunityList>,
      IQueryHandler<GetOpportunityQuery, (OpportunityResponse Opportunity, uint Version)>,
      ICommandHandler<SaveOpportunityCommand, (OpportunityResponse Opportunity, uint Version)>,
      ICommandHandler<WinOpportunityCommand, WinOpportunityResponse>,
      ICommandHandler<LoseOpportunityCommand, OpportunityResponse>,
      ICommandHandler<ReopenOpportunityCommand, OpportunityResponse>
{
    public static readonly SortFields<Opportunity> Sorts = new SortFields<Opportunity>("-updatedAt")
        .Add("updatedAt", o => o.UpdatedAt)
        .Add("title", o => o.Title)
        .Add("expectedAmount", o => o.ExpectedAmount);

    public async ValueTask<OpportunityList> Handle(ListOpportunitiesQuery query, CancellationToken cancellationToken)
    {
        var items = db.Opportunities.AsNoTracking();
        if (query.Stage is { } stage) items = items.Where(o => o.Stage == stage);
        if (query.CustomerId is { } customerId) items = items.Where(o => o.CustomerId == customerId);
        if (query.OwnerUserId is { } owner) items = items.Where(o => o.OwnerUserId == owner);
        if (query.ExpectedCloseFrom is { } from) items = items.Where(o => o.ExpectedCloseDate >= from);
        if (query.ExpectedCloseTo is { } to) items = items.Where(o => o.ExpectedCloseDate <= to);
        if (query.UpdatedSince is { } since) items = items.Where(o => o.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            items = items.Where(o => EF.Functions.ILike(o.Title, pattern, "\\") || db.Customers.Any(c => c.Id == o.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(items, Sorts, query.Sort, query.After, query.Limit, o => o.Id, cancellationToken);
        return new OpportunityList(await ToResponsesAsync(rows, cancellationToken), next, hasMore);
    }

    public async ValueTask<(OpportunityResponse Opportunity, uint Version)> Handle(GetOpportunityQuery query, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.Id, cancellationToken) ?? throw new NotFoundException("opportunity", query.Id);
        return ((await ToResponsesAsync([opportunity], cancellationToken))[0], opportunity.Version);
    }

    public async ValueTask<(OpportunityResponse Opportunity, uint Version)> Handle(SaveOpportunityCommand command, CancellationToken cancellationToken)
    {
        var r = command.Opportunity;
        var existing = command.Id is { } existingId
            ? await db.Opportunities.SingleOrDefaultAsync(o => o.Id == existingId, cancellationToken) ?? throw new NotFoundException("opportunity", existingId)
            : null;
        await lines.CustomerAsync(r.CustomerId, "customerId", forNewDocument: command.Id is null, cancellationToken);
        if (r.OwnerUserId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner, cancellationToken)) throw new ReferenceNotFoundException("ownerUserId");
        Opportunity opportunity;
        if (existing is not null)
        {
            opportunity = existing;
            if (opportunity.Version != command.ExpectedVersion) throw new PreconditionFailedException();
            db.Entry(opportunity).Property(o => o.Version).OriginalValue = command.ExpectedVersion!.Value;
            opportunity.Update(r.CustomerId, r.Title, r.ExpectedAmount, r.ExpectedCloseDate, r.OwnerUserId);
            audit.Record("opportunity.updated", "opportunity", opportunity.Id, after: r);
        }
        else
        {
            opportunity = Opportunity.Create(r.CustomerId, r.Title, r.ExpectedAmount, r.ExpectedCloseDate, r.OwnerUserId);
            db.Opportunities.Add(opportunity);
            audit.Record("opportunity.created", "opportunity", opportunity.Id, after: r);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ((await ToResponsesAsync([opportunity], cancellationToken))[0], opportunity.Version);
    }

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
                await Common.References.EnsureExistAsync<Quote>(db, [quoteId], _ => "quoteId", cancellationToken);
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
        return new WinOpportunityResponse((await ToResponsesAsync([opportunity], cancellationToken))[0], orderId);
    }

    public async ValueTask<OpportunityResponse> Handle(LoseOpportunityCommand command, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("opportunity", command.Id);
        opportunity.Lose(command.Reason, await clock.TodayAsync(cancellationToken));
        audit.Record("opportunity.lost", "opportunity", opportunity.Id, after: new { command.Reason });
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponsesAsync([opportunity], cancellationToken))[0];
    }

    public async ValueTask<OpportunityResponse> Handle(ReopenOpportunityCommand command, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("opportunity", command.Id);
        opportunity.Reopen();
        audit.Record("opportunity.reopened", "opportunity", opportunity.Id);
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponsesAsync([opportunity], cancellationToken))[0];
    }

    private async Task<List<OpportunityResponse>> ToResponsesAsync(IReadOnlyList<Opportunity> rows, CancellationToken ct)
    {
        var ids = rows.Select(o => o.Id).ToList();
        var customerIds = rows.Select(o => o.CustomerId).Distinct().ToList();
        var names = await db.Customers.IgnoreAutoIncludes().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var quotes = await QuoteSummary.QueryAsync(db, db.Quotes.Where(q => q.OpportunityId != null && ids.Contains(q.OpportunityId.Value)), await clock.TodayAsync(ct), ct);
        return [.. rows.Select(o => new OpportunityResponse(o.Id, o.CustomerId, names.GetValueOrDefault(o.CustomerId, ""), o.Title, o.ExpectedAmount, o.ExpectedCloseDate,
            o.OwnerUserId, o.Stage, o.ClosedOn, o.LostReason, [.. quotes.Where(q => q.OpportunityId == o.Id)], o.UpdatedAt))];
    }
}

/// <summary>
/// The opportunity follows its quote (<see cref="Opportunity.WinByAcceptedQuote"/>): accepting a quote of an opportunity,
/// or making its order, wins it in the same transaction. Every path that changes an opportunity because of its quote
/// locks the opportunity row first (then the quote), in that order, so concurrent requests queue instead of deadlocking.
/// </summary>
public static class OpportunityProgress
{
    public static async Task LockAsync(KobanDbContext db, Guid opportunityId, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM opportunities WHERE id = {opportunityId} FOR UPDATE", ct);

    /// <summary>Inside the caller's transaction, the opportunity not yet loaded: locks it, wins it by the accepted quote
    /// and writes the audit entry when it changed.</summary>
    public static async Task FollowAcceptedQuoteAsync(KobanDbContext db, AuditLog audit, Quote quote, DateOnly today, Guid? orderId, CancellationToken ct)
    {
        if (quote.OpportunityId is not { } opportunityId) return;
        await LockAsync(db, opportunityId, ct);
        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == opportunityId, ct);
        if (opportunity.WinByAcceptedQuote(quote, today))
            audit.Record("opportunity.won", "opportunity", opportunity.Id, after: new { quoteId = quote.Id, orderId, opportunity.ExpectedAmount });
    }
}

public static class OpportunitiesEndpoints
{
    public static void MapOpportunitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/opportunities").WithTags("Opportunities");
        var example = SalesExamples.Opportunity;

        group.MapGet("/", async Task<Ok<OpportunityList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, OpportunityStage? stage, Guid? customerId,
                Guid? ownerUserId, DateOnly? expectedCloseFrom, DateOnly? expectedCloseTo, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOpportunitiesQuery(Cursor.Limit(limit), after, sort, search, stage, customerId, ownerUserId, expectedCloseFrom, expectedCloseTo, updatedSince), ct)))
            .WithName("ListOpportunities")
            .WithSummary("List opportunities")
            .WithDescription("`search` matches the title or the customer's name. Filters: `stage`, `customerId`, `ownerUserId`, `expectedCloseFrom`/`expectedCloseTo`, `updatedSince`. `sort`: `-updatedAt` (default), `title`, `expectedAmount`. Each opportunity lists its quotes.")
            .RequirePermission(Permissions.Opportunities, Access.Read)
            .WithExamples(null, 200, new OpportunityList([example], null, false));

        group.MapPost("/", async Task<Created<OpportunityResponse>> (OpportunityRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (opportunity, version) = await mediator.Send(new SaveOpportunityCommand(null, null, request), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/opportunities/{opportunity.Id}", opportunity);
            })
            .WithName("CreateOpportunity")
            .WithSummary("Create an opportunity")
            .WithDescription("An open opportunity for an active customer of the company (`customerId` unknown → 422 `reference_not_found`; archived → 422 `customer_archived`).")
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .WithProblems(422)
            .WithExamples(SalesExamples.OpportunityRequest, 201, example);

        group.MapGet("/{id:guid}", async Task<Ok<OpportunityResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (opportunity, version) = await mediator.Send(new GetOpportunityQuery(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(opportunity);
            })
            .WithName("GetOpportunity")
            .WithSummary("Get an opportunity with its quotes")
            .WithDescription("Returns the opportunity, its quotes (number, status, total, expired) and an `ETag`.")
            .RequirePermission(Permissions.Opportunities, Access.Read)
            .WithExamples(null, 200, example);

        group.MapPut("/{id:guid}", async Task<Ok<OpportunityResponse>> (Guid id, OpportunityRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (opportunity, version) = await mediator.Send(new SaveOpportunityCommand(id, EntityTags.RequireIfMatch(http), request), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(opportunity);
            })
            .WithName("UpdateOpportunity")
            .WithSummary("Update an open opportunity")
            .WithDescription("Only while open (409 `invalid_state_transition` once won or lost: reopen it first).")
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(SalesExamples.OpportunityRequest, 200, example);

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
            .WithExamples(new WinOpportunityRequest(null), 200, new WinOpportunityResponse(example with { Stage = OpportunityStage.Won }, Guid.Parse("01936d00-0000-7000-8000-0000000000d1")));

        group.MapPost("/{id:guid}/lose", async Task<Ok<OpportunityResponse>> (Guid id, LoseOpportunityRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new LoseOpportunityCommand(id, request.Reason), ct)))
            .WithName("LoseOpportunity")
            .WithSummary("Mark an opportunity lost")
            .WithDescription("A reason is required (422 `lost_reason_required`). Only an open opportunity can be lost.")
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new LoseOpportunityRequest("Budget reporté à l'an prochain"), 200, example with { Stage = OpportunityStage.Lost, LostReason = "Budget reporté à l'an prochain" });

        group.MapPost("/{id:guid}/reopen", async Task<Ok<OpportunityResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReopenOpportunityCommand(id), ct)))
            .WithName("ReopenOpportunity")
            .WithSummary("Reopen a won or lost opportunity")
            .WithDescription("The opportunity is open again; an order created when it was won stays as it is.")
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, example);
    }
}
