using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Numbering;

public sealed record NumberingSettingResponse(
    DocumentType DocumentType,
    string Prefix,
    YearToken Year,
    string Separator,
    int Padding,
    bool ResetYearly,
    long FirstNumber,
    bool Locked,
    string Example)
{
    internal static NumberingSettingResponse From(NumberingSetting s, DateOnly today) =>
        new(s.DocumentType, s.Prefix, s.Year, s.Separator, s.Padding, s.ResetYearly, s.FirstNumber, s.Locked, s.Scheme.Format(s.FirstNumber, today));
}

public sealed record NumberingSettingList(IReadOnlyList<NumberingSettingResponse> Items);

public sealed record UpdateNumberingSettingRequest(string Prefix, YearToken Year, string Separator, int Padding, bool ResetYearly, long FirstNumber);

public sealed record ListNumberingSettingsQuery : IQuery<NumberingSettingList>;

public sealed record GetNumberingSettingQuery(DocumentType DocumentType) : IQuery<(NumberingSettingResponse Setting, uint Version)>;

public sealed record UpdateNumberingSettingCommand(DocumentType DocumentType, uint ExpectedVersion, UpdateNumberingSettingRequest Setting) : ICommand<(NumberingSettingResponse Setting, uint Version)>;

public sealed class UpdateNumberingSettingValidator : AbstractValidator<UpdateNumberingSettingCommand>
{
    public UpdateNumberingSettingValidator()
    {
        RuleFor(c => c.DocumentType).IsInEnum();
        RuleFor(c => c.Setting.Prefix).NotNull().MaximumLength(12).OverridePropertyName("prefix");
        RuleFor(c => c.Setting.Separator).NotNull().MaximumLength(3).OverridePropertyName("separator");
        RuleFor(c => c.Setting.Year).IsInEnum().OverridePropertyName("year");
        RuleFor(c => c.Setting.Padding).InclusiveBetween(1, 10).OverridePropertyName("padding");
        RuleFor(c => c.Setting.FirstNumber).GreaterThanOrEqualTo(1).OverridePropertyName("firstNumber");
    }
}

public sealed class NumberingHandlers(KobanDbContext db, DocumentNumbers numbers, AuditLog audit, TimeProvider clock)
    : IQueryHandler<ListNumberingSettingsQuery, NumberingSettingList>,
      IQueryHandler<GetNumberingSettingQuery, (NumberingSettingResponse Setting, uint Version)>,
      ICommandHandler<UpdateNumberingSettingCommand, (NumberingSettingResponse Setting, uint Version)>
{
    public async ValueTask<(NumberingSettingResponse Setting, uint Version)> Handle(GetNumberingSettingQuery query, CancellationToken cancellationToken)
    {
        var setting = await numbers.SettingAsync(query.DocumentType, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // a default created on first read gets its version
        return (NumberingSettingResponse.From(setting, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), setting.Version);
    }

    public async ValueTask<NumberingSettingList> Handle(ListNumberingSettingsQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var items = new List<NumberingSettingResponse>();
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            items.Add(NumberingSettingResponse.From(await numbers.SettingAsync(type, cancellationToken), today));
        }
        return new NumberingSettingList(items);
    }

    public async ValueTask<(NumberingSettingResponse Setting, uint Version)> Handle(UpdateNumberingSettingCommand command, CancellationToken cancellationToken)
    {
        var setting = await numbers.SettingAsync(command.DocumentType, cancellationToken);
        if (setting.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(setting).Property(x => x.Version).OriginalValue = command.ExpectedVersion;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var before = NumberingSettingResponse.From(setting, today);
        var s = command.Setting;
        setting.Change(new NumberingScheme(s.Prefix, s.Year, s.Separator, s.Padding, s.ResetYearly, s.FirstNumber));
        var after = NumberingSettingResponse.From(setting, today);
        audit.Record("numbering.changed", "numbering_setting", null, before, after);
        await db.SaveChangesAsync(cancellationToken);
        return (after, setting.Version);
    }
}

public static class NumberingEndpoints
{
    public static void MapNumberingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/numbering").WithTags("Numbering");

        group.MapGet("/", async Task<Ok<NumberingSettingList>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListNumberingSettingsQuery(), ct)))
            .WithName("ListNumberingSettings")
            .WithSummary("Numbering of each document type")
            .WithDescription("One series per document type (domain-rules §3): prefix, year in the number, separator, zero-padded counter, yearly restart, first number (for a company coming from another tool). `example` shows the first number this setting would give today; `locked` is true once a number was issued.")
            .RequirePermission(Permissions.Company, Access.Read)
            .WithExamples(null, 200, new NumberingSettingList([new NumberingSettingResponse(DocumentType.Invoice, "FA-", YearToken.FourDigits, "-", 5, true, 1, false, "FA-2026-00001")]));

        group.MapGet("/{documentType}", async Task<Ok<NumberingSettingResponse>> (DocumentType documentType, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (setting, version) = await mediator.Send(new GetNumberingSettingQuery(documentType), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(setting);
            })
            .WithName("GetNumberingSetting")
            .WithSummary("Numbering of one document type")
            .WithDescription("Returns the setting with an `ETag` for the update. `documentType` is one of Quote, Order, Invoice, CreditNote, DeliveryNote.")
            .RequirePermission(Permissions.Company, Access.Read)
            .WithExamples(null, 200, new NumberingSettingResponse(DocumentType.Order, "CO-", YearToken.FourDigits, "-", 5, true, 1, true, "CO-2026-00001"));

        group.MapPut("/{documentType}", async Task<Ok<NumberingSettingResponse>> (DocumentType documentType, UpdateNumberingSettingRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (setting, version) = await mediator.Send(new UpdateNumberingSettingCommand(documentType, EntityTags.RequireIfMatch(http), request), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(setting);
            })
            .WithName("UpdateNumberingSetting")
            .WithSummary("Change the numbering of a document type")
            .WithDescription("Allowed until the first number of the series is issued; then 409 `numbering_locked`, since changing a legal series midway would break its continuity. A yearly restart needs the year in the number (422 `numbering_reset_needs_year`).")
            .RequirePermission(Permissions.Company, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(new UpdateNumberingSettingRequest("FAC", YearToken.TwoDigits, "-", 3, true, 1), 200,
                new NumberingSettingResponse(DocumentType.Invoice, "FAC", YearToken.TwoDigits, "-", 3, true, 1, false, "FAC26-001"));
    }
}
