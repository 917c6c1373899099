using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Numbering;

public sealed record UpdateNumberingSettingCommand(DocumentType DocumentType, uint ExpectedVersion, UpdateNumberingSettingRequest Setting) : ICommand<Versioned<NumberingSettingResponse>>;

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

/// <summary>Changes a series until its first number is issued.</summary>
public sealed class UpdateNumberingSettingHandler(KobanDbContext db, DocumentNumbers numbers, AuditLog audit, CompanyClock clock)
    : ICommandHandler<UpdateNumberingSettingCommand, Versioned<NumberingSettingResponse>>
{
    public async ValueTask<Versioned<NumberingSettingResponse>> Handle(UpdateNumberingSettingCommand command, CancellationToken cancellationToken)
    {
        var setting = await numbers.SettingAsync(command.DocumentType, cancellationToken);
        if (setting.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(setting).Property(x => x.Version).OriginalValue = command.ExpectedVersion;
        var today = await clock.TodayAsync(cancellationToken);
        var before = new NumberingSettingView(setting, today).MapTo<NumberingSettingResponse>();
        var s = command.Setting;
        setting.Change(new NumberingScheme(s.Prefix, s.Year, s.Separator, s.Padding, s.ResetYearly, s.FirstNumber));
        var after = new NumberingSettingView(setting, today).MapTo<NumberingSettingResponse>();
        audit.Record("numbering.changed", "numbering_setting", null, before, after);
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(after, setting.Version);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{documentType}", async Task<Ok<NumberingSettingResponse>> (DocumentType documentType, UpdateNumberingSettingRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateNumberingSettingCommand(documentType, EntityTags.RequireIfMatch(http), request), ct)).Ok(response))
            .WithName("UpdateNumberingSetting")
            .WithSummary("Change the numbering of a document type")
            .WithDescription("Allowed until the first number of the series is issued; then 409 `numbering_locked`, since changing a legal series midway would break its continuity. A yearly restart needs the year in the number (422 `numbering_reset_needs_year`).")
            .RequirePermission(Permissions.Company, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(NumberingExamples.UpdateRequest, 200, NumberingExamples.Updated);
}
