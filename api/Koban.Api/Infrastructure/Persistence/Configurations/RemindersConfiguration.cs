using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

/// <summary><c>reminder_settings</c> (one row per company, levels as JSON) and <c>invoice_reminders</c>, whose unique index
/// on (invoice_id, level) makes each automatic level happen once per invoice (manual reminders have no level: PostgreSQL
/// treats NULLs as distinct, so they never collide).</summary>
public sealed class RemindersConfiguration : IEntityTypeConfiguration<ReminderSettings>, IEntityTypeConfiguration<InvoiceReminder>,
    IEntityTypeConfiguration<LateFeeClaim>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> builder)
    {
        builder.ToTable("reminder_settings");
        builder.HasKey(s => s.CompanyId);
        InvoicingConfiguration.JsonColumn(builder.Property(s => s.Levels));
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Company>().WithOne().HasForeignKey<ReminderSettings>(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InvoiceReminder> builder)
    {
        builder.ToTable("invoice_reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.LevelName).HasMaxLength(200);
        builder.Property(r => r.Subject).HasMaxLength(500);
        builder.Property(r => r.CreatedByName).HasMaxLength(200);
        builder.HasIndex(r => new { r.InvoiceId, r.Level }).IsUnique();
        builder.HasIndex(r => new { r.CompanyId, r.CreatedAt });
        builder.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LateFeeClaim> builder)
    {
        builder.ToTable("late_fee_claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Rate).HasPrecision(7, 4);
        builder.HasIndex(c => c.InvoiceId);
        builder.HasIndex(c => c.FeeInvoiceId).IsUnique();
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(c => c.FeeInvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
