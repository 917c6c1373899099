using Koban.Api.Infrastructure.Accounting;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Accounting;

/// <summary>The company's account mapping (created with the French defaults the first time it is needed), with its version.</summary>
public sealed record GetAccountingSettingsQuery : IQuery<Versioned<AccountingSettingsDto>>;

public sealed class GetAccountingSettingsHandler(AccountingBooks books) : IQueryHandler<GetAccountingSettingsQuery, Versioned<AccountingSettingsDto>>
{
    public async ValueTask<Versioned<AccountingSettingsDto>> Handle(GetAccountingSettingsQuery query, CancellationToken cancellationToken)
    {
        var settings = await books.SettingsAsync(cancellationToken);
        return Versioned.Of(AccountingReader.Settings(settings), settings.Version);
    }
}

public static class GetAccountingSettings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/settings", async Task<Ok<AccountingSettingsDto>> (IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetAccountingSettingsQuery(), ct)).Ok(response))
            .WithName("GetAccountingSettings")
            .WithSummary("Get the account mapping (journals, accounts, bank accounts)")
            .WithDescription("The French defaults (domain-rules.md §9) until changed: journals VT/BQ/OD, customers 411000 with each customer's accounting code as auxiliary account, deposits 419100, revenue 706000 (services) / 707000 (goods) with overrides per nature and VAT rate or per nature and VAT treatment (`treatment`: Taxable, Exempt, Franchise, ReverseCharge, IntraCommunitySupply, Export, OutsideScope — e.g. exports and intra-EU sales on their own accounts; a rule with a treatment wins over one without and matches the rate only for Taxable), VAT collected 445710 and pending 445740 with overrides per rate, bank 512000, bank fees 627000, bad debts 654000, write-offs 658000/758000, unidentified receipts 471000, late-payment interest 763800 (`lateInterestAccount`) and the 40 € recovery indemnity 758800 (`recoveryIndemnityAccount`). Returns an `ETag` for the update.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, AccountingExamples.Defaults);
}
