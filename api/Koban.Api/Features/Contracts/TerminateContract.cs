using FluentValidation;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Contracts;

public sealed record TerminateContractCommand(Guid Id, DateOnly? EffectiveDate, string Reason) : ICommand<Versioned<ContractResponse>>;

public sealed class TerminateContractValidator : AbstractValidator<TerminateContractCommand>
{
    public TerminateContractValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(Contract.MaximumReasonLength);
}

public sealed class TerminateContractHandler(ContractTransition transition)
    : ICommandHandler<TerminateContractCommand, Versioned<ContractResponse>>
{
    public ValueTask<Versioned<ContractResponse>> Handle(TerminateContractCommand command, CancellationToken cancellationToken) =>
        transition.ApplyAsync(command.Id, (contract, today) =>
        {
            contract.Terminate(command.EffectiveDate, command.Reason, today);
            return new ContractAuditEntry("contract.terminated", new { contract.Reference, contract.TerminationDate, contract.TerminationReason, noticeGivenOn = today });
        }, cancellationToken);

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapPost("/{id:guid}/terminate", async Task<Ok<ContractResponse>> (Guid id, TerminateContractRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new TerminateContractCommand(id, body.EffectiveDate, body.Reason), ct)).Ok(response))
            .WithName("TerminateContract")
            .WithSummary("Terminate an active contract (give notice)")
            .WithDescription("""
                Notice is given today (company time zone) with a `reason`. The termination takes effect on `effectiveDate`, by default the earliest the notice allows: the end of the current term when today is on or before the notice deadline (`noticeDeadline` = the last day leaving `noticeMonths` whole months before the term end); after it, the end of the next term when the contract renews tacitly (it renews once more), or the current term end when it does not. An earlier date is refused with 422 `contract_notice_not_respected`; a date after the end of the next term (or of the current one without tacit renewal) with 422 `contract_termination_too_late`. Both problems carry, beside their text, the members `earliestTerminationDate`, `latestTerminationDate` and `noticeDeadline` (ISO dates) for a client to offer the allowed range. The contract becomes `Terminated` at once: periods are still invoiced up to `endDate` (= the termination date), then nothing; it is no longer renewed. Only an active contract can be terminated (409 `invalid_state_transition`).
                """)
            .RequirePermission(Permissions.Contracts, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(ContractsExamples.TerminateRequest, 200, ContractsExamples.Terminated);
}
