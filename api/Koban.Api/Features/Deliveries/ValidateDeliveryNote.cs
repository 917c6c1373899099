using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Deliveries;

public sealed record ValidateDeliveryNoteCommand(Guid Id, DateOnly? IssueDate) : ICommand<Versioned<DeliveryNoteResponse>>;

/// <summary>Numbers the draft in the delivery-note series and freezes it; its quantities become delivered on the order.</summary>
public sealed class ValidateDeliveryNoteHandler(KobanDbContext db, AuditLog audit, DeliveriesReader reader, DocumentNumbers numbers, CompanyClock companyClock)
    : ICommandHandler<ValidateDeliveryNoteCommand, Versioned<DeliveryNoteResponse>>
{
    public async ValueTask<Versioned<DeliveryNoteResponse>> Handle(ValidateDeliveryNoteCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var note = await DeliveryNoteLocks.LockAsync(db, command.Id, cancellationToken);
        var today = await companyClock.TodayAsync(cancellationToken);
        var issueDate = command.IssueDate ?? today;
        // Re-read under the order's lock: a note validated meanwhile on another instance is counted.
        var deliveries = await reader.DeliveriesAsync(note.OrderId, null, cancellationToken);
        note.EnsureValidatable(issueDate, today, deliveries);
        // Numbered in this transaction: a refused validation rolls the counter back and takes no number (gapless series).
        var number = await numbers.NextAsync(DocumentType.DeliveryNote, issueDate, "issueDate", cancellationToken);
        note.Validate(number, issueDate, today, deliveries);
        audit.Record("deliveryNote.validated", "deliveryNote", note.Id, after: new { number, issueDate, lines = note.Lines.Select(l => new { l.OrderLineId, l.Quantity }) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(note, cancellationToken), note.Version);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/validate", async Task<Ok<DeliveryNoteResponse>> (Guid id, ValidateDeliveryNoteRequest? body, IMediator mediator, HttpResponse response,
                CancellationToken ct) =>
                (await mediator.Send(new ValidateDeliveryNoteCommand(id, body?.IssueDate), ct)).Ok(response))
            .WithName("ValidateDeliveryNote")
            .WithSummary("Validate a draft delivery note: number it and freeze it")
            .WithDescription("In one transaction, under a lock on the order (two notes of one order never over-deliver, also on several instances): re-checks each quantity against what is left to deliver (422 `beyond_left_to_deliver` on `lines[i].quantity`), the order still in progress (409 `order_not_validated`), the date (`issueDate`, default today in the company's time zone; never in the future — 422 `issue_date_in_future` — nor before the last validated note — 422 `numbering_backdated`), then takes the next number of the delivery-note series (`BL-2026-0001`, gapless: a refused validation takes no number). The quantities become delivered on the order. Validating twice answers 409 `invalid_state_transition`.")
            .RequirePermission(Permissions.DeliveryNotes, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(DeliveriesExamples.ValidateRequest, 200, DeliveriesExamples.Validated);
}
