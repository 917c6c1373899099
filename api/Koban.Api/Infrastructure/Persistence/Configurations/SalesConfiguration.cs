using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

public sealed class SalesConfiguration : IEntityTypeConfiguration<Opportunity>, IEntityTypeConfiguration<Quote>, IEntityTypeConfiguration<QuoteLine>,
    IEntityTypeConfiguration<Order>, IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("opportunities");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Property(o => o.LostReason).HasMaxLength(500);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => new { o.CompanyId, o.CustomerId });
        builder.HasIndex(o => new { o.CompanyId, o.UpdatedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(o => o.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.ToTable("quotes");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Number).HasMaxLength(30);
        builder.Property(q => q.RefusalReason).HasMaxLength(500);
        builder.Property(q => q.Version).IsRowVersion();
        builder.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Lines).AutoInclude();
        builder.HasIndex(q => new { q.CompanyId, q.Number }).IsUnique().HasFilter("number IS NOT NULL");
        builder.HasIndex(q => new { q.CompanyId, q.CustomerId });
        builder.HasIndex(q => new { q.CompanyId, q.OpportunityId });
        builder.HasIndex(q => new { q.CompanyId, q.UpdatedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(q => q.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(q => q.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(q => q.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<QuoteLine> builder)
    {
        builder.ToTable("quote_lines");
        Line(builder);
        builder.HasIndex(l => new { l.QuoteId, l.Position });
    }

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(30);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.CustomerReference).HasMaxLength(100);
        builder.Property(o => o.HeaderText).HasMaxLength(4000);
        builder.Property(o => o.FooterText).HasMaxLength(4000);
        builder.Property(o => o.GeneralComment).HasMaxLength(4000);
        builder.Property(o => o.DeliveryMethod).HasMaxLength(100);
        builder.Property(o => o.InternalNotes).HasMaxLength(4000);
        builder.Property(o => o.CancellationReason).HasMaxLength(500);
        builder.OwnsOne(o => o.PaymentTerms);
        builder.Navigation(o => o.PaymentTerms).IsRequired();
        builder.OwnsOne(o => o.DeliveryAddress, CustomerConfiguration.Address);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).AutoInclude();
        builder.HasIndex(o => new { o.CompanyId, o.Number }).IsUnique().HasFilter("number IS NOT NULL");
        builder.HasIndex(o => new { o.CompanyId, o.CustomerId });
        builder.HasIndex(o => new { o.CompanyId, o.Status, o.OrderDate });
        builder.HasIndex(o => new { o.CompanyId, o.UpdatedAt });
        // The order list's default keyset pages (sort -orderDate, then id).
        builder.HasIndex(o => new { o.CompanyId, o.OrderDate, o.Id });
        builder.HasIndex(o => new { o.CompanyId, o.SourceQuoteId }).IsUnique().HasFilter("source_quote_id IS NOT NULL");
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.BillToCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Quote>().WithMany().HasForeignKey(o => o.SourceQuoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(o => o.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("order_lines");
        Line(builder);
        builder.HasIndex(l => new { l.OrderId, l.Position });
    }

    internal static void Line<T>(EntityTypeBuilder<T> builder)
        where T : SalesLine
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Description).HasMaxLength(4000);
        builder.Property(l => l.Quantity).HasPrecision(18, 3);
        builder.Property(l => l.UnitCode).HasMaxLength(3);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        builder.Property(l => l.VatRate).HasPrecision(5, 2);
        builder.Property(l => l.VatExemptionReason).HasMaxLength(300);
        builder.HasOne<Koban.Domain.Products.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasCompanyShadow();
    }
}

public sealed class BillingScheduleConfiguration : IEntityTypeConfiguration<BillingSchedule>, IEntityTypeConfiguration<BillingMilestone>
{
    public void Configure(EntityTypeBuilder<BillingSchedule> builder)
    {
        builder.ToTable("billing_schedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.PlannedTotal);
        builder.HasMany(s => s.Milestones).WithOne().HasForeignKey(m => m.BillingScheduleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Milestones).AutoInclude();
        builder.HasIndex(s => new { s.CompanyId, s.OrderId }).IsUnique();
        builder.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<BillingMilestone> builder)
    {
        builder.ToTable("billing_milestones");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Label).HasMaxLength(200);
        builder.Property(m => m.Percentage).HasPrecision(7, 4);
        builder.HasIndex(m => new { m.BillingScheduleId, m.PlannedDate });
        builder.HasCompanyShadow();
    }
}
