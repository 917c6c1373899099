using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Deliveries;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

public sealed class DeliveriesConfiguration : IEntityTypeConfiguration<DeliveryNote>, IEntityTypeConfiguration<DeliveryNoteLine>
{
    public void Configure(EntityTypeBuilder<DeliveryNote> builder)
    {
        builder.ToTable("delivery_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Number).HasMaxLength(30);
        builder.Property(n => n.Remarks).HasMaxLength(4000);
        builder.Property(n => n.ReceivedBy).HasMaxLength(200);
        builder.Property(n => n.DeliveryRemarks).HasMaxLength(4000);
        builder.Property(n => n.CancellationReason).HasMaxLength(500);
        builder.OwnsOne(n => n.DeliveryAddress, CustomerConfiguration.Address);
        builder.Property(n => n.Version).IsRowVersion();
        builder.Ignore(n => n.CountsAsDelivered);
        builder.Ignore(n => n.SaleDate);
        builder.HasMany(n => n.Lines).WithOne().HasForeignKey(l => l.DeliveryNoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Lines).AutoInclude();
        builder.HasIndex(n => new { n.CompanyId, n.Number }).IsUnique().HasFilter("number IS NOT NULL");
        builder.HasIndex(n => new { n.CompanyId, n.OrderId });
        builder.HasIndex(n => new { n.CompanyId, n.CustomerId });
        builder.HasIndex(n => new { n.CompanyId, n.InvoiceId });
        builder.HasIndex(n => new { n.CompanyId, n.UpdatedAt, n.Id });
        builder.HasOne<Order>().WithMany().HasForeignKey(n => n.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(n => n.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DeliveryNoteLine> builder)
    {
        builder.ToTable("delivery_note_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Description).HasMaxLength(4000);
        builder.Property(l => l.UnitCode).HasMaxLength(3);
        builder.Property(l => l.Quantity).HasPrecision(18, 3);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        builder.Ignore(l => l.NetAmount);
        builder.HasIndex(l => new { l.DeliveryNoteId, l.Position });
        builder.HasIndex(l => l.OrderLineId);
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasCompanyShadow();
    }
}
