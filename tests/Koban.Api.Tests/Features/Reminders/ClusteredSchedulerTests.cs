using System.Collections.Concurrent;
using Koban.Api.Features.Reminders;
using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Receivables.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Quartz;

namespace Koban.Api.Tests.Features.Reminders;

/// <summary>
/// Quartz for real: two API instances with their schedulers on, clustered on one PostgreSQL job store (the qrtz_ tables
/// of our migration), firing the reminder job every two seconds. Both nodes check in, the job runs again and again, and
/// the overdue invoice still gets its reminder exactly once. The test counts the job's runs with a Quartz job listener on
/// each node rather than sleeping, so a slow machine waits for more runs instead of checking fewer.
/// </summary>
[NonParallelizable]
public sealed class ClusteredSchedulerTests
{
    [Test]
    public async Task Two_clustered_nodes_fire_the_reminder_job_and_the_invoice_gets_one_reminder_and_one_e_mail()
    {
        var database = await TestDatabase.CreateAsync("koban_qrtz");
        var clock = new RunningClock(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero));
        Dictionary<string, string?> Settings(bool migrate)
        {
            var settings = ReminderHost.Settings(migrate, scheduler: true);
            settings["Koban:Reminders:Cron"] = "0/2 * * * * ?";
            settings["Koban:Scheduler:CheckinSeconds"] = "2";
            settings["Koban:Scheduler:IdleWaitSeconds"] = "1";
            return settings;
        }
        var first = new ApiFactory(database, Settings(migrate: true), s => ReminderHost.UseClock(s, clock));
        _ = first.Server;
        var second = new ApiFactory(database, Settings(migrate: false), s => ReminderHost.UseClock(s, clock));
        _ = second.Server;
        var host = new ReminderHostView(database, clock, first, second);
        var runs = new JobRuns(() => StoreStateAsync(database));
        foreach (var node in new[] { first, second })
        {
            var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            scheduler.ListenerManager.AddJobListener(runs, [Matchers.Key(new JobKey(ReminderJob.Name))]);
        }
        try
        {
            var company = await host.Host.CompanyAsync();
            var (invoiceId, number, due) = await ReminderHost.InvoiceAsync(company);
            host.Host.MoveTo(due.AddDays(8));

            // A run that had already started may have read the clock before it moved; the one after it has not.
            await runs.WaitForAsync(runs.Count + 2);
            (await host.Host.RemindersAsync(company.Id, invoiceId)).ShouldHaveSingleItem(number);
            await runs.WaitForAsync(runs.Count + 3); // the job keeps firing on both nodes

            var reminder = (await host.Host.RemindersAsync(company.Id, invoiceId)).ShouldHaveSingleItem(number);
            reminder.Level.ShouldBe(1);
            reminder.Status.ShouldBe(ReminderStatus.Sent);
            (await host.Host.MailsAsync(company.Id, invoiceId)).ShouldHaveSingleItem().Subject.ShouldContain(number);
            runs.Failures.ShouldBeEmpty();

            await using var connection = new NpgsqlConnection(database.Owner);
            await connection.OpenAsync();
            (await Scalar(connection, "SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'Koban'")).ShouldBe(2L, "both nodes checked in");
            (await Scalar(connection, "SELECT count(DISTINCT instance_name) FROM qrtz_scheduler_state")).ShouldBe(2L, "each node has its own generated instance id");
            (await Scalar(connection, "SELECT count(*) FROM qrtz_triggers WHERE job_name = 'reminders'")).ShouldBe(1L, "one trigger shared by the cluster");
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            await database.DropAsync();
        }
    }

    /// <summary>
    /// A fake clock that also runs: Quartz's job store reads the application's <see cref="TimeProvider"/> (check-ins, next
    /// fire times), so on a frozen clock the next firing is never due and the job fires once, on misfire, then never
    /// again. Here real time elapses on top of where the test sets the clock, and timers are real.
    /// </summary>
    private sealed class RunningClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly long _started = TimeProvider.System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeProvider.System.GetElapsedTime(_started);

        public override long GetTimestamp() => TimeProvider.System.GetTimestamp();

        public override long TimestampFrequency => TimeProvider.System.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            TimeProvider.System.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Counts the runs of the job on every node it is registered with.</summary>
    private sealed class JobRuns(Func<Task<string>> describe) : IJobListener
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ConcurrentQueue<string> Failures { get; } = new();

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is not null) Failures.Enqueue(jobException.ToString());
            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }

        /// <summary>Waits until the job has run <paramref name="count"/> times in all; a minute is only a safety net
        /// (it fires every two seconds).</summary>
        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Count < count)
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"the reminder job ran {Count} times, expected {count}; job store at {DateTimeOffset.UtcNow:O}: {await describe()}");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The trigger and the nodes as the job store has them, for a failure message.</summary>
    private static async Task<string> StoreStateAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.Owner);
        await connection.OpenAsync();
        const string Ts = "to_timestamp({0} / 10000000.0 - 62135596800)::text";
        var sql = $"""
            SELECT 'trigger ' || trigger_state || ' next ' || {string.Format(System.Globalization.CultureInfo.InvariantCulture, Ts, "next_fire_time")} || ' prev ' || coalesce({string.Format(System.Globalization.CultureInfo.InvariantCulture, Ts, "prev_fire_time")}, '-') FROM qrtz_triggers
            UNION ALL SELECT 'node ' || instance_name || ' checkin ' || {string.Format(System.Globalization.CultureInfo.InvariantCulture, Ts, "last_checkin_time")} FROM qrtz_scheduler_state
            UNION ALL SELECT 'fired ' || instance_name || ' ' || state || ' ' || {string.Format(System.Globalization.CultureInfo.InvariantCulture, Ts, "fired_time")} FROM qrtz_fired_triggers
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.IsDBNull(0) ? "?" : reader.GetString(0));
        return string.Join("; ", lines);
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
