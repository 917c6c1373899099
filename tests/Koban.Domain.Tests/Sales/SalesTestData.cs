using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Sales;

namespace Koban.Domain.Tests.Sales;

internal static class SalesTestData
{
    public static readonly DateOnly Today = new(2026, 3, 15);

    public static DocumentLineData Product(decimal quantity = 2m, decimal unitPrice = 100m, decimal vatRate = 20m, decimal discount = 0m, Guid? productId = null) =>
        new(LineKind.Product, productId ?? Guid.NewGuid(), "Conseil", quantity, "HUR", unitPrice, discount, vatRate, vatRate == 0m ? VatCategory.Exempt : VatCategory.Standard);

    public static DocumentLineData Free(decimal quantity, decimal unitPrice, decimal vatRate) =>
        new(LineKind.Free, null, "Frais", quantity, null, unitPrice, 0m, vatRate, vatRate == 0m ? VatCategory.Exempt : VatCategory.Standard);

    public static OrderHeaderData Header(Guid? customerId = null) =>
        new(customerId ?? Guid.NewGuid(), Today, new PaymentTerms(PaymentTermsKind.Days, 30), PaymentMethod.BankTransfer);

    public static Order Draft(params DocumentLineData[] lines) =>
        Order.CreateDraft(Header(), lines.Length == 0 ? [Product()] : lines, businessCustomer: true);

    public static OrderValidationContext Valid { get; } = new(true, _ => true);

    public static Order Validated(params DocumentLineData[] lines)
    {
        var order = Draft(lines);
        order.Validate("CO-2026-001", Valid);
        return order;
    }
}
