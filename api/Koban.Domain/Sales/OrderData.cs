using Koban.Domain.Common;
using Koban.Domain.Companies;

namespace Koban.Domain.Sales;

/// <summary>The header fields frozen once the order is validated (domain-rules.md §2). A null <see cref="BillToCustomerId"/> bills the customer itself.</summary>
public sealed record OrderHeaderData(
    Guid CustomerId,
    DateOnly OrderDate,
    PaymentTerms PaymentTerms,
    PaymentMethod PaymentMethod,
    Guid? BillToCustomerId = null,
    string Currency = Currencies.Euro);

/// <summary>The fields that stay editable after validation (domain-rules.md §2): layout, people, delivery and notes.</summary>
public sealed record OrderFreeFields(
    Guid? ContactId = null,
    string? CustomerReference = null,
    Guid? TemplateId = null,
    string? HeaderText = null,
    string? FooterText = null,
    string? GeneralComment = null,
    Guid? SalespersonId = null,
    DateOnly? PlannedDeliveryDate = null,
    string? DeliveryMethod = null,
    PostalAddress? DeliveryAddress = null,
    string? InternalNotes = null)
{
    public static OrderFreeFields None { get; } = new();
}

/// <summary>What <see cref="Order.Validate"/> needs to know about records outside the order, looked up by the handler.</summary>
public sealed record OrderValidationContext(bool BillToCustomerHasBillingAddress, Func<Guid, bool> IsProductForSale);
