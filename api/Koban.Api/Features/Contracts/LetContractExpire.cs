using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Contracts;

public sealed record LetContractExpireCommand(Guid Id) : ICommand<Versioned<ContractResponse>>;

public sealed class LetContractExpireHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, ContractReader reader)
    : ICommandHandler<LetContractExpireCommand, Versioned<ContractResponse>>
{
    public async ValueTask<Versioned<ContractResponse>> Handle(LetContractExpireCommand command, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contract = await reader.LockAsync(command.Id, cancellationToken);
        var already = contract.RenewalDeclinedOn is not null;
        contract.LetExpire(today);
        if (!already)
            audit.Record("contract.renewal_declined", "contract", contract.Id, after: new { contract.Reference, contract.CurrentTermEnd });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(contract, today, cancellationToken), contract.Version);
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapPost("/{id:guid}/let-expire", async Task<Ok<ContractResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new LetContractExpireCommand(id), ct)).Ok(response))
            .WithName("LetContractExpire")
            .WithSummary("Do not renew: let the contract expire at the end of its current term")
            .WithDescription("The contract will not renew tacitly: at the end of the current term the billing job makes it `Expired` (its last day billed is the term end). A contract renewing tacitly can be stopped this way only until its notice deadline (after it: 422 `contract_notice_passed` with `noticeDeadline` and `earliestDate`; terminate it for the end of the next term instead). Asking twice changes nothing. Only an active contract (409 `invalid_state_transition`).")
            .RequirePermission(Permissions.Contracts, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(null, 200, ContractsExamples.Active);
}
