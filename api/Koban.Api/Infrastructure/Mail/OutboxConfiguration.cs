using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Persistence.Configurations;
using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Mail;

public sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>, IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("outbox_messages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).ValueGeneratedNever();
        e.Property(m => m.MessageId).HasMaxLength(200);
        e.HasIndex(m => m.MessageId).IsUnique();
        e.Property(m => m.FromName).HasMaxLength(200);
        e.Property(m => m.FromAddress).HasMaxLength(256);
        e.Property(m => m.ReplyTo).HasMaxLength(256);
        e.Property(m => m.Subject).HasMaxLength(500);
        e.Property(m => m.EntityType).HasMaxLength(40);
        e.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        e.Property(m => m.CreatedByName).HasMaxLength(200);
        e.Property(m => m.Version).IsRowVersion();
        // The sender's claim: due messages in order, across companies.
        e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        e.HasIndex(m => new { m.CompanyId, m.EntityType, m.EntityId });
        e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Company>().WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<OutboxAttachment> e)
    {
        e.ToTable("outbox_attachments");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.FileName).HasMaxLength(255);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => new { a.OutboxMessageId, a.Position }).IsUnique();
        e.HasCompanyShadow();
    }
}
