using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Sales;
using static Koban.Domain.Tests.Invoicing.InvoicingTestData;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>Two mentions of domain-rules.md §4 carried by the document itself: the date of the sale or service, and the
/// legal basis of a French exemption on the line that uses it.</summary>
public sealed class SaleDateAndExemptionTests
{
    private static readonly DateOnly Delivery = new(2026, 3, 2);

    private static Order OrderDelivered(params DocumentLineData[] lines)
    {
        var order = Order.CreateDraft(SalesTestData.Header(), lines.Length == 0 ? [Line(2m, 100m)] : lines, businessCustomer: true,
            new OrderFreeFields(PlannedDeliveryDate: Delivery));
        order.Validate("CO-2026-001", SalesTestData.Valid);
        return order;
    }

    private static Invoice Draft(Order order, InvoiceKind kind, BillingHeaderData? header = null) =>
        Invoice.FromOrder(order, OrderBillingLedger.For(order), kind == InvoiceKind.Deposit
            ? new OrderInvoiceSpec(kind, AmountBasis.Percentage, 30m)
            : new OrderInvoiceSpec(kind), header ?? Header, businessCustomer: true, Now);

    [TestCase(InvoiceKind.Full)]
    [TestCase(InvoiceKind.Balance)]
    public void An_order_invoice_takes_the_order_delivery_date_as_its_date_of_sale(InvoiceKind kind) =>
        Draft(OrderDelivered(), kind).SaleDate.ShouldBe(Delivery);

    [Test]
    public void A_deposit_invoice_has_no_date_of_sale_unless_given() =>
        Draft(OrderDelivered(), InvoiceKind.Deposit).SaleDate.ShouldBeNull();

    [Test]
    public void The_date_of_sale_is_editable_on_a_draft_kept_when_omitted_and_frozen_with_the_fingerprint_at_validation()
    {
        var invoice = Draft(OrderDelivered(), InvoiceKind.Full, Header with { SaleDate = new DateOnly(2026, 3, 5) });
        invoice.SaleDate.ShouldBe(new DateOnly(2026, 3, 5));
        invoice.UpdateHeader(Header, businessCustomer: true);
        invoice.SaleDate.ShouldBe(new DateOnly(2026, 3, 5), "a header without the field keeps it");
        invoice.UpdateHeader(Header with { SaleDate = new DateOnly(2026, 3, 6) }, businessCustomer: true);

        invoice.Validate(Validation(invoice));

        invoice.SaleDate.ShouldBe(new DateOnly(2026, 3, 6));
        DocumentFingerprint.Canonical(invoice).ShouldContain("\nSALE|20260306\n");
        Should.Throw<Koban.Domain.Common.DomainConflictException>(() => invoice.UpdateHeader(Header with { SaleDate = Today }, businessCustomer: true));
    }

    [Test]
    public void A_document_without_date_of_sale_keeps_the_canonical_text_it_always_had()
    {
        var invoice = Invoice.Direct(Guid.NewGuid(), Header, [new BillingLineData(FreeLine(1m, 100m))], businessCustomer: true, Now);
        invoice.Validate(Validation(invoice));

        DocumentFingerprint.Canonical(invoice).ShouldNotContain("SALE|");
    }

    [Test]
    public void An_exempt_line_keeps_its_legal_basis_trimmed_and_every_other_line_none()
    {
        var exempt = FreeLine(1m, 100m, vatRate: 0m) with { VatCategory = VatCategory.Exempt, VatExemptionReason = "  Exonération de TVA, art. 261-4-4° du CGI " };
        var reverse = FreeLine(1m, 100m, vatRate: 0m) with { VatCategory = VatCategory.ReverseCharge, VatExemptionReason = "Autoliquidation" };
        var standard = FreeLine(1m, 100m) with { VatExemptionReason = "ignored" };
        var title = DocumentLineData.Title("Section") with { VatExemptionReason = "ignored" };

        var invoice = Invoice.Direct(Guid.NewGuid(), Header, [new BillingLineData(title), new BillingLineData(exempt), new BillingLineData(reverse), new BillingLineData(standard)],
            businessCustomer: true, Now);

        invoice.Lines.Select(l => l.VatExemptionReason).ShouldBe([null, "Exonération de TVA, art. 261-4-4° du CGI", null, null]);
        invoice.Lines[1].ToData().VatExemptionReason.ShouldBe("Exonération de TVA, art. 261-4-4° du CGI", "copies (quote → order → invoice → credit note) carry it");
    }
}
