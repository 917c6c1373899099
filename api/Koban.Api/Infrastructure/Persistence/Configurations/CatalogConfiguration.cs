using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>, IEntityTypeConfiguration<Contact>, IEntityTypeConfiguration<DeliveryAddress>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.CountryCode).HasMaxLength(2);
        builder.Property(c => c.Siren).HasMaxLength(9);
        builder.Property(c => c.Siret).HasMaxLength(14);
        builder.Property(c => c.VatNumber).HasMaxLength(20);
        builder.Property(c => c.AccountingCode).HasMaxLength(Customer.AccountingCodeMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(4000);
        builder.OwnsOne(c => c.BillingAddress, Address);
        builder.OwnsOne(c => c.PaymentTerms);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.DeliveryAddresses).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Contacts).AutoInclude();
        builder.Navigation(c => c.DeliveryAddresses).AutoInclude();
        builder.HasIndex(c => new { c.CompanyId, c.AccountingCode }).IsUnique();
        builder.HasIndex(c => new { c.CompanyId, c.Name, c.Id });
        builder.HasIndex(c => new { c.CompanyId, c.Siren });
        builder.HasIndex(c => new { c.CompanyId, c.UpdatedAt });
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("customer_contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.JobTitle).HasMaxLength(100);
        // The database holds the rule too: at most one billing contact per customer.
        builder.HasIndex(c => c.CustomerId).IsUnique().HasFilter("is_billing").HasDatabaseName("ux_customer_contacts_billing");
        builder.HasCompanyShadow();
    }

    public void Configure(EntityTypeBuilder<DeliveryAddress> builder)
    {
        builder.ToTable("customer_delivery_addresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Label).HasMaxLength(100);
        builder.OwnsOne(a => a.Address, Address);
        builder.Navigation(a => a.Address).IsRequired();
        builder.HasCompanyShadow();
    }

    internal static void Address<T>(OwnedNavigationBuilder<T, PostalAddress> a)
        where T : class
    {
        a.Property(x => x.Line1).HasMaxLength(200);
        a.Property(x => x.Line2).HasMaxLength(200);
        a.Property(x => x.PostalCode).HasMaxLength(20);
        a.Property(x => x.City).HasMaxLength(100);
        a.Property(x => x.CountryCode).HasMaxLength(2);
    }
}

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(Product.CodeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.Property(p => p.UnitCode).HasMaxLength(3);
        builder.Property(p => p.UnitPrice).HasPrecision(18, 4);
        builder.Property(p => p.VatRate).HasPrecision(5, 2);
        builder.Property(p => p.VatExemptionReason).HasMaxLength(300);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.CompanyId, p.Code }).IsUnique();
        builder.HasIndex(p => new { p.CompanyId, p.Name, p.Id });
        builder.HasIndex(p => new { p.CompanyId, p.UpdatedAt });
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
