using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Koban.Api.Tests.Features.Emails;

/// <summary>The outbox end to end over real SMTP: what is queued is what arrives; SMTP outages, back-off, permanent
/// refusals, manual retries, crashed senders and two sender instances on one database. The clock is fake and the
/// tests run the sender themselves (<see cref="ClockedMailHost"/>).</summary>
public sealed class OutboxTests : ApiTest
{
    private ClockedMailHost _host = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _host = await ClockedMailHost.GetAsync();
        await _host.ClearQueueAsync();
        await _host.Smtp.StartListeningAsync();
    }

    [Test]
    public async Task A_queued_mail_arrives_over_SMTP_with_its_recipients_subject_bodies_and_attachment_bytes()
    {
        var company = await NewCompanyAsync("Menuiserie Étoile SARL", _host.First);
        var to = UniqueEmail("compta");
        var cc = UniqueEmail("claire");
        byte[] pdf = [.. "%PDF-1.7 facture archivée "u8.ToArray(), .. Enumerable.Range(0, 3000).Select(i => (byte)(i % 251))];
        byte[] csv = "numéro;montant\nFA-2026-00042;1 234,50\n"u8.ToArray();

        var emailId = await QueueAsync(company.Id, db =>
        {
            var file = StoredFile.Create("invoice-pdf", "FA-2026-00042.pdf", "application/pdf", pdf, _host.Clock.GetUtcNow());
            db.Files.Add(file);
            return new OutgoingMail
            {
                To = [to],
                Cc = [cc],
                ReplyTo = "camille@menuiserie-etoile.fr",
                Subject = "Facture FA-2026-00042 – règlement à 30 jours",
                TextBody = "Bonjour,\n\nVeuillez trouver ci-joint la facture FA-2026-00042.\n\nCordialement,\nCamille",
                HtmlBody = "<p>Bonjour,</p><p>Veuillez trouver ci-joint la facture <b>FA-2026-00042</b>.</p>",
                Attachments = [MailAttachment.FromStoredFile(file.Id), MailAttachment.FromBytes("détail.csv", "text/csv", csv)],
                EntityType = "company",
                EntityId = company.Id,
            };
        });

        var before = await ListAsync(company);
        before.Single().GetProperty("status").GetString().ShouldBe("Pending");
        before.Single().GetProperty("attachments").EnumerateArray().Select(a => a.GetString()).ShouldBe(["FA-2026-00042.pdf", "détail.csv"]);

        await _host.DispatchAsync();

        var received = (await _host.Smtp.WaitForAsync(to)).Single();
        received.Recipients.ShouldBe([to, cc], ignoreOrder: true);
        received.EnvelopeFrom.ShouldBe("noreply@koban.test");
        var message = received.Message;
        message.MessageId.ShouldBe($"{emailId:N}@koban.test");
        var from = message.From.Mailboxes.Single();
        from.Name.ShouldBe("Menuiserie Étoile SARL");
        from.Address.ShouldBe("noreply@koban.test");
        message.ReplyTo.Mailboxes.Single().Address.ShouldBe("camille@menuiserie-etoile.fr");
        message.To.Mailboxes.Single().Address.ShouldBe(to);
        message.Cc.Mailboxes.Single().Address.ShouldBe(cc);
        message.Subject.ShouldBe("Facture FA-2026-00042 – règlement à 30 jours");
        message.TextBody!.ReplaceLineEndings("\n").TrimEnd().ShouldBe("Bonjour,\n\nVeuillez trouver ci-joint la facture FA-2026-00042.\n\nCordialement,\nCamille");
        message.HtmlBody!.ShouldContain("<b>FA-2026-00042</b>");
        var attachments = message.Attachments.OfType<MimePart>().ToList();
        attachments.Select(a => a.FileName).ShouldBe(["FA-2026-00042.pdf", "détail.csv"]);
        attachments[0].ContentType.MimeType.ShouldBe("application/pdf");
        attachments[1].ContentType.MimeType.ShouldBe("text/csv");
        Bytes(attachments[0]).ShouldBe(pdf);
        Bytes(attachments[1]).ShouldBe(csv);

        var after = (await ListAsync(company)).Single();
        after.GetProperty("status").GetString().ShouldBe("Sent");
        after.GetProperty("attempts").GetInt32().ShouldBe(1);
        after.GetProperty("sentAt").ValueKind.ShouldBe(JsonValueKind.String);
        after.GetProperty("to").EnumerateArray().Single().GetString().ShouldBe(to);
        after.TryGetProperty("textBody", out _).ShouldBeFalse("bodies never leave the API");

        var audit = await (await company.Admin.GetAsync($"/api/v1/audit-events?entityId={company.Id}&limit=100")).Json();
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("email.queued");
        actions.ShouldContain("email.sent");
    }

    [Test]
    public async Task While_SMTP_is_down_the_mail_stays_pending_with_the_error_then_goes_out_exactly_once_when_it_is_back()
    {
        var company = await NewCompanyAsync(factory: _host.First);
        var to = UniqueEmail("client");
        await _host.Smtp.StopListeningAsync();
        await QueueAsync(company.Id, _ => Mail(to, company.Id));

        await _host.DispatchAsync();
        var first = (await ListAsync(company)).Single();
        first.GetProperty("status").GetString().ShouldBe("Pending");
        first.GetProperty("attempts").GetInt32().ShouldBe(1);
        first.GetProperty("lastError").GetString()!.ShouldContain("SMTP server unavailable");
        var retryAt = first.GetProperty("nextAttemptAt").GetDateTimeOffset();
        (retryAt - _host.Clock.GetUtcNow()).ShouldBe(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        await _host.DispatchAsync();
        (await ListAsync(company)).Single().GetProperty("attempts").GetInt32().ShouldBe(1, "not due yet: no new attempt");

        _host.Clock.Advance(TimeSpan.FromSeconds(31));
        await _host.DispatchAsync();
        var second = (await ListAsync(company)).Single();
        second.GetProperty("attempts").GetInt32().ShouldBe(2);
        (second.GetProperty("nextAttemptAt").GetDateTimeOffset() - _host.Clock.GetUtcNow()).ShouldBe(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), "the delay doubles");

        await _host.Smtp.StartListeningAsync();
        await _host.DispatchAsync();
        _host.Smtp.For(to).ShouldBeEmpty("SMTP is back, but the next attempt is not due yet");

        _host.Clock.Advance(TimeSpan.FromSeconds(61));
        await _host.DispatchAsync();
        await _host.Smtp.WaitForAsync(to);
        var sent = (await ListAsync(company)).Single();
        sent.GetProperty("status").GetString().ShouldBe("Sent");
        sent.GetProperty("attempts").GetInt32().ShouldBe(3);
        sent.GetProperty("lastError").ValueKind.ShouldBe(JsonValueKind.Null);

        _host.Clock.Advance(TimeSpan.FromHours(2));
        await _host.DispatchAsync();
        await _host.DispatchAsync(_host.Second);
        _host.Smtp.For(to).Count.ShouldBe(1, "sent exactly once");
    }

    [Test]
    public async Task After_the_last_attempt_the_mail_is_failed_for_good_and_a_user_can_send_it_again()
    {
        var company = await NewCompanyAsync(factory: _host.First);
        var to = UniqueEmail("client");
        await _host.Smtp.StopListeningAsync();
        await QueueAsync(company.Id, _ => Mail(to, company.Id));
        for (var i = 0; i < ClockedMailHost.MaxAttempts; i++)
        {
            await _host.DispatchAsync();
            _host.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        var failed = (await ListAsync(company)).Single();
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        failed.GetProperty("attempts").GetInt32().ShouldBe(ClockedMailHost.MaxAttempts);
        failed.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.Null);
        _host.Clock.Advance(TimeSpan.FromHours(5)); // the session lasts 10 hours
        await _host.DispatchAsync();
        (await ListAsync(company)).Single().GetProperty("attempts").GetInt32().ShouldBe(ClockedMailHost.MaxAttempts, "a failed mail is not retried by itself");

        await _host.Smtp.StartListeningAsync();
        var id = failed.GetProperty("id").GetGuid();
        var (viewer, _, _) = await NewUserAsync(company, "Viewer");
        await (await viewer.PostAsync($"/api/v1/emails/{id}/retry", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var retry = await company.Admin.PostAsync($"/api/v1/emails/{id}/retry", null);
        await retry.ShouldHaveStatus(HttpStatusCode.OK);
        var retried = await retry.Json();
        retried.GetProperty("status").GetString().ShouldBe("Pending");
        retried.GetProperty("attempts").GetInt32().ShouldBe(0);

        await _host.DispatchAsync();
        (await _host.Smtp.WaitForAsync(to)).Count.ShouldBe(1);
        (await ListAsync(company)).Single().GetProperty("status").GetString().ShouldBe("Sent");
        await (await company.Admin.PostAsync($"/api/v1/emails/{id}/retry", null)).ShouldBeProblem(HttpStatusCode.Conflict, "email_not_retryable");

        var audit = await (await company.Admin.GetAsync($"/api/v1/audit-events?entityId={company.Id}&limit=100")).Json();
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("email.failed");
        actions.ShouldContain("email.retry_requested");
        actions.ShouldContain("email.sent");
    }

    [Test]
    public async Task A_recipient_the_server_refuses_for_good_fails_at_once_without_retries()
    {
        var company = await NewCompanyAsync(factory: _host.First);
        var to = UniqueEmail("rejected");
        await QueueAsync(company.Id, _ => Mail(to, company.Id));
        await _host.DispatchAsync();
        var failed = (await ListAsync(company)).Single();
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        failed.GetProperty("attempts").GetInt32().ShouldBe(1);
        failed.GetProperty("lastError").GetString()!.ShouldStartWith("SMTP 5");
    }

    [Test]
    public async Task A_sender_that_died_mid_send_leaves_a_lease_after_which_another_instance_sends_with_the_same_Message_ID()
    {
        var company = await NewCompanyAsync(factory: _host.First);
        var to = UniqueEmail("client");
        var id = await QueueAsync(company.Id, _ => Mail(to, company.Id));
        // What a claim by an instance that then crashed leaves behind.
        (await _host.ExecuteAsOwnerAsync("UPDATE outbox_messages SET status = 'Sending', attempts = attempts + 1, next_attempt_at = @lease WHERE id = @id",
            ("lease", _host.Clock.GetUtcNow().AddMinutes(5)), ("id", id))).ShouldBe(1);
        await (await company.Admin.PostAsync($"/api/v1/emails/{id}/retry", null)).ShouldBeProblem(HttpStatusCode.Conflict, "email_not_retryable");
        await _host.DispatchAsync(_host.Second);
        _host.Smtp.For(to).ShouldBeEmpty("the lease still holds");

        _host.Clock.Advance(TimeSpan.FromMinutes(6));
        await _host.DispatchAsync(_host.Second);
        var received = (await _host.Smtp.WaitForAsync(to)).Single();
        received.Message.MessageId.ShouldBe($"{id:N}@koban.test");
        var sent = (await ListAsync(company)).Single();
        sent.GetProperty("status").GetString().ShouldBe("Sent");
        sent.GetProperty("attempts").GetInt32().ShouldBe(2);
    }

    [Test]
    public async Task Two_sender_instances_on_one_database_deliver_each_message_exactly_once()
    {
        var company = await NewCompanyAsync(factory: _host.First);
        var recipients = Enumerable.Range(0, 30).Select(i => UniqueEmail($"client{i}")).ToList();
        var ids = new List<Guid>();
        foreach (var to in recipients) ids.Add(await QueueAsync(company.Id, _ => Mail(to, company.Id)));

        // Each instance runs two senders at once, as if polling concurrently.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => _host.DispatchAsync(i % 2 == 0 ? _host.First : _host.Second))));

        foreach (var to in recipients) await _host.Smtp.WaitForAsync(to);
        var messageIds = recipients.SelectMany(r => _host.Smtp.For(r)).Select(m => m.Message.MessageId).ToList();
        messageIds.Count.ShouldBe(30);
        messageIds.ShouldBe(ids.Select(id => $"{id:N}@koban.test"), ignoreOrder: true);
        var list = await (await company.Admin.GetAsync($"/api/v1/emails?entityType=company&entityId={company.Id}&limit=100")).Json();
        list.GetProperty("items").EnumerateArray().ShouldAllBe(m => m.GetProperty("status").GetString() == "Sent" && m.GetProperty("attempts").GetInt32() == 1);
    }

    [Test]
    public async Task Reading_the_emails_of_a_record_needs_read_permission_on_that_record()
    {
        var company = await NewCompanyAsync(factory: _host.First);
        await QueueAsync(company.Id, _ => Mail(UniqueEmail(), company.Id));
        var (sales, _, _) = await NewUserAsync(company, "Sales");
        (await (await sales.GetAsync($"/api/v1/emails?entityType=company&entityId={company.Id}")).Json()).GetProperty("items").GetArrayLength().ShouldBe(1);
        var me = await (await sales.GetAsync("/api/v1/auth/me")).Json();
        await (await sales.GetAsync($"/api/v1/emails?entityType=user&entityId={me.GetProperty("userId").GetGuid()}")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await sales.GetAsync($"/api/v1/emails?entityType=spaceship&entityId={company.Id}")).ShouldBeProblem(HttpStatusCode.BadRequest, "entity_type_unknown");
        await (await sales.GetAsync($"/api/v1/emails?entityId={company.Id}")).ShouldHaveStatus(HttpStatusCode.BadRequest);

        var other = await NewCompanyAsync(factory: _host.First);
        (await (await other.Admin.GetAsync($"/api/v1/emails?entityType=company&entityId={company.Id}")).Json()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    private static OutgoingMail Mail(string to, Guid companyId) => new()
    {
        To = [to],
        Subject = "Relance",
        TextBody = "Bonjour",
        EntityType = "company",
        EntityId = companyId,
    };

    private async Task<Guid> QueueAsync(Guid companyId, Func<KobanDbContext, OutgoingMail> build)
    {
        using var scope = _host.First.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Impersonate(companyId, null, "Test");
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();
        var id = await scope.ServiceProvider.GetRequiredService<MailOutbox>().EnqueueAsync(build(db), CancellationToken.None);
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task<List<JsonElement>> ListAsync(TestCompany company)
    {
        var response = await company.Admin.GetAsync($"/api/v1/emails?entityType=company&entityId={company.Id}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return [.. (await response.Json()).GetProperty("items").EnumerateArray()];
    }

    private static byte[] Bytes(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
