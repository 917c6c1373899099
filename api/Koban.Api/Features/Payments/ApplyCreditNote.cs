using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

public sealed record ApplyCreditNoteCommand(Guid CreditNoteId, ApplyCreditNoteRequest Request) : ICommand<InvoicePaymentResponse>;

public sealed class ApplyCreditNoteCommandValidator : AbstractValidator<ApplyCreditNoteCommand>
{
    public ApplyCreditNoteCommandValidator()
    {
        RuleFor(c => c.Request.InvoiceId).NotEmpty().OverridePropertyName("invoiceId");
        RuleFor(c => c.Request.Amount).GreaterThan(0m).PrecisionScale(18, 2, true).OverridePropertyName("amount");
    }
}

/// <summary>Applies what is left of a credit note to another invoice of its customer, dated today.</summary>
public sealed class ApplyCreditNoteHandler(KobanDbContext db, ReceivablesLedger ledger, AuditLog audit, CompanyClock companyClock, PaymentsReader reader)
    : ICommandHandler<ApplyCreditNoteCommand, InvoicePaymentResponse>
{
    public async ValueTask<InvoicePaymentResponse> Handle(ApplyCreditNoteCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var note = (await ledger.LockAsync([command.CreditNoteId], ReceivableKind.CreditNote, cancellationToken)).SingleOrDefault();
        if (note is null)
        {
            if (await db.CreditNotes.AnyAsync(c => c.Id == command.CreditNoteId, cancellationToken))
                throw new DomainConflictException(ErrorCodes.CreditNoteNotAvailable, "Only a validated credit note with an amount left can be applied.");
            throw new NotFoundException("creditNote", command.CreditNoteId);
        }
        var today = await companyClock.TodayAsync(cancellationToken);
        await ledger.AllocateAsync(note, [new AllocationRequest(command.Request.InvoiceId, command.Request.Amount)], today, null, cancellationToken);
        audit.Record("creditNote.applied", "creditNote", command.CreditNoteId, after: new { command.Request.InvoiceId, command.Request.Amount });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.RequiredInvoicePaymentsAsync(command.Request.InvoiceId, cancellationToken);
    }
}

public static class ApplyCreditNote
{
    public static void Map(RouteGroupBuilder credits) =>
        credits.MapPost("/{id:guid}/apply", async Task<Ok<InvoicePaymentResponse>> (Guid id, ApplyCreditNoteRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ApplyCreditNoteCommand(id, body), ct)))
            .WithName("ApplyCreditNote")
            .WithSummary("Apply what is left of a credit note to another invoice of its customer")
            .WithDescription("A validated credit note first settles the invoice it corrects (at validation); what is left is the customer's credit, applied here. Returns the invoice's payment side. " + PaymentsEndpoints.AllocationRules)
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.ApplyCreditNote, 200, PaymentsExamples.InvoicePayments);
}
