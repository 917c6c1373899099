using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

public sealed record ListProjectsQuery(int Limit, string? After, string? Sort, string? Search, ProjectStatus? Status, Guid? CustomerId, Guid? OrderId, Guid? MemberId,
    DateTimeOffset? UpdatedSince) : IQuery<ProjectList>;

public sealed class ListProjectsHandler(KobanDbContext db, ProjectReader reader) : IQueryHandler<ListProjectsQuery, ProjectList>
{
    public static readonly SortFields<Project> Sorts = new SortFields<Project>("-updatedAt")
        .Add("name", p => p.Name)
        .Add("startDate", p => p.StartDate)
        .Add("endDate", p => p.EndDate)
        .Add("updatedAt", p => p.UpdatedAt);

    public async ValueTask<ProjectList> Handle(ListProjectsQuery query, CancellationToken cancellationToken)
    {
        var projects = db.Projects.AsNoTracking();
        if (query.Status is { } status) projects = projects.Where(p => p.Status == status);
        if (query.CustomerId is { } customerId) projects = projects.Where(p => p.CustomerId == customerId);
        if (query.OrderId is { } orderId) projects = projects.Where(p => p.OrderId == orderId);
        if (query.MemberId is { } memberId) projects = projects.Where(p => p.MemberIds.Contains(memberId));
        if (query.UpdatedSince is { } since) projects = projects.Where(p => p.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            projects = projects.Where(p => EF.Functions.ILike(p.Name, pattern, "\\") || EF.Functions.ILike(p.Code ?? "", pattern, "\\")
                || db.Customers.Any(c => c.Id == p.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(projects, Sorts, query.Sort, query.After, query.Limit, p => p.Id, cancellationToken);
        return new ProjectList(await reader.SummariesAsync(rows, cancellationToken), next, hasMore);
    }

    public static void Map(RouteGroupBuilder projects) =>
        projects.MapGet("/", async Task<Ok<ProjectList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, ProjectStatus? status,
                Guid? customerId, Guid? orderId, Guid? memberId, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListProjectsQuery(Cursor.Limit(limit), after, sort, search, status, customerId, orderId, memberId, updatedSince), ct)))
            .WithName("ListProjects")
            .WithSummary("List projects")
            .WithDescription("Filters: `status` (Planned, InProgress, Done, Cancelled), `customerId`, `orderId`, `memberId` (projects a user is a member of), `updatedSince`; `search` matches the name, the code or the customer's name. `sort`: `-updatedAt` (default), `name`, `startDate`, `endDate`. Each item carries the hours spent, the budget consumption and the over-budget flag.")
            .RequirePermission(Permissions.Projects, Access.Read)
            .WithExamples(null, 200, ProjectsExamples.List);
}
