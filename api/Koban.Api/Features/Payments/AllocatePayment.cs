using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Payments;

public sealed record AllocatePaymentCommand(Guid Id, AllocatePaymentRequest Request) : ICommand<PaymentResponse>;

public sealed class AllocatePaymentCommandValidator : AbstractValidator<AllocatePaymentCommand>
{
    public AllocatePaymentCommandValidator()
    {
        RuleFor(c => c.Request.Allocations).NotEmpty().OverridePropertyName("allocations");
        RuleForEach(c => c.Request.Allocations).SetValidator(new PaymentAllocationInputValidator()).OverridePropertyName("allocations");
    }
}

/// <summary>Allocates what is left of a receipt to invoices of its customer, dated today (never before the receipt).</summary>
public sealed class AllocatePaymentHandler(KobanDbContext db, ReceivablesLedger ledger, AuditLog audit, CompanyClock companyClock, PaymentsReader reader)
    : ICommandHandler<AllocatePaymentCommand, PaymentResponse>
{
    public async ValueTask<PaymentResponse> Handle(AllocatePaymentCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (payment, item) = await ledger.LockReceiptAsync(command.Id, cancellationToken);
        var date = AllocationRules.LaterAllocationDate(payment.Date, await companyClock.TodayAsync(cancellationToken));
        var done = await ledger.AllocateAsync(item, [.. command.Request.Allocations.Select(a => new AllocationRequest(a.InvoiceId, a.Amount))], date, "allocations", cancellationToken);
        audit.Record("payment.allocated", "payment", payment.Id, after: new { allocations = done.Select(d => new { invoiceId = d.Invoice.SourceId, d.Allocation.Amount }) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.PaymentAsync(payment.Id, cancellationToken);
    }
}

public static class AllocatePayment
{
    public static void Map(RouteGroupBuilder payments) =>
        payments.MapPost("/{id:guid}/allocations", async Task<Ok<PaymentResponse>> (Guid id, AllocatePaymentRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AllocatePaymentCommand(id, body), ct)))
            .WithName("AllocatePayment")
            .WithSummary("Allocate what is left of a receipt to invoices")
            .WithDescription("Uses the customer's credit left on this receipt. " + PaymentsEndpoints.AllocationRules)
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.Allocate, 200, PaymentsExamples.Allocated);
}
