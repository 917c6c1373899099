using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Sales;

public static class OrdersEndpoints
{
    public static void MapOrdersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orders").WithTags("Orders");
        var request = new OrderRequest(SalesExamples.CustomerId, null, new DateOnly(2026, 11, 20), new PaymentTermsDto(PaymentTermsKind.Days, 30), PaymentMethod.BankTransfer,
            "EUR", null, "BC-2026-118", null, null, null, "Livraison un mardi", null, new DateOnly(2027, 1, 12), "Livraison et pose", null, null, SalesExamples.LineRequests);
        var example = new OrderResponse(SalesExamples.OrderId, "CO-2026-00031", OrderStatus.InProgress, SalesExamples.CustomerId, "Menuiserie Durand SARL",
            SalesExamples.CustomerId, "Menuiserie Durand SARL", new DateOnly(2026, 11, 20), new PaymentTermsDto(PaymentTermsKind.Days, 30), PaymentMethod.BankTransfer, "EUR",
            SalesExamples.QuoteId, true, null, "BC-2026-118", null, null, null, "Livraison un mardi", null, new DateOnly(2027, 1, 12), "Livraison et pose", null, null, null,
            SalesExamples.Lines, SalesExamples.Totals,
            new OrderBillingResponse(1455.90m, 0.00m, 1455.90m,
                [new OrderLineLedgerResponse(SalesExamples.Lines[1].Id, 12.000m, 780.00m, 0m, 0m, 0m, 780.00m), new OrderLineLedgerResponse(SalesExamples.Lines[2].Id, 2.000m, 675.90m, 0m, 0m, 0m, 675.90m)],
                [new OrderRateLedgerResponse(20.00m, 1455.90m, 0m, 0m, 1455.90m)]),
            [new DocumentLink(SalesExamples.QuoteId, "Quote", "DE-2026-00012", "Accepted", new DateOnly(2026, 11, 19))],
            [new OrderHistoryEntry(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), "order.created", "Samuel Commercial"),
             new OrderHistoryEntry(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), "order.validated", "Samuel Commercial")],
            new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));
        var draft = example with { Number = null, Status = OrderStatus.Draft, Billing = null, SourceQuoteId = null, TraceableToQuote = false, LinkedDocuments = [] };

        group.MapGet("/", async Task<Ok<OrderList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, OrderStatus? status, Guid? customerId,
                DateOnly? orderDateFrom, DateOnly? orderDateTo, bool? leftToInvoice, DateTimeOffset? updatedSince, string? expand, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrdersQuery(Cursor.Limit(limit), after, sort, search, status, customerId, orderDateFrom, orderDateTo, leftToInvoice, updatedSince, expand), ct)))
            .WithName("ListOrders")
            .WithSummary("List orders")
            .WithDescription("`search` matches the number, the customer's purchase-order reference or the customer's name. Filters: `status`, `customerId` (ordering or invoiced customer), `orderDateFrom`/`orderDateTo`, `leftToInvoice=true` (validated orders still to invoice), `updatedSince`. `sort`: `-orderDate` (default), `totalExcludingVat`, `updatedAt`. `expand=customer` embeds each order's customer summary.")
            .RequirePermission(Permissions.Orders, Access.Read)
            .WithExamples(null, 200, new OrderList([new OrderSummary(example.Id, example.Number, example.Status, example.CustomerId, example.CustomerName, example.OrderDate,
                example.CustomerReference, 1455.90m, 1747.08m, 1455.90m, true, example.UpdatedAt)], null, false));

        group.MapPost("/", async Task<Created<OrderResponse>> (OrderRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (order, version) = await mediator.Send(new SaveOrderCommand(null, null, body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/orders/{order.Id}", order);
            })
            .WithName("CreateOrder")
            .WithSummary("Create a draft order directly")
            .WithDescription("A draft order entered directly, marked as not traceable to a quote (`traceableToQuote: false`) — allowed, as the seed says. Defaults: today, the invoiced customer's payment terms (or the company's), bank transfer, EUR; `billToCustomerId` defaults to the customer. A draft has no number and stays fully editable. " + QuotesEndpoints.LinesRules)
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(422)
            .WithExamples(request, 201, draft);

        group.MapPost("/from-quote", async Task<Created<OrderResponse>> (OrderFromQuoteRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (order, version) = await mediator.Send(new OrderFromQuoteCommand(body.QuoteId), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/orders/{order.Id}", order);
            })
            .WithName("CreateOrderFromQuote")
            .WithSummary("Create the draft order of an accepted quote")
            .WithDescription("Copies the accepted quote's customer and lines unchanged into a draft order linked to it (the link shows on both). One order per quote (409 `quote_already_ordered`); the quote must be accepted (409 `quote_not_accepted`). The quote's opportunity, if any, is won in the same transaction (if it is not already). Winning the opportunity does the same in one step.")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new OrderFromQuoteRequest(SalesExamples.QuoteId), 201, draft with { SourceQuoteId = SalesExamples.QuoteId, TraceableToQuote = true });

        group.MapPost("/preview", async Task<Ok<PreviewTotalsResponse>> (PreviewTotalsRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PreviewTotalsQuery(body.CustomerId, body.Lines ?? []), ct)))
            .WithName("PreviewOrderTotals")
            .WithSummary("Compute the totals of lines without saving")
            .WithDescription("The line editors call this as the user types: same line rules and totals engine as a saved document (line net rounded to the cent, VAT per rate on the sum of line nets, domain-rules §5). Nothing is stored.")
            .RequirePermission(Permissions.Orders, Access.Read)
            .WithProblems(422)
            .WithExamples(new PreviewTotalsRequest(SalesExamples.CustomerId, SalesExamples.LineRequests), 200, new PreviewTotalsResponse(SalesExamples.Lines, SalesExamples.Totals));

        group.MapGet("/{id:guid}", async Task<Ok<OrderResponse>> (Guid id, string? expand, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (order, version) = await mediator.Send(new GetOrderQuery(id, expand), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(order);
            })
            .WithName("GetOrder")
            .WithSummary("Get an order: lines, totals, what is left to invoice, linked documents, history")
            .WithDescription("`billing` (validated orders) gives, overall, per line and per VAT rate, what was ordered, invoiced (deposits included, net of correction credit notes) and is left to invoice. `linkedDocuments` is the timeline of documents (quote now; invoices, payments and deliveries as they come); `history` the audit trail of the order. `expand=customer` embeds the customer's summary.")
            .RequirePermission(Permissions.Orders, Access.Read)
            .WithExamples(null, 200, example);

        group.MapPut("/{id:guid}", async Task<Ok<OrderResponse>> (Guid id, OrderRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (order, version) = await mediator.Send(new SaveOrderCommand(id, EntityTags.RequireIfMatch(http), body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(order);
            })
            .WithName("UpdateOrder")
            .WithSummary("Update an order")
            .WithDescription("""
                A draft is fully editable. Once validated (domain-rules §2), the financial content is frozen: customer and invoiced account, lines (products, descriptions, quantities, prices, discounts, VAT), number, order date, payment method and terms, currency. Send them back unchanged; any real change is refused with 409 `document_frozen`, `errors` naming the field (e.g. `lines[1].unitPrice`) and `detail` explaining it in plain words — cancel the order and re-enter it instead.
                Still editable after validation: document template and its header/footer texts, general comment, salesperson, planned delivery date, delivery method and address, customer contact, purchase-order reference, internal notes. A cancelled order changes no more.
                """)
            .RequirePermission(Permissions.Orders, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(request with { CustomerReference = "BC-2026-118-bis" }, 200, example with { CustomerReference = "BC-2026-118-bis" });

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new OrderActionCommand(id, OrderAction.Delete), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteOrder")
            .WithSummary("Delete a draft order")
            .WithDescription("Only a draft (no number) can be deleted; a validated order is cancelled instead (409 `document_not_deletable`).")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409);

        group.MapPost("/{id:guid}/validate", async Task<Ok<OrderResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new OrderActionCommand(id, OrderAction.Validate), ct))!))
            .WithName("ValidateOrder")
            .WithSummary("Validate a draft order")
            .WithDescription("Checks: at least one priced line (422 `document_has_no_priced_line`), an invoiced customer with a billing address (422 `customer_billing_address_missing`), every product still for sale (422 `product_not_for_sale`), a total that is not negative (422 `document_total_negative`). Then assigns the next number of the order sequence in the same transaction (gapless: a refused validation takes no number) and freezes the financial content. Validating twice answers 409 `invalid_state_transition`.")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(null, 200, example);

        group.MapPost("/{id:guid}/cancel", async Task<Ok<OrderResponse>> (Guid id, CancelOrderRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new OrderActionCommand(id, OrderAction.Cancel, body.Reason), ct))!))
            .WithName("CancelOrder")
            .WithSummary("Cancel a validated order")
            .WithDescription("Only while nothing has been invoiced (deposits included) or delivered (409 `order_has_invoicing_or_delivery`), with a reason (422 `cancellation_reason_required`). The number stays used, so the sequence keeps no gap.")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new CancelOrderRequest("Commande saisie en double"), 200, example with { Status = OrderStatus.Cancelled, CancellationReason = "Commande saisie en double" });

        group.MapPost("/{id:guid}/close", async Task<Ok<OrderResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new OrderActionCommand(id, OrderAction.Close), ct))!))
            .WithName("CloseOrder")
            .WithSummary("Close a complete order")
            .WithDescription("Marks a validated order complete. 409 `invalid_state_transition` from another state.")
            .RequirePermission(Permissions.Orders, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, example with { Status = OrderStatus.Closed });

        var schedule = new BillingScheduleResponse(SalesExamples.OrderId, "CO-2026-00031", 1455.90m, 1455.90m, 0.00m,
        [
            new MilestoneResponse(Guid.Parse("01936d00-0000-7000-8000-0000000000f1"), "Acompte à la commande", new DateOnly(2026, 11, 25), 30m, null, 436.77m, null, true, true),
            new MilestoneResponse(Guid.Parse("01936d00-0000-7000-8000-0000000000f2"), "Solde à la livraison", new DateOnly(2027, 1, 12), 70m, null, 1019.13m, null, false, false),
        ]);

        group.MapGet("/{id:guid}/billing-schedule", async Task<Ok<BillingScheduleResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (result, version) = await mediator.Send(new GetBillingScheduleQuery(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(result);
            })
            .WithName("GetOrderBillingSchedule")
            .WithSummary("The order's billing schedule")
            .WithDescription("Planned milestones (label, date, percentage or amount excluding VAT) with the amount each represents, whether it is due or late, and the invoice that billed it once there is one.")
            .RequirePermission(Permissions.BillingSchedules, Access.Read)
            .WithExamples(null, 200, schedule);

        group.MapPut("/{id:guid}/billing-schedule", async Task<Ok<BillingScheduleResponse>> (Guid id, BillingScheduleRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (result, version) = await mediator.Send(new SaveBillingScheduleCommand(id, EntityTags.RequireIfMatch(http) is var v && v == 0 ? null : v, body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(result);
            })
            .WithName("SaveOrderBillingSchedule")
            .WithSummary("Plan the order's billing schedule")
            .WithDescription("On a validated order only (409 `order_not_validated`). The request lists every milestone: with an `id` it is updated, without one added, missing ones removed. Each has a percentage or an amount excluding VAT (not both); the schedule never exceeds 100 % of the order (422 `billing_schedule_exceeds_order`); a milestone already invoiced cannot change (409 `milestone_already_invoiced`). Send the ETag of the GET (`\"0\"` before the first plan).")
            .RequirePermission(Permissions.BillingSchedules, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(new BillingScheduleRequest([new MilestoneRequest(null, "Acompte à la commande", new DateOnly(2026, 11, 25), 30m, null),
                new MilestoneRequest(null, "Solde à la livraison", new DateOnly(2027, 1, 12), 70m, null)]), 200, schedule);

        app.MapGet("/api/v1/billing-schedule", async Task<Ok<BillingOverview>> (IMediator mediator, DateOnly? dueBy, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new BillingOverviewQuery(dueBy), ct)))
            .WithTags("Orders")
            .WithName("GetBillingOverview")
            .WithSummary("What to invoice now: due milestones and orders left to invoice")
            .WithDescription("Across orders, so nothing is forgotten: milestones not yet invoiced planned on or before `dueBy` (default today, in the company's time zone; `isLate` when past), and validated orders with an amount left to invoice (oldest first, 500 at most).")
            .RequirePermission(Permissions.BillingSchedules, Access.Read)
            .WithExamples(null, 200, new BillingOverview(new DateOnly(2026, 11, 28),
                [new DueMilestone(SalesExamples.OrderId, "CO-2026-00031", "Menuiserie Durand SARL", schedule.Milestones[0].Id, "Acompte à la commande", new DateOnly(2026, 11, 25), 436.77m, true)],
                [new OrderLeftToInvoice(SalesExamples.OrderId, "CO-2026-00031", "Menuiserie Durand SARL", new DateOnly(2026, 11, 20), 1455.90m, 1455.90m)]));
    }
}
