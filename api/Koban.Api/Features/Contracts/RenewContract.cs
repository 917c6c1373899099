using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Contracts;

public sealed record RenewContractCommand(Guid Id, RevisionDto Revision) : ICommand<Versioned<ContractResponse>>;

public sealed class RenewContractValidator : AbstractValidator<RenewContractCommand>
{
    public RenewContractValidator() => RuleFor(c => c.Revision).NotNull().SetValidator(new RevisionValidator());
}

/// <summary>Renews under a row lock on the contract: two renewals at once queue, and the second finds the new term not
/// started yet (409 <c>contract_renewal_too_early</c>), so one term is renewed once.</summary>
public sealed class RenewContractHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, CurrentActor actor, ContractReader reader)
    : ICommandHandler<RenewContractCommand, Versioned<ContractResponse>>
{
    public async ValueTask<Versioned<ContractResponse>> Handle(RenewContractCommand command, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contract = await reader.LockAsync(command.Id, cancellationToken);
        var before = new { contract.TermNumber, contract.CurrentTermEnd, contract.PeriodAmountExcludingVat };
        var term = contract.Renew(command.Revision.ToDomain(), today, actor.UserId ?? contract.OwnerUserId);
        audit.Record("contract.renewed", "contract", contract.Id, before,
            new { contract.TermNumber, term.Start, term.End, term.RevisionKind, term.RevisionValue, term.PriceFactor, contract.PeriodAmountExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(contract, today, cancellationToken), contract.Version);
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapPost("/{id:guid}/renew", async Task<Ok<ContractResponse>> (Guid id, RenewContractRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new RenewContractCommand(id, body.Revision), ct)).Ok(response))
            .WithName("RenewContract")
            .WithSummary("Renew an active contract for a new term, with revised prices")
            .WithDescription("""
                A new term of `termMonths` starts the day after the current term ends. `revision`: `None` keeps prices; `Percentage` multiplies each unit price by (1 + `percentage` / 100); `Index` by `indexValue` ÷ the contract's base index value, which `indexValue` then replaces (422 `contract_index_not_defined` if the contract has no index clause). Each unit price is rounded once to 4 decimals (half away from zero); the term, its revision and factor go to `terms`. Allowed from `renewalOpensOn` (90 days before the notice deadline, never before the current term has started; earlier: 409 `contract_renewal_too_early` with `opensOn`), so a term is renewed once — also when two requests arrive together. A contract renewed tacitly whose index revision is pending (`indexRevisionPending`) takes the revision on its current term instead. Only an active contract is renewed (409 `invalid_state_transition`). A renewal cancels an earlier let-expire.
                """)
            .RequirePermission(Permissions.Contracts, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(ContractsExamples.RenewRequest, 200, ContractsExamples.Renewed);
}
