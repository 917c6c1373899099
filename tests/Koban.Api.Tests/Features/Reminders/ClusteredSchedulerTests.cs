using Koban.Api.Tests.Infrastructure;
using Koban.Domain.Receivables.Reminders;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Koban.Api.Tests.Features.Reminders;

/// <summary>
/// Quartz for real: two API instances with their schedulers on, clustered on one PostgreSQL job store (the qrtz_ tables
/// of our migration), firing the reminder job every two seconds. Both nodes check in, the job runs again and again, and
/// the overdue invoice still gets its reminder exactly once.
/// </summary>
[NonParallelizable]
public sealed class ClusteredSchedulerTests
{
    [Test]
    public async Task Two_clustered_nodes_fire_the_reminder_job_and_the_invoice_gets_one_reminder_and_one_e_mail()
    {
        var database = await TestDatabase.CreateAsync("koban_qrtz");
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero));
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
        try
        {
            var company = await host.Host.CompanyAsync();
            var (invoiceId, number, due) = await ReminderHost.InvoiceAsync(company);
            host.Host.MoveTo(due.AddDays(8));

            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && (await host.Host.RemindersAsync(company.Id, invoiceId)).Count == 0) await Task.Delay(500);
            await Task.Delay(TimeSpan.FromSeconds(7)); // three more firings at least

            var reminder = (await host.Host.RemindersAsync(company.Id, invoiceId)).ShouldHaveSingleItem(number);
            reminder.Level.ShouldBe(1);
            reminder.Status.ShouldBe(ReminderStatus.Sent);
            (await host.Host.MailsAsync(company.Id, invoiceId)).ShouldHaveSingleItem().Subject.ShouldContain(number);

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

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
