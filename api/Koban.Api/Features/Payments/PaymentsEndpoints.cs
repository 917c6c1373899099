namespace Koban.Api.Features.Payments;

/// <summary>The routes of the Payments feature (payments, a customer's account, an invoice's payment side, credit notes
/// applied or refunded), each mapped by its use case.</summary>
public static class PaymentsEndpoints
{
    /// <summary>The allocation rules every endpoint that settles invoices describes.</summary>
    internal const string AllocationRules = "Each allocation settles one validated invoice of the payment's customer, never beyond what is still due on it (`allocation_exceeds_outstanding`, naming `allocations[i].amount`) nor beyond what is left of the payment (`allocation_exceeds_available`). Rows are locked for the length of the transaction, so parallel requests — on one API instance or several — can never over-pay an invoice: the loser gets 409. Payments of services make the VAT that waited for payment (44574) due (44571).";

    public static void MapPaymentsEndpoints(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/v1/payments").WithTags("Payments");
        ListPayments.Map(payments);
        GetPayment.Map(payments);
        RecordPayment.Map(payments);
        AllocatePayment.Map(payments);
        CancelPayment.Map(payments);
        IdentifyPayment.Map(payments);
        WriteOffPaymentRest.Map(payments);

        GetCustomerAccount.Map(app);

        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Payments");
        GetInvoicePayments.Map(invoices);
        WriteOffInvoiceRest.Map(invoices);
        DisputeInvoice.Map(invoices);
        ClearInvoiceDispute.Map(invoices);

        var credits = app.MapGroup("/api/v1/credit-notes").WithTags("Payments");
        ApplyCreditNote.Map(credits);
        RefundCreditNote.Map(credits);
    }
}
