using Koban.Api.Features.Common;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

public static class PaymentsEndpoints
{
    private static readonly Guid PaymentId = Guid.Parse("01936f00-0000-7000-8000-0000000000a1");
    private static readonly Guid InvoiceA = Guid.Parse("01936e00-0000-7000-8000-0000000000f0");
    private static readonly Guid InvoiceB = Guid.Parse("01936e00-0000-7000-8000-0000000000f1");
    private static readonly Guid CreditNoteId = Guid.Parse("01936e00-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset Stamp = new(2026, 12, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly PaymentRequest Receipt = new(PaymentDirection.Receipt, SalesExamples.CustomerId, new DateOnly(2026, 12, 20), 1500.00m, PaymentMethod.BankTransfer,
        "VIR DURAND 2026-118", "BANK", 0m, null, [new PaymentAllocationInput(InvoiceA, 524.12m), new PaymentAllocationInput(InvoiceB, 800.00m)]);

    private static readonly PaymentResponse Recorded = new(PaymentId, PaymentDirection.Receipt, SalesExamples.CustomerId, "Menuiserie Durand SARL", new DateOnly(2026, 12, 20),
        1500.00m, 0m, PaymentMethod.BankTransfer, "VIR DURAND 2026-118", "BANK", null, PaymentState.Active, null, null, 1324.12m, 175.88m,
        [new PaymentAllocationResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000b1"), ReceivableKind.Invoice, InvoiceA, "FA-2026-00041", 524.12m, new DateOnly(2026, 12, 20), true),
         new PaymentAllocationResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000b2"), ReceivableKind.Invoice, InvoiceB, "FA-2026-00042", 800.00m, new DateOnly(2026, 12, 20), true)],
        Stamp, Stamp);

    private static readonly InvoicePaymentResponse InvoicePayments = new(InvoicePaymentStatus.PartiallyPaid, 422.96m, false, null, null,
        [new InvoiceSettlementResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000b2"), ReceivableKind.Receipt, PaymentId, "VIR DURAND 2026-118", new DateOnly(2026, 12, 20), 800.00m, true)]);

    private const string AllocationRules = "Each allocation settles one validated invoice of the payment's customer, never beyond what is still due on it (`allocation_exceeds_outstanding`, naming `allocations[i].amount`) nor beyond what is left of the payment (`allocation_exceeds_available`). Rows are locked for the length of the transaction, so parallel requests — on one API instance or several — can never over-pay an invoice: the loser gets 409. Payments of services make the VAT that waited for payment (44574) due (44571).";

    public static void MapPaymentsEndpoints(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/v1/payments").WithTags("Payments");

        payments.MapGet("/", async Task<Ok<PaymentList>> (IMediator mediator, int? limit, string? after, string? sort, Guid? customerId, DateOnly? from, DateOnly? to,
                PaymentState? state, bool? unidentified, PaymentDirection? direction, string? search, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPaymentsQuery(Cursor.Limit(limit), after, sort, customerId, from, to, state, unidentified, direction, search), ct)))
            .WithName("ListPayments")
            .WithSummary("List payments (receipts and refunds)")
            .WithDescription("Filters: `customerId`, `from`/`to` (payment date), `state` (Active, Cancelled), `direction` (Receipt, Refund), `unidentified=true` (receipts waiting for their customer, account 471); `search` matches the reference or the customer's name. `sort`: `-date` (default), `amount`, `updatedAt`. `unallocated` is what the payment still leaves as the customer's credit.")
            .RequirePermission(Permissions.Payments, Access.Read)
            .WithExamples(null, 200, new PaymentList([new PaymentSummary(PaymentId, PaymentDirection.Receipt, SalesExamples.CustomerId, "Menuiserie Durand SARL",
                new DateOnly(2026, 12, 20), 1500.00m, PaymentMethod.BankTransfer, "VIR DURAND 2026-118", "BANK", PaymentState.Active, 175.88m, Stamp)], null, false));

        payments.MapGet("/{id:guid}", async Task<Ok<PaymentResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPaymentQuery(id), ct)))
            .WithName("GetPayment")
            .WithSummary("Get a payment with its allocations")
            .RequirePermission(Permissions.Payments, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, Recorded);

        payments.MapPost("/", async Task<Created<PaymentResponse>> (PaymentRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var payment = await mediator.Send(new RecordPaymentCommand(body), ct);
                return TypedResults.Created($"/api/v1/payments/{payment.Id}", payment);
            })
            .WithName("RecordPayment")
            .WithSummary("Record a receipt or a refund")
            .WithDescription("A **receipt** (`direction: Receipt`) credits its customer with `amount` (what the customer paid; the bank gets `amount − bankFees`, the fees go to 627) and may be allocated at once to one or several invoices of that customer, partially or fully (`allocations`); what is not allocated stays as the customer's credit and can be allocated later (`POST /payments/{id}/allocations`). Without `customerId` the receipt is kept as unidentified (471) until `POST /payments/{id}/identify`. A **refund** (`direction: Refund`) pays back the customer's credit: the remaining amount of `creditNoteId`, or else its receipts' unallocated parts, oldest first (`refund_beyond_credit` otherwise). The bank-journal entry is written in the same transaction. " + AllocationRules)
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(Receipt, 201, Recorded);

        payments.MapPost("/{id:guid}/allocations", async Task<Ok<PaymentResponse>> (Guid id, AllocatePaymentRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AllocatePaymentCommand(id, body), ct)))
            .WithName("AllocatePayment")
            .WithSummary("Allocate what is left of a receipt to invoices")
            .WithDescription("Uses the customer's credit left on this receipt. " + AllocationRules)
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(new AllocatePaymentRequest([new PaymentAllocationInput(InvoiceB, 175.88m)]), 200, Recorded with { Allocated = 1500m, Unallocated = 0m });

