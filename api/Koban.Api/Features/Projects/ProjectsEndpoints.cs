namespace Koban.Api.Features.Projects;

/// <summary>The project, time-entry and timesheet routes, mapped use case by use case in the order of the contract.</summary>
public static class ProjectsEndpoints
{
    public static void MapProjectsEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/v1/projects").WithTags("Projects");
        ListProjectsHandler.Map(projects);
        CreateProjectHandler.Map(projects);
        CreateProjectFromOrderHandler.Map(projects);
        GetProjectHandler.Map(projects);
        UpdateProjectHandler.Map(projects);
        DeleteProjectHandler.Map(projects);
        StartProjectHandler.Map(projects);
        CompleteProjectHandler.Map(projects);
        CancelProjectHandler.Map(projects);
        InvoiceProjectTimeHandler.Map(projects);

        var projectTime = app.MapGroup("/api/v1/projects").WithTags("Time entries");
        ListProjectTimeEntriesHandler.Map(projectTime);
        CreateTimeEntryHandler.Map(projectTime);
        GetTimeEntryHandler.Map(projectTime);
        UpdateTimeEntryHandler.Map(projectTime);
        DeleteTimeEntryHandler.Map(projectTime);

        var timeEntries = app.MapGroup("/api/v1/time-entries").WithTags("Time entries");
        ListTimeEntriesHandler.Map(timeEntries);

        var timesheets = app.MapGroup("/api/v1/timesheets").WithTags("Time entries");
        SaveTimesheetHandler.Map(timesheets);
    }
}
