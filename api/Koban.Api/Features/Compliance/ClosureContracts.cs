using Koban.Api.Infrastructure.Mapping;
using Koban.Domain.Compliance;
using Koban.Domain.Documents;
using Mapster;

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
    string Fingerprint);

public sealed record ClosureListResponse(IReadOnlyList<ClosureResponse> Items);

/// <summary>Close a month (<c>kind: Month</c>, <c>year</c>, <c>month</c>) or a fiscal year (<c>kind: FiscalYear</c>, <c>year</c> of its closing date).</summary>
public sealed record CloseClosureRequest(ClosureKind Kind, int Year, int? Month);

/// <summary>A stored closure as the API shows it: its period by label, its rows and totals as responses.</summary>
public sealed class ClosureMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ClosureTotalsRow, ClosureRowResponse>().Map(d => d.VatCategory, s => s.Category);
        config.NewConfig<ClosureGrandTotals, ClosureTotalsResponse>();
        config.NewConfig<Closure, ClosureResponse>().Map(d => d.Period, s => s.Period.Label);
    }
}
