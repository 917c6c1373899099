using Koban.Api.Infrastructure.Persistence;
using Quartz;

namespace Koban.Api.Infrastructure.Scheduling;

/// <summary>Settings of the <c>Koban:Scheduler</c> section.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Run the Quartz scheduler in this process (default true). Never on during the build-time OpenAPI
    /// generation; the API tests switch it off unless a test is about the scheduler.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a node records in <c>qrtz_scheduler_state</c> that it is alive (seconds).</summary>
    public double CheckinSeconds { get; set; } = 15;

    /// <summary>How long an idle node waits before looking for due triggers again (seconds, at least 1). A node learns
    /// at once of triggers it schedules itself, not of those another node stored.</summary>
    public double IdleWaitSeconds { get; set; } = 30;
}

/// <summary>A recurring job of the application and the cron expression that fires it.</summary>
public sealed record ScheduledJob(Type JobType, string Name, string Cron);

/// <summary>
/// Quartz.NET 4.7 on a clustered PostgreSQL job store: every API instance runs a scheduler node on the <c>qrtz_</c> tables
/// (created by our migration, <see cref="Persistence.Sql.QuartzJobStore"/>), checks in, and takes triggers under
/// Quartz's row locks, so a trigger fires on one node only and a dead node's work is recovered by another. Each node
/// gets a generated instance id (host name + time, "AUTO"). Jobs still make their own effects idempotent (reminders:
/// the unique key (invoice, level)): clustering decides who runs a firing, not what a crash half-way leaves behind.
/// </summary>
public static class SchedulingSetup
{
    public const string SchedulerName = "Koban";
    public const string TablePrefix = "qrtz_";

    public static IServiceCollection AddKobanScheduling(this IServiceCollection services, IConfiguration configuration, bool isOpenApiBuild,
        IEnumerable<ScheduledJob> jobs)
    {
        // The per-company loop of every background worker, Quartz-fired or hosted, so it exists whether the scheduler runs or not.
        services.AddSingleton<CompanyWorkRunner>();
        var options = configuration.GetSection("Koban:Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (isOpenApiBuild || !options.Enabled) return services;

        var connectionString = configuration.GetConnectionString(DatabaseSetup.AppConnectionName) ?? "Host=127.0.0.1;Database=koban";
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.GenerateInstanceId = true; // "AUTO": host name + start time, unique per node
                s.IdleWaitTime = TimeSpan.FromSeconds(Math.Max(1, options.IdleWaitSeconds));
            });
            // Firing follows the wall clock; what a job decides ("today") comes from the application's TimeProvider, which
            // tests replace with a fake clock without freezing the scheduler.
            q.UseTimeProvider(TimeProvider.System);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(options.CheckinSeconds);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.CheckinSeconds * 4);
                });
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(s =>
                {
                    s.TablePrefix = TablePrefix;
                    s.SchemaProvisioning = SchemaProvisioning.Validate; // our migration owns the schema
                });
            });
            foreach (var job in jobs)
            {
                q.AddJob(job.JobType, j => j.WithIdentity(job.Name).StoreDurably());
                q.AddTrigger(t => t.ForJob(job.Name).WithIdentity($"{job.Name}.cron").WithCronSchedule(job.Cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            }
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        return services;
    }
}
