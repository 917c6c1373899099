using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Contracts;

public sealed record UpdateContractCommand(Guid Id, uint ExpectedVersion, ContractRequest Contract) : ICommand<Versioned<ContractResponse>>;

public sealed class UpdateContractValidator : AbstractValidator<UpdateContractCommand>
{
    public UpdateContractValidator()
    {
        RuleFor(c => c.Contract).NotNull().SetValidator(new ContractRequestValidator()).OverridePropertyName("");
        RuleFor(c => c.Contract.CustomerId).NotEmpty().OverridePropertyName("customerId");
    }
}

public sealed class UpdateContractHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, ContractFactory factory, ContractReader reader)
    : ICommandHandler<UpdateContractCommand, Versioned<ContractResponse>>
{
    public async ValueTask<Versioned<ContractResponse>> Handle(UpdateContractCommand command, CancellationToken cancellationToken)
    {
        var contract = await reader.LoadAsync(command.Id, cancellationToken);
        if (contract.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(contract).Property(c => c.Version).OriginalValue = command.ExpectedVersion;
        db.Entry(contract).Property(c => c.UpdatedAt).IsModified = true;
        var r = command.Contract;
        var lines = r.Lines is null ? null : await factory.LinesAsync(r, cancellationToken);
        var owner = await factory.OwnerAsync(r.OwnerUserId, contract.OwnerUserId, cancellationToken);
        var terms = new ContractTermsData(r.StartDate, r.TermMonths, r.Periodicity, r.Timing, r.TacitRenewal, r.NoticeMonths, r.Revision?.ToDomain() ?? ContractRevisionClause.None);
        var before = new { contract.CustomerId, contract.StartDate, contract.TermMonths, contract.Periodicity, contract.PeriodAmountExcludingVat };
        contract.UpdateDraft(r.CustomerId, owner, terms, lines);
        audit.Record("contract.updated", "contract", contract.Id, before,
            new { contract.CustomerId, contract.StartDate, contract.TermMonths, contract.Periodicity, contract.PeriodAmountExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(contract, await clock.TodayAsync(cancellationToken), cancellationToken), contract.Version);
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapPut("/{id:guid}", async Task<Ok<ContractResponse>> (Guid id, ContractRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateContractCommand(id, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateContract")
            .WithSummary("Update a draft contract")
            .WithDescription("Only a draft changes (else 409 `invalid_state_transition`): customer, owner, terms and, when `lines` is given, the lines (omitted: kept). A contract made from an order keeps the order's customer and lines (422 `contract_lines_follow_order`). " + ContractsEndpoints.TermsRules)
            .RequirePermission(Permissions.Contracts, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(ContractsExamples.CreateRequest, 200, ContractsExamples.Draft);
}
