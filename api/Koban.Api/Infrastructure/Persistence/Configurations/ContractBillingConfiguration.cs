using Koban.Domain.Companies;
using Koban.Domain.Contracts;
using Koban.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

/// <summary>
/// The billing side of contracts: <c>contract_periods</c> (one row per billed period; the unique key (contract_id,
/// period_start) makes each period billed once across job instances and retries), <c>contract_billing_settings</c> (one
/// row per company) and <c>contract_notice_reminders</c> (unique (contract_id, term_number): one reminder per term).
/// </summary>
public sealed class ContractBillingConfiguration : IEntityTypeConfiguration<ContractPeriod>, IEntityTypeConfiguration<ContractBillingSettings>,
    IEntityTypeConfiguration<ContractNoticeReminder>
{
    public void Configure(EntityTypeBuilder<ContractPeriod> builder)
    {
        builder.ToTable("contract_periods");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ProRataFactor).HasPrecision(9, 6);
        builder.Property(p => p.AmountExcludingVat).HasPrecision(18, 2);
        builder.HasIndex(p => new { p.ContractId, p.PeriodStart }).IsUnique();
        builder.HasIndex(p => p.InvoiceId);
        builder.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ContractBillingSettings> builder)
    {
        builder.ToTable("contract_billing_settings");
        builder.HasKey(s => s.CompanyId);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Company>().WithOne().HasForeignKey<ContractBillingSettings>(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ContractNoticeReminder> builder)
    {
        builder.ToTable("contract_notice_reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Recipient).HasMaxLength(320);
        builder.HasIndex(r => new { r.ContractId, r.TermNumber }).IsUnique();
        builder.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
