using Koban.Api.Features.Common;
namespace Koban.Api.Features.Sales;

public static class SalesServices
{
    /// <summary>The services the sales use cases share: line building, draft orders and the readers that build responses.</summary>
    public static IServiceCollection AddSales(this IServiceCollection services)
    {
        services.AddScoped<SalesLineBuilder>();
        services.AddScoped<OrderFactory>();
        services.AddScoped<OpportunityReader>();
        services.AddScoped<QuoteReader>();
        services.AddScoped<OrderReader>();
        services.AddScoped<BillingScheduleReader>();
        return services;
    }
}
