using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record DeleteQuoteCommand(Guid Id) : ICommand;

public sealed class DeleteQuoteHandler(KobanDbContext db, AuditLog audit) : ICommandHandler<DeleteQuoteCommand>
{
    public async ValueTask<Unit> Handle(DeleteQuoteCommand command, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.SingleOrDefaultAsync(q => q.Id == command.Id, cancellationToken) ?? throw new NotFoundException("quote", command.Id);
        quote.EnsureDeletable();
        db.Quotes.Remove(quote);
        audit.Record("quote.deleted", "quote", quote.Id, before: new { quote.CustomerId, quote.TotalExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class DeleteQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteQuoteCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteQuote")
            .WithSummary("Delete a draft quote")
            .WithDescription("Only drafts, which have no number, can be deleted (409 `document_not_deletable` otherwise).")
            .RequirePermission(Permissions.Quotes, Access.Write)
            .WithProblems(409);
}
