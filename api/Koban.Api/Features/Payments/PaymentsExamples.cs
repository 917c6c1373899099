using Koban.Api.Features.Sales;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;

namespace Koban.Api.Features.Payments;

/// <summary>The OpenAPI examples of the Payments feature: one receipt of Menuiserie Durand paying two invoices, and what
/// each use case shows of it.</summary>
public static class PaymentsExamples
{
    private static readonly Guid PaymentId = Guid.Parse("01936f00-0000-7000-8000-0000000000a1");
    private static readonly Guid InvoiceA = Guid.Parse("01936e00-0000-7000-8000-0000000000f0");
    private static readonly Guid InvoiceB = Guid.Parse("01936e00-0000-7000-8000-0000000000f1");
    private static readonly Guid CreditNoteId = Guid.Parse("01936e00-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset Stamp = new(2026, 12, 20, 10, 0, 0, TimeSpan.Zero);

    public static readonly PaymentRequest Receipt = new(PaymentDirection.Receipt, SalesExamples.CustomerId, new DateOnly(2026, 12, 20), 1500.00m, PaymentMethod.BankTransfer,
        "VIR DURAND 2026-118", "BANK", 0m, null, [new PaymentAllocationInput(InvoiceA, 524.12m), new PaymentAllocationInput(InvoiceB, 800.00m)]);

    public static readonly PaymentResponse Recorded = new(PaymentId, PaymentDirection.Receipt, SalesExamples.CustomerId, "Menuiserie Durand SARL", new DateOnly(2026, 12, 20),
        1500.00m, 0m, PaymentMethod.BankTransfer, "VIR DURAND 2026-118", "BANK", null, PaymentState.Active, null, null, 1324.12m, 175.88m,
        [new PaymentAllocationResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000b1"), ReceivableKind.Invoice, InvoiceA, "FA-2026-00041", 524.12m, new DateOnly(2026, 12, 20), true),
         new PaymentAllocationResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000b2"), ReceivableKind.Invoice, InvoiceB, "FA-2026-00042", 800.00m, new DateOnly(2026, 12, 20), true)],
        Stamp, Stamp);

    public static readonly PaymentList List = new([new PaymentSummary(PaymentId, PaymentDirection.Receipt, SalesExamples.CustomerId, "Menuiserie Durand SARL",
        new DateOnly(2026, 12, 20), 1500.00m, PaymentMethod.BankTransfer, "VIR DURAND 2026-118", "BANK", PaymentState.Active, 175.88m, Stamp)], null, false);

    public static readonly AllocatePaymentRequest Allocate = new([new PaymentAllocationInput(InvoiceB, 175.88m)]);

    public static readonly PaymentResponse Allocated = Recorded with { Allocated = 1500m, Unallocated = 0m };

    public static readonly CancelPaymentRequest Cancel = new("Saisi deux fois");

    public static readonly PaymentResponse Cancelled = Recorded with { State = PaymentState.Cancelled, CancelReason = "Saisi deux fois", CancelledAt = Stamp, Allocated = 0m, Unallocated = 0m };

    public static readonly IdentifyPaymentRequest Identify = new(SalesExamples.CustomerId, [new PaymentAllocationInput(InvoiceA, 524.12m)]);

    public static readonly WriteOffRequest WriteOff = new(new DateOnly(2026, 12, 20));

    public static readonly CustomerAccountResponse CustomerAccount = new(SalesExamples.CustomerId, "Menuiserie Durand SARL", 422.96m, 0m, 175.88m, 247.08m,
        [new OpenInvoiceResponse(InvoiceB, "FA-2026-00042", new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 14), 1222.96m, 422.96m, InvoicePaymentStatus.PartiallyPaid, 0, false)],
        [new CustomerCreditResponse(ReceivableKind.Receipt, PaymentId, "VIR DURAND 2026-118", new DateOnly(2026, 12, 20), 1500m, 175.88m)]);

    public static readonly InvoicePaymentResponse InvoicePayments = new(InvoicePaymentStatus.PartiallyPaid, 422.96m, false, null, null,
        [new InvoiceSettlementResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000b2"), ReceivableKind.Receipt, PaymentId, "VIR DURAND 2026-118", new DateOnly(2026, 12, 20), 800.00m, true)]);

    public static readonly InvoicePaymentResponse InvoiceWrittenOff = InvoicePayments with { PaymentStatus = InvoicePaymentStatus.Paid, Outstanding = 0m };

    public static readonly DisputeRequest Dispute = new("Le client conteste la quantité livrée");

    public static readonly InvoicePaymentResponse InvoiceDisputed = InvoicePayments with { Disputed = true, DisputeReason = "Le client conteste la quantité livrée", DisputedAt = Stamp };

    public static readonly ApplyCreditNoteRequest ApplyCreditNote = new(InvoiceB, 120.00m);

    public static readonly RefundCreditNoteRequest RefundCreditNote = new(new DateOnly(2026, 12, 20), PaymentMethod.BankTransfer, "BANK", "Remboursement AV-2026-00003");

    public static readonly PaymentResponse Refunded = Recorded with
    {
        Direction = PaymentDirection.Refund,
        Amount = 405.54m,
        Reference = "Remboursement AV-2026-00003",
        Allocated = 405.54m,
        Unallocated = 0m,
        Allocations = [new PaymentAllocationResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000b3"), ReceivableKind.CreditNote, CreditNoteId, "AV-2026-00003", 405.54m, new DateOnly(2026, 12, 20), true)],
    };
}
