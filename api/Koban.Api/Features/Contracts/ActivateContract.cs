using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Contracts;

public sealed record ActivateContractCommand(Guid Id) : ICommand<Versioned<ContractResponse>>;

public sealed class ActivateContractHandler(ContractTransition transition, CurrentActor actor)
    : ICommandHandler<ActivateContractCommand, Versioned<ContractResponse>>
{
    public ValueTask<Versioned<ContractResponse>> Handle(ActivateContractCommand command, CancellationToken cancellationToken) =>
        transition.ApplyAsync(command.Id, (contract, today) =>
        {
            contract.Activate(today, actor.UserId ?? contract.OwnerUserId);
            return new ContractAuditEntry("contract.activated", new { contract.Reference, contract.CurrentTermStart, contract.CurrentTermEnd, contract.PeriodAmountExcludingVat });
        }, cancellationToken);

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapPost("/{id:guid}/activate", async Task<Ok<ContractResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new ActivateContractCommand(id), ct)).Ok(response))
            .WithName("ActivateContract")
            .WithSummary("Activate a draft contract")
            .WithDescription("Draft → active: the first term starts on `startDate` (which may be in the past: the billing job then invoices the periods already due) and ends on `currentTermEnd`; the contract is frozen. It needs a priced line with a total not below zero (422 `document_has_no_priced_line`, `document_total_negative`); activating twice answers 409 `invalid_state_transition`.")
            .RequirePermission(Permissions.Contracts, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(null, 200, ContractsExamples.Active);
}
