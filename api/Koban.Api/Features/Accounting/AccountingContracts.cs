using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
    public static AccountingSettingsDto From(AccountingSettings s) => new(s.SalesJournal, s.BankJournal, s.MiscJournal, s.CustomerAccount, s.CustomerDepositAccount,
        s.ServicesRevenueAccount, s.GoodsRevenueAccount, s.RevenueRules, s.VatCollectedAccount, s.VatPendingAccount, s.VatRules, s.BankAccounts, s.BankFeesAccount,
        s.BadDebtAccount, s.WriteOffLossAccount, s.WriteOffGainAccount, s.UnidentifiedReceiptsAccount, s.WriteOffLimit, s.LateInterestAccount, s.RecoveryIndemnityAccount);

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
    VatSummaryNonTaxable NonTaxable, decimal FranchiseTurnover)
{
    public static VatSummaryResponse Of(VatReturn r) => new(r.From, r.To, [.. r.Rows.Select(x => new VatSummaryRow(x.Rate, x.Base, x.Vat))], r.TotalBase, r.TotalVat,
        r.PendingVatAtEnd, new VatSummaryNonTaxable(r.NonTaxable.Exports, r.NonTaxable.IntraCommunitySupplies, r.NonTaxable.OtherNonTaxable,
            r.NonTaxable.ReverseChargeServices, r.NonTaxable.OutsideScope, r.NonTaxable.Exempt), r.FranchiseTurnover);
}

public sealed record JournalLineResponse(int Position, string Account, string AccountLabel, string? AuxiliaryAccount, string? AuxiliaryLabel, string Label, decimal Debit,
    decimal Credit, decimal? VatRate);

public sealed record JournalEntryResponse(Guid Id, string JournalCode, string JournalLabel, int? Number, DateOnly Date, string PieceRef, DateOnly PieceDate, string Label,
    EntrySource Source, Guid SourceId, DateOnly ValidationDate, Guid? ExportId, IReadOnlyList<JournalLineResponse> Lines);

public sealed record JournalEntryList(IReadOnlyList<JournalEntryResponse> Items, string? NextCursor, bool HasMore);

public sealed record GetAccountingSettingsQuery : IQuery<(AccountingSettingsDto Settings, uint Version)>;

public sealed record UpdateAccountingSettingsCommand(uint ExpectedVersion, AccountingSettingsDto Request) : ICommand<(AccountingSettingsDto Settings, uint Version)>;

public sealed class UpdateAccountingSettingsCommandValidator : AbstractValidator<UpdateAccountingSettingsCommand>
{
    public UpdateAccountingSettingsCommandValidator()
    {
        RuleFor(c => c.Request).NotNull().OverridePropertyName("");
        RuleFor(c => c.Request.SalesJournal).NotNull().OverridePropertyName("salesJournal");
        RuleFor(c => c.Request.BankJournal).NotNull().OverridePropertyName("bankJournal");
        RuleFor(c => c.Request.MiscJournal).NotNull().OverridePropertyName("miscJournal");
        RuleFor(c => c.Request.BankAccounts.Count).LessThanOrEqualTo(20).When(c => c.Request.BankAccounts is not null).OverridePropertyName("bankAccounts");
        RuleFor(c => c.Request.RevenueRules.Count).LessThanOrEqualTo(50).When(c => c.Request.RevenueRules is not null).OverridePropertyName("revenueRules");
        RuleFor(c => c.Request.VatRules.Count).LessThanOrEqualTo(20).When(c => c.Request.VatRules is not null).OverridePropertyName("vatRules");
        RuleFor(c => c.Request.WriteOffLimit).InclusiveBetween(0m, 1000m).OverridePropertyName("writeOffLimit");
    }
}

public sealed record VatSummaryQuery(DateOnly From, DateOnly To) : IQuery<VatSummaryResponse>;

public sealed class VatSummaryQueryValidator : AbstractValidator<VatSummaryQuery>
{
    public VatSummaryQueryValidator() => RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).OverridePropertyName("to");
}

public sealed record ListJournalEntriesQuery(int Limit, string? After, DateOnly? From, DateOnly? To, string? Journal, Guid? SourceId) : IQuery<JournalEntryList>;

