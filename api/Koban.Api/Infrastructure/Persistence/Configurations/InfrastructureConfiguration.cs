using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.ToTable("audit_events");
        e.HasKey(a => a.Id);
        e.Property(a => a.Action).HasMaxLength(80);
        e.Property(a => a.EntityType).HasMaxLength(80);
        e.Property(a => a.ActorName).HasMaxLength(200);
        e.Property(a => a.RequestId).HasMaxLength(100);
        e.HasIndex(a => new { a.CompanyId, a.Id });
        e.HasIndex(a => new { a.CompanyId, a.EntityId });
        // The audit log's keyset pages (sort -occurredAt, then id): without it a page sorts every event of the company.
        e.HasIndex(a => new { a.CompanyId, a.OccurredAt, a.Id });
        e.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("idempotency_records");
        e.HasKey(r => r.Id);
        e.Property(r => r.Principal).HasMaxLength(80);
        e.Property(r => r.Key).HasMaxLength(200);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.ContentType).HasMaxLength(200);
        e.Property(r => r.Location).HasMaxLength(500);
        e.Property(r => r.ETag).HasMaxLength(100);
        e.HasIndex(r => new { r.CompanyId, r.Principal, r.Key }).IsUnique();
        e.HasIndex(r => r.CreatedAt);
        e.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e)
    {
        e.ToTable("stored_files");
        e.HasKey(f => f.Id);
        e.Property(f => f.Purpose).HasMaxLength(40);
        e.Property(f => f.FileName).HasMaxLength(255);
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.HasIndex(f => new { f.CompanyId, f.Id });
        e.HasOne<Company>().WithMany().HasForeignKey(f => f.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
