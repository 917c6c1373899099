using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence.Configurations;

/// <summary>
/// The summary of the open invoices per due date and dispute flag (<c>receivable_due_totals</c>), written only by the
/// trigger and the compaction of <see cref="Sql.ReceivableTotalsSql"/>. Company-owned: row-level security and the query
/// filter apply as to every such table.
/// </summary>
public sealed class ReceivableTotalsConfiguration : IEntityTypeConfiguration<ReceivableDueTotal>
{
    public void Configure(EntityTypeBuilder<ReceivableDueTotal> builder)
    {
        builder.ToTable("receivable_due_totals");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(t => new { t.CompanyId, t.DueDate, t.Disputed });
        builder.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
