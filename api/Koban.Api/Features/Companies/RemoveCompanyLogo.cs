using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Companies;

public sealed record RemoveCompanyLogoCommand : ICommand;

public sealed class RemoveCompanyLogoHandler(KobanDbContext db, CurrentActor actor, AuditLog audit, TimeProvider clock) : ICommandHandler<RemoveCompanyLogoCommand>
{
    public async ValueTask<Unit> Handle(RemoveCompanyLogoCommand command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("company", actor.CompanyId);
        if (company.LogoFileId is { } previous)
        {
            company.SetLogo(null, clock.GetUtcNow());
            audit.Record("company.logo_removed", "company", company.Id, new { logoFileId = previous }, null);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }
}

internal static class RemoveCompanyLogoEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/logo", async Task<NoContent> (IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveCompanyLogoCommand(), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveCompanyLogo")
            .WithSummary("Remove the company logo")
            .WithDescription("Future documents are rendered without a logo. Removing when there is none is harmless.")
            .RequirePermission(Permissions.Company, Access.Write);
}
