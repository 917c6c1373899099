using Koban.Domain.Common;

namespace Koban.Api.Infrastructure.Mail;

/// <summary>Delivery state of a queued e-mail.</summary>
public enum EmailStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,

    /// <summary>Claimed by one API instance, which is talking to the SMTP server.</summary>
    Sending,

    /// <summary>Accepted by the SMTP server.</summary>
    Sent,

    /// <summary>Refused for good, or too many failed attempts; can be retried by hand.</summary>
    Failed,
}

/// <summary>
/// One e-mail in the outbox: written in the same transaction as the action that causes it, then delivered by
/// <see cref="OutboxDispatcher"/> on whichever API instance claims it first. The row is the whole message
/// (attachments included, or a reference to an archived file), so nothing is lost while the SMTP server is down.
/// </summary>
public sealed class OutboxMessage : ICompanyOwned
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }

    /// <summary>The RFC 5322 Message-ID (without angle brackets), fixed at queueing: a retry after an uncertain failure
    /// (connection lost after the data was sent) carries the same id, so receivers can recognise the duplicate.</summary>
    public string MessageId { get; private set; } = string.Empty;

    public string FromName { get; private set; } = string.Empty;
    public string FromAddress { get; private set; } = string.Empty;
    public string? ReplyTo { get; private set; }
    public List<string> To { get; private set; } = [];
    public List<string> Cc { get; private set; } = [];
    public string Subject { get; private set; } = string.Empty;
    public string TextBody { get; private set; } = string.Empty;
    public string? HtmlBody { get; private set; }

    /// <summary>Bodies carrying a secret (sign-in links) are blanked once the message is sent.</summary>
    public bool RedactBodyWhenSent { get; private set; }

    public string EntityType { get; private set; } = string.Empty;
    public Guid EntityId { get; private set; }

    public EmailStatus Status { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>When Pending: the earliest next attempt. When Sending: the end of the claiming instance's lease.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public string? CreatedByName { get; private set; }
    public List<OutboxAttachment> Attachments { get; private set; } = [];

    /// <summary>PostgreSQL xmin: a manual retry racing the sender's claim loses with a 412 instead of overwriting it.</summary>
    public uint Version { get; private set; }

    internal const int MaxErrorLength = 2000;
    internal const string RedactedBody = "[contenu effacé après l'envoi / content removed after sending]";

    internal static OutboxMessage Create(Guid id, string messageId, string fromName, string fromAddress, OutgoingMail mail, DateTimeOffset now,
        Guid? createdByUserId, string? createdByName) => new()
        {
            Id = id,
            MessageId = messageId,
            FromName = fromName,
            FromAddress = fromAddress,
            ReplyTo = mail.ReplyTo,
            To = [.. mail.To],
            Cc = [.. mail.Cc],
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            RedactBodyWhenSent = mail.RedactBodyWhenSent,
            EntityType = mail.EntityType,
            EntityId = mail.EntityId,
            Status = EmailStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            CreatedByUserId = createdByUserId,
            CreatedByName = createdByName,
        };

    internal void MarkSent(DateTimeOffset now)
    {
        Status = EmailStatus.Sent;
        SentAt = now;
        LastError = null;
        if (RedactBodyWhenSent)
        {
            TextBody = RedactedBody;
            HtmlBody = null;
        }
    }

    /// <summary>Records a failed attempt: back to Pending for a later attempt, or Failed when <paramref name="retryAt"/> is null.</summary>
    internal void MarkAttemptFailed(string error, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        Status = retryAt is null ? EmailStatus.Failed : EmailStatus.Pending;
        NextAttemptAt = retryAt ?? now;
    }

    /// <summary>A person asks to try again: a failed message gets a fresh series of attempts, a pending one is sent now.</summary>
    internal void RetryNow(DateTimeOffset now)
    {
        if (Status is not (EmailStatus.Failed or EmailStatus.Pending))
        {
            throw new DomainConflictException(Web.ApiErrorCodes.EmailNotRetryable, "Only a failed or pending e-mail can be retried.");
        }
        if (Status == EmailStatus.Failed) Attempts = 0;
        Status = EmailStatus.Pending;
        NextAttemptAt = now;
    }
}

/// <summary>A file attached to a queued e-mail: a reference to an archived file in <c>stored_files</c> (a validated
/// invoice's PDF is never copied), or the bytes themselves.</summary>
public sealed class OutboxAttachment
{
    private OutboxAttachment()
    {
    }

    public Guid Id { get; private set; }
    public Guid OutboxMessageId { get; private set; }
    public int Position { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public Guid? StoredFileId { get; private set; }
    public byte[]? Content { get; private set; }

    internal static OutboxAttachment Create(Guid messageId, int position, string fileName, string contentType, Guid? storedFileId, byte[]? content) => new()
    {
        Id = Guid.CreateVersion7(),
        OutboxMessageId = messageId,
        Position = position,
        FileName = fileName,
        ContentType = contentType,
        StoredFileId = storedFileId,
        Content = content,
    };
}