public sealed class AccountingHandlers(KobanDbContext db, AccountingBooks books, AuditLog audit) :
    IQueryHandler<GetAccountingSettingsQuery, (AccountingSettingsDto Settings, uint Version)>,
    ICommandHandler<UpdateAccountingSettingsCommand, (AccountingSettingsDto Settings, uint Version)>,
    IQueryHandler<VatSummaryQuery, VatSummaryResponse>,
    IQueryHandler<ListJournalEntriesQuery, JournalEntryList>
{
    private static readonly SortFields<JournalEntry> Sorts = new SortFields<JournalEntry>("-sequence").Add("sequence", e => e.Sequence);

    public async ValueTask<(AccountingSettingsDto Settings, uint Version)> Handle(GetAccountingSettingsQuery query, CancellationToken cancellationToken)
    {
        var settings = await books.SettingsAsync(cancellationToken);
        return (AccountingSettingsDto.From(settings), settings.Version);
    }

    public async ValueTask<(AccountingSettingsDto Settings, uint Version)> Handle(UpdateAccountingSettingsCommand command, CancellationToken cancellationToken)
    {
        // One transaction: the default settings created on first use are not left behind when the update is refused (stale If-Match).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settings = await books.SettingsAsync(cancellationToken);
        db.Entry(settings).Property(s => s.Version).OriginalValue = command.ExpectedVersion;
        var before = AccountingSettingsDto.From(settings);
        settings.Update(command.Request.ToData(settings));
        audit.Record("accounting.settingsUpdated", "accountingSettings", settings.Id, before: before, after: AccountingSettingsDto.From(settings));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (AccountingSettingsDto.From(settings), settings.Version);
    }

    /// <summary>
    /// The computation is the domain's (<see cref="VatReturn.Compute"/>); the database only adds up, per account, rate and
    /// treatment, the lines it reads — before the period (pending accounts only) and within it — so the figures are the
    /// same as over the entries one by one.
    /// </summary>
    public async ValueTask<VatSummaryResponse> Handle(VatSummaryQuery query, CancellationToken cancellationToken)
    {
        var s = await books.SettingsAsync(cancellationToken);
        var collected = s.VatRules.Select(r => r.CollectedAccount).Append(s.VatCollectedAccount).Distinct().ToArray();
        var pending = s.VatRules.Select(r => r.PendingAccount).Append(s.VatPendingAccount).Distinct().ToArray();
        var from = query.From;
        var lines = db.JournalEntries.AsNoTracking().IgnoreAutoIncludes()
            .SelectMany(e => e.Lines.Select(l => new { e.Date, l.Account, l.VatRate, l.VatBase, l.Debit, l.Credit, l.Treatment }))
            .Where(l => l.Date <= query.To && (pending.Contains(l.Account) || (l.Date >= from && (collected.Contains(l.Account) || l.Treatment != null))));
        var sums = await lines
            .GroupBy(l => new { InPeriod = l.Date >= from, l.Account, l.VatRate, l.Treatment })
            .Select(g => new VatLedgerLine(g.Key.InPeriod ? from : DateOnly.MinValue, g.Key.Account, g.Sum(l => l.Debit), g.Sum(l => l.Credit), g.Key.VatRate,
                g.Sum(l => l.VatBase), g.Key.Treatment))
            .ToListAsync(cancellationToken);
        return VatSummaryResponse.Of(VatReturn.Compute(sums, s, query.From, query.To));
    }

    public async ValueTask<JournalEntryList> Handle(ListJournalEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.JournalEntries.AsNoTracking().IgnoreAutoIncludes();
        if (query.From is { } from) entries = entries.Where(e => e.Date >= from);
        if (query.To is { } to) entries = entries.Where(e => e.Date <= to);
        if (!string.IsNullOrWhiteSpace(query.Journal))
        {
            var code = query.Journal.Trim().ToUpperInvariant();
            entries = entries.Where(e => e.JournalCode == code);
        }
        if (query.SourceId is { } sourceId) entries = entries.Where(e => e.SourceId == sourceId || e.Lines.Any(l => l.InvoiceId == sourceId));
        var (rows, next, hasMore) = await Keyset.PageAsync(entries.Include(e => e.Lines), Sorts, "-sequence", query.After, query.Limit, e => e.Id, cancellationToken);
        return new JournalEntryList([.. rows.Select(e => new JournalEntryResponse(e.Id, e.JournalCode, e.JournalLabel, e.Number, e.Date, e.PieceRef, e.PieceDate, e.Label, e.Source,
            e.SourceId, e.ValidationDate, e.ExportId, [.. e.Lines.Select(l => new JournalLineResponse(l.Position, l.Account, l.AccountLabel, l.AuxiliaryAccount, l.AuxiliaryLabel,
                l.Label, l.Debit, l.Credit, l.VatRate))]))], next, hasMore);
    }
}
