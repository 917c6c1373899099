using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary><c>expand=customer</c>: embeds the customer's summary in each document, saving a round trip per row.</summary>
public static class Expansions
{
    public const string Customer = "customer";

    public static bool Wants(string? expand, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(expand)) return false;
        var asked = expand.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (asked.Any(a => !allowed.Contains(a, StringComparer.Ordinal))) throw new Infrastructure.Web.FieldValidationException("expand", Infrastructure.Web.ApiErrorCodes.ExpandUnknown);
        return asked.Contains(Customer, StringComparer.Ordinal);
    }

    public static async Task<Dictionary<Guid, Customers.CustomerSummary>> CustomersAsync(KobanDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => list.Contains(c.Id)).ToListAsync(ct);
        var billing = await db.Set<Contact>().AsNoTracking().Where(k => list.Contains(k.CustomerId) && k.IsBilling).ToDictionaryAsync(k => k.CustomerId, ct);
        return customers.ToDictionary(c => c.Id, c =>
        {
            var contact = billing.GetValueOrDefault(c.Id);
            return new Customers.CustomerSummary(c.Id, c.Kind, c.Name, c.CountryCode, c.VatRegime, c.BillingAddress?.City, c.Siren, c.AccountingCode,
                contact is null ? null : $"{contact.FirstName} {contact.LastName}".Trim(), contact?.Email, c.IsArchived, c.UpdatedAt);
        });
    }
}
