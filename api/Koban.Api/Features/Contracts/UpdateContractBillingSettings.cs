using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Contracts;

/// <summary>Saves the settings if they are still at <paramref name="ExpectedVersion"/> (0: never saved).</summary>
public sealed record UpdateContractBillingSettingsCommand(uint ExpectedVersion, UpdateContractBillingSettingsRequest Request)
    : ICommand<Versioned<ContractBillingSettingsResponse>>;

public sealed class UpdateContractBillingSettingsCommandValidator : AbstractValidator<UpdateContractBillingSettingsCommand>
{
    public UpdateContractBillingSettingsCommandValidator() => RuleFor(c => c.Request).NotNull();
}

public sealed class UpdateContractBillingSettingsHandler(KobanDbContext db, AuditLog audit, CurrentActor actor)
    : ICommandHandler<UpdateContractBillingSettingsCommand, Versioned<ContractBillingSettingsResponse>>
{
    public async ValueTask<Versioned<ContractBillingSettingsResponse>> Handle(UpdateContractBillingSettingsCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var settings = await db.ContractBillingSettings.SingleOrDefaultAsync(cancellationToken);
        if ((settings?.Version ?? 0) != command.ExpectedVersion) throw new PreconditionFailedException();
        var before = settings is null ? null : new { settings.Invoicing, settings.NoticeReminderDays };
        if (settings is null)
        {
            settings = ContractBillingSettings.Create(r.Invoicing, r.NoticeReminderDays);
            db.ContractBillingSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(x => x.Version).OriginalValue = command.ExpectedVersion;
            settings.Update(r.Invoicing, r.NoticeReminderDays);
        }
        audit.Record("contract.billing_settings_updated", "company", actor.RequireCompanyId(), before, new { settings.Invoicing, settings.NoticeReminderDays });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new PreconditionFailedException(); // saved for the first time by someone else meanwhile
        }
        return Versioned.Of(ContractBillingReader.Settings(settings), settings.Version);
    }
}

public static class UpdateContractBillingSettings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/billing-settings", async Task<Ok<ContractBillingSettingsResponse>> (UpdateContractBillingSettingsRequest request, IMediator mediator, HttpRequest http,
                HttpResponse response, CancellationToken ct) =>
            {
                var expected = EntityTags.RequireIfMatch(http);
                return (await mediator.Send(new UpdateContractBillingSettingsCommand(expected, request), ct)).Ok(response);
            })
            .WithName("UpdateContractBillingSettings")
            .WithSummary("Change the contract billing settings")
            .WithDescription("A company setting (Admin): `invoicing` `Draft` or `ValidateAndSend` — with `ValidateAndSend` each period invoice the billing run creates is validated at once (numbered in the invoice sequence, on the day of the run) and e-mailed to the customer's billing contact; a refusal (mandatory mention missing, no billing e-mail) leaves it as a draft, or validated and unsent, for the accountant. `noticeReminderDays` 0 to 365 (422 `contract_billing_settings_invalid`). Recorded in the audit log. Send the `ETag` of the settings you read in `If-Match` (412 when someone saved them meanwhile).")
            .RequirePermission(Permissions.Company, Access.Write)
            .RequiresIfMatch()
            .WithProblems(412, 422, 428)
            .WithExamples(ContractBillingExamples.UpdateRequest, 200, ContractBillingExamples.Settings);
}
