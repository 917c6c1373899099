using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

public static class CompanyShadow
{
    public const string Property = "CompanyId";

    /// <summary>
    /// Child rows (contacts, lines…) carry their company too, as a shadow property the domain never sees:
    /// <see cref="KobanDbContext"/> stamps and filters it like <c>ICompanyOwned</c>, and row-level security covers the
    /// table, so a raw query on a child table cannot cross companies either.
    /// </summary>
    public static EntityTypeBuilder<T> HasCompanyShadow<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.Property<Guid>(Property);
        builder.HasIndex(Property);
        builder.HasOne<Company>().WithMany().HasForeignKey(Property).OnDelete(DeleteBehavior.Restrict);
        return builder;
    }
}
