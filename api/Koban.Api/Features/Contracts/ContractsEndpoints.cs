namespace Koban.Api.Features.Contracts;

/// <summary>The subscription contract routes, mapped use case by use case in the order of the contract.</summary>
public static class ContractsEndpoints
{
    internal const string TermsRules = "Terms: `startDate` (2000–2100), `termMonths` 1–120 and a whole number of billing periods (422 `contract_term_not_whole_periods`), `periodicity` (Monthly, Quarterly, HalfYearly, Yearly), `timing` (InAdvance: a period is invoiced on its first day; InArrears: the day after its last), `tacitRenewal`, `noticeMonths` 0–12 and shorter than the term (422 `contract_notice_invalid`), `revision` (None; Percentage with `percentage` −50 to 100 applied at each tacit renewal; Index with `baseIndexValue`, the index value current prices are based on). The term ends the day before `startDate` + `termMonths` months (01/01/2027 + 12 → 31/12/2027; 29/02/2028 + 12 → 27/02/2029).";

    public static void MapContractsEndpoints(this IEndpointRouteBuilder app)
    {
        var contracts = app.MapGroup("/api/v1/contracts").WithTags("Contracts");
        ListContractsHandler.Map(contracts);
        CreateContractHandler.Map(contracts);
        CreateContractFromOrderHandler.Map(contracts);
        ListContractRenewalsHandler.Map(contracts);
        GetRecurringRevenueHandler.Map(contracts);
        GetContractHandler.Map(contracts);
        UpdateContractHandler.Map(contracts);
        DeleteContractHandler.Map(contracts);
        ActivateContractHandler.Map(contracts);
        TerminateContractHandler.Map(contracts);
        RenewContractHandler.Map(contracts);
        LetContractExpireHandler.Map(contracts);
        ListContractPeriods.Map(contracts);
        InvoiceContractDuePeriods.Map(contracts);
        GetContractBillingSettings.Map(contracts);
        UpdateContractBillingSettings.Map(contracts);
    }
}
