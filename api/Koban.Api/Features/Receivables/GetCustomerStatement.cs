using FluentValidation;
using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Receivables;

public sealed record CustomerStatementQuery(Guid CustomerId, DateOnly? From, DateOnly? To) : IQuery<CustomerStatementResponse>;

public sealed class CustomerStatementQueryValidator : AbstractValidator<CustomerStatementQuery>
{
    public CustomerStatementQueryValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From!.Value).When(q => q.From is not null && q.To is not null);
}

/// <summary>A customer's statement as JSON (<see cref="ReceivablesReader.StatementAsync"/>): what the statement PDF prints.</summary>
public sealed class CustomerStatementHandler(KobanDbContext db, ReceivablesReader reader) : IQueryHandler<CustomerStatementQuery, CustomerStatementResponse>
{
    public async ValueTask<CustomerStatementResponse> Handle(CustomerStatementQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(c => c.Id == query.CustomerId, cancellationToken)
            ?? throw new NotFoundException("customer", query.CustomerId);
        return await reader.StatementAsync(customer, query.From, query.To, cancellationToken);
    }

    /// <summary>The French wording of a movement as the customer reads it (its number or reference is printed beside it).</summary>
    public static string Label(ReceivableKind kind, ReceivableSide side, PaymentMethod? method)
    {
        var how = method is { } m ? $" — {PrintableParts.PaymentMethodText(m)}" : string.Empty;
        return kind switch
        {
            ReceivableKind.Invoice => "Facture",
            ReceivableKind.CreditNote => "Avoir",
            ReceivableKind.Receipt => $"Règlement{how}",
            ReceivableKind.Refund => $"Remboursement{how}",
            _ => side == ReceivableSide.Credit ? "Écart de règlement abandonné" : "Trop-perçu conservé",
        };
    }
}

public static class GetCustomerStatement
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/customers/{id:guid}/statement-lines", async Task<Ok<CustomerStatementResponse>> (Guid id, DateOnly? from, DateOnly? to, IMediator mediator,
                CancellationToken ct) => TypedResults.Ok(await mediator.Send(new CustomerStatementQuery(id, from, to), ct)))
            .WithName("GetCustomerStatement")
            .WithSummary("A customer's statement as JSON")
            .WithDescription("What the statement PDF prints, for the SPA: `openingBalance` (the balance at the end of the day before `from`), `lines` in date order (`kind` Invoice, CreditNote, Receipt, Refund or WriteOff; `debit` raises and `credit` lowers what the customer owes; `balance` after each line; `dueDate` on invoices), `totalDebit`, `totalCredit`, `closingBalance` (= opening + debits − credits), and `openInvoices` still owed at `to` with `daysLate` counted at `to`. " + ReceivablesEndpoints.StatementPeriod + " 404 when the customer is not one of the company's.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(400, 404)
            .WithExamples(null, 200, ReceivablesExamples.Statement);
}
