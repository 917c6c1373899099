using System.Net.Sockets;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Koban.Api.Infrastructure.Mail;

/// <summary>
/// Delivers due outbox messages. Each message is claimed by one atomic statement
/// (<c>UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)</c>) that marks it Sending with a lease, so several API
/// instances polling the same database never take the same message; an instance that dies mid-send leaves a lease that
/// expires, and another instance sends the message again with the same Message-ID.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<MailOptions> mailOptions,
    ILogger<OutboxDispatcher> logger)
{
    private int _warnedNoHost;

    /// <summary>Sends every due message, one at a time over one SMTP connection, until none is left or the SMTP server
    /// cannot be reached. Returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var smtp = smtpOptions.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (Interlocked.Exchange(ref _warnedNoHost, 1) == 0)
            {
                logger.LogWarning("Koban:Smtp:Host is not set: e-mails stay queued until an SMTP server is configured");
            }
            return 0;
        }
        await using var connection = new SmtpConnection(smtp, TimeSpan.FromSeconds(mailOptions.Value.SmtpTimeoutSeconds));
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var outcome = await ProcessNextAsync(connection, ct);
            if (outcome == Outcome.Sent) sent++;
            if (outcome is Outcome.NothingDue or Outcome.ServerUnavailable) break;
        }
        return sent;
    }

    private enum Outcome
    {
        NothingDue,
        Sent,
        Failed,
        ServerUnavailable,
    }

    private async Task<Outcome> ProcessNextAsync(SmtpConnection connection, CancellationToken ct)
    {
        var options = mailOptions.Value;
        await using var scope = scopes.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        using var system = actor.EnterSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<KobanDbContext>();

        var now = clock.GetUtcNow();
        var leaseUntil = now + TimeSpan.FromMinutes(options.LeaseMinutes);
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE outbox_messages
               SET status = 'Sending', attempts = attempts + 1, last_attempt_at = {now}, next_attempt_at = {leaseUntil}
             WHERE id = (SELECT id FROM outbox_messages
                          WHERE status IN ('Pending', 'Sending') AND next_attempt_at <= {now}
                          ORDER BY next_attempt_at, id
                          LIMIT 1
                          FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (claimed.Count == 0) return Outcome.NothingDue;

        var message = await db.Set<OutboxMessage>().IgnoreQueryFilters().Include(m => m.Attachments)
            .SingleAsync(m => m.Id == claimed[0], ct);
        actor.Impersonate(message.CompanyId, null, "Koban");
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();

        Outcome outcome;
        try
        {
            var mime = await BuildAsync(db, message, ct);
            await connection.SendAsync(mime, ct);
            message.MarkSent(clock.GetUtcNow());
            audit.Record("email.sent", message.EntityType, message.EntityId,
                after: new { emailId = message.Id, to = message.To, cc = message.Cc, subject = message.Subject, attempts = message.Attempts },
                companyId: message.CompanyId);
            logger.LogInformation("E-mail {EmailId} sent to {Count} recipient(s) after {Attempts} attempt(s)", message.Id, message.To.Count + message.Cc.Count, message.Attempts);
            outcome = Outcome.Sent;
        }
        catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            var permanent = IsPermanent(e);
            var failedNow = clock.GetUtcNow();
            DateTimeOffset? retryAt = permanent || message.Attempts >= options.MaxAttempts ? null : failedNow + Backoff(message.Attempts, options);
            message.MarkAttemptFailed(Describe(e), retryAt, failedNow);
            if (retryAt is null)
            {
                audit.Record("email.failed", message.EntityType, message.EntityId,
                    after: new { emailId = message.Id, to = message.To, attempts = message.Attempts, error = message.LastError },
                    companyId: message.CompanyId);
                logger.LogWarning(e, "E-mail {EmailId} failed for good after {Attempts} attempt(s)", message.Id, message.Attempts);
            }
            else
            {
                logger.LogWarning("E-mail {EmailId}: attempt {Attempts} failed ({Error}); next attempt at {RetryAt}", message.Id, message.Attempts, message.LastError, retryAt);
            }
            outcome = e is SmtpUnavailableException ? Outcome.ServerUnavailable : Outcome.Failed;
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another instance claimed the message meanwhile: its record wins.
            logger.LogWarning("E-mail {EmailId}: lease lost before the result could be recorded", message.Id);
        }
        return outcome;
    }

    /// <summary>30 s, 1 min, 2 min… doubling after each failed attempt, capped.</summary>
    internal static TimeSpan Backoff(int attempts, MailOptions options)
    {
        var seconds = options.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.RetryMaxMinutes * 60));
    }

    /// <summary>The server refused the message itself (5xx on sender, recipient or content), or it cannot be built:
    /// trying again would fail the same way.</summary>
    private static bool IsPermanent(Exception e) => e switch
    {
        SmtpCommandException c => (int)c.StatusCode >= 500 && c.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted,
        UnusableMailException => true,
        _ => false,
    };

    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException c => $"SMTP {(int)c.StatusCode}: {c.Message}",
        SmtpUnavailableException u => $"SMTP server unavailable: {u.InnerException?.Message ?? u.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static async Task<MimeMessage> BuildAsync(KobanDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(message.FromName, message.FromAddress));
        if (message.ReplyTo is not null) mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        foreach (var to in message.To) mime.To.Add(MailboxAddress.Parse(to));
        foreach (var cc in message.Cc) mime.Cc.Add(MailboxAddress.Parse(cc));
        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId;
        mime.Date = message.CreatedAt;

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        var fileIds = message.Attachments.Where(a => a.StoredFileId is not null).Select(a => a.StoredFileId!.Value).Distinct().ToList();
        var files = fileIds.Count == 0 ? [] : await db.Files.IgnoreQueryFilters()
            .Where(f => fileIds.Contains(f.Id) && f.CompanyId == message.CompanyId)
            .ToDictionaryAsync(f => f.Id, f => f.Content, ct);
        foreach (var attachment in message.Attachments.OrderBy(a => a.Position))
        {
            var content = attachment.Content
                ?? (attachment.StoredFileId is { } id && files.TryGetValue(id, out var stored) ? stored
                    : throw new UnusableMailException($"Attachment {attachment.FileName}: stored file {attachment.StoredFileId} is missing."));
            var part = body.Attachments.Add(attachment.FileName, content, ContentType.Parse(attachment.ContentType));
            // Base64 keeps the bytes exact: text parts sent as 7bit/quoted-printable get their line endings rewritten.
            if (part is MimePart mimePart) mimePart.ContentTransferEncoding = ContentEncoding.Base64;
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>The message cannot be built (a referenced file is gone): permanent.</summary>
internal sealed class UnusableMailException(string message) : Exception(message);

/// <summary>Connecting or authenticating to the SMTP server failed: no message can go out right now.</summary>
internal sealed class SmtpUnavailableException(Exception inner) : Exception("The SMTP server is unavailable.", inner);

/// <summary>One SMTP session reused for a run of messages; reconnects after a broken connection.</summary>
internal sealed class SmtpConnection(SmtpOptions options, TimeSpan timeout) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (_client is not { IsConnected: true }) await ConnectAsync(ct);
        try
        {
            await _client!.SendAsync(message, ct);
        }
        catch (SmtpCommandException)
        {
            throw; // the server answered: the session is still usable
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
        {
            await ResetAsync();
            throw new SmtpUnavailableException(e);
        }
        catch
        {
            await ResetAsync();
            throw;
        }
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        await ResetAsync();
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            var security = !options.UseTls ? SecureSocketOptions.None
                : options.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(options.Host!, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? string.Empty, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            client.Dispose();
            throw new SmtpUnavailableException(e);
        }
        _client = client;
    }

    private async Task ResetAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException or OperationCanceledException)
        {
            // closing a broken session: nothing more to do
        }
        _client.Dispose();
        _client = null;
    }

    public ValueTask DisposeAsync() => new(ResetAsync());
}
