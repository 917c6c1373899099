using Koban.Api.Infrastructure.Security;
using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

public sealed class KobanUserConfiguration : IEntityTypeConfiguration<KobanUser>
{
    public void Configure(EntityTypeBuilder<KobanUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.Property(u => u.Version).IsRowVersion();
        // Sign-in is by e-mail across every company, so an address identifies one user in the whole deployment.
        e.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName("ux_users_normalized_email");
        e.HasIndex(u => new { u.CompanyId, u.Id });
        e.HasOne<Company>().WithMany().HasForeignKey(u => u.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.ToTable("api_keys");
        e.HasKey(k => k.Id);
        e.Property(k => k.Name).HasMaxLength(100);
        e.Property(k => k.Prefix).HasMaxLength(16);
        e.HasIndex(k => k.Prefix).IsUnique();
        e.HasIndex(k => new { k.CompanyId, k.Id });
        e.Property(k => k.Version).IsRowVersion();
        e.HasOne<Company>().WithMany().HasForeignKey(k => k.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
