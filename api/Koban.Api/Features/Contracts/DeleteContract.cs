using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Contracts;

public sealed record DeleteContractCommand(Guid Id) : ICommand;

/// <summary>Deletes a draft; its order lines are free to go under another contract.</summary>
public sealed class DeleteContractHandler(KobanDbContext db, AuditLog audit, ContractReader reader) : ICommandHandler<DeleteContractCommand>
{
    public async ValueTask<Unit> Handle(DeleteContractCommand command, CancellationToken cancellationToken)
    {
        var contract = await reader.LoadAsync(command.Id, cancellationToken);
        contract.EnsureDeletable();
        db.Contracts.Remove(contract);
        audit.Record("contract.deleted", "contract", contract.Id, before: new { contract.Reference, contract.CustomerId, contract.OrderId });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteContractCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteContract")
            .WithSummary("Delete a draft contract")
            .WithDescription("A draft can be deleted (its order lines may then go under another contract); an active, terminated or expired contract never is (409 `document_not_deletable`): terminate it instead.")
            .RequirePermission(Permissions.Contracts, Access.Write)
            .WithProblems(409);
}
