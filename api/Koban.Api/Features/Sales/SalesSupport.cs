using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>Creates draft orders with the customer's terms (or the company default) — the one place both the win flow
/// and direct creation take their defaults from.</summary>
public sealed class OrderFactory(KobanDbContext db)
{
    public async Task<Order> EmptyDraftAsync(Guid customerId, DateOnly today, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId, ct);
        return Order.CreateDraft(new OrderHeaderData(customerId, today, await TermsAsync(customer, ct), PaymentMethod.BankTransfer), [], customer.Kind == CustomerKind.Business);
    }

    public async Task<Order> FromQuoteAsync(Quote quote, DateOnly today, CancellationToken ct)
    {
        if (await db.Orders.IgnoreAutoIncludes().AnyAsync(o => o.SourceQuoteId == quote.Id, ct))
        {
            throw new DomainConflictException(ErrorCodes.QuoteAlreadyOrdered, "An order already exists for this quote.") { Field = "quoteId" };
        }
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == quote.CustomerId, ct);
        return Order.FromQuote(quote, today, await TermsAsync(customer, ct), PaymentMethod.BankTransfer, customer.Kind == CustomerKind.Business);
    }

    public async Task<PaymentTerms> TermsAsync(Customer customer, CancellationToken ct) =>
        customer.PaymentTerms ?? await db.Companies.Select(c => c.DefaultPaymentTerms).SingleAsync(ct);
}

public sealed record QuoteSummary(Guid Id, string? Number, QuoteStatus Status, bool IsExpired, Guid? OpportunityId, Guid CustomerId, DateOnly ValidUntil,
    decimal TotalExcludingVat, decimal TotalIncludingVat, Guid? OrderId, Customers.CustomerSummary? Customer = null)
{
    internal static async Task<List<QuoteSummary>> QueryAsync(KobanDbContext db, IQueryable<Quote> quotes, DateOnly today, CancellationToken ct)
    {
        var rows = await quotes.AsNoTracking().IgnoreAutoIncludes()
            .Select(q => new { q.Id, q.Number, q.Status, q.OpportunityId, q.CustomerId, q.ValidUntil, q.TotalExcludingVat, q.TotalIncludingVat })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var orders = await db.Orders.IgnoreAutoIncludes().Where(o => o.SourceQuoteId != null && ids.Contains(o.SourceQuoteId.Value))
            .ToDictionaryAsync(o => o.SourceQuoteId!.Value, o => o.Id, ct);
        return [.. rows.Select(q => new QuoteSummary(q.Id, q.Number, q.Status, q.Status == QuoteStatus.Sent && today > q.ValidUntil, q.OpportunityId, q.CustomerId,
            q.ValidUntil, q.TotalExcludingVat, q.TotalIncludingVat, orders.TryGetValue(q.Id, out var orderId) ? orderId : null))];
    }
}

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

internal static class SalesExamples
{
    public static readonly Guid CustomerId = Guid.Parse("01936c00-1111-7000-8000-00000000c001");
    public static readonly Guid QuoteId = Guid.Parse("01936d00-0000-7000-8000-0000000000a1");
    public static readonly Guid OrderId = Guid.Parse("01936d00-0000-7000-8000-0000000000d1");
    private static readonly DateTimeOffset Updated = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static readonly OpportunityRequest OpportunityRequest = new(CustomerId, "Agencement boutique Lyon 2e", 12500m, new DateOnly(2026, 12, 15), null);

    public static readonly QuoteSummary QuoteSummary = new(QuoteId, "DE-2026-00012", QuoteStatus.Accepted, false, Guid.Parse("01936d00-0000-7000-8000-0000000000b1"),
        CustomerId, new DateOnly(2026, 12, 31), 1535.00m, 1842.00m, OrderId);

    public static readonly OpportunityResponse Opportunity = new(Guid.Parse("01936d00-0000-7000-8000-0000000000b1"), CustomerId, "Menuiserie Durand SARL",
        "Agencement boutique Lyon 2e", 12500.00m, new DateOnly(2026, 12, 15), null, OpportunityStage.Open, null, null, [QuoteSummary], Updated);

    public static readonly IReadOnlyList<SalesLineRequest> LineRequests =
    [
        new(LineKind.Title, null, "Agencement", null, null, null, null, null, null, null),
        new(LineKind.Product, Guid.Parse("01936c10-0000-7000-8000-00000000a001"), null, 12m, null, null, null, null, null, null),
        new(LineKind.Free, null, "Étagère chêne massif sur mesure", 2m, "C62", 375.5m, 10m, 20m, Koban.Domain.Products.ProductNature.Goods, null),
    ];

    public static readonly IReadOnlyList<SalesLineResponse> Lines =
    [
        new(Guid.Parse("01936d00-0000-7000-8000-00000000e001"), 0, LineKind.Title, null, "Agencement", 0m, null, 0m, 0m, 0m, VatCategory.Standard, false, 0.00m),
        new(Guid.Parse("01936d00-0000-7000-8000-00000000e002"), 1, LineKind.Product, Guid.Parse("01936c10-0000-7000-8000-00000000a001"), "Pose et réglage", 12.000m, "HUR",
            65.0000m, 0.00m, 20.00m, VatCategory.Standard, false, 780.00m),
        new(Guid.Parse("01936d00-0000-7000-8000-00000000e003"), 2, LineKind.Free, null, "Étagère chêne massif sur mesure", 2.000m, "C62", 375.5000m, 10.00m, 20.00m,
            VatCategory.Standard, false, 675.90m),
    ];

    public static readonly TotalsResponse Totals = new(1455.90m, [new VatBreakdownResponse(20.00m, VatCategory.Standard, 1455.90m, 291.18m)], 291.18m, 1747.08m);
}
