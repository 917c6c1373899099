using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>Numbers a draft invoice and freezes it forever (<see cref="BillingService.ValidateAsync"/>).</summary>
public sealed record ValidateInvoiceCommand(Guid Id, DateOnly? IssueDate = null) : ICommand<InvoiceResponse>;

public sealed class ValidateInvoiceHandler(KobanDbContext db, BillingService billing, InvoicingReader reader) : ICommandHandler<ValidateInvoiceCommand, InvoiceResponse>
{
    public async ValueTask<InvoiceResponse> Handle(ValidateInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsSplitQuery().SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException("invoice", command.Id);
        await billing.ValidateAsync(invoice, command.IssueDate, cancellationToken);
        return await reader.ToResponseAsync(invoice, cancellationToken);
    }

    public static void Map(RouteGroupBuilder invoices) =>
        invoices.MapPost("/{id:guid}/validate", async Task<Ok<InvoiceResponse>> (Guid id, ValidateBillingDocumentRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ValidateInvoiceCommand(id, body?.IssueDate), ct)))
            .WithName("ValidateInvoice")
            .WithSummary("Validate a draft invoice: number it and freeze it forever")
            .WithDescription(Rules)
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(InvoicingExamples.ValidateRequest, 200, InvoicingExamples.Balance);

    private const string Rules = """
        In one short transaction: locks the order (so two invoices of one order cannot both pass), re-checks what is left to invoice, checks the mandatory mentions can be filled (422 `mandatory_mention_missing` naming e.g. `seller.siren`, `buyer.billingAddress`, `buyer.siren` for a French business, `buyer.vatNumber` for an EU business), sets the invoice date (`issueDate` of the body or of the draft, else today in the company's time zone; never in the future — 422 `issue_date_in_future` — and never before the last validated invoice — 422 `numbering_backdated`), computes the due date from the payment terms (business terms beyond 60 days or 45 days end of month are refused: 422 `payment_terms_beyond_legal_maximum`), copies the seller and buyer snapshot and the VAT wordings, takes the next number of the invoice sequence (gapless under concurrency: a row lock on the counter; a refused validation takes no number), stores the per-rate breakdown, writes the SHA-256 fingerprint chained to the company's previous document, and the audit entry. Right after the commit the PDF is rendered from the snapshot and archived (a worker retries until it exists). Validating twice answers 409 `invalid_state_transition`.
        """;
}
