namespace Koban.Api.Features.Dashboard;

/// <summary><c>/api/v1/dashboard</c>: the home page's figures.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app) => GetDashboard.Map(app);
}
