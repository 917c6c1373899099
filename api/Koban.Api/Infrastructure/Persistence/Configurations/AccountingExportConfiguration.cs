using Koban.Domain.Accounting.Export;
using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

/// <summary>
/// Accounting exports (<c>accounting_exports</c>) and their files, stored in PostgreSQL in chunks of at most 1 MiB
/// (<c>accounting_export_chunks</c>) so that every API instance can serve them and none holds a whole file in memory.
/// </summary>
public sealed class AccountingExportConfiguration : IEntityTypeConfiguration<AccountingExport>, IEntityTypeConfiguration<AccountingExportChunk>
{
    public void Configure(EntityTypeBuilder<AccountingExport> builder)
    {
        builder.ToTable("accounting_exports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Options).HasColumnType("jsonb");
        builder.Property(e => e.RequestedByName).HasMaxLength(200);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.Error).HasMaxLength(AccountingExport.ErrorMaxLength);
        builder.Ignore(e => e.ProgressPercent);
        builder.HasIndex(e => new { e.CompanyId, e.RequestedAt });
        builder.HasIndex(e => new { e.Status, e.RequestedAt }).HasFilter("status IN ('Queued', 'Running')");
        builder.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AccountingExportChunk> builder)
    {
        builder.ToTable("accounting_export_chunks");
        builder.HasCompanyShadow();
        builder.HasKey(c => new { c.ExportId, c.Index });
        builder.HasOne<AccountingExport>().WithMany().HasForeignKey(c => c.ExportId).OnDelete(DeleteBehavior.Cascade);
    }
}
