using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Invoicing;

public sealed record GetCreditNoteQuery(Guid Id) : IQuery<Versioned<CreditNoteResponse>>;

public sealed class GetCreditNoteHandler(InvoicingReader reader) : IQueryHandler<GetCreditNoteQuery, Versioned<CreditNoteResponse>>
{
    public async ValueTask<Versioned<CreditNoteResponse>> Handle(GetCreditNoteQuery query, CancellationToken cancellationToken) =>
        await reader.CreditNoteAsync(query.Id, cancellationToken);

    public static void Map(RouteGroupBuilder credits) =>
        credits.MapGet("/{id:guid}", async Task<Ok<CreditNoteResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetCreditNoteQuery(id), ct)).Ok(response))
            .WithName("GetCreditNote")
            .WithSummary("Get a credit note")
            .RequirePermission(Permissions.CreditNotes, Access.Read)
            .WithExamples(null, 200, InvoicingExamples.Credit);
}
