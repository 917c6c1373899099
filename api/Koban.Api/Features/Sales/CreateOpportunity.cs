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

public sealed record CreateOpportunityCommand(OpportunityRequest Opportunity) : ICommand<Versioned<OpportunityResponse>>;

public sealed class CreateOpportunityValidator : AbstractValidator<CreateOpportunityCommand>
{
    public CreateOpportunityValidator() => RuleFor(c => c.Opportunity).NotNull().SetValidator(new OpportunityRequestValidator()).OverridePropertyName("");
}

public sealed class CreateOpportunityHandler(KobanDbContext db, AuditLog audit, SalesLineBuilder lines, OpportunityReader reader)
    : ICommandHandler<CreateOpportunityCommand, Versioned<OpportunityResponse>>
{
    public async ValueTask<Versioned<OpportunityResponse>> Handle(CreateOpportunityCommand command, CancellationToken cancellationToken)
    {
        var r = command.Opportunity;
        await lines.CustomerAsync(r.CustomerId, "customerId", forNewDocument: true, cancellationToken);
        if (r.OwnerUserId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner, cancellationToken)) throw new ReferenceNotFoundException("ownerUserId");
        var opportunity = Opportunity.Create(r.CustomerId, r.Title, r.ExpectedAmount, r.ExpectedCloseDate, r.OwnerUserId);
        db.Opportunities.Add(opportunity);
        audit.Record("opportunity.created", "opportunity", opportunity.Id, after: r);
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(opportunity, cancellationToken), opportunity.Version);
    }
}

internal static class CreateOpportunityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<OpportunityResponse>> (OpportunityRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var opportunity = await mediator.Send(new CreateOpportunityCommand(request), ct);
                return opportunity.Created(response, $"/api/v1/opportunities/{opportunity.Value.Id}");
            })
            .WithName("CreateOpportunity")
            .WithSummary("Create an opportunity")
            .WithDescription("An open opportunity for an active customer of the company (`customerId` unknown → 422 `reference_not_found`; archived → 422 `customer_archived`).")
            .RequirePermission(Permissions.Opportunities, Access.Write)
            .WithProblems(422)
            .WithExamples(SalesOpenApiExamples.OpportunityRequest, 201, SalesOpenApiExamples.Opportunity);
}
