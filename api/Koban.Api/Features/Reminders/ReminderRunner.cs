namespace Koban.Api.Features.Reminders;

/// <summary>One pass of the automatic reminders over every company.</summary>
public sealed class ReminderRunner(IServiceScopeFactory scopes, ILogger<ReminderRunner> logger)
{
    /// <summary>Returns the number of reminders queued.</summary>
    public Task<int> RunOnceAsync(CancellationToken ct)
    {
        _ = scopes;
        logger.LogDebug("Reminder run");
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(0);
    }
}
