using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Documents;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Sales.SalesTestData;

namespace Koban.Domain.Tests.Sales;

public sealed class OrderTests
{
    [Test]
    public void A_new_order_is_an_unnumbered_draft_billed_to_its_customer()
    {
        var order = Draft(Product(2m, 100m), Product(1m, 50m, 5.5m));

        order.Status.ShouldBe(OrderStatus.Draft);
        order.Number.ShouldBeNull();
        order.BillToCustomerId.ShouldBe(order.CustomerId);
        order.Currency.ShouldBe("EUR");
        order.SourceQuoteId.ShouldBeNull();
        order.TotalExcludingVat.ShouldBe(250m);
        order.TotalVat.ShouldBe(42.75m);
        order.TotalIncludingVat.ShouldBe(292.75m);
    }

    [Test]
    public void A_currency_other_than_the_euro_is_refused() =>
        Should.Throw<DomainException>(() => Order.CreateDraft(Header() with { Currency = "USD" }, [Product()], true)).Code.ShouldBe(ErrorCodes.CurrencyNotSupported);

    [Test]
    public void Business_terms_beyond_the_legal_maximum_are_refused() =>
        Should.Throw<DomainException>(() => Order.CreateDraft(Header() with { PaymentTerms = new PaymentTerms(PaymentTermsKind.Days, 75) }, [Product()], businessCustomer: true))
            .Code.ShouldBe(ErrorCodes.PaymentTermsBeyondLegalMaximum);

    [Test]
    public void A_line_error_names_the_line_and_the_field()
    {
        var exception = Should.Throw<DomainException>(() => Draft(Product(), Product(1.0005m)));

        exception.Code.ShouldBe(ErrorCodes.LineQuantityTooPrecise);
        exception.Field.ShouldBe("lines[1].quantity");
    }

    [Test]
    public void A_product_line_needs_a_product_and_a_free_line_has_none()
    {
        Should.Throw<DomainException>(() => Draft(Product() with { ProductId = null })).Code.ShouldBe(ErrorCodes.LineProductRequired);
        Should.Throw<DomainException>(() => Draft(Free(1m, 1m, 20m) with { ProductId = Guid.NewGuid() })).Code.ShouldBe(ErrorCodes.LineProductNotAllowed);
        Should.Throw<DomainException>(() => Draft(Product() with { Description = " " })).Code.ShouldBe(ErrorCodes.LineDescriptionRequired);
        Should.Throw<DomainException>(() => Draft(Product(vatRate: 19.6m))).Code.ShouldBe(ErrorCodes.VatRateNotAllowed);
        Should.Throw<DomainException>(() => Draft(Product() with { UnitCode = "BOX" })).Code.ShouldBe(ErrorCodes.UnitCodeUnknown);
    }

    [Test]
    public void A_draft_is_freely_editable_and_deletable()
    {
        var order = Draft();
        var newCustomer = Guid.NewGuid();

        order.UpdateHeader(Header(newCustomer) with { PaymentMethod = PaymentMethod.Cheque }, OrderFreeFields.None, businessCustomer: true);
        order.ReplaceLines([Product(1m, 10m)]);

        order.CustomerId.ShouldBe(newCustomer);
        order.PaymentMethod.ShouldBe(PaymentMethod.Cheque);
        order.TotalIncludingVat.ShouldBe(12m);
        Should.NotThrow(order.EnsureDeletable);
    }

    [Test]
    public void Validating_a_draft_assigns_the_number_and_freezes_it()
    {
        var order = Draft();

        order.Validate(" CO-2026-007 ", Valid);

        order.Number.ShouldBe("CO-2026-007");
        order.Status.ShouldBe(OrderStatus.InProgress);
        order.IsFrozen.ShouldBeTrue();
        Should.Throw<DomainConflictException>(order.EnsureDeletable).Code.ShouldBe(ErrorCodes.DocumentNotDeletable);
    }

    [Test]
    public void Validating_twice_is_a_conflict() =>
        Should.Throw<DomainConflictException>(() => Validated().Validate("CO-2", Valid)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);

    [Test]
    public void An_order_with_only_layout_lines_cannot_be_validated() =>
        Should.Throw<DomainException>(() => Draft(DocumentLineData.Title("Titre")).Validate("CO-1", Valid)).Code.ShouldBe(ErrorCodes.DocumentHasNoPricedLine);

    [Test]
    public void The_invoiced_customer_needs_a_billing_address() =>
        Should.Throw<DomainException>(() => Draft().Validate("CO-1", Valid with { BillToCustomerHasBillingAddress = false }))
            .Code.ShouldBe(ErrorCodes.CustomerBillingAddressMissing);

    [Test]
    public void Every_product_must_be_for_sale()
    {
        var notForSale = Guid.NewGuid();
        var order = Draft(Product(), Free(1m, 5m, 20m), Product(productId: notForSale));

        var exception = Should.Throw<DomainException>(() => order.Validate("CO-1", Valid with { IsProductForSale = id => id != notForSale }));

        exception.Code.ShouldBe(ErrorCodes.ProductNotForSale);
        exception.Field.ShouldBe("lines[2].productId");
        order.Number.ShouldBeNull();
        order.Status.ShouldBe(OrderStatus.Draft);
    }

