using Koban.Domain.Accounting;
using Mapster;

namespace Koban.Api.Features.Accounting;

/// <summary>The mapping as the API shows and takes it (the defaults of domain-rules.md §9 until changed).</summary>
public sealed record AccountingSettingsDto(
    JournalSetting SalesJournal,
    JournalSetting BankJournal,
    JournalSetting MiscJournal,
    string CustomerAccount,
    string CustomerDepositAccount,
    string ServicesRevenueAccount,
    string GoodsRevenueAccount,
    IReadOnlyList<RevenueAccountRule> RevenueRules,
    string VatCollectedAccount,
    string VatPendingAccount,
    IReadOnlyList<VatAccountRule> VatRules,
    IReadOnlyList<BankAccountSetting> BankAccounts,
    string BankFeesAccount,
    string BadDebtAccount,
    string WriteOffLossAccount,
    string WriteOffGainAccount,
    string UnidentifiedReceiptsAccount,
    decimal WriteOffLimit,
    string? LateInterestAccount = null,
    string? RecoveryIndemnityAccount = null)
{
    /// <summary>The late-fee accounts are optional in a request (clients written before they existed): absent, the current ones stay.</summary>
    public AccountingSettingsData ToData(AccountingSettings current) => new(SalesJournal, BankJournal, MiscJournal, CustomerAccount, CustomerDepositAccount, ServicesRevenueAccount,
        GoodsRevenueAccount, RevenueRules ?? [], VatCollectedAccount, VatPendingAccount, VatRules ?? [], BankAccounts ?? [], BankFeesAccount, BadDebtAccount, WriteOffLossAccount,
        WriteOffGainAccount, UnidentifiedReceiptsAccount, WriteOffLimit, LateInterestAccount ?? current.LateInterestAccount,
        RecoveryIndemnityAccount ?? current.RecoveryIndemnityAccount);
}

/// <summary>VAT due at one rate over the period: the base and the VAT that became due (on debits, or on receipt for services).</summary>
public sealed record VatSummaryRow(decimal Rate, decimal Base, decimal Vat);

/// <summary>
/// The period's sales without VAT as the CA3 lists them, net of credit notes: <c>exports</c> (line E1, goods outside the EU),
/// <c>intraCommunitySupplies</c> (line F2, goods to EU businesses), <c>otherNonTaxable</c> (line E2) = <c>reverseChargeServices</c>
/// (services to EU businesses) + <c>outsideScope</c> (services to businesses outside the EU) + <c>exempt</c> (exempt French sales).
/// </summary>
public sealed record VatSummaryNonTaxable(decimal Exports, decimal IntraCommunitySupplies, decimal OtherNonTaxable, decimal ReverseChargeServices, decimal OutsideScope,
    decimal Exempt);

/// <summary>What the period's VAT return declares — taxable bases and VAT per rate, non-taxable operations — the VAT still
/// waiting for payment at the end of the period, and the turnover made under the VAT franchise (no VAT, no return).</summary>
public sealed record VatSummaryResponse(DateOnly From, DateOnly To, IReadOnlyList<VatSummaryRow> Rows, decimal TotalBase, decimal TotalVat, decimal PendingVatAtEnd,
    VatSummaryNonTaxable NonTaxable, decimal FranchiseTurnover);

public sealed record JournalLineResponse(int Position, string Account, string AccountLabel, string? AuxiliaryAccount, string? AuxiliaryLabel, string Label, decimal Debit,
    decimal Credit, decimal? VatRate);

public sealed record JournalEntryResponse(Guid Id, string JournalCode, string JournalLabel, int? Number, DateOnly Date, string PieceRef, DateOnly PieceDate, string Label,
    EntrySource Source, Guid SourceId, DateOnly ValidationDate, Guid? ExportId, IReadOnlyList<JournalLineResponse> Lines);

public sealed record JournalEntryList(IReadOnlyList<JournalEntryResponse> Items, string? NextCursor, bool HasMore);

/// <summary>How the mapping, the VAT return and the journal read in the API: member for member (domain value records such as
/// journals and rules are shared as they are).</summary>
public sealed class AccountingMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<AccountingSettings, AccountingSettingsDto>().ShallowCopyForSameType(true);
        config.NewConfig<VatReturnRow, VatSummaryRow>();
        config.NewConfig<VatReturnNonTaxable, VatSummaryNonTaxable>();
        config.NewConfig<VatReturn, VatSummaryResponse>();
        config.NewConfig<JournalLine, JournalLineResponse>();
        config.NewConfig<JournalEntry, JournalEntryResponse>();
    }
}
