using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Contracts;

public sealed record LetContractExpireCommand(Guid Id) : ICommand<Versioned<ContractResponse>>;

public sealed class LetContractExpireHandler(ContractTransition transition)
    : ICommandHandler<LetContractExpireCommand, Versioned<ContractResponse>>
{
    /// <summary>Asking twice changes nothing and records nothing the second time.</summary>
    public ValueTask<Versioned<ContractResponse>> Handle(LetContractExpireCommand command, CancellationToken cancellationToken) =>
        transition.ApplyAsync(command.Id, (contract, today) =>
        {
            var already = contract.RenewalDeclinedOn is not null;
            contract.LetExpire(today);
            return already ? null : new ContractAuditEntry("contract.renewal_declined", new { contract.Reference, contract.CurrentTermEnd });
        }, cancellationToken);

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapPost("/{id:guid}/let-expire", async Task<Ok<ContractResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new LetContractExpireCommand(id), ct)).Ok(response))
            .WithName("LetContractExpire")
            .WithSummary("Do not renew: let the contract expire at the end of its current term")
            .WithDescription("The contract will not renew tacitly: at the end of the current term the billing job makes it `Expired` (its last day billed is the term end). A contract renewing tacitly can be stopped this way only until its notice deadline (after it: 422 `contract_notice_passed`, with the members `earliestTerminationDate`, `latestTerminationDate` and `noticeDeadline` (ISO dates); terminate it for the end of the next term instead). Asking twice changes nothing. Only an active contract (409 `invalid_state_transition`).")
            .RequirePermission(Permissions.Contracts, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(null, 200, ContractsExamples.Active);
}
