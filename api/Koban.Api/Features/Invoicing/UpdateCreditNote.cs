using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed record UpdateCreditNoteCommand(Guid Id, uint ExpectedVersion, CreditNoteUpdateRequest Request) : ICommand<Versioned<CreditNoteResponse>>;

public sealed class CreditNoteUpdateRequestValidator : AbstractValidator<CreditNoteUpdateRequest>
{
    public CreditNoteUpdateRequestValidator()
    {
        RuleFor(r => r.ReasonText).MaximumLength(CreditNoteRequestValidator.ReasonTextMaxLength);
        RuleFor(r => r.HeaderText).MaximumLength(CreditNoteRequestValidator.TextMaxLength);
        RuleFor(r => r.FooterText).MaximumLength(CreditNoteRequestValidator.TextMaxLength);
        RuleFor(r => r.Comment).MaximumLength(CreditNoteRequestValidator.TextMaxLength);
    }
}

public sealed class UpdateCreditNoteCommandValidator : AbstractValidator<UpdateCreditNoteCommand>
{
    public UpdateCreditNoteCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new CreditNoteUpdateRequestValidator()).OverridePropertyName("");
}

/// <summary>Changes a draft credit note's date and texts.</summary>
public sealed class UpdateCreditNoteHandler(KobanDbContext db, AuditLog audit, InvoicingReader reader) : ICommandHandler<UpdateCreditNoteCommand, Versioned<CreditNoteResponse>>
{
    public async ValueTask<Versioned<CreditNoteResponse>> Handle(UpdateCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException("creditNote", command.Id);
        if (note.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        var r = command.Request;
        note.UpdateCreditHeader(new BillingHeaderData(r.IssueDate, HeaderText: r.HeaderText, FooterText: r.FooterText, Comment: r.Comment, CustomerReference: note.CustomerReference), r.ReasonText);
        audit.Record("creditNote.updated", "creditNote", note.Id, after: new { r.IssueDate, r.ReasonText });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ToResponseAsync(note, cancellationToken), note.Version);
    }

    public static void Map(RouteGroupBuilder credits) =>
        credits.MapPut("/{id:guid}", async Task<Ok<CreditNoteResponse>> (Guid id, CreditNoteUpdateRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateCreditNoteCommand(id, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateCreditNote")
            .WithSummary("Update a draft credit note's date and texts")
            .WithDescription("Drafts only (409 `document_frozen` once validated). To credit other lines or amounts, delete the draft and create another.")
            .RequirePermission(Permissions.CreditNotes, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(InvoicingExamples.CreditUpdateRequest, 200, InvoicingExamples.CreditUpdated);
}
