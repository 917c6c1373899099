using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

/// <summary>The settings and their version for the <c>ETag</c>: 0 while the company never saved them.</summary>
public sealed record GetContractBillingSettingsQuery : IQuery<Versioned<ContractBillingSettingsResponse>>;

public sealed class GetContractBillingSettingsHandler(KobanDbContext db) : IQueryHandler<GetContractBillingSettingsQuery, Versioned<ContractBillingSettingsResponse>>
{
    public async ValueTask<Versioned<ContractBillingSettingsResponse>> Handle(GetContractBillingSettingsQuery query, CancellationToken cancellationToken)
    {
        var stored = await db.ContractBillingSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return Versioned.Of(ContractBillingReader.Settings(stored), stored?.Version ?? 0);
    }
}

public static class GetContractBillingSettings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/billing-settings", async Task<Ok<ContractBillingSettingsResponse>> (IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetContractBillingSettingsQuery(), ct)).Ok(response))
            .WithName("GetContractBillingSettings")
            .WithSummary("Get the contract billing settings")
            .WithDescription("\"Factures de contrat : brouillon | validées et envoyées\": whether the billing run leaves each period's invoice as a draft (`Draft`, the default) or validates and e-mails it (`ValidateAndSend`), and how many days before a contract's notice deadline its owner is reminded (30 by default). Returns an `ETag` for the update (`\"0\"` while never saved).")
            .RequirePermission(Permissions.Contracts, Access.Read)
            .WithExamples(null, 200, ContractBillingExamples.Settings);
}
