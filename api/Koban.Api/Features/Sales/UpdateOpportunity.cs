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

public sealed record UpdateOpportunityCommand(Guid Id, uint ExpectedVersion, OpportunityRequest Opportunity) : ICommand<Versioned<OpportunityResponse>>;

public sealed class UpdateOpportunityValidator : AbstractValidator<UpdateOpportunityCommand>
{
    public UpdateOpportunityValidator() => RuleFor(c => c.Opportunity).NotNull().SetValidator(new OpportunityRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateOpportunityHandler(KobanDbContext db, AuditLog audit, SalesLineBuilder lines, OpportunityReader reader)
    : ICommandHandler<UpdateOpportunityCommand, Versioned<OpportunityResponse>>
{
    public async ValueTask<Versioned<OpportunityResponse>> Handle(UpdateOpportunityCommand command, CancellationToken cancellationToken)
    {
        var r = command.Opportunity;
        var opportunity = await db.Opportunities.SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("opportunity", command.Id);
        await lines.CustomerAsync(r.CustomerId, "customerId", forNewDocument: false, cancellationToken);
        if (r.OwnerUserId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner, cancellationToken)) throw new ReferenceNotFoundException("ownerUserId");
        if (opportunity.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(opportunity).Property(o => o.Version).OriginalValue = command.ExpectedVersion;
        opportunity.Update(r.CustomerId, r.Title, r.ExpectedAmount, r.ExpectedCloseDate, r.OwnerUserId);
        audit.Record("opportunity.updated", "opportunity", opportunity.Id, after: r);
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(opportunity, cancellationToken), opportunity.Version);
    }
}

internal static class UpdateOpportunityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<OpportunityResponse>> (Guid id, OpportunityRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateOpportunityCommand(id, EntityTags.RequireIfMatch(http), request), ct)).Ok(response))
            .WithName("UpdateOpportunity")
            .WithSummary("Update an open opportunity")
            .WithDescription("Only while open (409 `invalid_state_transition` once won or lost: reopen it first).")
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(SalesOpenApiExamples.OpportunityRequest, 200, SalesOpenApiExamples.Opportunity);
}
