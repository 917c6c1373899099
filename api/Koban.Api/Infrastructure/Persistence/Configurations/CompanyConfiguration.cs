using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

public sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> e)
    {
        e.ToTable("companies");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.LegalName).HasMaxLength(200);
        e.Property(c => c.Siren).HasMaxLength(9);
        e.Property(c => c.VatNumber).HasMaxLength(20);
        e.Property(c => c.RcsCity).HasMaxLength(100);
        e.Property(c => c.Iban).HasMaxLength(34);
        e.Property(c => c.Bic).HasMaxLength(11);
        e.Property(c => c.TimeZone).HasMaxLength(64);
        e.Property(c => c.LatePaymentPenaltyRate).HasPrecision(7, 4);
        e.OwnsOne(c => c.Address, a =>
        {
            a.Property(x => x.Line1).HasMaxLength(200);
            a.Property(x => x.Line2).HasMaxLength(200);
            a.Property(x => x.PostalCode).HasMaxLength(20);
            a.Property(x => x.City).HasMaxLength(100);
            a.Property(x => x.CountryCode).HasMaxLength(2);
        });
        e.ComplexProperty(c => c.DefaultPaymentTerms);
        e.Property(c => c.Version).IsRowVersion();
        e.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.LogoFileId).OnDelete(DeleteBehavior.SetNull);
    }
}
