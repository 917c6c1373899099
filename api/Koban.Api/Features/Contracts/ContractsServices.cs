namespace Koban.Api.Features.Contracts;

public static class ContractsServices
{
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.AddScoped<ContractReader>();
        services.AddScoped<ContractFactory>();
        services.AddScoped<ContractTransition>();
        return services;
    }
}
