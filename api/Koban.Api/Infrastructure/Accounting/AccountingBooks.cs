using System.Text.Json;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Persistence.Configurations;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Accounting;
using Koban.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Accounting;

/// <summary>
/// The books' entry point for the features that cause entries: the company's mapping (created with the French defaults
/// the first time it is needed) and the posting context. Entries are added to the caller's unit of work, so they are
/// written in the same transaction as the validation or payment that causes them (domain-rules.md §9).
/// </summary>
public sealed class AccountingBooks(KobanDbContext db, CurrentActor actor, CompanyClock companyClock, TimeProvider clock)
{
    private PostingContext? _context;
    private readonly Dictionary<Guid, CustomerAccountRef> _customers = [];

    /// <summary>Reads now what posting a document of this customer will read (the posting context, the customer's
    /// account), kept for the unit of work: a validation calls it before it locks the number counter, so the booking
    /// done under that lock sends no query.</summary>
    public async Task PrepareAsync(Guid customerId, CancellationToken ct)
    {
        await ContextAsync(ct);
        await CustomerAsync(customerId, ct);
    }

    public async Task<AccountingSettings> SettingsAsync(CancellationToken ct)
    {
        var settings = await db.AccountingSettings.SingleOrDefaultAsync(ct);
        if (settings is not null) return settings;
        await InsertDefaultsAsync(ct);
        return await db.AccountingSettings.SingleAsync(ct);
    }

    public async Task<PostingContext> ContextAsync(CancellationToken ct)
    {
        if (_context is not null) return _context;
        var settings = await SettingsAsync(ct);
        var company = await db.Companies.AsNoTracking().Select(c => new { c.FiscalYearStartMonth, c.VatOnDebits }).SingleAsync(ct);
        _context = new PostingContext(settings, company.FiscalYearStartMonth, company.VatOnDebits, await companyClock.TodayAsync(ct), clock.GetUtcNow());
        return _context;
    }

    public async Task<CustomerAccountRef> CustomerAsync(Guid customerId, CancellationToken ct)
    {
        if (_customers.TryGetValue(customerId, out var known)) return known;
        var c = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(x => x.Id == customerId).Select(x => new { x.AccountingCode, x.Name }).SingleAsync(ct);
        return _customers[customerId] = new CustomerAccountRef(c.AccountingCode, c.Name);
    }

    public void Post(JournalEntry entry) => db.JournalEntries.Add(entry);

    /// <summary>Concurrent first uses insert one row: the loser of the race does nothing (ON CONFLICT), so the caller's
    /// transaction is never aborted by a duplicate.</summary>
    private async Task InsertDefaultsAsync(CancellationToken ct)
    {
        var d = AccountingSettings.Defaults();
        string J<T>(T value) => JsonSerializer.Serialize(value, InvoicingConfiguration.Json);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO accounting_settings (id, company_id, sales_journal, bank_journal, misc_journal, customer_account, customer_deposit_account,
              services_revenue_account, goods_revenue_account, revenue_rules, vat_collected_account, vat_pending_account, vat_rules, bank_accounts,
              bank_fees_account, bad_debt_account, write_off_loss_account, write_off_gain_account, unidentified_receipts_account, write_off_limit, late_interest_account,
              recovery_indemnity_account, updated_at)
            VALUES ({d.Id}, {actor.CompanyId ?? throw new InvalidOperationException("No company in scope.")}, {J(d.SalesJournal)}::jsonb, {J(d.BankJournal)}::jsonb, {J(d.MiscJournal)}::jsonb,
              {d.CustomerAccount}, {d.CustomerDepositAccount}, {d.ServicesRevenueAccount}, {d.GoodsRevenueAccount}, {J(d.RevenueRules)}::jsonb,
              {d.VatCollectedAccount}, {d.VatPendingAccount}, {J(d.VatRules)}::jsonb, {J(d.BankAccounts)}::jsonb, {d.BankFeesAccount}, {d.BadDebtAccount},
              {d.WriteOffLossAccount}, {d.WriteOffGainAccount}, {d.UnidentifiedReceiptsAccount}, {d.WriteOffLimit}, {d.LateInterestAccount},
              {d.RecoveryIndemnityAccount}, now())
            ON CONFLICT (company_id) DO NOTHING
            """, ct);
    }
}
