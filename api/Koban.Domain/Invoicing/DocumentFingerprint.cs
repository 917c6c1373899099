using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Koban.Domain.Documents;

namespace Koban.Domain.Invoicing;

/// <summary>
/// The SHA-256 fingerprint of a validated document (domain-rules.md §8), over a canonical UTF-8 text anyone can rebuild
/// without Koban (docs/compliance.md gives the format): fields in a fixed order separated by <c>|</c>, one record per
/// line (<c>\n</c>); amounts in integer cents, unit prices in ten-thousandths, quantities in thousandths, rates in
/// hundredths of a percent; dates <c>yyyyMMdd</c>; times UTC <c>yyyyMMddHHmmss</c>; text with <c>\</c>, <c>|</c> and line
/// breaks escaped. It covers the company, type, number, dates, seller and buyer snapshots, every line, the per-rate
/// breakdown, the totals, the validation time and the previous fingerprint of the company's chain.
/// </summary>
public static class DocumentFingerprint
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    public static string Canonical(BillingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var seller = document.Seller ?? throw new InvalidOperationException("Only a validated document has a fingerprint.");
        var buyer = document.Buyer ?? throw new InvalidOperationException("Only a validated document has a fingerprint.");
        var text = new StringBuilder();
        Record(text, "KOBAN-DOC-1", document.CompanyId.ToString("D"), document.TypeCode, document.Number, Date(document.IssueDate), Date(document.DueDate),
            Time(document.ValidatedAt), document.ChainSequence?.ToString(CultureInfo.InvariantCulture), document.Currency,
            document.OrderId?.ToString("D"), document.CorrectedInvoiceId?.ToString("D"), document.CustomerReference);
        Record(text, "SELLER", seller.LegalName, seller.LegalForm, Cents(seller.ShareCapital), Address(seller.Address), seller.Siren, seller.RcsCity,
            seller.VatNumber, seller.Iban, seller.Bic, Flag(seller.VatFranchise), Flag(seller.VatOnDebits), Hundredths(seller.LatePaymentPenaltyRate));
        Record(text, "BUYER", buyer.CustomerId.ToString("D"), buyer.Name, Flag(buyer.IsBusiness), buyer.CountryCode, buyer.VatRegime, Address(buyer.BillingAddress),
            Address(buyer.DeliveryAddress), buyer.Siren, buyer.VatNumber, buyer.AccountingCode);
        Record(text, "TERMS", document.PaymentTerms.Kind.ToString(), document.PaymentTerms.Days.ToString(CultureInfo.InvariantCulture), document.PaymentMethod.ToString());
        // Only when set, so the documents validated before the field existed keep their canonical text.
        if (document.SaleDate is { } saleDate) Record(text, "SALE", Date(saleDate));
        foreach (var line in document.Lines)
        {
            Record(text, "LINE", line.Position.ToString(CultureInfo.InvariantCulture), line.Kind.ToString(), line.ProductId?.ToString("D"), line.Description,
                Scaled(line.Quantity, 1000m), line.UnitCode, Scaled(line.UnitPrice, 10000m), Hundredths(line.DiscountPercent), Hundredths(line.VatRate),
                line.VatCategory.Code(), Cents(line.NetAmount), line.OrderLineId?.ToString("D"), line.DeductedInvoiceId?.ToString("D"), Cents(line.DeductedVat),
                line.SourceLineId?.ToString("D"));
            // Only when set, so the documents validated before service periods existed keep their canonical text.
            if (line.ServiceStart is { } serviceStart && line.ServiceEnd is { } serviceEnd) Record(text, "PERIOD", Date(serviceStart), Date(serviceEnd));
        }
        foreach (var row in document.VatBreakdown)
            Record(text, "VAT", Hundredths(row.Rate), row.Category.Code(), Cents(row.Base), Cents(row.Vat));
        foreach (var note in document.LegalNotes)
            Record(text, "NOTE", note);
        Record(text, "TOTAL", Cents(document.TotalExcludingVat), Cents(document.TotalVat), Cents(document.TotalIncludingVat));
        Record(text, "PREVIOUS", document.PreviousFingerprint);
        return text.ToString();
    }

    private static void Record(StringBuilder text, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) text.Append('|');
            text.Append(Escape(fields[i]));
        }
        text.Append('\n');
    }

    private static string Escape(string? value) =>
        value is null ? string.Empty : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string? Cents(decimal? amount) => Scaled(amount, 100m);

    internal static string? Hundredths(decimal? rate) => Scaled(rate, 100m);

    internal static string? Scaled(decimal? value, decimal scale) =>
        value is { } v ? decimal.ToInt64(decimal.Round(v * scale, 0, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) : null;

    internal static string? Date(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    internal static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "1" : "0";

    private static string? Address(AddressSnapshot? a) =>
        a is null ? null : string.Join(";", a.Line1, a.Line2 ?? string.Empty, a.PostalCode, a.City, a.CountryCode);
}
