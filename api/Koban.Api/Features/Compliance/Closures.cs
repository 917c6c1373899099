using FluentValidation;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Compliance;
using Koban.Domain.Documents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Compliance;

/// <summary>One row of a closure's totals.</summary>
public sealed record ClosureRowResponse(string DocumentType, decimal VatRate, VatCategory VatCategory, int Count, decimal Base, decimal Vat, decimal TotalIncludingVat);

/// <summary>Grand totals, net of credit notes (invoices minus credit notes); count is the number of documents.</summary>
public sealed record ClosureTotalsResponse(int Count, decimal Base, decimal Vat, decimal TotalIncludingVat);

/// <summary>A periodic closure as stored: its totals, the last document of the period and its place in the chain.</summary>
public sealed record ClosureResponse(
    Guid Id,
    ClosureKind Kind,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly FiscalYearStart,
    IReadOnlyList<ClosureRowResponse> PeriodRows,
    ClosureTotalsResponse PeriodTotals,
    IReadOnlyList<ClosureRowResponse> CumulativeRows,
    ClosureTotalsResponse CumulativeTotals,
    string? LastDocumentNumber,
    long? LastDocumentSequence,
    string? LastDocumentFingerprint,
    DateTimeOffset ClosedAt,
    Guid? ClosedBy,
    string? ClosedByName,
    long ChainSequence,
    string PreviousFingerprint,
    string Fingerprint)
{
    public static ClosureResponse From(Closure c) => new(c.Id, c.Kind, c.Period.Label, c.PeriodStart, c.PeriodEnd, c.FiscalYearStart, Rows(c.PeriodRows), Totals(c.PeriodTotals),
        Rows(c.CumulativeRows), Totals(c.CumulativeTotals), c.LastDocumentNumber, c.LastDocumentSequence, c.LastDocumentFingerprint, c.ClosedAt, c.ClosedBy, c.ClosedByName,
        c.ChainSequence, c.PreviousFingerprint, c.Fingerprint);

    private static List<ClosureRowResponse> Rows(IEnumerable<ClosureTotalsRow> rows) =>
        [.. rows.Select(r => new ClosureRowResponse(r.DocumentType, r.VatRate, r.Category, r.Count, r.Base, r.Vat, r.TotalIncludingVat))];

    private static ClosureTotalsResponse Totals(ClosureGrandTotals t) => new(t.Count, t.Base, t.Vat, t.TotalIncludingVat);
}

public sealed record ClosureListResponse(IReadOnlyList<ClosureResponse> Items);

/// <summary>Close a month (<c>kind: Month</c>, <c>year</c>, <c>month</c>) or a fiscal year (<c>kind: FiscalYear</c>, <c>year</c> of its closing date).</summary>
public sealed record CloseClosureRequest(ClosureKind Kind, int Year, int? Month);

public sealed record CloseClosureCommand(ClosureKind Kind, int Year, int? Month) : ICommand<ClosureResponse>;

public sealed class CloseClosureValidator : AbstractValidator<CloseClosureCommand>
{
    public CloseClosureValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Year).InclusiveBetween(2000, 9998);
        RuleFor(c => c.Month).NotNull().InclusiveBetween(1, 12).When(c => c.Kind == ClosureKind.Month);
        RuleFor(c => c.Month).Null().When(c => c.Kind == ClosureKind.FiscalYear);
    }
}

public sealed class CloseClosureHandler(ClosureService closures) : ICommandHandler<CloseClosureCommand, ClosureResponse>
{
    public async ValueTask<ClosureResponse> Handle(CloseClosureCommand command, CancellationToken cancellationToken) =>
        ClosureResponse.From(await closures.CloseAsync(command.Kind, command.Year, command.Month, cancellationToken));
}

/// <summary>Closures, oldest first; <c>year</c> keeps those of one fiscal year (named after its closing year).</summary>
public sealed record ListClosuresQuery(int? Year) : IQuery<ClosureListResponse>;

public sealed class ListClosuresHandler(KobanDbContext db) : IQueryHandler<ListClosuresQuery, ClosureListResponse>
{
    public async ValueTask<ClosureListResponse> Handle(ListClosuresQuery query, CancellationToken cancellationToken)
    {
        var closures = db.Closures.AsNoTracking();
        if (query.Year is { } year)
        {
            var startMonth = await db.Companies.AsNoTracking().Select(c => c.FiscalYearStartMonth).SingleAsync(cancellationToken);
            var fiscalYear = ClosurePeriod.FiscalYearEndingIn(year, startMonth);
            closures = closures.Where(c => c.FiscalYearStart == fiscalYear.Start);
        }
        var items = await closures.OrderBy(c => c.ChainSequence).ToListAsync(cancellationToken);
        return new ClosureListResponse([.. items.Select(ClosureResponse.From)]);
    }
}

public sealed record GetClosureQuery(Guid Id) : IQuery<ClosureResponse>;

public sealed class GetClosureHandler(KobanDbContext db) : IQueryHandler<GetClosureQuery, ClosureResponse>
{
    public async ValueTask<ClosureResponse> Handle(GetClosureQuery query, CancellationToken cancellationToken) =>
        ClosureResponse.From(await db.Closures.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken) ?? throw new NotFoundException("closure", query.Id));
}
