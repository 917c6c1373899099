using Koban.Api.Features.Common;
using Koban.Api.Features.Contracts;
using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Contracts;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Demo;

/// <summary>Subscription contracts of the demo company, entered through the same commands as the API: an active monthly
/// maintenance contract started five months ago, and a yearly one whose term ends within 60 days (listed in renewals).</summary>
internal static class ContractDemo
{
    /// <summary>Creates and activates the two contracts (the Sales user's work) and returns their ids.</summary>
    public static async Task<IReadOnlyList<Guid>> SeedAsync(IMediator mediator, KobanDbContext db, SalesDemoIds ids, DateOnly today, CancellationToken ct)
    {
        var maintenance = await db.Products.AsNoTracking().Where(p => p.Code == "MAINT-M").Select(p => p.Id).SingleAsync(ct);
        SalesLineRequest Line(decimal quantity, decimal? price = null, string? description = null) =>
            new(LineKind.Product, maintenance, description, quantity, null, price, null, null, null, null);

        var monthStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-5);
        var (monthly, _) = await mediator.Send(new CreateContractCommand(new ContractRequest(ids.BakeryCustomer, null, monthStart, 12, ContractPeriodicity.Monthly,
            BillingTiming.InAdvance, true, 1, new RevisionClauseDto(RevisionKind.Percentage, 2m, null), [Line(1m)])), ct);
        await mediator.Send(new ActivateContractCommand(monthly.Id), ct);

        // A yearly contract whose term ends in 40 days; its notice deadline (2 months before) has passed, so it renews
        // tacitly unless renewed with the index value of the year or terminated for the end of the next term.
        var yearlyStart = today.AddDays(41).AddMonths(-12);
        var (yearly, _) = await mediator.Send(new CreateContractCommand(new ContractRequest(ids.IndividualCustomer, null, yearlyStart, 12, ContractPeriodicity.Yearly,
            BillingTiming.InAdvance, true, 2, new RevisionClauseDto(RevisionKind.Index, null, 310.5m),
            [Line(1m, 960m, "Contrat d'entretien annuel\nDeux visites par an, pièces d'usure comprises")])), ct);
        await mediator.Send(new ActivateContractCommand(yearly.Id), ct);
        return [monthly.Id, yearly.Id];
    }

    /// <summary>
    /// The accountant's part: the periods due so far are invoiced as the billing job would (one invoice per period, with
    /// its service dates), and every one but the newest is validated, so the monthly contract shows its past invoices
    /// and one draft waiting, as after a month of real use.
    /// </summary>
    public static async Task InvoiceDuePeriodsAsync(IMediator mediator, IReadOnlyList<Guid> contracts, CancellationToken ct)
    {
        foreach (var contract in contracts)
        {
            var invoiced = await mediator.Send(new InvoiceContractDuePeriodsCommand(contract), ct);
            foreach (var period in invoiced.OrderBy(p => p.Start).SkipLast(1))
                await mediator.Send(new ValidateInvoiceCommand(period.InvoiceId), ct);
        }
    }
}
