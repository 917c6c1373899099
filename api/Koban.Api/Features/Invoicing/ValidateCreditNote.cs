using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>Numbers a draft credit note and freezes it forever (<see cref="BillingService.ValidateAsync"/>).</summary>
public sealed record ValidateCreditNoteCommand(Guid Id, DateOnly? IssueDate = null) : ICommand<CreditNoteResponse>;

public sealed class ValidateCreditNoteHandler(KobanDbContext db, BillingService billing, InvoicingReader reader) : ICommandHandler<ValidateCreditNoteCommand, CreditNoteResponse>
{
    public async ValueTask<CreditNoteResponse> Handle(ValidateCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException("creditNote", command.Id);
        await billing.ValidateAsync(note, command.IssueDate, cancellationToken);
        return await reader.ToResponseAsync(note, cancellationToken);
    }

    public static void Map(RouteGroupBuilder credits) =>
        credits.MapPost("/{id:guid}/validate", async Task<Ok<CreditNoteResponse>> (Guid id, ValidateBillingDocumentRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ValidateCreditNoteCommand(id, body?.IssueDate), ct)))
            .WithName("ValidateCreditNote")
            .WithSummary("Validate a draft credit note: number it and freeze it forever")
            .WithDescription("As invoices (own number sequence, same chain), plus: never dated before the invoice it corrects (422 `credit_note_before_invoice`), never beyond what that invoice still carries after the credit notes validated meanwhile (422 `credit_beyond_invoiced`). The buyer snapshot is the corrected invoice's.")
            .RequirePermission(Permissions.CreditNotes, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(InvoicingExamples.ValidateCreditRequest, 200, InvoicingExamples.Credit);
}
