using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Numbering;

public sealed record ListNumberingSettingsQuery : IQuery<NumberingSettingList>;

/// <summary>Every document type's series, a default created for a type never configured.</summary>
public sealed class ListNumberingSettingsHandler(DocumentNumbers numbers, CompanyClock clock) : IQueryHandler<ListNumberingSettingsQuery, NumberingSettingList>
{
    public async ValueTask<NumberingSettingList> Handle(ListNumberingSettingsQuery query, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var items = new List<NumberingSettingResponse>();
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            items.Add(new NumberingSettingView(await numbers.SettingAsync(type, cancellationToken), today).MapTo<NumberingSettingResponse>());
        }
        return new NumberingSettingList(items);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<NumberingSettingList>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListNumberingSettingsQuery(), ct)))
            .WithName("ListNumberingSettings")
            .WithSummary("Numbering of each document type")
            .WithDescription("One series per document type (domain-rules §3): prefix, year in the number, separator, zero-padded counter, yearly restart, first number (for a company coming from another tool). `example` shows the first number this setting would give today; `locked` is true once a number was issued.")
            .RequirePermission(Permissions.Company, Access.Read)
            .WithExamples(null, 200, NumberingExamples.List);
}
