using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Documents;

namespace Koban.Domain.Sales;

/// <summary>
/// A customer order (commande). A draft is freely editable; validation numbers it and freezes its financial content
/// (customer, invoiced account, lines, dates, payment method and terms, currency), while layout, delivery, contact and
/// notes stay editable (domain-rules.md §2, the seed's compliance article since Feb 2019). A wrong validated order is
/// cancelled and re-entered, never edited.
/// </summary>
public sealed class Order : ICompanyOwned, IHasUpdatedAt
{
    private readonly List<OrderLine> _lines = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }

    /// <summary>Null while draft; assigned by <see cref="Validate"/> from the order sequence (domain-rules.md §3).</summary>
    public string? Number { get; private set; }
    public OrderStatus Status { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid BillToCustomerId { get; private set; }
    public DateOnly OrderDate { get; private set; }
    public PaymentTerms PaymentTerms { get; private set; } = PaymentTerms.OnReceipt;
    public PaymentMethod PaymentMethod { get; private set; }
    public string Currency { get; private set; } = Currencies.Euro;

    /// <summary>Null: the order is not traceable to a quote.</summary>
    public Guid? SourceQuoteId { get; private set; }

    public Guid? ContactId { get; private set; }

    /// <summary>The customer's purchase-order number, printed on invoices when given (domain-rules.md §4).</summary>
    public string? CustomerReference { get; private set; }
    public Guid? TemplateId { get; private set; }
    public string? HeaderText { get; private set; }
    public string? FooterText { get; private set; }
    public string? GeneralComment { get; private set; }
    public Guid? SalespersonId { get; private set; }
    public DateOnly? PlannedDeliveryDate { get; private set; }
    public string? DeliveryMethod { get; private set; }
    public PostalAddress? DeliveryAddress { get; private set; }
    public string? InternalNotes { get; private set; }

    public string? CancellationReason { get; private set; }
    public decimal TotalExcludingVat { get; private set; }
    public decimal TotalVat { get; private set; }
    public decimal TotalIncludingVat { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<OrderLine> Lines => SalesLine.InPositionOrder(_lines);
    public bool IsFrozen => Status != OrderStatus.Draft;

    /// <summary><c>businessCustomer</c>: whether the invoiced customer is a business, as the legal maximum on terms applies to businesses only (domain-rules.md §7).</summary>
    public static Order CreateDraft(OrderHeaderData header, IEnumerable<DocumentLineData> lines, bool businessCustomer, OrderFreeFields? freeFields = null)
    {
        var order = new Order { Id = Guid.CreateVersion7(), Status = OrderStatus.Draft };
        order.ApplyHeader(header, businessCustomer);
        order.ApplyFreeFields(freeFields ?? OrderFreeFields.None);
        order.SetLines(DocumentLineData.CheckAll(lines));
        return order;
    }

    /// <summary>A draft order carrying the accepted quote's customer and lines unchanged, traceable to it by <see cref="SourceQuoteId"/>.
    /// One order per quote is the caller's check (a unique index on SourceQuoteId).</summary>
    public static Order FromQuote(
        Quote acceptedQuote,
        DateOnly orderDate,
        PaymentTerms paymentTerms,
        PaymentMethod paymentMethod,
        bool businessCustomer,
        Guid? billToCustomerId = null,
        OrderFreeFields? freeFields = null)
    {
        ArgumentNullException.ThrowIfNull(acceptedQuote);
        if (acceptedQuote.Status != QuoteStatus.Accepted)
            throw new DomainConflictException(ErrorCodes.QuoteNotAccepted, $"Quote {acceptedQuote.Id} is {acceptedQuote.Status}.") { Field = "quoteId" };
        var header = new OrderHeaderData(acceptedQuote.CustomerId, orderDate, paymentTerms, paymentMethod, billToCustomerId);
        var order = CreateDraft(header, acceptedQuote.Lines.Select(l => l.ToData()), businessCustomer, freeFields);
        order.SourceQuoteId = acceptedQuote.Id;
        return order;
    }

    public DocumentTotals ComputeTotals() => DocumentTotals.Compute(_lines.Select(l => l.ToTotalsLine()));

    /// <summary>
    /// A full replacement of the header. On a draft everything is applied; once validated, the free fields are applied
    /// and a frozen field that really changed is refused with <c>document_frozen</c> naming it, so a client can send the
    /// whole form back unchanged.
    /// </summary>
    public void UpdateHeader(OrderHeaderData header, OrderFreeFields freeFields, bool businessCustomer)
    {
        ArgumentNullException.ThrowIfNull(header);
        EnsureNotCancelled("update");
        if (IsFrozen)
        {
            if (FirstFrozenChange(header) is { } field)
                throw DocumentErrors.Frozen(field);
        }
        else
        {
            ApplyHeader(header, businessCustomer);
        }

        ApplyFreeFields(freeFields);
    }

    /// <summary>Always allowed (domain-rules.md §2 lists these as editable after validation), except on a cancelled order.</summary>
    public void UpdateFreeFields(OrderFreeFields freeFields)
    {
        EnsureNotCancelled("update");
        ApplyFreeFields(freeFields);
    }

    /// <summary>On a draft, replaces every line. Once validated, lines are frozen: an identical list is accepted (and kept,
    /// with its ids, which the billing ledger points at); the first real difference is refused naming it, e.g. <c>lines[2].unitPrice</c>.</summary>
    public void ReplaceLines(IEnumerable<DocumentLineData> lines)
    {
        EnsureNotCancelled("update");
        var checkedLines = DocumentLineData.CheckAll(lines);
        if (IsFrozen)
        {
            if (FirstLineChange(checkedLines) is { } field)
                throw DocumentErrors.Frozen(field);
            return;
        }

        SetLines(checkedLines);
    }

    public void EnsureDeletable()
    {
        if (Status != OrderStatus.Draft)
            throw new DomainConflictException(ErrorCodes.DocumentNotDeletable, $"A {Status} order cannot be deleted; cancel it instead.");
    }

    /// <summary>
    /// Numbers and freezes the draft. The caller takes <paramref name="number"/> from the order sequence inside the same
    /// transaction, so a refused validation never burns a number (domain-rules.md §1, §3).
    /// </summary>
    public void Validate(string number, OrderValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Status != OrderStatus.Draft)
            throw DocumentErrors.InvalidTransition("validate", Status);
        var checkedNumber = DocumentErrors.RequireNumber(number);
        if (!_lines.Any(l => l.Kind.IsPriced()))
            throw new DomainException(ErrorCodes.DocumentHasNoPricedLine, "An order needs a priced line.") { Field = "lines" };
        if (!context.BillToCustomerHasBillingAddress)
            throw new DomainException(ErrorCodes.CustomerBillingAddressMissing, "The invoiced customer has no billing address.") { Field = "billToCustomerId" };
        foreach (var line in _lines.Where(l => l.Kind == LineKind.Product))
        {
            if (!context.IsProductForSale(line.ProductId!.Value))
                throw new DomainException(ErrorCodes.ProductNotForSale, $"Product {line.ProductId} is not for sale.") { Field = $"lines[{line.Position}].productId" };
        }
        if (TotalIncludingVat < 0m)
            throw new DomainException(ErrorCodes.DocumentTotalNegative, "The order total cannot be negative.") { Field = "lines" };

        Number = checkedNumber;
        Status = OrderStatus.InProgress;
    }

    public void Close()
    {
        if (Status != OrderStatus.InProgress)
            throw DocumentErrors.InvalidTransition("close", Status);
        Status = OrderStatus.Closed;
    }

    /// <summary>Only an order in progress with nothing invoiced (deposits included) or delivered can be cancelled, with a
    /// reason (domain-rules.md §1–2); the number stays used, so the sequence keeps no gap.</summary>
    public void Cancel(string reason, bool hasInvoicingOrDelivery)
    {
        if (Status != OrderStatus.InProgress)
            throw DocumentErrors.InvalidTransition("cancel", Status);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ErrorCodes.CancellationReasonRequired, "A cancellation reason is required.") { Field = "reason" };
        if (hasInvoicingOrDelivery)
            throw new DomainConflictException(ErrorCodes.OrderHasInvoicingOrDelivery, "The order has invoices or deliveries.");
        CancellationReason = reason.Trim();
        Status = OrderStatus.Cancelled;
    }

    public void Cancel(string reason, OrderBillingLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Cancel(reason, ledger.HasInvoicingOrDelivery);
    }

    private void EnsureNotCancelled(string action)
    {
        if (Status == OrderStatus.Cancelled)
            throw DocumentErrors.InvalidTransition(action, Status);
    }

    private void ApplyHeader(OrderHeaderData header, bool businessCustomer)
    {
        ArgumentNullException.ThrowIfNull(header.PaymentTerms);
        if (header.Currency != Currencies.Euro)
            throw new DomainException(ErrorCodes.CurrencyNotSupported, $"Currency {header.Currency} is not supported.") { Field = "currency" };
        header.PaymentTerms.Validate(businessCustomer);
        CustomerId = header.CustomerId;
        BillToCustomerId = header.BillToCustomerId ?? header.CustomerId;
        OrderDate = header.OrderDate;
        PaymentTerms = header.PaymentTerms;
        PaymentMethod = header.PaymentMethod;
        Currency = header.Currency;
    }

    private void ApplyFreeFields(OrderFreeFields free)
    {
        ArgumentNullException.ThrowIfNull(free);
        ContactId = free.ContactId;
        CustomerReference = DocumentErrors.Blank(free.CustomerReference);
        TemplateId = free.TemplateId;
        HeaderText = DocumentErrors.Blank(free.HeaderText);
        FooterText = DocumentErrors.Blank(free.FooterText);
        GeneralComment = DocumentErrors.Blank(free.GeneralComment);
        SalespersonId = free.SalespersonId;
        PlannedDeliveryDate = free.PlannedDeliveryDate;
        DeliveryMethod = DocumentErrors.Blank(free.DeliveryMethod);
        DeliveryAddress = free.DeliveryAddress;
        InternalNotes = DocumentErrors.Blank(free.InternalNotes);
    }

    private string? FirstFrozenChange(OrderHeaderData header) =>
        header.CustomerId != CustomerId ? "customerId"
        : (header.BillToCustomerId ?? header.CustomerId) != BillToCustomerId ? "billToCustomerId"
        : header.OrderDate != OrderDate ? "orderDate"
        : header.PaymentMethod != PaymentMethod ? "paymentMethod"
        : header.PaymentTerms != PaymentTerms ? "paymentTerms"
        : header.Currency != Currency ? "currency"
        : null;

    private string? FirstLineChange(List<DocumentLineData> lines)
    {
        SalesLine.InPositionOrder(_lines);
        for (var i = 0; i < Math.Min(lines.Count, _lines.Count); i++)
        {
            var (now, was) = (lines[i], _lines[i]);
            var field = now.Kind != was.Kind ? "kind"
                : now.ProductId != was.ProductId ? "productId"
                : now.Description != was.Description ? "description"
                : now.Quantity != was.Quantity ? "quantity"
                : now.UnitCode != was.UnitCode ? "unitCode"
                : now.UnitPrice != was.UnitPrice ? "unitPrice"
                : now.DiscountPercent != was.DiscountPercent ? "discountPercent"
                : now.VatRate != was.VatRate ? "vatRate"
                : now.VatCategory != was.VatCategory ? "vatCategory"
                : now.IsContractLine != was.IsContractLine ? "isContractLine"
                : null;
            if (field is not null)
                return $"lines[{i}].{field}";
        }

        return lines.Count != _lines.Count ? "lines" : null;
    }

    private void SetLines(List<DocumentLineData> lines)
    {
        _lines.Clear();
        _lines.AddRange(lines.Select((line, index) => OrderLine.Create(Id, index, line)));
        var totals = ComputeTotals();
        TotalExcludingVat = totals.TotalExcludingVat;
        TotalVat = totals.TotalVat;
        TotalIncludingVat = totals.TotalIncludingVat;
    }
}
