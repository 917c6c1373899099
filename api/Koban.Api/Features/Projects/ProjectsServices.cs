namespace Koban.Api.Features.Projects;

public static class ProjectsServices
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services
        .AddScoped<ProjectInput>()
        .AddScoped<ProjectReader>()
        .AddScoped<ProjectTransition>()
        .AddScoped<TimeEntryReader>()
        .AddScoped<TimeAccess>()
        .AddScoped<TimeEntryWriter>();
}