    [Test]
    public void A_negative_total_cannot_be_validated() =>
        Should.Throw<DomainException>(() => Draft(Product(1m, 10m), Free(1m, -20m, 20m)).Validate("CO-1", Valid)).Code.ShouldBe(ErrorCodes.DocumentTotalNegative);

    [Test]
    public void A_number_is_required() =>
        Should.Throw<DomainException>(() => Draft().Validate(" ", Valid)).Code.ShouldBe(ErrorCodes.DocumentNumberRequired);

    [Test]
    public void Free_fields_stay_editable_after_validation()
    {
        var order = Validated();
        var address = PostalAddress.Create("1 quai X", null, "33000", "Bordeaux", "FR");

        order.UpdateFreeFields(new OrderFreeFields(Guid.NewGuid(), "PO-42", Guid.NewGuid(), "Entête", "Pied", "Commentaire", Guid.NewGuid(), Today.AddDays(5), "Transporteur", address, "Interne"));

        order.CustomerReference.ShouldBe("PO-42");
        order.DeliveryAddress.ShouldBe(address);
        order.PlannedDeliveryDate.ShouldBe(Today.AddDays(5));
        order.InternalNotes.ShouldBe("Interne");
    }

    [Test]
    public void Sending_the_unchanged_header_back_after_validation_updates_only_the_free_fields()
    {
        var order = Draft();
        var header = new OrderHeaderData(order.CustomerId, order.OrderDate, order.PaymentTerms, order.PaymentMethod);
        order.Validate("CO-1", Valid);

        order.UpdateHeader(header, new OrderFreeFields(CustomerReference: "PO-1"), businessCustomer: true);

        order.CustomerReference.ShouldBe("PO-1");
    }

    private static IEnumerable<TestCaseData> FrozenHeaderChanges()
    {
        yield return new TestCaseData((Func<OrderHeaderData, OrderHeaderData>)(h => h with { CustomerId = Guid.NewGuid() }), "customerId");
        yield return new TestCaseData((Func<OrderHeaderData, OrderHeaderData>)(h => h with { BillToCustomerId = Guid.NewGuid() }), "billToCustomerId");
        yield return new TestCaseData((Func<OrderHeaderData, OrderHeaderData>)(h => h with { OrderDate = h.OrderDate.AddDays(1) }), "orderDate");
        yield return new TestCaseData((Func<OrderHeaderData, OrderHeaderData>)(h => h with { PaymentMethod = PaymentMethod.Card }), "paymentMethod");
        yield return new TestCaseData((Func<OrderHeaderData, OrderHeaderData>)(h => h with { PaymentTerms = new PaymentTerms(PaymentTermsKind.Days, 45) }), "paymentTerms");
        yield return new TestCaseData((Func<OrderHeaderData, OrderHeaderData>)(h => h with { Currency = "USD" }), "currency");
    }

    [TestCaseSource(nameof(FrozenHeaderChanges))]
    public void Changing_a_frozen_header_field_after_validation_is_refused_naming_it(Func<OrderHeaderData, OrderHeaderData> change, string field)
    {
        var order = Draft();
        var header = new OrderHeaderData(order.CustomerId, order.OrderDate, order.PaymentTerms, order.PaymentMethod);
        order.Validate("CO-1", Valid);

        var exception = Should.Throw<DomainConflictException>(() => order.UpdateHeader(change(header), new OrderFreeFields(CustomerReference: "PO-9"), true));

        exception.Code.ShouldBe(ErrorCodes.DocumentFrozen);
        exception.Field.ShouldBe(field);
        exception.Arguments["field"].ShouldBe(field);
        order.CustomerReference.ShouldBeNull();
    }

    [Test]
    public void An_explicit_bill_to_equal_to_the_customer_is_no_change()
    {
        var order = Validated();

        Should.NotThrow(() => order.UpdateHeader(new OrderHeaderData(order.CustomerId, order.OrderDate, order.PaymentTerms, order.PaymentMethod, order.CustomerId), OrderFreeFields.None, true));
    }

    [Test]
    public void Sending_identical_lines_back_after_validation_keeps_them()
    {
        var order = Validated(Product(), DocumentLineData.Comment("Note"), Free(1m, 5m, 10m));
        var ids = order.Lines.Select(l => l.Id).ToList();

        order.ReplaceLines(order.Lines.Select(l => l.ToData()).ToList());

        order.Lines.Select(l => l.Id).ShouldBe(ids);
    }

