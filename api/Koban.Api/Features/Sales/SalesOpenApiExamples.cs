using Koban.Api.Features.Common;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;

namespace Koban.Api.Features.Sales;

/// <summary>The OpenAPI examples of opportunities, quotes, orders and billing schedules: one sale (see
/// <see cref="SalesExamples"/>) told from the opportunity to the billing schedule.</summary>
internal static class SalesOpenApiExamples
{
    private const string CustomerName = "Menuiserie Durand SARL";
    private static readonly DateTimeOffset Updated = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<SalesLineRequest> LineRequests =
    [
        new(LineKind.Title, null, "Agencement", null, null, null, null, null, null, null),
        new(LineKind.Product, SalesExamples.ProductId, null, 12m, null, null, null, null, null, null),
        new(LineKind.Free, null, "Étagère chêne massif sur mesure", 2m, "C62", 375.5m, 10m, 20m, ProductNature.Goods, null),
    ];

    public static readonly IReadOnlyList<SalesLineResponse> Lines =
    [
        new(SalesExamples.Lines[0].Id, 0, LineKind.Title, null, "Agencement", 0m, null, 0m, 0m, 0m, VatCategory.Standard, false, 0.00m),
        new(SalesExamples.Lines[1].Id, 1, LineKind.Product, SalesExamples.ProductId, "Pose et réglage", 12.000m, "HUR",
            65.0000m, 0.00m, 20.00m, VatCategory.Standard, false, 780.00m),
        new(SalesExamples.Lines[2].Id, 2, LineKind.Free, null, "Étagère chêne massif sur mesure", 2.000m, "C62", 375.5000m, 10.00m, 20.00m,
            VatCategory.Standard, false, 675.90m),
    ];

    public static readonly TotalsResponse Totals = new(1455.90m, [new VatBreakdownResponse(20.00m, VatCategory.Standard, 1455.90m, 291.18m)], 291.18m, 1747.08m);

    public static readonly PreviewTotalsRequest PreviewRequest = new(SalesExamples.CustomerId, LineRequests);

    public static readonly PreviewTotalsResponse Preview = new(Lines, Totals);

    // Opportunities

    public static readonly OpportunityRequest OpportunityRequest = new(SalesExamples.CustomerId, "Agencement boutique Lyon 2e", 12500m, new DateOnly(2026, 12, 15), null);

    public static readonly QuoteSummary QuoteSummary = new(SalesExamples.QuoteId, "DE-2026-00012", QuoteStatus.Accepted, false, SalesExamples.OpportunityId,
        SalesExamples.CustomerId, new DateOnly(2026, 12, 31), 1535.00m, 1842.00m, SalesExamples.OrderId);

    public static readonly OpportunityResponse Opportunity = new(SalesExamples.OpportunityId, SalesExamples.CustomerId, CustomerName,
        "Agencement boutique Lyon 2e", 12500.00m, new DateOnly(2026, 12, 15), null, OpportunityStage.Open, null, null, [QuoteSummary], Updated);

    public static readonly OpportunityList OpportunityList = new([Opportunity], null, false);

    public static readonly WinOpportunityRequest WinRequest = new(null);

    public static readonly WinOpportunityResponse Won = new(Opportunity with { Stage = OpportunityStage.Won }, SalesExamples.OrderId);

    public static readonly LoseOpportunityRequest LoseRequest = new("Budget reporté à l'an prochain");

    public static readonly OpportunityResponse Lost = Opportunity with { Stage = OpportunityStage.Lost, LostReason = "Budget reporté à l'an prochain" };

    // Quotes

    public static readonly QuoteResponse Quote = new(SalesExamples.QuoteId, "DE-2026-00012", QuoteStatus.Sent, false, SalesExamples.CustomerId, CustomerName,
        SalesExamples.OpportunityId, new DateOnly(2026, 12, 31), new DateOnly(2026, 11, 20), null, null, null, Lines, Totals, null, Updated);

    public static readonly QuoteResponse QuoteDraft = Quote with { Number = null, Status = QuoteStatus.Draft, SentOn = null };

    public static readonly QuoteResponse QuoteAccepted = Quote with { Status = QuoteStatus.Accepted, AcceptedOn = new DateOnly(2026, 11, 25) };

    public static readonly QuoteResponse QuoteRefused = Quote with { Status = QuoteStatus.Refused, RefusedOn = new DateOnly(2026, 11, 25), RefusalReason = "Prix trop élevé" };

    public static readonly QuoteRequest QuoteRequest = new(SalesExamples.CustomerId, SalesExamples.OpportunityId, new DateOnly(2026, 12, 31), LineRequests);

    public static readonly QuoteList QuoteList = new([QuoteSummary], null, false);

    public static readonly RefuseQuoteRequest RefuseRequest = new("Prix trop élevé");

