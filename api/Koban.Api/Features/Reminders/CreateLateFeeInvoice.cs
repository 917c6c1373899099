using System.Globalization;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Receivables.Reminders;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Reminders;

public sealed record CreateLateFeeInvoiceCommand(Guid InvoiceId) : ICommand<LateFeeInvoiceResponse>;

public sealed class CreateLateFeeInvoiceHandler(KobanDbContext db, ReminderService reminders, AuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateLateFeeInvoiceCommand, LateFeeInvoiceResponse>
{
    /// <summary>
    /// A draft direct invoice to the same customer with the interest accrued since the due date (or since the last claim)
    /// and, once per invoice, the 40 € indemnity: both outside the scope of VAT (category O, 0 %), worded so.
    /// </summary>
    public async ValueTask<LateFeeInvoiceResponse> Handle(CreateLateFeeInvoiceCommand command, CancellationToken cancellationToken)
    {
        var r = await reminders.InvoiceAsync(command.InvoiceId, cancellationToken);
        if (r.CustomerKind != CustomerKind.Business)
            throw new DomainException(ErrorCodes.LateFeesBusinessOnly, "Late fees apply to business customers only.");
        var today = await reminders.TodayAsync(cancellationToken);
        var claims = await db.LateFeeClaims.AsNoTracking().Where(c => c.InvoiceId == command.InvoiceId).ToListAsync(cancellationToken);
        var lastClaimed = claims.Count == 0 ? (DateOnly?)null : claims.Max(c => c.InterestTo);
        var result = await reminders.InterestAsync(r, today, lastClaimed, cancellationToken);
        var withIndemnity = result.Indemnity > 0m && !claims.Any(c => c.Indemnity > 0m);
        if (result.Interest <= 0m && !withIndemnity)
            throw new DomainConflictException(ErrorCodes.LateFeesNothingToInvoice, "Nothing to invoice.");

        var number = r.Invoice.Number!;
        var lines = new List<BillingLineData>();
        if (result.Interest > 0m)
        {
            var description = string.Create(CultureInfo.InvariantCulture,
                $"Intérêts de retard sur la facture {number} du {FrenchFormat.Date(result.From.AddDays(1))} au {FrenchFormat.Date(result.To)} : {result.Days} jours au taux de {Percent(result.AnnualRate)}\nHors champ d'application de la TVA");
            lines.Add(FeeLine(description, result.Interest, LateFeeKind.Interest));
        }
        if (withIndemnity)
        {
            lines.Add(FeeLine($"Indemnité forfaitaire pour frais de recouvrement (art. D441-5 du Code de commerce), facture {number}\nHors champ d'application de la TVA",
                LateInterest.RecoveryIndemnity, LateFeeKind.RecoveryIndemnity));
        }
        // the invoice charged is cited in the header text, not as the customer's reference (its purchase order number)
        var header = new BillingHeaderData(PaymentTerms: new PaymentTerms(PaymentTermsKind.OnReceipt, 0), PaymentMethod: r.Invoice.PaymentMethod,
            HeaderText: $"Pénalités de retard de la facture n° {number} du {FrenchFormat.Date(r.Invoice.IssueDate!.Value)}", Comment: $"Pénalités de retard de la facture {number}");
        var fee = Invoice.Direct(r.Invoice.CustomerId, header, lines, businessCustomer: true, clock.GetUtcNow());
        db.Invoices.Add(fee);
        db.LateFeeClaims.Add(LateFeeClaim.For(r.Invoice.Id, fee.Id, result, withIndemnity, clock.GetUtcNow()));
        audit.Record("invoice.created", "invoice", fee.Id, after: new { fee.Kind, lateFeesOf = r.Invoice.Id, number, result.From, result.To, result.Interest, indemnity = withIndemnity ? 40m : 0m });
        await db.SaveChangesAsync(cancellationToken);
        return new LateFeeInvoiceView(fee, r.Invoice.Id, result, withIndemnity ? LateInterest.RecoveryIndemnity : 0m).MapTo<LateFeeInvoiceResponse>();
    }

    private static BillingLineData FeeLine(string description, decimal amount, LateFeeKind fee) =>
        new(new DocumentLineData(LineKind.Free, null, description, 1m, UnitCode.Piece, amount, 0m, 0m, VatCategory.OutsideScope), Nature: ProductNature.Service, LateFee: fee);

    private static string Percent(decimal rate) => rate.ToString("0.##", CultureInfo.InvariantCulture).Replace(".", ",", StringComparison.Ordinal) + " %";
}

public static class CreateLateFeeInvoice
{
    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPost("/{id:guid}/late-fees", async Task<Created<LateFeeInvoiceResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var fee = await mediator.Send(new CreateLateFeeInvoiceCommand(id), ct);
                return TypedResults.Created($"/api/v1/invoices/{fee.FeeInvoiceId}", fee);
            })
            .WithName("InvoiceLateFees")
            .WithSummary("Invoice the late-payment interest and the indemnity")
            .WithDescription("Creates a draft direct invoice to the same customer, payable on receipt, with the interest accrued until today (\"Intérêts de retard sur la facture FA-… du … au … : N jours au taux de X %\") and, once per invoice, the 40 € recovery indemnity (art. D441-5 du Code de commerce); both lines are outside the scope of VAT (category O, 0 %, \"Hors champ d'application de la TVA\"). A later call invoices only the days after the last period invoiced; deleting the draft frees its period again. Review and validate it like any invoice. 422 `late_fees_business_only` for an individual, 409 `late_fees_nothing_to_invoice` when nothing has accrued.")
            .RequirePermission(Permissions.Receivables, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(null, 201, RemindersExamples.LateFees);
}
