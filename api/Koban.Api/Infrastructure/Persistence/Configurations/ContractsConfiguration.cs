using Koban.Domain.Companies;
using Koban.Domain.Contracts;
using Koban.Domain.Customers;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

/// <summary><c>contracts</c>, <c>contract_lines</c> (the unique index on <c>order_line_id</c> puts an order line under
/// one contract only, also under concurrent creation) and <c>contract_terms</c> (one row per term, unique per number, so
/// two concurrent renewals of one term cannot both be stored).</summary>
public sealed class ContractsConfiguration : IEntityTypeConfiguration<Contract>, IEntityTypeConfiguration<ContractLine>,
    IEntityTypeConfiguration<ContractTerm>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.Property(c => c.RevisionPercentage).HasPrecision(5, 2);
        builder.Property(c => c.RevisionIndexBase).HasPrecision(12, 4);
        builder.Property(c => c.TerminationReason).HasMaxLength(Contract.MaximumReasonLength);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.Revision);
        builder.Ignore(c => c.WillRenewTacitly);
        builder.Ignore(c => c.NoticeDeadline);
        builder.Ignore(c => c.RenewalOpensOn);
        builder.Ignore(c => c.LatestTerminationDate);
        builder.Ignore(c => c.PeriodAmountExcludingVat);
        builder.Ignore(c => c.MonthlyAmountExcludingVat);
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Lines).AutoInclude();
        builder.HasMany(c => c.Terms).WithOne().HasForeignKey(t => t.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Terms).AutoInclude();
        builder.HasIndex(c => new { c.CompanyId, c.Reference }).IsUnique();
        builder.HasIndex(c => new { c.CompanyId, c.Status, c.CurrentTermEnd });
        builder.HasIndex(c => new { c.CompanyId, c.CustomerId });
        builder.HasIndex(c => new { c.CompanyId, c.OrderId });
        builder.HasIndex(c => new { c.CompanyId, c.UpdatedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ContractLine> builder)
    {
        builder.ToTable("contract_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Description).HasMaxLength(4000);
        builder.Property(l => l.Quantity).HasPrecision(18, 3);
        builder.Property(l => l.UnitCode).HasMaxLength(3);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        builder.Property(l => l.VatRate).HasPrecision(5, 2);
        builder.Property(l => l.VatExemptionReason).HasMaxLength(300);
        builder.HasIndex(l => new { l.ContractId, l.Position });
        builder.HasIndex(l => l.OrderLineId).IsUnique().HasFilter("order_line_id IS NOT NULL");
        builder.HasOne<Koban.Domain.Products.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasCompanyShadow();
    }

    public void Configure(EntityTypeBuilder<ContractTerm> builder)
    {
        builder.ToTable("contract_terms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.RevisionValue).HasPrecision(12, 4);
        builder.Property(t => t.PriceFactor).HasPrecision(18, 8);
        builder.HasIndex(t => new { t.ContractId, t.Number }).IsUnique();
        builder.HasCompanyShadow();
    }
}