    private static IEnumerable<TestCaseData> FrozenLineChanges()
    {
        yield return new TestCaseData((Func<DocumentLineData, DocumentLineData>)(l => l with { UnitPrice = 99m }), "lines[2].unitPrice");
        yield return new TestCaseData((Func<DocumentLineData, DocumentLineData>)(l => l with { Quantity = 3m }), "lines[2].quantity");
        yield return new TestCaseData((Func<DocumentLineData, DocumentLineData>)(l => l with { DiscountPercent = 5m }), "lines[2].discountPercent");
        yield return new TestCaseData((Func<DocumentLineData, DocumentLineData>)(l => l with { VatRate = 10m }), "lines[2].vatRate");
        yield return new TestCaseData((Func<DocumentLineData, DocumentLineData>)(l => l with { Description = "Autre" }), "lines[2].description");
        yield return new TestCaseData((Func<DocumentLineData, DocumentLineData>)(l => l with { ProductId = Guid.NewGuid() }), "lines[2].productId");
    }

    [TestCaseSource(nameof(FrozenLineChanges))]
    public void Changing_a_line_after_validation_is_refused_naming_the_line_and_field(Func<DocumentLineData, DocumentLineData> change, string field)
    {
        var order = Validated(Product(), Product(), Product());
        var lines = order.Lines.Select(l => l.ToData()).ToList();
        lines[2] = change(lines[2]);

        var exception = Should.Throw<DomainConflictException>(() => order.ReplaceLines(lines));

        exception.Code.ShouldBe(ErrorCodes.DocumentFrozen);
        exception.Field.ShouldBe(field);
    }

    [Test]
    public void Adding_or_removing_a_line_after_validation_is_refused()
    {
        var order = Validated(Product(), Product());
        var lines = order.Lines.Select(l => l.ToData()).ToList();

        Should.Throw<DomainConflictException>(() => order.ReplaceLines([.. lines, Product()])).Field.ShouldBe("lines");
        Should.Throw<DomainConflictException>(() => order.ReplaceLines(lines.Take(1))).Field.ShouldBe("lines");
    }

    [Test]
    public void An_order_in_progress_is_closed_once()
    {
        var order = Validated();

        order.Close();

        order.Status.ShouldBe(OrderStatus.Closed);
        Should.Throw<DomainConflictException>(order.Close).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainConflictException>(() => order.Cancel("x", false));
    }

    [Test]
    public void A_draft_is_neither_closed_nor_cancelled_but_deleted()
    {
        Should.Throw<DomainConflictException>(Draft().Close).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainConflictException>(() => Draft().Cancel("x", false)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
    }

    [Test]
    public void Cancelling_requires_a_reason_and_nothing_invoiced_or_delivered()
    {
        var order = Validated();

        Should.Throw<DomainException>(() => order.Cancel(" ", false)).Code.ShouldBe(ErrorCodes.CancellationReasonRequired);
        Should.Throw<DomainConflictException>(() => order.Cancel("Erreur", true)).Code.ShouldBe(ErrorCodes.OrderHasInvoicingOrDelivery);
        order.Status.ShouldBe(OrderStatus.InProgress);

        order.Cancel(" Saisie erronée ", hasInvoicingOrDelivery: false);

        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.CancellationReason.ShouldBe("Saisie erronée");
        order.Number.ShouldBe("CO-2026-001");
        Should.Throw<DomainConflictException>(() => order.UpdateFreeFields(OrderFreeFields.None));
    }

    [Test]
    public void Cancelling_reads_the_billing_ledger()
    {
        var order = Validated();
        var ledger = OrderBillingLedger.For(order);
        ledger.RecordDelivery(order.Lines[0].Id, 1m);

        Should.Throw<DomainConflictException>(() => order.Cancel("Erreur", ledger)).Code.ShouldBe(ErrorCodes.OrderHasInvoicingOrDelivery);
    }

    [Test]
    public void An_accepted_quote_becomes_an_order_with_identical_lines()
    {
        var quote = Quote.CreateDraft(Guid.NewGuid(), null, Today.AddDays(30), [DocumentLineData.Title("Lot 1"), Product(2.5m, 73.3333m), Free(1m, 10m, 5.5m)]);
        quote.MarkSent("DE-1", Today);
        quote.Accept(Today);

        var order = Order.FromQuote(quote, Today, new PaymentTerms(PaymentTermsKind.Days, 30), PaymentMethod.BankTransfer, businessCustomer: true);

        order.SourceQuoteId.ShouldBe(quote.Id);
        order.CustomerId.ShouldBe(quote.CustomerId);
        order.Lines.Select(l => l.ToData()).ShouldBe(quote.Lines.Select(l => l.ToData()));
        order.TotalIncludingVat.ShouldBe(quote.TotalIncludingVat);
        order.Status.ShouldBe(OrderStatus.Draft);
    }

    [Test]
    public void A_quote_not_accepted_cannot_become_an_order()
    {
        var quote = Quote.CreateDraft(Guid.NewGuid(), null, Today, [Product()]);

        Should.Throw<DomainConflictException>(() => Order.FromQuote(quote, Today, PaymentTerms.OnReceipt, PaymentMethod.Card, false))
            .Code.ShouldBe(ErrorCodes.QuoteNotAccepted);
    }
}
