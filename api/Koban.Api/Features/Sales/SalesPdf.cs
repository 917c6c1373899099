using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

/// <summary>
/// Quotes and orders as printable documents. They are not legal archives: they are rendered live from the current rows
/// each time they are asked for. The mapping is public so invoices made from an order can reuse its parts.
/// </summary>
public static class SalesPdf
{
    public static PrintableSeller Seller(Company company) => PrintableParts.Seller(company);

    public static PrintableDocument FromQuote(Quote quote, Company company, Customer customer, PaymentTerms terms, IReadOnlyDictionary<Guid, Product> products, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(customer);
        var totals = quote.ComputeTotals();
        var business = customer.Kind == CustomerKind.Business;
        return new PrintableDocument(PrintableKind.Quote, PrintableParts.Title(PrintableKind.Quote), quote.Number, quote.SentOn ?? today, null, null, quote.ValidUntil,
            Seller(company), PrintableParts.Buyer(customer), null, [], OperationNature(quote.Lines, products), Lines(quote.Lines),
            PrintableParts.VatRows(totals), totals.TotalExcludingVat, totals.TotalVat, totals.TotalIncludingVat, totals.TotalIncludingVat,
            PrintableParts.PaymentTermsText(terms), null, PrintableParts.NoEarlyPaymentDiscount, business ? company.LatePaymentPenaltyRate : null, business,
            LegalNotes(company, quote.Lines, products), null, null, null, null);
    }

    /// <summary><paramref name="billTo"/> is the invoiced customer (the buyer printed); <paramref name="sourceQuote"/> the quote it came from, if any.</summary>
    public static PrintableDocument FromOrder(Order order, Company company, Customer billTo, Contact? contact, Quote? sourceQuote, IReadOnlyDictionary<Guid, Product> products)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(billTo);
        var totals = order.ComputeTotals();
        var business = billTo.Kind == CustomerKind.Business;
        IReadOnlyList<PrintableReference> references = sourceQuote?.Number is { } quoteNumber ? [new PrintableReference("Devis", quoteNumber, sourceQuote.SentOn)] : [];
        return new PrintableDocument(PrintableKind.Order, PrintableParts.Title(PrintableKind.Order), order.Number, order.OrderDate, null, null, null,
            Seller(company), PrintableParts.Buyer(billTo, order.DeliveryAddress, contact), order.CustomerReference, references, OperationNature(order.Lines, products),
            Lines(order.Lines), PrintableParts.VatRows(totals), totals.TotalExcludingVat, totals.TotalVat, totals.TotalIncludingVat, totals.TotalIncludingVat,
            PrintableParts.PaymentTermsText(order.PaymentTerms), PrintableParts.PaymentMethodText(order.PaymentMethod), PrintableParts.NoEarlyPaymentDiscount,
            business ? company.LatePaymentPenaltyRate : null, business, LegalNotes(company, order.Lines, products), order.HeaderText, order.FooterText, order.GeneralComment, null);
    }

    public static IReadOnlyList<PrintableLine> Lines(IEnumerable<SalesLine> lines) =>
        [.. lines.Select(l => new PrintableLine(l.Kind, l.Description, l.Quantity, l.UnitCode, l.UnitPrice, l.DiscountPercent, l.VatRate, l.VatCategory, l.NetAmount))];

    /// <summary>Goods, services or both, from the products of the lines (and, for free lines, what their VAT category reveals).
    /// Null when a priced line's nature cannot be known (a free line at a French rate does not keep it): better no mention
    /// than a wrong one.</summary>
    public static string? OperationNature(IEnumerable<SalesLine> lines, IReadOnlyDictionary<Guid, Product> products)
    {
        var natures = lines.Where(l => l.Kind.IsPriced())
            .Select(l => l.ProductId is { } id && products.TryGetValue(id, out var product) ? product.Nature : PrintableParts.NatureOf(l.VatCategory))
            .ToList();
        return natures.Any(n => n is null) && natures.Distinct().Count(n => n is not null) < 2 ? null : PrintableParts.OperationNature(natures.OfType<ProductNature>());
    }

    /// <summary>The exemption wordings of the lines (for a French 0 % line the reason stored with it, else its product's) and the VAT-on-debits option.</summary>
    public static IReadOnlyList<string> LegalNotes(Company company, IEnumerable<SalesLine> lines, IReadOnlyDictionary<Guid, Product> products)
    {
        ArgumentNullException.ThrowIfNull(company);
        return PrintableParts.LegalNotes(company.VatFranchise, company.VatOnDebits, lines.Where(l => l.Kind.IsPriced())
            .Select(l => (l.VatCategory, l.VatExemptionReason ?? (l.ProductId is { } id && products.TryGetValue(id, out var product) ? product.VatExemptionReason : null))));
    }

    /// <summary>The products of the lines, for the operation nature and the exemption wordings.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Product>> ProductsAsync(KobanDbContext db, IEnumerable<SalesLine> lines, CancellationToken ct)
    {
        var ids = lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, Product>() : await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    /// <summary>"Devis DE-2026-00012.pdf"; a draft has no number yet: "Devis brouillon (aperçu).pdf".</summary>
    internal static string FileName(PrintableDocument document) => $"{document.Title} {document.Number ?? Infrastructure.Pdf.DocumentPdfRenderer.DraftFileSuffix}.pdf";
}
