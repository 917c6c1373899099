using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Numbering;

public sealed record GetNumberingSettingQuery(DocumentType DocumentType) : IQuery<Versioned<NumberingSettingResponse>>;

public sealed class GetNumberingSettingHandler(KobanDbContext db, DocumentNumbers numbers, CompanyClock clock) : IQueryHandler<GetNumberingSettingQuery, Versioned<NumberingSettingResponse>>
{
    public async ValueTask<Versioned<NumberingSettingResponse>> Handle(GetNumberingSettingQuery query, CancellationToken cancellationToken)
    {
        var setting = await numbers.SettingAsync(query.DocumentType, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // a default created on first read gets its version
        return Versioned.Of(new NumberingSettingView(setting, await clock.TodayAsync(cancellationToken)).MapTo<NumberingSettingResponse>(), setting.Version);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{documentType}", async Task<Ok<NumberingSettingResponse>> (DocumentType documentType, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetNumberingSettingQuery(documentType), ct)).Ok(response))
            .WithName("GetNumberingSetting")
            .WithSummary("Numbering of one document type")
            .WithDescription("Returns the setting with an `ETag` for the update. `documentType` is one of Quote, Order, Invoice, CreditNote, DeliveryNote.")
            .RequirePermission(Permissions.Company, Access.Read)
            .WithExamples(null, 200, NumberingExamples.Order);
}
