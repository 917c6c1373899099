using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Invoicing;
using Koban.Domain.Projects;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

public sealed class ProjectsConfiguration : IEntityTypeConfiguration<Project>, IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Project.NameMaxLength);
        builder.Property(p => p.Code).HasMaxLength(Project.CodeMaxLength);
        builder.Property(p => p.HourlyRate).HasPrecision(18, 4);
        builder.Property(p => p.VatRate).HasPrecision(5, 2);
        builder.Property(p => p.MemberIds).HasColumnType("uuid[]");
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.CompanyId, p.UpdatedAt });
        builder.HasIndex(p => new { p.CompanyId, p.CustomerId });
        builder.HasIndex(p => new { p.CompanyId, p.OrderId });
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TimeEntry> builder)
    {
        builder.ToTable("time_entries", t => t.HasCheckConstraint("ck_time_entries_minutes", "minutes > 0 AND minutes <= 1440"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Description).HasMaxLength(TimeEntry.DescriptionMaxLength);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasIndex(e => new { e.CompanyId, e.UserId, e.Date });
        builder.HasIndex(e => new { e.ProjectId, e.Date });
        builder.HasIndex(e => e.InvoiceId).HasFilter("invoice_id IS NOT NULL");
        builder.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Security.KobanUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BillingDocument>().WithMany().HasForeignKey(e => e.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
