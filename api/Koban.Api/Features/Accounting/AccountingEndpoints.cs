using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting;
using Koban.Domain.Products;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Accounting;

public static class AccountingEndpoints
{
    private static readonly AccountingSettingsDto Defaults = AccountingSettingsDto.From(AccountingSettings.Defaults());

    private static readonly AccountingSettingsDto Customised = Defaults with
    {
        RevenueRules =
        [
            new RevenueAccountRule(ProductNature.Service, 10m, "706100"),
            new RevenueAccountRule(ProductNature.Goods, 0m, "707200", VatTreatmentKind.Export),
            new RevenueAccountRule(ProductNature.Goods, 0m, "707100", VatTreatmentKind.IntraCommunitySupply),
        ],
        VatRules = [new VatAccountRule(20m, "445711", "445741")],
        BankAccounts = [new BankAccountSetting("BANK", "Banque principale", "512000", "FR7630006000011234567890189"), new BankAccountSetting("CCP", "La Banque Postale", "512100")],
    };

    public static void MapAccountingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounting").WithTags("Accounting");

        group.MapGet("/settings", async Task<Ok<AccountingSettingsDto>> (IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (settings, version) = await mediator.Send(new GetAccountingSettingsQuery(), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(settings);
            })
            .WithName("GetAccountingSettings")
            .WithSummary("Get the account mapping (journals, accounts, bank accounts)")
            .WithDescription("The French defaults (domain-rules.md §9) until changed: journals VT/BQ/OD, customers 411000 with each customer's accounting code as auxiliary account, deposits 419100, revenue 706000 (services) / 707000 (goods) with overrides per nature and VAT rate or per nature and VAT treatment (`treatment`: Taxable, Exempt, Franchise, ReverseCharge, IntraCommunitySupply, Export, OutsideScope — e.g. exports and intra-EU sales on their own accounts; a rule with a treatment wins over one without and matches the rate only for Taxable), VAT collected 445710 and pending 445740 with overrides per rate, bank 512000, bank fees 627000, bad debts 654000, write-offs 658000/758000, unidentified receipts 471000, late-payment interest 763800 (`lateInterestAccount`) and the 40 € recovery indemnity 758800 (`recoveryIndemnityAccount`). Returns an `ETag` for the update.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, Defaults);

        group.MapPut("/settings", async Task<Ok<AccountingSettingsDto>> (AccountingSettingsDto request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var version = EntityTags.RequireIfMatch(http);
                var (settings, newVersion) = await mediator.Send(new UpdateAccountingSettingsCommand(version, request), ct);
                EntityTags.Set(response, newVersion);
                return TypedResults.Ok(settings);
            })
            .WithName("UpdateAccountingSettings")
            .WithSummary("Replace the account mapping")
            .WithDescription("Accounts have 3 to 20 digits or capital letters (`account_number_invalid` naming the field, e.g. `vatRules[0].pendingAccount`), journal codes 1 to 8 and distinct, bank account codes distinct, at least one bank account. `lateInterestAccount` and `recoveryIndemnityAccount` may be left out (they keep their current value). Entries already written keep the accounts they were posted with; the new mapping applies to the next events.")
            .RequirePermission(Permissions.Accounting, Access.Write)
            .RequiresIfMatch()
            .WithProblems(412, 422, 428)
            .WithExamples(Customised, 200, Customised);

        group.MapGet("/vat-summary", async Task<Ok<VatSummaryResponse>> (DateOnly from, DateOnly to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new VatSummaryQuery(from, to), ct)))
            .WithName("GetVatSummary")
            .WithSummary("What the period's VAT return (CA3) declares")
            .WithDescription("Read from the journal. `rows`: per rate, what was credited (net of debits) to the collected-VAT accounts with an entry date in the period, and its base — VAT on goods and, for companies that opted for debits, on services when invoiced; VAT on services and on deposits when paid (moved from the pending account by the payment); credit notes and cancelled payments net it. `nonTaxable`: the period's sales without VAT, net of credit notes, as the CA3 lists them — `exports` (line E1, goods outside the EU), `intraCommunitySupplies` (line F2, goods to EU businesses), `otherNonTaxable` (line E2) = `reverseChargeServices` (services to EU businesses) + `outsideScope` (services to businesses outside the EU) + `exempt` (exempt French sales). `franchiseTurnover`: sales made under the VAT franchise (art. 293 B du CGI: no VAT, no return). Late-payment interest and recovery indemnities are no operations and appear nowhere. `pendingVatAtEnd` is what still waits for payment at the end of the period.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithProblems(400)
            .WithExamples(null, 200, new VatSummaryResponse(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31),
                [new VatSummaryRow(20m, 1455.90m, 291.18m), new VatSummaryRow(10m, 200.00m, 20.00m)], 1655.90m, 311.18m, 156.00m,
                new VatSummaryNonTaxable(4200.00m, 1850.00m, 950.00m, 700.00m, 250.00m, 0m), 0m));

        group.MapGet("/entries", async Task<Ok<JournalEntryList>> (IMediator mediator, int? limit, string? after, DateOnly? from, DateOnly? to, string? journal, Guid? sourceId,
                CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListJournalEntriesQuery(Cursor.Limit(limit), after, from, to, journal, sourceId), ct)))
            .WithName("ListJournalEntries")
            .WithSummary("List journal entries, newest first")
            .WithDescription("Filters: `from`/`to` (entry date), `journal` (code), `sourceId` (the invoice, credit note or payment that caused them, or whose customer lines they letter). `number` (EcritureNum) is empty until the first export numbers the entry.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, new JournalEntryList([new JournalEntryResponse(Guid.Parse("01937000-0000-7000-8000-000000000001"), "VT", "Journal des ventes", 42,
                new DateOnly(2026, 12, 15), "FA-2026-00042", new DateOnly(2026, 12, 15), "Facture FA-2026-00042 Menuiserie Durand SARL", EntrySource.Invoice,
                Guid.Parse("01936e00-0000-7000-8000-0000000000f1"), new DateOnly(2026, 12, 15), null,
                [new JournalLineResponse(0, "411000", "Clients", "411DURAND", "Menuiserie Durand SARL", "Facture FA-2026-00042 Menuiserie Durand SARL", 1222.96m, 0m, null),
                 new JournalLineResponse(1, "419100", "Clients - avances et acomptes reçus", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 436.77m, 0m, 20m),
                 new JournalLineResponse(2, "706000", "Prestations de services", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 0m, 780.00m, 20m),
                 new JournalLineResponse(3, "707000", "Ventes de marchandises", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 0m, 675.90m, 20m),
                 new JournalLineResponse(4, "445740", "TVA collectée en attente d'encaissement", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 0m, 109.26m, 20m),
                 new JournalLineResponse(5, "445710", "TVA collectée", null, null, "Facture FA-2026-00042 Menuiserie Durand SARL", 0m, 94.57m, 20m)])], null, false));
    }
}