        payments.MapPost("/{id:guid}/cancel", async Task<Ok<PaymentResponse>> (Guid id, CancelPaymentRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelPaymentCommand(id, body), ct)))
            .WithName("CancelPayment")
            .WithSummary("Cancel a payment entered by mistake")
            .WithDescription("A payment is never deleted: it is marked cancelled with the reason (audit log), its allocations are undone (the invoices are owed again) and its entries are reversed by mirror entries dated today.")
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(new CancelPaymentRequest("Saisi deux fois"), 200, Recorded with { State = PaymentState.Cancelled, CancelReason = "Saisi deux fois", CancelledAt = Stamp, Allocated = 0m, Unallocated = 0m });

        payments.MapPost("/{id:guid}/identify", async Task<Ok<PaymentResponse>> (Guid id, IdentifyPaymentRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new IdentifyPaymentCommand(id, body), ct)))
            .WithName("IdentifyPayment")
            .WithSummary("Give an unidentified receipt its customer")
            .WithDescription("Moves the receipt from the suspense account (471) to the customer's account (an OD entry) and optionally allocates it. " + AllocationRules)
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(new IdentifyPaymentRequest(SalesExamples.CustomerId, [new PaymentAllocationInput(InvoiceA, 524.12m)]), 200, Recorded);

        payments.MapPost("/{id:guid}/write-off", async Task<Ok<PaymentResponse>> (Guid id, WriteOffRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WriteOffPaymentRestCommand(id, body ?? new WriteOffRequest()), ct)))
            .WithName("WriteOffPaymentRest")
            .WithSummary("Write off the small unallocated rest of a receipt (gain, 758)")
            .WithDescription("Only up to the accounting settings' `writeOffLimit` (`write_off_beyond_limit` otherwise).")
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(new WriteOffRequest(new DateOnly(2026, 12, 20)), 200, Recorded);

        app.MapGet("/api/v1/customers/{id:guid}/account", async Task<Ok<CustomerAccountResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCustomerAccountQuery(id), ct)))
            .WithTags("Payments")
            .WithName("GetCustomerAccount")
            .WithSummary("Where a customer stands: open invoices (oldest due first) and available credit")
            .WithDescription("`openInvoices` are the validated invoices still (partly) unpaid, oldest due date first — the order in which the SPA suggests allocating a payment. `credits` are the receipts' unallocated parts and the credit notes' remaining amounts. `balance` = total outstanding − available credit.")
            .RequirePermission(Permissions.Payments, Access.Read)
            .WithProblems(404)
            .WithExamples(null, 200, new CustomerAccountResponse(SalesExamples.CustomerId, "Menuiserie Durand SARL", 422.96m, 0m, 175.88m, 247.08m,
                [new OpenInvoiceResponse(InvoiceB, "FA-2026-00042", new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 14), 1222.96m, 422.96m, InvoicePaymentStatus.PartiallyPaid, 0, false)],
                [new CustomerCreditResponse(ReceivableKind.Receipt, PaymentId, "VIR DURAND 2026-118", new DateOnly(2026, 12, 20), 1500m, 175.88m)]));

        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Payments");

        invoices.MapGet("/{id:guid}/payments", async Task<Ok<InvoicePaymentResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetInvoicePaymentsQuery(id), ct)))
            .WithName("GetInvoicePayments")
            .WithSummary("An invoice's payment status, outstanding amount, dispute flag and settlements")
            .WithDescription("Status is derived, never typed in: `Unpaid`, `PartiallyPaid`, `Paid` (outstanding 0 with a payment or write-off), `Credited` (settled by credit notes only). A draft has no payment side (409 `document_not_validated`).")
            .RequirePermission(Permissions.Invoices, Access.Read)
            .WithProblems(404, 409)
            .WithExamples(null, 200, InvoicePayments);

        invoices.MapPost("/{id:guid}/write-off", async Task<Ok<InvoicePaymentResponse>> (Guid id, WriteOffRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WriteOffInvoiceCommand(id, body ?? new WriteOffRequest()), ct)))
            .WithName("WriteOffInvoiceRest")
            .WithSummary("Write off the small rest still due on an invoice (loss, 658)")
            .WithDescription("Settles what is left, up to the accounting settings' `writeOffLimit` (`write_off_beyond_limit` otherwise); OD entry 658 / 411.")
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(new WriteOffRequest(new DateOnly(2026, 12, 20)), 200, InvoicePayments with { PaymentStatus = InvoicePaymentStatus.Paid, Outstanding = 0m });

        invoices.MapPost("/{id:guid}/dispute", async Task<Ok<InvoicePaymentResponse>> (Guid id, DisputeRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DisputeInvoiceCommand(id, body.Reason ?? ""), ct)))
            .WithName("DisputeInvoice")
            .WithSummary("Flag an invoice as disputed")
            .WithDescription("A disputed invoice stays in receivables, shown as disputed, and gets no reminders until the flag is cleared. The reason is required (`dispute_reason_required`) and kept in the audit log.")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(new DisputeRequest("Le client conteste la quantité livrée"), 200, InvoicePayments with { Disputed = true, DisputeReason = "Le client conteste la quantité livrée", DisputedAt = Stamp });

        invoices.MapDelete("/{id:guid}/dispute", async Task<Ok<InvoicePaymentResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DisputeInvoiceCommand(id, null), ct)))
            .WithName("ClearInvoiceDispute")
            .WithSummary("Clear an invoice's dispute flag")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(404, 409)
            .WithExamples(null, 200, InvoicePayments);

        var credits = app.MapGroup("/api/v1/credit-notes").WithTags("Payments");

        credits.MapPost("/{id:guid}/apply", async Task<Ok<InvoicePaymentResponse>> (Guid id, ApplyCreditNoteRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ApplyCreditNoteCommand(id, body), ct)))
            .WithName("ApplyCreditNote")
            .WithSummary("Apply what is left of a credit note to another invoice of its customer")
            .WithDescription("A validated credit note first settles the invoice it corrects (at validation); what is left is the customer's credit, applied here. Returns the invoice's payment side. " + AllocationRules)
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(new ApplyCreditNoteRequest(InvoiceB, 120.00m), 200, InvoicePayments);

        credits.MapPost("/{id:guid}/refund", async Task<Created<PaymentResponse>> (Guid id, RefundCreditNoteRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var payment = await mediator.Send(new RefundCreditNoteCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/payments/{payment.Id}", payment);
            })
            .WithName("RefundCreditNote")
            .WithSummary("Refund what is left of a credit note (an outgoing payment)")
            .WithDescription("Records a refund payment for `amount` (default: all that is left of the credit note); bank-journal entry 411 / 512.")
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(new RefundCreditNoteRequest(new DateOnly(2026, 12, 20), PaymentMethod.BankTransfer, "BANK", "Remboursement AV-2026-00003"), 201,
                Recorded with
                {
                    Direction = PaymentDirection.Refund,
                    Amount = 405.54m,
                    Reference = "Remboursement AV-2026-00003",
                    Allocated = 405.54m,
                    Unallocated = 0m,
                    Allocations = [new PaymentAllocationResponse(Guid.Parse("01936f00-0000-7000-8000-0000000000b3"), ReceivableKind.CreditNote, CreditNoteId, "AV-2026-00003", 405.54m, new DateOnly(2026, 12, 20), true)],
                });
    }
}
