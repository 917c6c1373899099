using System.Text.RegularExpressions;
using Koban.Domain.Common;
using Koban.Domain.Products;

namespace Koban.Domain.Accounting;

/// <summary>A journal: its code and label as the books show them.</summary>
public sealed record JournalSetting(string Code, string Label);

/// <summary>A bank account of the company and its ledger account (512…).</summary>
public sealed record BankAccountSetting(string Code, string Label, string Account, string? Iban = null);

/// <summary>
/// Overrides the revenue account for one nature and VAT rate (e.g. 706100 for services at 10 %), or for one nature and VAT
/// treatment (e.g. 707200 for exports of goods, 707100 for intra-EU supplies): a rule with a treatment wins over one
/// without, and matches the rate only for the Taxable treatment (the other treatments carry 0 %).
/// </summary>
public sealed record RevenueAccountRule(ProductNature Nature, decimal VatRate, string Account, VatTreatmentKind? Treatment = null);

/// <summary>Overrides the VAT accounts for one rate (e.g. 445711 / 445741 for 20 %).</summary>
public sealed record VatAccountRule(decimal VatRate, string CollectedAccount, string PendingAccount);

/// <summary>
/// The company's chart-of-accounts mapping (domain-rules.md §9): every account, journal and label is a setting, with
/// the French defaults. Entries copy the accounts they use, so changing a setting never rewrites past entries.
/// </summary>
public sealed class AccountingSettings : ICompanyOwned, IHasUpdatedAt
{
    public const string DefaultBankAccountCode = "BANK";

    private static readonly Regex AccountPattern = new("^[0-9A-Z]{3,20}$", RegexOptions.CultureInvariant);
    private static readonly Regex JournalPattern = new("^[0-9A-Z]{1,8}$", RegexOptions.CultureInvariant);

    private AccountingSettings()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public JournalSetting SalesJournal { get; private set; } = new("VT", "Journal des ventes");
    public JournalSetting BankJournal { get; private set; } = new("BQ", "Journal de banque");
    public JournalSetting MiscJournal { get; private set; } = new("OD", "Opérations diverses");
    public string CustomerAccount { get; private set; } = "411000";
    public string CustomerDepositAccount { get; private set; } = "419100";
    public string ServicesRevenueAccount { get; private set; } = "706000";
    public string GoodsRevenueAccount { get; private set; } = "707000";
    public IReadOnlyList<RevenueAccountRule> RevenueRules { get; private set; } = [];
    public string VatCollectedAccount { get; private set; } = "445710";
    public string VatPendingAccount { get; private set; } = "445740";
    public IReadOnlyList<VatAccountRule> VatRules { get; private set; } = [];
    public IReadOnlyList<BankAccountSetting> BankAccounts { get; private set; } = [new(DefaultBankAccountCode, "Banque", "512000")];
    public string BankFeesAccount { get; private set; } = "627000";
    public string BadDebtAccount { get; private set; } = "654000";
    public string WriteOffLossAccount { get; private set; } = "658000";
    public string WriteOffGainAccount { get; private set; } = "758000";
    public string UnidentifiedReceiptsAccount { get; private set; } = "471000";

    /// <summary>Late-payment interest invoiced to a customer: financial income (PCG 7638).</summary>
    public string LateInterestAccount { get; private set; } = "763800";

    /// <summary>The 40 € fixed recovery indemnity invoiced to a customer (PCG 7588).</summary>
    public string RecoveryIndemnityAccount { get; private set; } = "758800";

    /// <summary>The largest difference a user may write off in one go (0 forbids write-offs).</summary>
    public decimal WriteOffLimit { get; private set; } = 5m;
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static AccountingSettings Defaults() => new() { Id = Guid.CreateVersion7() };

    /// <summary>The revenue account of a line: a rule for its nature and VAT treatment, else for its nature and rate, else
    /// the account of its nature.</summary>
    public string RevenueAccount(ProductNature nature, decimal rate, VatTreatmentKind treatment = VatTreatmentKind.Taxable) =>
        RevenueRules.FirstOrDefault(r => r.Nature == nature && r.Treatment == treatment && (treatment != VatTreatmentKind.Taxable || r.VatRate == rate))?.Account
        ?? RevenueRules.FirstOrDefault(r => r.Nature == nature && r.Treatment is null && r.VatRate == rate)?.Account
        ?? (nature == ProductNature.Goods ? GoodsRevenueAccount : ServicesRevenueAccount);

    /// <summary>Every revenue account the mapping can post to (defaults and rules), late fees apart.</summary>
    public IReadOnlyList<string> RevenueAccounts() =>
        [.. RevenueRules.Select(r => r.Account).Append(ServicesRevenueAccount).Append(GoodsRevenueAccount).Distinct()];

    public string VatAccount(decimal rate, bool pending)
    {
        var rule = VatRules.FirstOrDefault(r => r.VatRate == rate);
        return pending ? rule?.PendingAccount ?? VatPendingAccount : rule?.CollectedAccount ?? VatCollectedAccount;
    }

