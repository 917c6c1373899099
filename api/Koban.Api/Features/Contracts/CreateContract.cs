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

public sealed record CreateContractCommand(ContractRequest Contract) : ICommand<Versioned<ContractResponse>>;

public sealed class CreateContractValidator : AbstractValidator<CreateContractCommand>
{
    public CreateContractValidator()
    {
        RuleFor(c => c.Contract).NotNull().SetValidator(new ContractRequestValidator()).OverridePropertyName("");
        RuleFor(c => c.Contract.CustomerId).NotEmpty().OverridePropertyName("customerId");
        RuleFor(c => c.Contract.Lines).NotEmpty().OverridePropertyName("lines");
    }
}

public sealed class CreateContractHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, ContractFactory factory, ContractReader reader)
    : ICommandHandler<CreateContractCommand, Versioned<ContractResponse>>
{
    public async ValueTask<Versioned<ContractResponse>> Handle(CreateContractCommand command, CancellationToken cancellationToken)
    {
        var r = command.Contract;
        var lines = await factory.LinesAsync(r, cancellationToken);
        var owner = await factory.OwnerAsync(r.OwnerUserId, null, cancellationToken);
        var terms = new ContractTermsData(r.StartDate, r.TermMonths, r.Periodicity, r.Timing, r.TacitRenewal, r.NoticeMonths, r.Revision?.ToDomain() ?? ContractRevisionClause.None);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contract = Contract.CreateDraft(await factory.NextReferenceAsync(cancellationToken), r.CustomerId, owner, terms, lines);
        db.Contracts.Add(contract);
        audit.Record("contract.created", "contract", contract.Id, after: new { contract.Reference, contract.CustomerId, lines = lines.Count, contract.PeriodAmountExcludingVat });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(contract, await clock.TodayAsync(cancellationToken), cancellationToken), contract.Version);
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapPost("/", async Task<Created<ContractResponse>> (ContractRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var contract = await mediator.Send(new CreateContractCommand(body), ct);
                return contract.Created(response, $"/api/v1/contracts/{contract.Value.Id}");
            })
            .WithName("CreateContract")
            .WithSummary("Create a draft subscription contract directly")
            .WithDescription(ContractsEndpoints.TermsRules + " Lines are entered like an order's (a product line copies the product's description, unit, price and VAT); they say what **one billing period** invoices. `ownerUserId` (the sales user who receives the notice reminder) defaults to the caller. The contract gets the next `CT-00001` reference of the company.")
            .RequirePermission(Permissions.Contracts, Access.Write)
            .WithProblems(422)
            .WithExamples(ContractsExamples.CreateRequest, 201, ContractsExamples.Draft);
}
