using Quartz;

namespace Koban.Api.Features.Reminders;

/// <summary>
/// The Quartz job that sends the due automatic reminders of every company (<see cref="ReminderRunner"/>). Fired by the
/// clustered scheduler on one node at a time (cron <c>Koban:Reminders:Cron</c>, hourly by default);
/// <see cref="DisallowConcurrentExecutionAttribute"/> keeps two firings of it from overlapping anywhere in the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderRunner runner, ILogger<ReminderJob> logger) : IJob
{
    public const string Name = "reminders";
    public const string DefaultCron = "0 0 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await runner.RunOnceAsync(cancellationToken);
        logger.LogInformation("Reminder run on {Instance}: {Count} reminder(s) queued", context.Scheduler.SchedulerInstanceId, sent);
    }
}
