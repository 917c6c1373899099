using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Common;
using Koban.Domain.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>A company's numbering scheme for one document type. Editable until its first number is issued.</summary>
public sealed class NumberingSetting : ICompanyOwned
{
    private NumberingSetting()
    {
    }

    public Guid CompanyId { get; private set; }
    public DocumentType DocumentType { get; private set; }
    public string Prefix { get; private set; } = string.Empty;
    public YearToken Year { get; private set; }
    public string Separator { get; private set; } = string.Empty;
    public int Padding { get; private set; }
    public bool ResetYearly { get; private set; }
    public long FirstNumber { get; private set; }
    public bool Locked { get; private set; }
    public uint Version { get; private set; }

    public NumberingScheme Scheme => new(Prefix, Year, Separator, Padding, ResetYearly, FirstNumber);

    public void Change(NumberingScheme scheme)
    {
        if (Locked) throw new DomainConflictException(ErrorCodes.NumberingLocked, "A document of this series already has a number.");
        Apply(scheme);
    }

    internal void Lock() => Locked = true;

    private NumberingSetting Apply(NumberingScheme scheme)
    {
        scheme.Validate();
        (Prefix, Year, Separator, Padding, ResetYearly, FirstNumber) = (scheme.Prefix, scheme.Year, scheme.Separator, scheme.Padding, scheme.ResetYearly, scheme.FirstNumber);
        return this;
    }
}

/// <summary>The counter of one series and period (a year, or 0 for a counter that never restarts).</summary>
public sealed class NumberCounter : ICompanyOwned
{
    public Guid CompanyId { get; init; }
    public DocumentType DocumentType { get; init; }
    public int Period { get; init; }
    public long NextValue { get; set; }
    public DateOnly? LastIssuedOn { get; set; }
}

/// <summary>
/// Gapless legal numbering (domain-rules §3): the next number is taken under a row lock on the counter
/// (<c>SELECT … FOR UPDATE</c>) inside the validating transaction, so concurrent validations on several instances
/// queue on that row, and a rolled-back validation gives its number back. PostgreSQL sequences are not used: they leave gaps.
/// </summary>
public sealed class DocumentNumbers(KobanDbContext db, CurrentActor actor)
{
    public async Task<NumberingSetting> SettingAsync(DocumentType type, CancellationToken ct)
    {
        var setting = await db.NumberingSettings.SingleOrDefaultAsync(s => s.DocumentType == type, ct);
        if (setting is not null) return setting;
        // First use of the series: write the default; concurrent first uses insert it once.
        var d = NumberingScheme.DefaultFor(type);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO numbering_settings (company_id, document_type, prefix, year, separator, padding, reset_yearly, first_number, locked)
            VALUES ({actor.RequireCompanyId()}, {type.ToString()}, {d.Prefix}, {d.Year.ToString()}, {d.Separator}, {d.Padding}, {d.ResetYearly}, {d.FirstNumber}, false)
            ON CONFLICT (company_id, document_type) DO NOTHING
            """, ct);
        return await db.NumberingSettings.SingleAsync(s => s.DocumentType == type, ct);
    }

    /// <summary>Issues the next number for a document dated <paramref name="date"/>. Must run inside the caller's
    /// transaction. Every counter row of the type is locked (in period order, so concurrent callers queue instead of
    /// deadlocking), so the date is checked against the series' last date over all its years and the company's first
    /// fiscal year (<see cref="DocumentChronology"/>) with no concurrent validation in between; <paramref name="dateField"/>
    /// names the date in the request for the error.</summary>
    public async Task<string> NextAsync(DocumentType type, DateOnly date, string dateField, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Numbers are issued inside the validating transaction.");
        var setting = await SettingAsync(type, ct);
        var scheme = setting.Scheme;
        var period = scheme.PeriodOf(date);
        var companyId = actor.RequireCompanyId();

        // Read before the lock: every validation of the company queues on the counter rows below.
        var firstFiscalYearStart = await FirstFiscalYearStartAsync(ct);
        var counters = await LockCountersAsync(companyId, type, ct);
        if (!counters.Any(c => c.Period == period))
        {
            // The period's first number: create its counter (a concurrent creator simply wins the race), then lock again.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO number_counters (company_id, document_type, period, next_value)
                VALUES ({companyId}, {type.ToString()}, {period}, {scheme.FirstNumber})
                ON CONFLICT (company_id, document_type, period) DO NOTHING
                """, ct);
            counters = await LockCountersAsync(companyId, type, ct);
        }
        var counter = counters.Single(c => c.Period == period);
        DocumentChronology.EnsureCanNumber(date, counters.Max(c => c.LastIssuedOn), firstFiscalYearStart, dateField);
        var number = scheme.Format(counter.NextValue, date);
        counter.NextValue++;
        if (counter.LastIssuedOn is null || date > counter.LastIssuedOn) counter.LastIssuedOn = date;
        setting.Lock();
        return number;
    }

    private Task<List<NumberCounter>> LockCountersAsync(Guid companyId, DocumentType type, CancellationToken ct) =>
        db.NumberCounters
            .FromSql($"SELECT * FROM number_counters WHERE company_id = {companyId} AND document_type = {type.ToString()} ORDER BY period FOR UPDATE")
            .ToListAsync(ct);

    /// <summary>The earliest date <see cref="NextAsync"/> accepts now for <paramref name="type"/> (read without locking:
    /// a validation committed in between can only move it later, and is then refused by <see cref="NextAsync"/> itself).</summary>
    public async Task<(DateOnly Date, EarliestDateReason Reason)> EarliestAsync(DocumentType type, CancellationToken ct)
    {
        var last = await db.NumberCounters.AsNoTracking().Where(c => c.DocumentType == type).MaxAsync(c => c.LastIssuedOn, ct);
        return DocumentChronology.Earliest(last, await FirstFiscalYearStartAsync(ct));
    }

    private async Task<DateOnly> FirstFiscalYearStartAsync(CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().Select(c => new { c.CreatedAt, c.TimeZone, c.FiscalYearStartMonth }).SingleAsync(ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(company.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var createdOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(company.CreatedAt, zone).DateTime);
        return DocumentChronology.FirstFiscalYearStart(createdOn, company.FiscalYearStartMonth);
    }
}

public sealed class NumberingConfiguration : IEntityTypeConfiguration<NumberingSetting>, IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberingSetting> builder)
    {
        builder.ToTable("numbering_settings");
        builder.HasKey(s => new { s.CompanyId, s.DocumentType });
        builder.Property(s => s.Prefix).HasMaxLength(12);
        builder.Property(s => s.Separator).HasMaxLength(3);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.Scheme);
        builder.HasOne<Koban.Domain.Companies.Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<NumberCounter> builder)
    {
        builder.ToTable("number_counters");
        builder.HasKey(c => new { c.CompanyId, c.DocumentType, c.Period });
        builder.HasOne<Koban.Domain.Companies.Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
