using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed record SaveBillingScheduleCommand(Guid OrderId, uint? ExpectedVersion, BillingScheduleRequest Schedule) : ICommand<Versioned<BillingScheduleResponse>>;

public sealed class SaveBillingScheduleValidator : AbstractValidator<SaveBillingScheduleCommand>
{
    public SaveBillingScheduleValidator()
    {
        RuleFor(c => c.Schedule.Milestones).NotNull().OverridePropertyName("milestones");
        RuleForEach(c => c.Schedule.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Label).NotEmpty().MaximumLength(200);
            m.RuleFor(x => x.Percentage).InclusiveBetween(0m, 100m).PrecisionScale(7, 4, true).When(x => x.Percentage is not null);
            m.RuleFor(x => x.Amount).GreaterThanOrEqualTo(0m).PrecisionScale(18, 2, true).When(x => x.Amount is not null);
        }).OverridePropertyName("milestones");
    }
}

public sealed class SaveBillingScheduleHandler(KobanDbContext db, AuditLog audit, BillingScheduleReader reader)
    : ICommandHandler<SaveBillingScheduleCommand, Versioned<BillingScheduleResponse>>
{
    /// <summary>The request carries every milestone: known ids are updated, new ones added, missing ones removed.
    /// Milestones already invoiced cannot change; the total never exceeds the order (domain rules in BillingSchedule).</summary>
    public async ValueTask<Versioned<BillingScheduleResponse>> Handle(SaveBillingScheduleCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == command.OrderId, cancellationToken) ?? throw new NotFoundException("order", command.OrderId);
        var schedule = await db.Set<BillingSchedule>().SingleOrDefaultAsync(s => s.OrderId == order.Id, cancellationToken);
        if (schedule is null)
        {
            schedule = BillingSchedule.For(order);
            db.Add(schedule);
        }
        else
        {
            if (command.ExpectedVersion is { } expected && schedule.Version != expected) throw new PreconditionFailedException();
            db.Entry(schedule).Property(s => s.Version).OriginalValue = command.ExpectedVersion ?? schedule.Version;
            db.Entry(schedule).Property(s => s.UpdatedAt).IsModified = true;
        }
        var wanted = command.Schedule.Milestones;
        var keep = wanted.Where(m => m.Id is not null).Select(m => m.Id!.Value).ToHashSet();
        foreach (var gone in schedule.Milestones.Where(m => !keep.Contains(m.Id)).Select(m => m.Id).ToList()) schedule.RemoveMilestone(gone);
        for (var i = 0; i < wanted.Count; i++)
        {
            var m = wanted[i];
            if (m.Id is { } id)
            {
                if (schedule.Milestones.All(x => x.Id != id)) throw new ReferenceNotFoundException($"milestones[{i}].id");
                schedule.UpdateMilestone(id, m.Label, m.PlannedDate, m.Percentage, m.Amount);
            }
            else
            {
                schedule.AddMilestone(m.Label, m.PlannedDate, m.Percentage, m.Amount);
            }
        }
        audit.Record("order.billing_schedule_changed", "order", order.Id, after: wanted);
        await db.SaveChangesAsync(cancellationToken);
        return Versioned.Of(await reader.ResponseAsync(order, schedule, cancellationToken), schedule.Version);
    }
}

internal static class SaveOrderBillingScheduleEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}/billing-schedule", async Task<Ok<BillingScheduleResponse>> (Guid id, BillingScheduleRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new SaveBillingScheduleCommand(id, EntityTags.RequireIfMatch(http) is var v && v == 0 ? null : v, body), ct)).Ok(response))
            .WithName("SaveOrderBillingSchedule")
            .WithSummary("Plan the order's billing schedule")
            .WithDescription("On a validated order only (409 `order_not_validated`). The request lists every milestone: with an `id` it is updated, without one added, missing ones removed. Each has a percentage or an amount excluding VAT (not both); the schedule never exceeds 100 % of the order (422 `billing_schedule_exceeds_order`); a milestone already invoiced cannot change (409 `milestone_already_invoiced`). Send the ETag of the GET (`\"0\"` before the first plan).")
            .RequirePermission(Permissions.BillingSchedules, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(SalesOpenApiExamples.ScheduleRequest, 200, SalesOpenApiExamples.Schedule);
}
