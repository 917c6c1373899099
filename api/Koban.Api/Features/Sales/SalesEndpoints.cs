namespace Koban.Api.Features.Sales;

/// <summary>The routes of opportunities, quotes, orders (with their billing schedules) and their PDFs, in the order the
/// contract lists them; each use case maps its own endpoint.</summary>
public static class OpportunitiesEndpoints
{
    public static void MapOpportunitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/opportunities").WithTags("Opportunities");
        ListOpportunitiesEndpoint.Map(group);
        CreateOpportunityEndpoint.Map(group);
        GetOpportunityEndpoint.Map(group);
        UpdateOpportunityEndpoint.Map(group);
        WinOpportunityEndpoint.Map(group);
        LoseOpportunityEndpoint.Map(group);
        ReopenOpportunityEndpoint.Map(group);
    }
}

public static class QuotesEndpoints
{
    internal const string LinesRules = """
        Lines: `Product` lines reference a product of the company (another id → 422 `reference_not_found` naming `lines[i].productId`) and take its description, unit, price and VAT rate unless given; `Free` lines carry their own; `Title` and `Comment` lines are layout only. Quantities up to 3 decimals, unit prices up to 4, discount 0–100 %. The VAT category and the rate charged follow from the customer's regime and the line's nature (goods/services): intra-EU goods are exempt (K), intra-EU services reverse-charged (AE), exports exempt (G), services abroad outside the scope (O), a company under the VAT franchise charges none (E). Totals are computed by the server.
        """;

    public static void MapQuotesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quotes").WithTags("Quotes");
        ListQuotesEndpoint.Map(group);
        CreateQuoteEndpoint.Map(group);
        GetQuoteEndpoint.Map(group);
        UpdateQuoteEndpoint.Map(group);
        DeleteQuoteEndpoint.Map(group);
        SendQuoteEndpoint.Map(group);
        AcceptQuoteEndpoint.Map(group);
        RefuseQuoteEndpoint.Map(group);
        DuplicateQuoteEndpoint.Map(group);
    }
}

public static class OrdersEndpoints
{
    public static void MapOrdersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orders").WithTags("Orders");
        ListOrdersEndpoint.Map(group);
        CreateOrderEndpoint.Map(group);
        CreateOrderFromQuoteEndpoint.Map(group);
        PreviewOrderTotalsEndpoint.Map(group);
        GetOrderEndpoint.Map(group);
        UpdateOrderEndpoint.Map(group);
        DeleteOrderEndpoint.Map(group);
        ValidateOrderEndpoint.Map(group);
        CancelOrderEndpoint.Map(group);
        CloseOrderEndpoint.Map(group);
        GetOrderBillingScheduleEndpoint.Map(group);
        SaveOrderBillingScheduleEndpoint.Map(group);
        GetBillingOverviewEndpoint.Map(app);
    }
}

public static class SalesPdfEndpoints
{
    public static void MapSalesPdfEndpoints(this IEndpointRouteBuilder app)
    {
        GetQuotePdfEndpoint.Map(app);
        GetOrderPdfEndpoint.Map(app);
    }
}

public static class SalesEmailEndpoints
{
    /// <summary>The e-mail routes of orders (order confirmations) and quotes, mapped after those of invoices and credit notes.</summary>
    public static void MapSalesEmailEndpoints(this IEndpointRouteBuilder app)
    {
        SendOrderHandler.Map(app);
        ListOrderEmails.Map(app);
        EmailQuoteHandler.Map(app);
        ListQuoteEmails.Map(app);
    }
}
