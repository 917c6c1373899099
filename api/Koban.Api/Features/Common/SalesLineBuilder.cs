using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Common;

/// <summary>Turns requested lines into domain line data: resolves products of the current company (another company's id
/// is an unknown reference), copies their data, and decides the VAT treatment.</summary>
public sealed class SalesLineBuilder(KobanDbContext db)
{
    /// <summary>Builds the lines. <c>existing</c> holds the document's current lines when it is being updated: a line sent
    /// back without a value keeps the stored one (not the product's current one), so returning a validated order's lines
    /// unchanged is never mistaken for a change of a frozen field because the product's price or the default nature differs.</summary>
    public async Task<List<DocumentLineData>> BuildAsync(IReadOnlyList<SalesLineRequest> lines, Customer customer, CancellationToken ct,
        IReadOnlyList<SalesLine>? existing = null)
    {
        var productIds = lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = productIds.Count == 0 ? [] : await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var franchise = await db.Companies.Select(c => c.VatFranchise).SingleAsync(ct);
        var result = new List<DocumentLineData>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!l.Kind.IsPriced())
            {
                result.Add(new DocumentLineData(l.Kind, null, l.Description));
                continue;
            }
            Product? product = null;
            if (l.ProductId is { } productId)
            {
                product = products.GetValueOrDefault(productId) ?? throw new ReferenceNotFoundException($"lines[{i}].productId");
            }
            var kind = product is null ? LineKind.Free : LineKind.Product;
            var stored = existing is not null && i < existing.Count && existing[i].Kind == kind && existing[i].ProductId == product?.Id ? existing[i] : null;
            var nature = l.Nature ?? NatureOf(stored?.VatCategory) ?? product?.Nature ?? ProductNature.Service;
            var requestedRate = l.VatRate ?? stored?.VatRate ?? product?.VatRate ?? 20m;
            // a free line outside the scope of VAT (late-payment interest, the 40 € indemnity) stays so when it comes back at 0 %
            // without an exemption reason: no customer regime makes it so, and a French 0 % would otherwise need one
            var treatment = stored is { VatCategory: VatCategory.OutsideScope } && kind == LineKind.Free && requestedRate == 0m && l.VatExemptionReason is null
                ? new VatTreatment(VatCategory.OutsideScope, 0m, null)
                : DecideAt(i, franchise, customer, nature, requestedRate, l.VatExemptionReason ?? stored?.VatExemptionReason ?? product?.VatExemptionReason);
            result.Add(new DocumentLineData(
                kind,
                product?.Id,
                l.Description ?? stored?.Description ?? (product is null ? null : string.IsNullOrWhiteSpace(product.Description) ? product.Name : $"{product.Name}\n{product.Description}"),
                l.Quantity ?? stored?.Quantity ?? 1m,
                l.UnitCode ?? stored?.UnitCode ?? product?.UnitCode,
                l.UnitPrice ?? stored?.UnitPrice ?? product?.UnitPrice ?? 0m,
                l.DiscountPercent ?? stored?.DiscountPercent ?? 0m,
                treatment.Rate,
                treatment.Category,
                stored?.IsContractLine ?? product?.IsContract ?? false,
                treatment.ExemptionReason));
        }
        return result;
    }

    /// <summary>The VAT treatment of line <paramref name="index"/>; a refusal names that line's field (<c>lines[2].vatRate</c>).</summary>
    private static VatTreatment DecideAt(int index, bool franchise, Customer customer, ProductNature nature, decimal rate, string? exemptionReason)
    {
        try
        {
            return VatTreatments.Decide(franchise, customer.VatRegime, customer.Kind, nature, rate, exemptionReason);
        }
        catch (DomainException e) when (e.Field is "vatRate" or "vatExemptionReason")
        {
            throw e.AtField($"lines[{index}].{e.Field}");
        }
    }

    /// <summary>The nature a stored line was sold with, where its VAT category reveals it (domain-rules §7).</summary>
    private static ProductNature? NatureOf(VatCategory? category) => category switch
    {
        VatCategory.IntraCommunitySupply or VatCategory.Export => ProductNature.Goods,
        VatCategory.ReverseCharge or VatCategory.OutsideScope => ProductNature.Service,
        _ => null,
    };

    public async Task<Customer> CustomerAsync(Guid customerId, string field, bool forNewDocument, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, ct) ?? throw new ReferenceNotFoundException(field);
        if (forNewDocument && customer.IsArchived)
        {
            throw new DomainException(ErrorCodes.CustomerArchived, "This customer is archived.") { Field = field };
        }
        return customer;
    }
}
