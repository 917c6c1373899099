using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Deliveries;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

public sealed record UpdateDeliveryNoteCommand(Guid Id, uint ExpectedVersion, UpdateDeliveryNoteRequest Request) : ICommand<Versioned<DeliveryNoteResponse>>;

public sealed class UpdateDeliveryNoteCommandValidator : AbstractValidator<UpdateDeliveryNoteCommand>
{
    public UpdateDeliveryNoteCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new UpdateDeliveryNoteRequestValidator()).OverridePropertyName("");
}

/// <summary>Replaces a draft's lines, dates, address, remarks and price option; a validated note is frozen.</summary>
public sealed class UpdateDeliveryNoteHandler(KobanDbContext db, AuditLog audit, DeliveriesReader reader)
    : ICommandHandler<UpdateDeliveryNoteCommand, Versioned<DeliveryNoteResponse>>
{
    public async ValueTask<Versioned<DeliveryNoteResponse>> Handle(UpdateDeliveryNoteCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var note = await db.DeliveryNotes.SingleOrDefaultAsync(n => n.Id == command.Id, cancellationToken) ?? throw new NotFoundException("delivery note", command.Id);
        if (note.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(note).Property(n => n.Version).OriginalValue = command.ExpectedVersion;
        note.EnsureDraft();
        if (r.Lines is { Count: > 0 })
            await References.EnsureExistAsync<OrderLine>(db, [.. r.Lines.Select(l => l.OrderLineId)], i => $"lines[{i}].orderLineId", cancellationToken);
        var before = new { lines = note.Lines.Select(l => new { l.OrderLineId, l.Quantity }).ToList(), note.PlannedDate, note.ShowPrices };
        var deliveries = await reader.DeliveriesAsync(note.OrderId, null, cancellationToken);
        var oldLines = note.Lines.ToList();
        note.Update(deliveries, new DeliveryNoteDraftData(r.Lines?.Select(l => (l.OrderLineId, l.Quantity)).ToList(), r.PlannedDate, r.DeliveryAddress?.ToDomain(),
            r.Remarks, r.ShowPrices ?? false));
        // The lines are replaced, not edited: the old rows go, the new ones are inserted.
        foreach (var line in oldLines.Where(l => !note.Lines.Contains(l))) db.Entry(line).State = EntityState.Deleted;
        audit.Record("deliveryNote.updated", "deliveryNote", note.Id, before,
            new { lines = note.Lines.Select(l => new { l.OrderLineId, l.Quantity }).ToList(), note.PlannedDate, note.ShowPrices });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(note, cancellationToken), note.Version);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<DeliveryNoteResponse>> (Guid id, UpdateDeliveryNoteRequest body, IMediator mediator, HttpRequest http, HttpResponse response,
                CancellationToken ct) =>
                (await mediator.Send(new UpdateDeliveryNoteCommand(id, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateDeliveryNote")
            .WithSummary("Update a draft delivery note")
            .WithDescription("Drafts only (409 `document_frozen` once validated). A full replacement of the editable part: `lines` (omitted: kept; checked as on creation against what is left to deliver), `plannedDate`, `deliveryAddress`, `remarks`, `showPrices`. Needs the `ETag` in `If-Match` (428 without, 412 when stale).")
            .RequirePermission(Permissions.DeliveryNotes, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(DeliveriesExamples.UpdateRequest, 200, DeliveriesExamples.Draft);
}
