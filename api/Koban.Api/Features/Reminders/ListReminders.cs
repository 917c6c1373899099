using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Receivables.Reminders;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Reminders;

public sealed record ListRemindersQuery(int Limit, Guid? CustomerId, ReminderStatus? Status) : IQuery<ReminderListResponse>;

public sealed class ListRemindersHandler(KobanDbContext db, RemindersReader reader) : IQueryHandler<ListRemindersQuery, ReminderListResponse>
{
    public async ValueTask<ReminderListResponse> Handle(ListRemindersQuery query, CancellationToken cancellationToken)
    {
        var source = db.InvoiceReminders.AsQueryable();
        if (query.CustomerId is { } customerId) source = source.Where(x => x.CustomerId == customerId);
        if (query.Status is { } status) source = source.Where(x => x.Status == status);
        return new ReminderListResponse(await reader.RemindersAsync(source, Math.Clamp(query.Limit, 1, 200), cancellationToken));
    }
}

public static class ListReminders
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", async Task<Ok<ReminderListResponse>> (int? limit, Guid? customerId, ReminderStatus? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRemindersQuery(limit ?? 50, customerId, status), ct)))
            .WithName("ListReminders")
            .WithSummary("List recent reminders")
            .WithDescription("The company's reminders, newest first (`limit` 1–200, default 50), optionally of one customer or one status (`Sent`, `Skipped`, `Manual`): the history page of reminders.")
            .RequirePermission(Permissions.Receivables, Access.Read)
            .WithProblems(400)
            .WithExamples(null, 200, RemindersExamples.List);
}
