using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Contracts;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

public sealed record CreateContractFromOrderCommand(ContractFromOrderRequest Request) : ICommand<Versioned<ContractResponse>>;

public sealed class CreateContractFromOrderValidator : AbstractValidator<CreateContractFromOrderCommand>
{
    public CreateContractFromOrderValidator()
    {
        RuleFor(c => c.Request).NotNull();
        RuleFor(c => c.Request.OrderId).NotEmpty().OverridePropertyName("orderId");
        RuleFor(c => c.Request.Periodicity).IsInEnum().OverridePropertyName("periodicity");
        RuleFor(c => c.Request.Timing).IsInEnum().OverridePropertyName("timing");
        RuleFor(c => c.Request.OrderLineIds).Must(ids => ids is null || (ids.Count is > 0 and <= 200 && ids.Distinct().Count() == ids.Count))
            .WithMessage("Give 1 to 200 distinct order line ids, or omit them.").OverridePropertyName("orderLineIds");
        RuleFor(c => c.Request.Revision!).SetValidator(new RevisionClauseValidator()).When(c => c.Request.Revision is not null).OverridePropertyName("revision");
    }
}

/// <summary>
/// Copies the chosen subscription lines of a validated order into a draft contract. The order row is locked first, so two
/// requests for the same lines queue and the second finds them taken (the unique index on <c>order_line_id</c> is the
/// second wall).
/// </summary>
public sealed class CreateContractFromOrderHandler(KobanDbContext db, AuditLog audit, CompanyClock clock, ContractFactory factory, ContractReader reader)
    : ICommandHandler<CreateContractFromOrderCommand, Versioned<ContractResponse>>
{
    public async ValueTask<Versioned<ContractResponse>> Handle(CreateContractFromOrderCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM orders WHERE id = {r.OrderId} FOR UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0) throw new ReferenceNotFoundException("orderId");
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == r.OrderId, cancellationToken);
        var owner = await factory.OwnerAsync(r.OwnerUserId, order.SalespersonId, cancellationToken);
        if (order.Status != OrderStatus.InProgress)
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, $"Order {order.Id} is {order.Status}.") { Field = "orderId" };

        var chosen = Choose(order, r.OrderLineIds);
        var chosenIds = chosen.Select(l => l.Id).ToList();
        var taken = await db.Set<ContractLine>().Where(l => l.OrderLineId != null && chosenIds.Contains(l.OrderLineId.Value))
            .Select(l => new { l.OrderLineId, Reference = db.Contracts.Where(c => c.Id == l.ContractId).Select(c => c.Reference).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            var index = chosenIds.IndexOf(taken.OrderLineId!.Value);
            throw new DomainConflictException(ErrorCodes.OrderLineUnderContract, $"Order line {taken.OrderLineId} is under {taken.Reference}.")
            {
                Field = r.OrderLineIds is null ? "orderId" : $"orderLineIds[{r.OrderLineIds.ToList().IndexOf(chosenIds[index])}]",
                Arguments = new Dictionary<string, object> { ["reference"] = taken.Reference },
            };
        }

        var (periodicity, termMonths) = await DefaultsAsync(chosen, r, cancellationToken);
        var terms = new ContractTermsData(r.StartDate, termMonths, periodicity, r.Timing, r.TacitRenewal, r.NoticeMonths, r.Revision?.ToDomain() ?? ContractRevisionClause.None);
        var lines = chosen.Select(l => new ContractLineData(l.ToData(), l.Id)).ToList();
        var contract = Contract.CreateDraft(await factory.NextReferenceAsync(cancellationToken), order.CustomerId, owner, terms, lines, order.Id);
        db.Contracts.Add(contract);
        audit.Record("contract.created", "contract", contract.Id, after: new { contract.Reference, contract.CustomerId, orderId = order.Id, order.Number, lines = lines.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(contract, await clock.TodayAsync(cancellationToken), cancellationToken), contract.Version);
    }

    /// <summary>The order's subscription lines named by <paramref name="ids"/> (all of them when null), in order position.</summary>
    private static List<OrderLine> Choose(Order order, IReadOnlyList<Guid>? ids)
    {
        if (ids is null)
        {
            var all = order.Lines.Where(l => l.IsContractLine).ToList();
            if (all.Count == 0)
                throw new DomainException(ErrorCodes.OrderLineNotContract, "The order has no subscription line.") { Field = "orderId" };
            return all;
        }
        var chosen = new List<OrderLine>();
        for (var i = 0; i < ids.Count; i++)
        {
            var line = order.Lines.FirstOrDefault(l => l.Id == ids[i]) ?? throw new ReferenceNotFoundException($"orderLineIds[{i}]");
            if (!line.IsContractLine)
                throw new DomainException(ErrorCodes.OrderLineNotContract, $"Order line {line.Id} is not a subscription line.") { Field = $"orderLineIds[{i}]" };
            chosen.Add(line);
        }
        return [.. chosen.OrderBy(l => l.Position)];
    }

    /// <summary>Periodicity and term from the request, else from the lines' products (which must then agree).</summary>
    private async Task<(Koban.Domain.Products.ContractPeriodicity, int)> DefaultsAsync(List<OrderLine> chosen, ContractFromOrderRequest r, CancellationToken ct)
    {
        if (r.Periodicity is { } p && r.TermMonths is { } t) return (p, t);
        var productIds = chosen.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var defaults = await db.Products.AsNoTracking().Where(x => productIds.Contains(x.Id) && x.IsContract)
            .Select(x => new { x.ContractPeriodicity, x.ContractTermMonths }).Distinct().ToListAsync(ct);
        var periodicities = defaults.Select(d => d.ContractPeriodicity).Distinct().ToList();
        var terms = defaults.Select(d => d.ContractTermMonths).Distinct().ToList();
        if ((r.Periodicity is null && periodicities.Count != 1) || (r.TermMonths is null && terms.Count != 1))
            throw new DomainException(ErrorCodes.ContractDefaultsDiffer, "The lines' products do not share one periodicity and term.") { Field = r.Periodicity is null ? "periodicity" : "termMonths" };
        return (r.Periodicity ?? periodicities[0]!.Value, r.TermMonths ?? terms[0]!.Value);
    }

    public static void Map(RouteGroupBuilder contracts) =>
        contracts.MapPost("/from-order", async Task<Created<ContractResponse>> (ContractFromOrderRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var contract = await mediator.Send(new CreateContractFromOrderCommand(body), ct);
                return contract.Created(response, $"/api/v1/contracts/{contract.Value.Id}");
            })
            .WithName("CreateContractFromOrder")
            .WithSummary("Create a draft contract from a validated order's subscription lines")
            .WithDescription("""
                Copies the chosen lines (`orderLineIds`, default: every line whose product is flagged Contract) of a validated order (in progress; else 409 `order_not_validated`) into a draft contract for the order's customer, prices and VAT unchanged. A line that is not a subscription line is refused (422 `order_line_not_contract`); an order line is under one contract only (409 `order_line_under_contract` naming the contract; two simultaneous requests give one contract). These lines are billed by the contract, never by the order's full or balance invoices. `periodicity` and `termMonths` default to the products' (422 `contract_defaults_differ` when the lines' products disagree); `ownerUserId` to the order's salesperson, else the caller.
                """ + " " + ContractsEndpoints.TermsRules)
            .RequirePermission(Permissions.Contracts, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(ContractsExamples.FromOrderRequest, 201, ContractsExamples.Draft);
}
