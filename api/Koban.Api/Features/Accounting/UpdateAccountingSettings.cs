using FluentValidation;
using Koban.Api.Infrastructure.Accounting;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Accounting;

/// <summary>Replaces the mapping if it is still at <paramref name="ExpectedVersion"/>.</summary>
public sealed record UpdateAccountingSettingsCommand(uint ExpectedVersion, AccountingSettingsDto Request) : ICommand<Versioned<AccountingSettingsDto>>;

public sealed class UpdateAccountingSettingsCommandValidator : AbstractValidator<UpdateAccountingSettingsCommand>
{
    public UpdateAccountingSettingsCommandValidator()
    {
        RuleFor(c => c.Request).NotNull().OverridePropertyName("");
        RuleFor(c => c.Request.SalesJournal).NotNull().OverridePropertyName("salesJournal");
        RuleFor(c => c.Request.BankJournal).NotNull().OverridePropertyName("bankJournal");
        RuleFor(c => c.Request.MiscJournal).NotNull().OverridePropertyName("miscJournal");
        RuleFor(c => c.Request.BankAccounts.Count).LessThanOrEqualTo(20).When(c => c.Request.BankAccounts is not null).OverridePropertyName("bankAccounts");
        RuleFor(c => c.Request.RevenueRules.Count).LessThanOrEqualTo(50).When(c => c.Request.RevenueRules is not null).OverridePropertyName("revenueRules");
        RuleFor(c => c.Request.VatRules.Count).LessThanOrEqualTo(20).When(c => c.Request.VatRules is not null).OverridePropertyName("vatRules");
        RuleFor(c => c.Request.WriteOffLimit).InclusiveBetween(0m, 1000m).OverridePropertyName("writeOffLimit");
    }
}

public sealed class UpdateAccountingSettingsHandler(KobanDbContext db, AccountingBooks books, AuditLog audit)
    : ICommandHandler<UpdateAccountingSettingsCommand, Versioned<AccountingSettingsDto>>
{
    public async ValueTask<Versioned<AccountingSettingsDto>> Handle(UpdateAccountingSettingsCommand command, CancellationToken cancellationToken)
    {
        // One transaction: the default settings created on first use are not left behind when the update is refused (stale If-Match).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settings = await books.SettingsAsync(cancellationToken);
        db.Entry(settings).Property(s => s.Version).OriginalValue = command.ExpectedVersion;
        var before = AccountingReader.Settings(settings);
        settings.Update(command.Request.ToData(settings));
        audit.Record("accounting.settingsUpdated", "accountingSettings", settings.Id, before: before, after: AccountingReader.Settings(settings));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Versioned.Of(AccountingReader.Settings(settings), settings.Version);
    }
}

public static class UpdateAccountingSettings
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/settings", async Task<Ok<AccountingSettingsDto>> (AccountingSettingsDto request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var version = EntityTags.RequireIfMatch(http);
                return (await mediator.Send(new UpdateAccountingSettingsCommand(version, request), ct)).Ok(response);
            })
            .WithName("UpdateAccountingSettings")
            .WithSummary("Replace the account mapping")
            .WithDescription("Accounts have 3 to 20 digits or capital letters (`account_number_invalid` naming the field, e.g. `vatRules[0].pendingAccount`), journal codes 1 to 8 and distinct, bank account codes distinct, at least one bank account. `lateInterestAccount` and `recoveryIndemnityAccount` may be left out (they keep their current value). Entries already written keep the accounts they were posted with; the new mapping applies to the next events.")
            .RequirePermission(Permissions.Accounting, Access.Write)
            .RequiresIfMatch()
            .WithProblems(412, 422, 428)
            .WithExamples(AccountingExamples.Customised, 200, AccountingExamples.Customised);
}
