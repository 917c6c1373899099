using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Accounting;

public sealed record ListJournalEntriesQuery(int Limit, string? After, DateOnly? From, DateOnly? To, string? Journal, Guid? SourceId) : IQuery<JournalEntryList>;

public sealed class ListJournalEntriesHandler(KobanDbContext db) : IQueryHandler<ListJournalEntriesQuery, JournalEntryList>
{
    private static readonly SortFields<JournalEntry> Sorts = new SortFields<JournalEntry>("-sequence").Add("sequence", e => e.Sequence);

    public async ValueTask<JournalEntryList> Handle(ListJournalEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.JournalEntries.AsNoTracking().IgnoreAutoIncludes();
        if (query.From is { } from) entries = entries.Where(e => e.Date >= from);
        if (query.To is { } to) entries = entries.Where(e => e.Date <= to);
        if (!string.IsNullOrWhiteSpace(query.Journal))
        {
            var code = query.Journal.Trim().ToUpperInvariant();
            entries = entries.Where(e => e.JournalCode == code);
        }
        if (query.SourceId is { } sourceId) entries = entries.Where(e => e.SourceId == sourceId || e.Lines.Any(l => l.InvoiceId == sourceId));
        var (rows, next, hasMore) = await Keyset.PageAsync(entries.Include(e => e.Lines), Sorts, "-sequence", query.After, query.Limit, e => e.Id, cancellationToken);
        return new JournalEntryList([.. rows.Select(AccountingReader.Entry)], next, hasMore);
    }
}

public static class ListJournalEntries
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/entries", async Task<Ok<JournalEntryList>> (IMediator mediator, int? limit, string? after, DateOnly? from, DateOnly? to, string? journal, Guid? sourceId,
                CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListJournalEntriesQuery(Cursor.Limit(limit), after, from, to, journal, sourceId), ct)))
            .WithName("ListJournalEntries")
            .WithSummary("List journal entries, newest first")
            .WithDescription("Filters: `from`/`to` (entry date), `journal` (code), `sourceId` (the invoice, credit note or payment that caused them, or whose customer lines they letter). `number` (EcritureNum) is empty until the first export numbers the entry.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, AccountingExamples.Entries);
}