    public BankAccountSetting Bank(string code) =>
        BankAccounts.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new DomainException(ErrorCodes.BankAccountUnknown, "Unknown bank account.")
        {
            Field = "bankAccountCode",
            Arguments = new Dictionary<string, object> { ["code"] = code },
        };

    /// <summary>Replaces every setting at once after checking each account and journal code.</summary>
    public void Update(AccountingSettingsData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        SalesJournal = Journal(d.SalesJournal, "salesJournal");
        BankJournal = Journal(d.BankJournal, "bankJournal");
        MiscJournal = Journal(d.MiscJournal, "miscJournal");
        var codes = new[] { SalesJournal.Code, BankJournal.Code, MiscJournal.Code };
        if (codes.Distinct().Count() != codes.Length)
            throw new DomainException(ErrorCodes.JournalCodesNotDistinct, "Each journal needs its own code.") { Field = "bankJournal.code" };
        CustomerAccount = Account(d.CustomerAccount, "customerAccount");
        CustomerDepositAccount = Account(d.CustomerDepositAccount, "customerDepositAccount");
        ServicesRevenueAccount = Account(d.ServicesRevenueAccount, "servicesRevenueAccount");
        GoodsRevenueAccount = Account(d.GoodsRevenueAccount, "goodsRevenueAccount");
        RevenueRules = [.. d.RevenueRules.Select((r, i) => r with { Account = Account(r.Account, $"revenueRules[{i}].account") })];
        VatCollectedAccount = Account(d.VatCollectedAccount, "vatCollectedAccount");
        VatPendingAccount = Account(d.VatPendingAccount, "vatPendingAccount");
        VatRules = [.. d.VatRules.Select((r, i) => r with
        {
            CollectedAccount = Account(r.CollectedAccount, $"vatRules[{i}].collectedAccount"),
            PendingAccount = Account(r.PendingAccount, $"vatRules[{i}].pendingAccount"),
        })];
        if (d.BankAccounts.Count == 0)
            throw new DomainException(ErrorCodes.BankAccountRequired, "Keep at least one bank account.") { Field = "bankAccounts" };
        BankAccounts = [.. d.BankAccounts.Select((b, i) =>
        {
            if (string.IsNullOrWhiteSpace(b.Code) || b.Code.Trim().Length > 20)
                throw new DomainException(ErrorCodes.BankAccountUnknown, "Unknown bank account.") { Field = $"bankAccounts[{i}].code" };
            return new BankAccountSetting(b.Code.Trim().ToUpperInvariant(), string.IsNullOrWhiteSpace(b.Label) ? b.Code.Trim() : b.Label.Trim(),
                Account(b.Account, $"bankAccounts[{i}].account"), string.IsNullOrWhiteSpace(b.Iban) ? null : Iban.Parse(b.Iban).Value);
        })];
        if (BankAccounts.Select(b => b.Code).Distinct().Count() != BankAccounts.Count)
            throw new DomainException(ErrorCodes.BankAccountCodesNotDistinct, "Each bank account needs its own code.") { Field = "bankAccounts" };
        BankFeesAccount = Account(d.BankFeesAccount, "bankFeesAccount");
        BadDebtAccount = Account(d.BadDebtAccount, "badDebtAccount");
        WriteOffLossAccount = Account(d.WriteOffLossAccount, "writeOffLossAccount");
        WriteOffGainAccount = Account(d.WriteOffGainAccount, "writeOffGainAccount");
        UnidentifiedReceiptsAccount = Account(d.UnidentifiedReceiptsAccount, "unidentifiedReceiptsAccount");
        LateInterestAccount = Account(d.LateInterestAccount, "lateInterestAccount");
        RecoveryIndemnityAccount = Account(d.RecoveryIndemnityAccount, "recoveryIndemnityAccount");
        if (d.WriteOffLimit < 0m || Rounding.Amount(d.WriteOffLimit) != d.WriteOffLimit)
            throw new DomainException(ErrorCodes.AmountTooPrecise, "An amount has at most two decimals.") { Field = "writeOffLimit" };
        WriteOffLimit = d.WriteOffLimit;
    }

    private static JournalSetting Journal(JournalSetting j, string field)
    {
        var code = (j.Code ?? "").Trim().ToUpperInvariant();
        if (!JournalPattern.IsMatch(code))
            throw new DomainException(ErrorCodes.JournalCodeInvalid, "A journal code has 1 to 8 letters or digits.") { Field = $"{field}.code" };
        var label = string.IsNullOrWhiteSpace(j.Label) ? code : j.Label.Trim();
        return new JournalSetting(code, label);
    }

    private static string Account(string? value, string field)
    {
        var account = (value ?? "").Trim().ToUpperInvariant();
        if (!AccountPattern.IsMatch(account))
        {
            throw new DomainException(ErrorCodes.AccountNumberInvalid, "An account number has 3 to 20 digits or capital letters.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["value"] = value ?? "" },
            };
        }
        return account;
    }
}

/// <summary>Every setting, as the user sends it.</summary>
public sealed record AccountingSettingsData(
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
    string LateInterestAccount = "763800",
    string RecoveryIndemnityAccount = "758800");
