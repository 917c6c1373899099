using FluentValidation;
using Koban.Api.Features.Accounting;
using Koban.Api.Infrastructure.Accounting;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

public sealed record IdentifyPaymentCommand(Guid Id, IdentifyPaymentRequest Request) : ICommand<PaymentResponse>;

public sealed class IdentifyPaymentCommandValidator : AbstractValidator<IdentifyPaymentCommand>
{
    public IdentifyPaymentCommandValidator()
    {
        RuleFor(c => c.Request.CustomerId).NotEmpty().OverridePropertyName("customerId");
        RuleForEach(c => c.Request.Allocations).SetValidator(new PaymentAllocationInputValidator()).OverridePropertyName("allocations");
    }
}

/// <summary>Gives an unidentified receipt its customer: moved from 471 to the customer's account, optionally allocated.</summary>
public sealed class IdentifyPaymentHandler(KobanDbContext db, ReceivablesLedger ledger, AccountingBooks books, AuditLog audit, PaymentsReader reader, TimeProvider clock)
    : ICommandHandler<IdentifyPaymentCommand, PaymentResponse>
{
    public async ValueTask<PaymentResponse> Handle(IdentifyPaymentCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await ledger.LockPaymentAsync(command.Id, cancellationToken);
        payment.EnsureIdentifiable();
        if (!await db.Customers.AnyAsync(c => c.Id == command.Request.CustomerId, cancellationToken)) throw new ReferenceNotFoundException("customerId");
        var context = await books.ContextAsync(cancellationToken);
        payment.Identify(command.Request.CustomerId, context.Today);
        var customer = await books.CustomerAsync(command.Request.CustomerId, cancellationToken);
        var item = ReceivableItem.Create(ReceivableKind.Receipt, command.Request.CustomerId, payment.Id, ReceivablesLedger.ReferenceOf(payment), payment.Date, null, payment.Amount,
            clock.GetUtcNow());
        db.ReceivableItems.Add(item);
        books.Post(Postings.ForIdentifiedReceipt(payment, customer, context));
        var requests = command.Request.Allocations ?? [];
        await ledger.AllocateAsync(item, [.. requests.Select(a => new AllocationRequest(a.InvoiceId, a.Amount))], payment.IdentifiedOn!.Value, "allocations", cancellationToken);
        audit.Record("payment.identified", "payment", payment.Id, after: new { command.Request.CustomerId, allocations = requests });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await reader.PaymentAsync(payment.Id, cancellationToken);
    }
}

public static class IdentifyPayment
{
    public static void Map(RouteGroupBuilder payments) =>
        payments.MapPost("/{id:guid}/identify", async Task<Ok<PaymentResponse>> (Guid id, IdentifyPaymentRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new IdentifyPaymentCommand(id, body), ct)))
            .WithName("IdentifyPayment")
            .WithSummary("Give an unidentified receipt its customer")
            .WithDescription("Moves the receipt from the suspense account (471) to the customer's account (an OD entry) and optionally allocates it. " + PaymentsEndpoints.AllocationRules)
            .RequirePermission(Permissions.Payments, Access.Write)
            .WithProblems(404, 409, 422)
            .WithExamples(PaymentsExamples.Identify, 200, PaymentsExamples.Recorded);
}
