using Koban.Domain.Companies;
using Koban.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

/// <summary>
/// Closures (<c>compliance_closures</c>): insert-only (triggers in <see cref="Sql.ClosuresImmutability"/>), one per company,
/// kind and period start, and each holding its own place in the company's chain (unique sequence). The per-row totals are
/// JSON columns, written once.
/// </summary>
public sealed class ComplianceConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> builder)
    {
        builder.ToTable("compliance_closures");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.LastDocumentNumber).HasMaxLength(30);
        builder.Property(c => c.LastDocumentFingerprint).HasMaxLength(64);
        builder.Property(c => c.ClosedByName).HasMaxLength(200);
        builder.Property(c => c.PreviousFingerprint).HasMaxLength(64);
        builder.Property(c => c.Fingerprint).HasMaxLength(64);
        InvoicingConfiguration.JsonColumn(builder.Property(c => c.PeriodRows));
        InvoicingConfiguration.JsonColumn(builder.Property(c => c.CumulativeRows));
        builder.OwnsOne(c => c.PeriodTotals, t =>
        {
            t.Property(x => x.Count).HasColumnName("period_count");
            t.Property(x => x.Base).HasColumnName("period_base");
            t.Property(x => x.Vat).HasColumnName("period_vat");
            t.Property(x => x.TotalIncludingVat).HasColumnName("period_total_including_vat");
        });
        builder.Navigation(c => c.PeriodTotals).IsRequired();
        builder.OwnsOne(c => c.CumulativeTotals, t =>
        {
            t.Property(x => x.Count).HasColumnName("cumulative_count");
            t.Property(x => x.Base).HasColumnName("cumulative_base");
            t.Property(x => x.Vat).HasColumnName("cumulative_vat");
            t.Property(x => x.TotalIncludingVat).HasColumnName("cumulative_total_including_vat");
        });
        builder.Navigation(c => c.CumulativeTotals).IsRequired();
        builder.Ignore(c => c.Period);
        builder.Ignore(c => c.TypeCode);
        builder.HasIndex(c => new { c.CompanyId, c.Kind, c.PeriodStart }).IsUnique();
        builder.HasIndex(c => new { c.CompanyId, c.ChainSequence }).IsUnique();
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
