namespace Koban.Api.Features.Customers;

public static class CustomersEndpoints
{
    public static void MapCustomersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers");
        ListCustomersEndpoint.Map(group);
        CreateCustomerEndpoint.Map(group);
        GetCustomerEndpoint.Map(group);
        UpdateCustomerEndpoint.Map(group);
        ArchiveCustomerEndpoint.Map(group);
        UnarchiveCustomerEndpoint.Map(group);
        DeleteCustomerEndpoint.Map(group);
        AddCustomerContactEndpoint.Map(group);
        UpdateCustomerContactEndpoint.Map(group);
        RemoveCustomerContactEndpoint.Map(group);
        ImportCustomersEndpoint.Map(group);
    }
}
