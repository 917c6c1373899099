using Koban.Api.Features.Common;
using Koban.Api.Features.Invoicing;
using Koban.Api.Features.Payments;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Accounting;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Demo;

/// <summary>Invoices of every kind and state and credit notes, entered through the same commands as the API, so their
/// numbers, fingerprints and chain are genuine (GET /api/v1/compliance/chain reports the demo company intact).</summary>
internal static class InvoicingDemo
{
    public static async Task SeedAsync(IMediator mediator, KobanDbContext db, SalesDemoIds ids, CancellationToken ct)
    {
        async Task<InvoiceResponse> Validate(Guid id) => await mediator.Send(new ValidateInvoiceCommand(id), ct);

        // The scheduled order (Menuiserie Durand): a deposit for the first milestone, an intermediate invoice for the second,
        // and a correction credit note on it (one shelf fewer), which gives the amount back to invoice on the order.
        var milestones = await db.Set<BillingSchedule>().AsNoTracking().Where(s => s.OrderId == ids.ScheduledOrder)
            .SelectMany(s => s.Milestones).OrderBy(m => m.PlannedDate).Select(m => m.Id).ToListAsync(ct);
        var (deposit, _) = await mediator.Send(new CreateInvoiceFromOrderCommand(new InvoiceFromOrderRequest(ids.ScheduledOrder, InvoiceKind.Deposit, MilestoneId: milestones[0])), ct);
        var validatedDeposit = await Validate(deposit.Id);
        var (intermediate, _) = await mediator.Send(new CreateInvoiceFromOrderCommand(new InvoiceFromOrderRequest(ids.ScheduledOrder, InvoiceKind.Intermediate, MilestoneId: milestones[1])), ct);
        var validatedIntermediate = await Validate(intermediate.Id);
        var line = validatedIntermediate.Lines.First(l => l.Kind == LineKind.Product && l.NetAmount > 0m);
        var (correction, _) = await mediator.Send(new CreateCreditNoteCommand(new CreditNoteRequest(intermediate.Id, CreditReason.Correction, CreditNoteMode.Amount,
            "Erreur de quantité sur la situation", AmountExcludingVat: Math.Round(line.NetAmount / 4m, 2))), ct);
        await mediator.Send(new ValidateCreditNoteCommand(correction.Id), ct);

        // The intra-EU order (Brauerei Müller: goods exempt, services reverse-charged): a 30 % deposit, then the balance
        // deducting it, then a commercial discount by amount.
        var (muellerDeposit, _) = await mediator.Send(new CreateInvoiceFromOrderCommand(new InvoiceFromOrderRequest(ids.IntraEuOrder, InvoiceKind.Deposit, Percentage: 30m)), ct);
        var validatedMuellerDeposit = await Validate(muellerDeposit.Id);
        var (balance, _) = await mediator.Send(new CreateInvoiceFromOrderCommand(new InvoiceFromOrderRequest(ids.IntraEuOrder, InvoiceKind.Balance, CustomerReference: "PO-4471")), ct);
        await Validate(balance.Id);
        var (discount, _) = await mediator.Send(new CreateCreditNoteCommand(new CreditNoteRequest(balance.Id, CreditReason.CommercialDiscount, CreditNoteMode.Amount,
            "Geste commercial pour le retard de livraison", AmountExcludingVat: 50m)), ct);
        await mediator.Send(new ValidateCreditNoteCommand(discount.Id), ct);

        // The Swiss order: invoiced in full (services outside the scope of French VAT), then closed.
        var (full, _) = await mediator.Send(new CreateInvoiceFromOrderCommand(new InvoiceFromOrderRequest(ids.OrderToClose, InvoiceKind.Full)), ct);
        var validatedFull = await Validate(full.Id);
        await mediator.Send(new CloseOrderCommand(ids.OrderToClose), ct);

        // A direct invoice to an individual (not traceable to an order), validated, and a draft one left to finish.
        var direct = new InvoiceRequest(ids.IndividualCustomer, Lines:
        [
            new SalesLineRequest(LineKind.Free, null, "Réglage de portes de placard", 1.5m, "HUR", 65m, null, 20m, ProductNature.Service, null),
            new SalesLineRequest(LineKind.Free, null, "Charnières inox", 4m, "C62", 6.4m, null, 20m, ProductNature.Goods, null),
        ]);
        var (directInvoice, _) = await mediator.Send(new CreateDirectInvoiceCommand(direct), ct);
        await Validate(directInvoice.Id);
        await mediator.Send(new CreateDirectInvoiceCommand(new InvoiceRequest(ids.BakeryCustomer, Comment: "À compléter avant envoi", Lines:
            [new SalesLineRequest(LineKind.Free, null, "Dépannage vitrine réfrigérée", 2m, "HUR", 65m, null, 20m, ProductNature.Service, null)])), ct);

        // Payments: Durand pays the deposit and part of the intermediate invoice in one transfer; Müller pays its deposit,
        // the bank keeping 1,50 € of fees; a cheque nobody could match yet waits on 471; the Swiss invoice is disputed.
        var today = validatedDeposit.IssueDate!.Value;
        var durand = validatedDeposit.Totals.TotalIncludingVat;
        await mediator.Send(new RecordPaymentCommand(new PaymentRequest(PaymentDirection.Receipt, validatedDeposit.CustomerId, today, durand + 100m, PaymentMethod.BankTransfer,
            "VIR MENUISERIE DURAND", AccountingSettings.DefaultBankAccountCode, Allocations:
            [new PaymentAllocationInput(validatedDeposit.Id, durand), new PaymentAllocationInput(validatedIntermediate.Id, 100m)])), ct);
        var mueller = validatedMuellerDeposit.Totals.TotalIncludingVat;
        await mediator.Send(new RecordPaymentCommand(new PaymentRequest(PaymentDirection.Receipt, validatedMuellerDeposit.CustomerId, today, mueller, PaymentMethod.BankTransfer,
            "SEPA BRAUEREI MUELLER", AccountingSettings.DefaultBankAccountCode, BankFees: 1.50m, Allocations: [new PaymentAllocationInput(validatedMuellerDeposit.Id, mueller)])), ct);
        await mediator.Send(new RecordPaymentCommand(new PaymentRequest(PaymentDirection.Receipt, null, today, 150m, PaymentMethod.Cheque, "CHQ 0045127",
            AccountingSettings.DefaultBankAccountCode, Note: "Chèque reçu sans courrier")), ct);
        await mediator.Send(new DisputeInvoiceCommand(validatedFull.Id, "Le client conteste le nombre d'heures facturées"), ct);

        // The month in FEC, exported by the background worker as soon as the API runs.
        await mediator.Send(new Koban.Api.Features.Accounting.RequestAccountingExportCommand(Koban.Domain.Accounting.Export.AccountingExportFormat.Fec,
            new DateOnly(today.Year, today.Month, 1), today, null, null), ct);
    }
}
