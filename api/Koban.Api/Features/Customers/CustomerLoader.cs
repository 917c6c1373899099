using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Customers;

/// <summary>Loads and saves the customer aggregate for the use cases that change it.</summary>
internal static class CustomerLoader
{
    private const int AccountingCodeLockClass = 0x4B414343; // "KACC"

    /// <summary>
    /// Picks or checks the accounting code while holding the company's accounting-code lock
    /// (<c>pg_advisory_xact_lock</c>, released at commit), so concurrent creations — on any number of API instances —
    /// see each other's codes: a generated code is always free when it is saved, and <c>accounting_code_taken</c> only
    /// ever answers a code the client chose. Must run inside the caller's transaction.
    /// </summary>
    public static async Task<CustomerData> ToDataAsync(KobanDbContext db, CustomerRequest r, Customer? existing, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Accounting codes are chosen inside the saving transaction.");
        var companyId = await db.Companies.AsNoTracking().Select(c => c.Id).SingleAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({AccountingCodeLockClass}, hashtext({companyId.ToString()}))", ct);
        var code = string.IsNullOrWhiteSpace(r.AccountingCode)
            ? existing?.AccountingCode ?? await UniqueAccountingCodeAsync(db, Customer.SuggestAccountingCode(r.Name), ct)
            : r.AccountingCode.Trim().ToUpperInvariant();
        if (await db.Customers.IgnoreAutoIncludes().AnyAsync(c => c.AccountingCode == code && c.Id != (existing == null ? Guid.Empty : existing.Id), ct))
        {
            throw new FieldValidationException("accountingCode", ApiErrorCodes.AccountingCodeTaken);
        }
        return new CustomerData(
            r.Kind, r.Name, r.CountryCode.ToUpperInvariant(), r.VatRegime,
            string.IsNullOrWhiteSpace(r.Siren) ? null : Siren.Parse(r.Siren),
            string.IsNullOrWhiteSpace(r.Siret) ? null : Siret.Parse(r.Siret),
            string.IsNullOrWhiteSpace(r.VatNumber) ? null : VatNumber.Parse(r.VatNumber),
            r.BillingAddress?.ToDomain(), r.PaymentTerms?.ToDomain(), code, r.Notes);
    }

    public static async Task<Customer> LoadForUpdateAsync(KobanDbContext db, Guid id, uint expectedVersion, CancellationToken ct)
    {
        var customer = await db.Customers.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("customer", id);
        if (customer.Version != expectedVersion) throw new PreconditionFailedException();
        db.Entry(customer).Property(c => c.Version).OriginalValue = expectedVersion;
        // Changes to contacts or addresses touch the root row too, so its xmin (the ETag) moves with any change (architecture rule 10).
        db.Entry(customer).Property(c => c.UpdatedAt).IsModified = true;
        return customer;
    }

    public static async Task<string> UniqueAccountingCodeAsync(KobanDbContext db, string suggestion, CancellationToken ct)
    {
        var taken = await db.Customers.IgnoreAutoIncludes().Where(c => c.AccountingCode.StartsWith(suggestion)).Select(c => c.AccountingCode).ToListAsync(ct);
        if (!taken.Contains(suggestion)) return suggestion;
        for (var i = 2; ; i++)
        {
            var candidate = $"{suggestion}{i}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    /// <summary>Saves, turning the unique index on the accounting code into the field error <c>accounting_code_taken</c>.</summary>
    public static async Task SaveAsync(KobanDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p && p.ConstraintName?.Contains("accounting_code", StringComparison.Ordinal) == true)
        {
            throw new FieldValidationException("accountingCode", ApiErrorCodes.AccountingCodeTaken);
        }
    }

    /// <summary>The request carries the full list: known ids are updated, new entries added, missing ones removed.</summary>
    public static void SyncDeliveryAddresses(Customer customer, IReadOnlyList<DeliveryAddressDto>? wanted)
    {
        if (wanted is null) return;
        var keep = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).ToHashSet();
        foreach (var gone in customer.DeliveryAddresses.Where(d => !keep.Contains(d.Id)).Select(d => d.Id).ToList()) customer.RemoveDeliveryAddress(gone);
        foreach (var (address, index) in wanted.Select((w, i) => (w, i)))
        {
            if (address.Id is { } id)
            {
                if (customer.DeliveryAddresses.All(d => d.Id != id)) throw new ReferenceNotFoundException($"deliveryAddresses[{index}].id");
                customer.UpdateDeliveryAddress(id, address.Label, address.Address.ToDomain());
            }
            else
            {
                customer.AddDeliveryAddress(address.Label, address.Address.ToDomain());
            }
        }
    }

    /// <summary>Moving the billing flag from one contact to another would trip the "one billing contact" unique index
    /// between the two row updates, so the old flag is cleared first, in the same transaction.</summary>
    public static async Task SaveBillingSwapAsync(KobanDbContext db, CancellationToken ct)
    {
        var newBilling = db.ChangeTracker.Entries<Contact>()
            .Where(e => e.Entity.IsBilling && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.IsBilling).IsModified)))
            .Select(e => e.Entity)
            .ToList();
        if (newBilling.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var contact in newBilling)
        {
            await db.Set<Contact>()
                .Where(c => c.CustomerId == contact.CustomerId && c.Id != contact.Id && c.IsBilling)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.IsBilling, false), ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The customer of the company, tracked for a change (no version check); 404 otherwise.</summary>
    public static async Task<Customer> LoadAsync(KobanDbContext db, Guid id, CancellationToken ct) =>
        await db.Customers.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("customer", id);
}
