using Koban.Api.Infrastructure.Web;
using Koban.Domain.Projects;

namespace Koban.Api.Features.Projects;

/// <summary>The filters and sorts the two time-entry lists share.</summary>
internal static class TimeEntryQueries
{
    public static readonly SortFields<TimeEntry> Sorts = new SortFields<TimeEntry>("-date")
        .Add("date", e => e.Date)
        .Add("updatedAt", e => e.UpdatedAt);

    public static IQueryable<TimeEntry> Filter(IQueryable<TimeEntry> entries, Guid? userId, DateOnly? from, DateOnly? to, bool? billable, bool? invoiced)
    {
        if (userId is { } user) entries = entries.Where(e => e.UserId == user);
        if (from is { } f) entries = entries.Where(e => e.Date >= f);
        if (to is { } t) entries = entries.Where(e => e.Date <= t);
        if (billable is { } b) entries = entries.Where(e => e.Billable == b);
        if (invoiced is { } i) entries = entries.Where(e => (e.InvoiceId != null) == i);
        return entries;
    }

    internal const string Filters = "Filters: `userId`, `from`/`to` (dates, inclusive), `billable`, `invoiced`. `sort`: `-date` (default), `date`, `updatedAt`, `-updatedAt`. Own time: a Sales, Accountant or Viewer user sees only their own entries (without `userId` the list is theirs; another `userId` is 403 `forbidden`); an Admin and an API key see everyone's.";
}
