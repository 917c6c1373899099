using Koban.Domain.Accounting;
using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Receivables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

/// <summary>
/// Customers' accounts (<c>receivable_items</c>, <c>allocations</c>) and bank movements (<c>payments</c>). The database
/// keeps the figures honest even against a bug: an item's outstanding stays between zero and its amount, and equals
/// amount − settled (CHECK constraints in <see cref="Sql.ReceivablesSql"/>).
/// </summary>
public sealed class ReceivablesConfiguration : IEntityTypeConfiguration<ReceivableItem>, IEntityTypeConfiguration<Allocation>, IEntityTypeConfiguration<Payment>
{
    /// <summary>The shadow column <c>payment_status</c> of an invoice's account row (null for other kinds).</summary>
    public const string StoredPaymentStatus = "StoredPaymentStatus";

    public void Configure(EntityTypeBuilder<ReceivableItem> builder)
    {
        builder.ToTable("receivable_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Reference).HasMaxLength(100);
        builder.Property(i => i.DisputeReason).HasMaxLength(500);
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.IsInvoice);
        builder.Ignore(i => i.PaymentStatus);
        builder.HasIndex(i => new { i.CompanyId, i.SourceId, i.Kind }).IsUnique();
        builder.HasIndex(i => new { i.CompanyId, i.CustomerId, i.Side });
        // The open invoices in the receivables list's default order (due date, then id): a page is the first rows of the
        // walk; without the id, the whole first due date's group (hundreds of invoices in a big company) was read and sorted.
        builder.HasIndex(i => new { i.CompanyId, i.Kind, i.DueDate, i.Id }).HasFilter("outstanding > 0");
        // ReceivableItem.Status written in SQL and stored, so a list filtered on a rare payment status finds its few
        // invoices through an index instead of probing every invoice's account row (ListInvoices).
        builder.Property<InvoicePaymentStatus?>(StoredPaymentStatus)
            .HasColumnName("payment_status")
            .HasConversion<string>()
            .HasMaxLength(20)
            .HasComputedColumnSql("""
                CASE WHEN kind <> 'Invoice' THEN NULL
                     WHEN outstanding <= 0 THEN CASE WHEN amount - outstanding - settled_by_credit_notes > 0 THEN 'Paid' ELSE 'Credited' END
                     WHEN amount - outstanding - settled_by_credit_notes > 0 THEN 'PartiallyPaid'
                     ELSE 'Unpaid' END
                """, stored: true);
        builder.HasIndex("CompanyId", StoredPaymentStatus, "SourceId");
        builder.HasOne<Company>().WithMany().HasForeignKey(i => i.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Allocation> builder)
    {
        builder.ToTable("allocations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CancelReason).HasMaxLength(500);
        builder.Ignore(a => a.IsActive);
        builder.HasIndex(a => new { a.CompanyId, a.DebitItemId });
        builder.HasIndex(a => new { a.CompanyId, a.CreditItemId });
        builder.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReceivableItem>().WithMany().HasForeignKey(a => a.DebitItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReceivableItem>().WithMany().HasForeignKey(a => a.CreditItemId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Reference).HasMaxLength(Payment.ReferenceMaxLength);
        builder.Property(p => p.BankAccountCode).HasMaxLength(20);
        builder.Property(p => p.Note).HasMaxLength(1000);
        builder.Property(p => p.CancelReason).HasMaxLength(500);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.IsUnidentified);
        builder.Ignore(p => p.IsCancelled);
        builder.Ignore(p => p.BankAmount);
        builder.HasIndex(p => new { p.CompanyId, p.Date });
        builder.HasIndex(p => new { p.CompanyId, p.CustomerId });
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Accounting: the company's mapping (<c>accounting_settings</c>, lists as JSON) and the journal (<c>journal_entries</c>,
/// <c>journal_entry_lines</c>), insert-only but for the one-time numbering at first export (<see cref="Sql.ReceivablesSql"/>).
/// </summary>
public sealed class AccountingConfiguration : IEntityTypeConfiguration<AccountingSettings>, IEntityTypeConfiguration<JournalEntry>, IEntityTypeConfiguration<JournalLine>
{
    public void Configure(EntityTypeBuilder<AccountingSettings> builder)
    {
        builder.ToTable("accounting_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        InvoicingConfiguration.JsonColumn(builder.Property(s => s.SalesJournal));
        InvoicingConfiguration.JsonColumn(builder.Property(s => s.BankJournal));
        InvoicingConfiguration.JsonColumn(builder.Property(s => s.MiscJournal));
        InvoicingConfiguration.JsonColumn(builder.Property(s => s.RevenueRules));
        InvoicingConfiguration.JsonColumn(builder.Property(s => s.VatRules));
        InvoicingConfiguration.JsonColumn(builder.Property(s => s.BankAccounts));
        foreach (var p in new[] { nameof(AccountingSettings.CustomerAccount), nameof(AccountingSettings.CustomerDepositAccount), nameof(AccountingSettings.ServicesRevenueAccount),
                     nameof(AccountingSettings.GoodsRevenueAccount), nameof(AccountingSettings.VatCollectedAccount), nameof(AccountingSettings.VatPendingAccount),
                     nameof(AccountingSettings.BankFeesAccount), nameof(AccountingSettings.BadDebtAccount), nameof(AccountingSettings.WriteOffLossAccount),
                     nameof(AccountingSettings.WriteOffGainAccount), nameof(AccountingSettings.UnidentifiedReceiptsAccount),
                     nameof(AccountingSettings.LateInterestAccount), nameof(AccountingSettings.RecoveryIndemnityAccount) })
            builder.Property<string>(p).HasMaxLength(20);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => s.CompanyId).IsUnique();
        builder.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("journal_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.JournalCode).HasMaxLength(8);
        builder.Property(e => e.JournalLabel).HasMaxLength(100);
        builder.Property(e => e.PieceRef).HasMaxLength(40);
        builder.Property(e => e.Label).HasMaxLength(200);
        builder.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        builder.Ignore(e => e.TotalDebit);
        builder.Ignore(e => e.TotalCredit);
        builder.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(e => new { e.CompanyId, e.Date, e.Sequence });
        builder.HasIndex(e => new { e.CompanyId, e.Source, e.SourceId });
        builder.HasIndex(e => new { e.CompanyId, e.JournalCode, e.FiscalYearEnd, e.Number }).IsUnique().HasFilter("number IS NOT NULL");
        builder.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<JournalLine> builder)
    {
        builder.ToTable("journal_entry_lines");
        builder.HasCompanyShadow();
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Account).HasMaxLength(20);
        builder.Property(l => l.AccountLabel).HasMaxLength(100);
        builder.Property(l => l.AuxiliaryAccount).HasMaxLength(20);
        builder.Property(l => l.AuxiliaryLabel).HasMaxLength(200);
        builder.Property(l => l.Label).HasMaxLength(200);
        builder.Property(l => l.VatRate).HasPrecision(5, 2);
        builder.HasIndex(l => new { l.EntryId, l.Position }).IsUnique();
        builder.HasIndex(l => l.InvoiceId).HasFilter("invoice_id IS NOT NULL");
    }
}
