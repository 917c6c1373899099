using Quartz;

namespace Koban.Api.Features.Contracts;

/// <summary>
/// The Quartz job that bills the due periods of every company's contracts, renews or expires them at their term ends and
/// sends the notice-deadline reminders (<see cref="ContractBillingRunner"/>). Fired by the clustered scheduler on one node
/// at a time (cron <c>Koban:Contracts:BillingCron</c>, hourly by default); <see cref="DisallowConcurrentExecutionAttribute"/>
/// keeps two firings from overlapping anywhere in the cluster, and the unique keys make even overlapping runs bill once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ContractBillingJob(ContractBillingRunner runner, ILogger<ContractBillingJob> logger) : IJob
{
    public const string Name = "contract-billing";
    public const string DefaultCron = "0 15 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var billed = await runner.RunOnceAsync(cancellationToken);
        logger.LogInformation("Contract billing run on {Instance}: {Count} period(s) billed", context.Scheduler.SchedulerInstanceId, billed);
    }
}