    public static readonly DuplicateQuoteRequest DuplicateRequest = new(new DateOnly(2027, 1, 31));

    // Orders

    public static readonly OrderRequest OrderRequest = new(SalesExamples.CustomerId, null, new DateOnly(2026, 11, 20), new PaymentTermsDto(PaymentTermsKind.Days, 30),
        PaymentMethod.BankTransfer, "EUR", null, "BC-2026-118", null, null, null, "Livraison un mardi", null, new DateOnly(2027, 1, 12), "Livraison et pose", null, null,
        LineRequests);

    public static readonly OrderResponse Order = new(SalesExamples.OrderId, "CO-2026-00031", OrderStatus.InProgress, SalesExamples.CustomerId, CustomerName,
        SalesExamples.CustomerId, CustomerName, new DateOnly(2026, 11, 20), new PaymentTermsDto(PaymentTermsKind.Days, 30), PaymentMethod.BankTransfer, "EUR",
        SalesExamples.QuoteId, true, null, "BC-2026-118", null, null, null, "Livraison un mardi", null, new DateOnly(2027, 1, 12), "Livraison et pose", null, null, null,
        Lines, Totals,
        new OrderBillingResponse(1455.90m, 0.00m, 1455.90m,
            [new OrderLineLedgerResponse(Lines[1].Id, 12.000m, 780.00m, 0m, 0m, 0m, 780.00m), new OrderLineLedgerResponse(Lines[2].Id, 2.000m, 675.90m, 0m, 0m, 0m, 675.90m)],
            [new OrderRateLedgerResponse(20.00m, 1455.90m, 0m, 0m, 1455.90m)]),
        [new DocumentLink(SalesExamples.QuoteId, "Quote", "DE-2026-00012", "Accepted", new DateOnly(2026, 11, 19))],
        [new OrderHistoryEntry(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "order.created", "Samuel Commercial"),
         new OrderHistoryEntry(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), "order.validated", "Samuel Commercial")],
        new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

    public static readonly OrderResponse OrderDraft = Order with
    {
        Number = null,
        Status = OrderStatus.Draft,
        Billing = null,
        SourceQuoteId = null,
        TraceableToQuote = false,
        LinkedDocuments = [],
    };

    public static readonly OrderResponse OrderDraftFromQuote = OrderDraft with { SourceQuoteId = SalesExamples.QuoteId, TraceableToQuote = true };

    public static readonly OrderList OrderList = new([new OrderSummary(Order.Id, Order.Number, Order.Status, Order.CustomerId, Order.CustomerName, Order.OrderDate,
        Order.CustomerReference, 1455.90m, 1747.08m, 1455.90m, true, Order.UpdatedAt)], null, false);

    public static readonly OrderFromQuoteRequest FromQuoteRequest = new(SalesExamples.QuoteId);

    public static readonly OrderRequest OrderUpdateRequest = OrderRequest with { CustomerReference = "BC-2026-118-bis" };

    public static readonly OrderResponse OrderUpdated = Order with { CustomerReference = "BC-2026-118-bis" };

    public static readonly CancelOrderRequest CancelRequest = new("Commande saisie en double");

    public static readonly OrderResponse OrderCancelled = Order with { Status = OrderStatus.Cancelled, CancellationReason = "Commande saisie en double" };

    public static readonly OrderResponse OrderClosed = Order with { Status = OrderStatus.Closed };

    // Billing schedules

    public static readonly BillingScheduleResponse Schedule = new(SalesExamples.OrderId, "CO-2026-00031", 1455.90m, 1455.90m, 0.00m,
    [
        new MilestoneResponse(Guid.Parse("01936d00-0000-7000-8000-0000000000f1"), "Acompte à la commande", new DateOnly(2026, 11, 25), 30m, null, 436.77m, null, true, true),
        new MilestoneResponse(Guid.Parse("01936d00-0000-7000-8000-0000000000f2"), "Solde à la livraison", new DateOnly(2027, 1, 12), 70m, null, 1019.13m, null, false, false),
    ]);

    public static readonly BillingScheduleRequest ScheduleRequest = new([new MilestoneRequest(null, "Acompte à la commande", new DateOnly(2026, 11, 25), 30m, null),
        new MilestoneRequest(null, "Solde à la livraison", new DateOnly(2027, 1, 12), 70m, null)]);

    public static readonly BillingOverview Overview = new(new DateOnly(2026, 11, 28),
        [new DueMilestone(SalesExamples.OrderId, "CO-2026-00031", CustomerName, Schedule.Milestones[0].Id, "Acompte à la commande", new DateOnly(2026, 11, 25), 436.77m, true)],
        [new OrderLeftToInvoice(SalesExamples.OrderId, "CO-2026-00031", CustomerName, new DateOnly(2026, 11, 20), 1455.90m, 1455.90m)]);
}
