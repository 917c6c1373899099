using System.Security.Claims;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Numbering;

/// <summary>The dates a document of one type can be numbered with right now: from <see cref="Earliest"/> (set by
/// <see cref="EarliestReason"/>) to <see cref="Latest"/> inclusive; <see cref="Latest"/> is null when no upper bound
/// applies (an order is numbered with its own order date, which may be in the future).</summary>
public sealed record IssueDateRange(DocumentType DocumentType, DateOnly Earliest, EarliestDateReason EarliestReason, DateOnly? Latest);

public sealed record GetIssueDateRangeQuery(DocumentType DocumentType) : IQuery<IssueDateRange>;

/// <summary>
/// The range the validation (invoice, credit note, order) or the sending (quote) accepts, from the same rules and data:
/// <see cref="DocumentChronology"/> over the series (its last date, the first fiscal year kept), then for invoices and
/// credit notes the closed periods (<see cref="ClosedPeriods.EnsureDateOpenAsync"/>) and today in the
/// company's time zone (<c>issue_date_in_future</c>); a quote is always sent today.
/// </summary>
public sealed class GetIssueDateRangeHandler(KobanDbContext db, DocumentNumbers numbers, CompanyClock clock)
    : IQueryHandler<GetIssueDateRangeQuery, IssueDateRange>
{
    public async ValueTask<IssueDateRange> Handle(GetIssueDateRangeQuery query, CancellationToken cancellationToken)
    {
        var (earliest, reason) = await numbers.EarliestAsync(query.DocumentType, cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        switch (query.DocumentType)
        {
            case DocumentType.Invoice or DocumentType.CreditNote:
                var closedUntil = await db.Closures.AsNoTracking().Select(c => (DateOnly?)c.PeriodEnd).MaxAsync(cancellationToken);
                if (closedUntil is { } until && until >= earliest) (earliest, reason) = (until.AddDays(1), EarliestDateReason.ClosedPeriod);
                return new IssueDateRange(query.DocumentType, earliest, reason, today);
            case DocumentType.Quote:
                return new IssueDateRange(query.DocumentType, earliest, reason, today);
            default:
                return new IssueDateRange(query.DocumentType, earliest, reason, null);
        }
    }

    /// <summary>The resource whose readers may see the range of <paramref name="type"/> (its validators or senders
    /// hold its write permission, which covers the read); null for a type Koban does not number at a chosen date.</summary>
    public static string? ResourceOf(DocumentType type) => type switch
    {
        DocumentType.Quote => Permissions.Quotes,
        DocumentType.Order => Permissions.Orders,
        DocumentType.Invoice => Permissions.Invoices,
        DocumentType.CreditNote => Permissions.CreditNotes,
        _ => null,
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/numbering/{documentType}/issue-date-range", async Task<Ok<IssueDateRange>> (DocumentType documentType, IMediator mediator, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var resource = GetIssueDateRangeHandler.ResourceOf(documentType) ?? throw new NotFoundException("numbering");
                CallerPermissions.Require(user, resource, Access.Read);
                return TypedResults.Ok(await mediator.Send(new GetIssueDateRangeQuery(documentType), ct));
            })
            .WithTags("Numbering")
            .WithName("GetIssueDateRange")
            .WithSummary("Dates a document can be numbered with now")
            .WithDescription("""
                The inclusive range of dates the validation of an invoice, a credit note or an order, or the sending of a quote, accepts right now (domain-rules §3): never before the last numbered document of the series (`earliestReason` `LastNumberedDocument`, else 422 `numbering_backdated`) nor before the first fiscal year Koban keeps for the company (`FirstFiscalYear`, else 422 `date_before_first_fiscal_year`); for invoices and credit notes never inside a closed period (`ClosedPeriod`, else 422 `period_closed`) nor after today in the company's time zone (`latest`, else 422 `issue_date_in_future`). A quote is sent today; `latest` is null for an order, whose own date is not bounded above. A credit note is also never dated before the invoice it corrects. Readable by whoever may read the document type (`invoices:read`, `credit-notes:read`, `orders:read`, `quotes:read`; 403 otherwise). `documentType` is one of Quote, Order, Invoice, CreditNote; DeliveryNote answers 404.
                """)
            .RequirePermission(Permissions.Company, Access.Read)
            .WithProblems(403, 404)
            .WithExamples(null, 200, NumberingExamples.IssueDateRange);
}
