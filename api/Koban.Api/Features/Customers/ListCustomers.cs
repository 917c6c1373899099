using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Customers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Customers;

public sealed record ListCustomersQuery(int Limit, string? After, string? Sort, string? Search, CustomerKind? Kind, CustomerVatRegime? VatRegime,
    string? CountryCode, bool? Archived, DateTimeOffset? UpdatedSince) : IQuery<CustomerList>;

public sealed class ListCustomersHandler(KobanDbContext db) : IQueryHandler<ListCustomersQuery, CustomerList>
{
    public static readonly SortFields<Customer> Sorts = new SortFields<Customer>("name")
        .Add("name", c => c.Name)
        .Add("accountingCode", c => c.AccountingCode)
        .Add("updatedAt", c => c.UpdatedAt);

    public async ValueTask<CustomerList> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking().IgnoreAutoIncludes();
        customers = query.Archived is { } archived ? customers.Where(c => c.IsArchived == archived) : customers.Where(c => !c.IsArchived);
        if (query.Kind is { } kind) customers = customers.Where(c => c.Kind == kind);
        if (query.VatRegime is { } regime) customers = customers.Where(c => c.VatRegime == regime);
        if (!string.IsNullOrWhiteSpace(query.CountryCode))
        {
            var country = query.CountryCode.Trim().ToUpperInvariant();
            customers = customers.Where(c => c.CountryCode == country);
        }
        if (query.UpdatedSince is { } since) customers = customers.Where(c => c.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var pattern = $"%{LikePattern.Escape(term)}%";
            var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
            customers = customers.Where(c => EF.Functions.ILike(c.Name, pattern, "\\")
                || EF.Functions.ILike(c.AccountingCode, pattern, "\\")
                || (digits.Length >= 3 && c.Siren != null && c.Siren.StartsWith(digits))
                || c.Contacts.Any(k => EF.Functions.ILike((k.FirstName ?? "") + " " + (k.LastName ?? ""), pattern, "\\") || EF.Functions.ILike(k.Email ?? "", pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(customers, Sorts, query.Sort, query.After, query.Limit, c => c.Id, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var billing = await db.Set<Contact>().AsNoTracking().Where(k => ids.Contains(k.CustomerId) && k.IsBilling)
            .ToDictionaryAsync(k => k.CustomerId, cancellationToken);
        return CustomerReader.List(rows, billing, next, hasMore);
    }
}

internal static class ListCustomersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<CustomerList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, CustomerKind? kind,
                CustomerVatRegime? vatRegime, string? countryCode, bool? archived, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCustomersQuery(Cursor.Limit(limit), after, sort, search, kind, vatRegime, countryCode, archived, updatedSince), ct)))
            .WithName("ListCustomers")
            .WithSummary("List and search customers")
            .WithDescription("`search` matches the name, the accounting code, the start of the SIREN, or a contact's name or e-mail (case-insensitive). Filters: `kind`, `vatRegime`, `countryCode`, `archived` (default false: active customers only), `updatedSince`. `sort`: `name` (default), `accountingCode`, `updatedAt`, `-` for descending.")
            .RequirePermission(Permissions.Customers, Access.Read)
            .WithExamples(null, 200, new CustomerList([CustomerExamples.Summary], null, false));
}
