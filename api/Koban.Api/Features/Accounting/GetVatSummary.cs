using FluentValidation;
using Koban.Api.Infrastructure.Accounting;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Accounting;

public sealed record VatSummaryQuery(DateOnly From, DateOnly To) : IQuery<VatSummaryResponse>;

public sealed class VatSummaryQueryValidator : AbstractValidator<VatSummaryQuery>
{
    public VatSummaryQueryValidator() => RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).OverridePropertyName("to");
}

/// <summary>
/// The computation is the domain's (<see cref="VatReturn.Compute"/>); the database only adds up, per account, rate and
/// treatment, the lines it reads — before the period (pending accounts only) and within it — so the figures are the
/// same as over the entries one by one.
/// </summary>
public sealed class VatSummaryHandler(KobanDbContext db, AccountingBooks books) : IQueryHandler<VatSummaryQuery, VatSummaryResponse>
{
    public async ValueTask<VatSummaryResponse> Handle(VatSummaryQuery query, CancellationToken cancellationToken)
    {
        var s = await books.SettingsAsync(cancellationToken);
        var collected = s.VatRules.Select(r => r.CollectedAccount).Append(s.VatCollectedAccount).Distinct().ToArray();
        var pending = s.VatRules.Select(r => r.PendingAccount).Append(s.VatPendingAccount).Distinct().ToArray();
        var from = query.From;
        var lines = db.JournalEntries.AsNoTracking().IgnoreAutoIncludes()
            .SelectMany(e => e.Lines.Select(l => new { e.Date, l.Account, l.VatRate, l.VatBase, l.Debit, l.Credit, l.Treatment }))
            .Where(l => l.Date <= query.To && (pending.Contains(l.Account) || (l.Date >= from && (collected.Contains(l.Account) || l.Treatment != null))));
        var sums = await lines
            .GroupBy(l => new { InPeriod = l.Date >= from, l.Account, l.VatRate, l.Treatment })
            .Select(g => new VatLedgerLine(g.Key.InPeriod ? from : DateOnly.MinValue, g.Key.Account, g.Sum(l => l.Debit), g.Sum(l => l.Credit), g.Key.VatRate,
                g.Sum(l => l.VatBase), g.Key.Treatment))
            .ToListAsync(cancellationToken);
        return AccountingReader.VatSummary(VatReturn.Compute(sums, s, query.From, query.To));
    }
}

public static class GetVatSummary
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/vat-summary", async Task<Ok<VatSummaryResponse>> (DateOnly from, DateOnly to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new VatSummaryQuery(from, to), ct)))
            .WithName("GetVatSummary")
            .WithSummary("What the period's VAT return (CA3) declares")
            .WithDescription("Read from the journal. `rows`: per rate, what was credited (net of debits) to the collected-VAT accounts with an entry date in the period, and its base — VAT on goods and, for companies that opted for debits, on services when invoiced; VAT on services and on deposits when paid (moved from the pending account by the payment); credit notes and cancelled payments net it. `nonTaxable`: the period's sales without VAT, net of credit notes, as the CA3 lists them — `exports` (line E1, goods outside the EU), `intraCommunitySupplies` (line F2, goods to EU businesses), `otherNonTaxable` (line E2) = `reverseChargeServices` (services to EU businesses) + `outsideScope` (services to businesses outside the EU) + `exempt` (exempt French sales). `franchiseTurnover`: sales made under the VAT franchise (art. 293 B du CGI: no VAT, no return). Late-payment interest and recovery indemnities are no operations and appear nowhere. `pendingVatAtEnd` is what still waits for payment at the end of the period.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithProblems(400)
            .WithExamples(null, 200, AccountingExamples.VatSummary);
}
