using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed class CreditNoteRequestValidator : AbstractValidator<CreditNoteRequest>
{
    /// <summary>Limits shared by creation and update (the update of a draft may not store what creation refuses).</summary>
    internal const int ReasonTextMaxLength = 500;
    internal const int TextMaxLength = 4000;

    public CreditNoteRequestValidator()
    {
        RuleFor(r => r.InvoiceId).NotEmpty();
        RuleFor(r => r.Reason).IsInEnum();
        RuleFor(r => r.Mode).IsInEnum();
        RuleFor(r => r.ReasonText).MaximumLength(ReasonTextMaxLength);
        RuleFor(r => r.HeaderText).MaximumLength(TextMaxLength);
        RuleFor(r => r.FooterText).MaximumLength(TextMaxLength);
        RuleFor(r => r.Comment).MaximumLength(TextMaxLength);
        RuleFor(r => r.Lines).NotEmpty().When(r => r.Mode == CreditNoteMode.Lines);
        RuleFor(r => r.Lines!.Count).LessThanOrEqualTo(500).When(r => r.Lines is not null).OverridePropertyName("lines");
        RuleFor(r => r.AmountExcludingVat).NotNull().When(r => r.Mode == CreditNoteMode.Amount && r.AmountIncludingVat is null);
        RuleFor(r => r).Must(r => r.AmountExcludingVat is null || r.AmountIncludingVat is null).WithErrorCode(ApiErrorCodes.OneOfFields).OverridePropertyName("amountIncludingVat");
    }
}

public sealed record CreateCreditNoteCommand(CreditNoteRequest Request) : ICommand<Versioned<CreditNoteResponse>>;

public sealed class CreateCreditNoteCommandValidator : AbstractValidator<CreateCreditNoteCommand>
{
    public CreateCreditNoteCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new CreditNoteRequestValidator()).OverridePropertyName("");
}

/// <summary>A draft credit note of a validated invoice: all of it, chosen lines, or an amount, never beyond what it still carries.</summary>
public sealed class CreateCreditNoteHandler(KobanDbContext db, AuditLog audit, InvoicingReader reader, TimeProvider clock)
    : ICommandHandler<CreateCreditNoteCommand, Versioned<CreditNoteResponse>>
{
    public async ValueTask<Versioned<CreditNoteResponse>> Handle(CreateCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var invoice = await db.Invoices.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(i => i.Id == r.InvoiceId, cancellationToken) ?? throw new ReferenceNotFoundException("invoiceId");
        if (r.Mode == CreditNoteMode.Lines && r.Lines is not null)
            await References.EnsureExistAsync<BillingLine>(db, [.. r.Lines.Select(l => l.InvoiceLineId)], i => $"lines[{i}].invoiceLineId", cancellationToken);
        var credits = await db.CreditNotes.AsNoTracking().AsSplitQuery().Where(c => c.InvoiceId == invoice.Id && c.Status == BillingStatus.Validated).ToListAsync(cancellationToken);
        var header = new BillingHeaderData(r.IssueDate, HeaderText: r.HeaderText, FooterText: r.FooterText, Comment: r.Comment, CustomerReference: invoice.CustomerReference);
        var now = clock.GetUtcNow();
        var note = r.Mode switch
        {
            CreditNoteMode.Full => CreditNote.Full(invoice, credits, r.Reason, r.ReasonText, header, now),
            CreditNoteMode.Lines => CreditNote.ForLines(invoice, credits, [.. r.Lines!.Select(l => new InvoiceLinePortion(l.InvoiceLineId, l.Quantity))], r.Reason, r.ReasonText, header, now),
            _ => CreditNote.ForAmount(invoice, credits, r.AmountIncludingVat is null ? AmountBasis.ExcludingVat : AmountBasis.IncludingVat,
                r.AmountIncludingVat ?? r.AmountExcludingVat ?? 0m, r.Reason, r.ReasonText, header, now),
        };
        note.EnsureWithin(invoice, credits);
        db.CreditNotes.Add(note);
        audit.Record("creditNote.created", "creditNote", note.Id, after: new { note.InvoiceId, invoice.Number, r.Mode, note.Reason, note.TotalIncludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ToResponseAsync(note, cancellationToken), note.Version);
    }

    public static void Map(RouteGroupBuilder credits) =>
        credits.MapPost("/", async Task<Created<CreditNoteResponse>> (CreditNoteRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var note = await mediator.Send(new CreateCreditNoteCommand(body), ct);
                return note.Created(response, $"/api/v1/credit-notes/{note.Value.Id}");
            })
            .WithName("CreateCreditNote")
            .WithSummary("Create a draft credit note from a validated invoice")
            .WithDescription("""
                The only way to correct or cancel a validated invoice (domain-rules §2, §6). `mode`: `Full` (everything the invoice still carries — its lines as invoiced, deductions included, so the credit note mirrors it to the cent), `Lines` (`lines`: invoice line and quantity; a deposit deduction is credited whole) or `Amount` (`amountExcludingVat` or `amountIncludingVat`, split across the invoice's VAT rates in proportion, the largest base taking the rounding remainder). Never beyond what the invoice still carries after its other credit notes (422 `credit_beyond_invoiced`).
                `reason`: `Correction` gives back "left to invoice" on the order (on a deposit invoice, it reduces the deposit the balance will deduct); `CommercialDiscount` and `WriteOff` do not. It cites the corrected invoice's number and date, has its own number sequence, and is validated like an invoice. Once validated it is applied first to the invoice it corrects, up to what that invoice still owes after its payments and earlier credit notes (`appliedToInvoice`); the rest becomes customer credit, and `customerCredit` is what is still available of it on the customer's account (less refunds and use on other invoices). A credit note on a paid invoice is all customer credit.
                """)
            .RequirePermission(Permissions.CreditNotes, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(InvoicingExamples.CreditRequest, 201, InvoicingExamples.CreditDraft);
}
