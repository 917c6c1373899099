using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Contracts;

/// <summary>Runs the billing of one contract now, as the hourly job would: the periods due and not billed get their invoice.</summary>
public sealed record InvoiceContractDuePeriodsCommand(Guid ContractId) : ICommand<IReadOnlyList<ContractPeriodInvoiceResponse>>;

public sealed class InvoiceContractDuePeriodsHandler(KobanDbContext db, CurrentActor actor, ContractBillingRunner runner)
    : ICommandHandler<InvoiceContractDuePeriodsCommand, IReadOnlyList<ContractPeriodInvoiceResponse>>
{
    public async ValueTask<IReadOnlyList<ContractPeriodInvoiceResponse>> Handle(InvoiceContractDuePeriodsCommand command, CancellationToken cancellationToken)
    {
        var status = await db.Contracts.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == command.ContractId).Select(c => (ContractStatus?)c.Status)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("contract", command.ContractId);
        if (status == ContractStatus.Draft)
        {
            throw new DomainConflictException(ErrorCodes.InvalidStateTransition, "A draft contract bills nothing.")
            {
                Arguments = new Dictionary<string, object> { ["status"] = status.ToString()!, ["action"] = "invoice" },
            };
        }
        return await runner.BillContractAsync(actor.RequireCompanyId(), command.ContractId, actor.DisplayName ?? ContractBillingRunner.ActorName, actor.UserId, cancellationToken);
    }
}

public static class InvoiceContractDuePeriods
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/invoice-due-periods", async Task<Ok<IReadOnlyList<ContractPeriodInvoiceResponse>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new InvoiceContractDuePeriodsCommand(id), ct)))
            .WithName("InvoiceContractDuePeriods")
            .WithSummary("Invoice a contract's due periods now")
            .WithDescription("Does for one contract what the hourly billing job does: every period whose billing date has come (in advance: its first day; in arrears: the day after its last) and that has no invoice gets one — a draft direct invoice to the contract's customer whose lines carry the period's service dates, or validated and e-mailed per the company's setting — and a term end passed renews the contract tacitly or expires it. Each period and its invoice are written in one transaction; a period billed meanwhile by the job is skipped, never billed twice. Returns the periods billed by this call (an empty list when none was due). Invoices are the accountant's: the right is `invoices:write` (Accountant, Admin). 409 `invalid_state_transition` on a draft contract.")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(404, 409)
            .WithExamples(null, 200, ContractBillingExamples.Billed);
}
