using System.Linq.Expressions;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence.Configurations;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Products;
using Koban.Domain.Sales;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>
/// The application's unit of work. Contexts are pooled (<c>AddPooledDbContextFactory</c> in <c>Program.cs</c>): EF keeps a returned context's
/// internal services, so a request no longer builds them (a profile of <c>GET /invoices/{id}</c> found a sixth of the
/// API's time in that). A pooled context is created once with the options alone and handed the scope's actor, clock,
/// session and commit tracker each time it is leased, before any use.
/// </summary>
public sealed class KobanDbContext(DbContextOptions<KobanDbContext> options)
    : IdentityDbContext<KobanUser, IdentityRole<Guid>, Guid>(options)
{
    private CurrentActor? actor;
    private TimeProvider clock = TimeProvider.System;
    private DatabaseSession? session;
    private CommitTracker? commits;

    /// <summary>Gives a leased (or newly built) context the scope it now works for; returns it.</summary>
    internal KobanDbContext Lease(CurrentActor scopeActor, TimeProvider scopeClock, DatabaseSession scopeSession, CommitTracker scopeCommits)
    {
        actor = scopeActor;
        clock = scopeClock;
        session = scopeSession;
        commits = scopeCommits;
        return this;
    }

    // Back in the pool, a context forgets its scope: anything that took one from the factory without Lease would
    // otherwise act for the previous scope's company; it now fails (NotLeased) instead.
    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    private void Forget()
    {
        actor = null;
        session = null;
        commits = null;
        clock = TimeProvider.System;
    }

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<NumberingSetting> NumberingSettings => Set<NumberingSetting>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();
    public DbSet<Koban.Domain.Invoicing.Invoice> Invoices => Set<Koban.Domain.Invoicing.Invoice>();
    public DbSet<Koban.Domain.Invoicing.CreditNote> CreditNotes => Set<Koban.Domain.Invoicing.CreditNote>();
    public DbSet<Koban.Domain.Invoicing.BillingDocument> BillingDocuments => Set<Koban.Domain.Invoicing.BillingDocument>();
    public DbSet<ChainHead> ChainHeads => Set<ChainHead>();
    public DbSet<ArchivedDocument> ArchivedDocuments => Set<ArchivedDocument>();
    public DbSet<Documents.DocumentTemplate> DocumentTemplates => Set<Documents.DocumentTemplate>();
    public DbSet<Koban.Domain.Compliance.Closure> Closures => Set<Koban.Domain.Compliance.Closure>();
    public DbSet<Mail.OutboxMessage> OutboxMessages => Set<Mail.OutboxMessage>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<Koban.Domain.Receivables.ReceivableItem> ReceivableItems => Set<Koban.Domain.Receivables.ReceivableItem>();
    public DbSet<Koban.Domain.Receivables.Allocation> Allocations => Set<Koban.Domain.Receivables.Allocation>();
    public DbSet<Koban.Domain.Receivables.Payment> Payments => Set<Koban.Domain.Receivables.Payment>();
    public DbSet<ReceivableDueTotal> ReceivableDueTotals => Set<ReceivableDueTotal>();
    public DbSet<Koban.Domain.Accounting.AccountingSettings> AccountingSettings => Set<Koban.Domain.Accounting.AccountingSettings>();
    public DbSet<Koban.Domain.Accounting.JournalEntry> JournalEntries => Set<Koban.Domain.Accounting.JournalEntry>();
    public DbSet<Koban.Domain.Accounting.Export.AccountingExport> AccountingExports => Set<Koban.Domain.Accounting.Export.AccountingExport>();
    public DbSet<Koban.Domain.Accounting.Export.AccountingExportChunk> AccountingExportChunks => Set<Koban.Domain.Accounting.Export.AccountingExportChunk>();
    public DbSet<Koban.Domain.Receivables.Reminders.ReminderSettings> ReminderSettings => Set<Koban.Domain.Receivables.Reminders.ReminderSettings>();
    public DbSet<Koban.Domain.Receivables.Reminders.InvoiceReminder> InvoiceReminders => Set<Koban.Domain.Receivables.Reminders.InvoiceReminder>();
    public DbSet<Koban.Domain.Receivables.Reminders.LateFeeClaim> LateFeeClaims => Set<Koban.Domain.Receivables.Reminders.LateFeeClaim>();
    public DbSet<Koban.Domain.Contracts.Contract> Contracts => Set<Koban.Domain.Contracts.Contract>();
    public DbSet<Koban.Domain.Contracts.ContractPeriod> ContractPeriods => Set<Koban.Domain.Contracts.ContractPeriod>();
    public DbSet<Koban.Domain.Contracts.ContractBillingSettings> ContractBillingSettings => Set<Koban.Domain.Contracts.ContractBillingSettings>();
    public DbSet<Koban.Domain.Contracts.ContractNoticeReminder> ContractNoticeReminders => Set<Koban.Domain.Contracts.ContractNoticeReminder>();
    public DbSet<Koban.Domain.Projects.Project> Projects => Set<Koban.Domain.Projects.Project>();
    public DbSet<Koban.Domain.Projects.TimeEntry> TimeEntries => Set<Koban.Domain.Projects.TimeEntry>();
    public DbSet<Koban.Domain.Deliveries.DeliveryNote> DeliveryNotes => Set<Koban.Domain.Deliveries.DeliveryNote>();

    internal CurrentActor Actor => actor ?? throw NotLeased();

    /// <summary>This context's unit of work: what its connection was told (read by the shared
    /// <see cref="CompanySessionInterceptor"/>) and its figures.</summary>
    internal DatabaseSession Session => session ?? throw NotLeased();

    /// <summary>The scope's commit tracker, fed by the shared <see cref="CommitTrackingInterceptor"/>.</summary>
    internal CommitTracker Commits => commits ?? throw NotLeased();

    /// <summary>Read by the global query filters on every query (EF parameterises context members).</summary>
    private Guid? CurrentCompanyId => Actor.CompanyId;

    private static InvalidOperationException NotLeased() => new("This KobanDbContext was not given its scope (KobanDbContext.Lease).");

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // domain-rules §5: amounts 2 decimals; unit prices (4) and quantities (3) override per property.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KobanDbContext).Assembly);
        builder.Entity<KobanUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.BaseType is not null || entity.IsOwned()) continue;
            if (typeof(ICompanyOwned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).HasQueryFilter(CompanyFilter(entity.ClrType));
            }
            else if (entity.FindProperty(CompanyShadow.Property)?.IsShadowProperty() == true)
            {
                builder.Entity(entity.ClrType).HasQueryFilter(ShadowCompanyFilter(entity.ClrType));
            }
        }
        builder.Entity<Company>().HasQueryFilter(c => (Guid?)c.Id == CurrentCompanyId);
    }

    private LambdaExpression ShadowCompanyFilter(Type type)
    {
        var row = Expression.Parameter(type, "row");
        var property = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(Guid)], row, Expression.Constant(CompanyShadow.Property));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentCompanyId));
        return Expression.Lambda(Expression.Equal(Expression.Convert(property, typeof(Guid?)), current), row);
    }

    private LambdaExpression CompanyFilter(Type type)
    {
        var row = Expression.Parameter(type, "row");
        var rowCompany = Expression.Convert(Expression.Property(row, nameof(ICompanyOwned.CompanyId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentCompanyId));
        return Expression.Lambda(Expression.Equal(rowCompany, current), row);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampCompany();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampCompany();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The one place where company ownership is written: new rows get the current company,
    /// and no command may write a row of another company.</summary>
    private void StampCompany()
    {
        var now = clock.GetUtcNow();
        var acting = Actor;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IHasUpdatedAt && entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Property(nameof(IHasUpdatedAt.UpdatedAt)).CurrentValue = now;
            }
            if (entry.Entity is not ICompanyOwned owned)
            {
                if (entry.State == EntityState.Added && entry.Metadata.FindProperty(CompanyShadow.Property)?.IsShadowProperty() == true)
                {
                    entry.Property(CompanyShadow.Property).CurrentValue = acting.CompanyId
                        ?? throw new InvalidOperationException($"Cannot add a {entry.Metadata.ClrType.Name} without a current company.");
                }
                continue;
            }
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var property = entry.Property(nameof(ICompanyOwned.CompanyId));
            if (entry.State == EntityState.Added && owned.CompanyId == Guid.Empty)
            {
                property.CurrentValue = acting.CompanyId
                    ?? throw new InvalidOperationException($"Cannot add a {entry.Metadata.ClrType.Name} without a current company.");
                continue;
            }
            if (acting.IsSystem) continue;
            var current = acting.CompanyId;
            if (current is null || owned.CompanyId != current || (entry.State != EntityState.Added && (Guid)property.OriginalValue! != current))
            {
                throw new InvalidOperationException($"Refused to write a {entry.Metadata.ClrType.Name} of another company.");
            }
        }
    }
}
