using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Koban.Api.Infrastructure.Mail;

/// <summary>What a user sees of a queued e-mail: to whom, when, and whether it left (bodies are never returned).</summary>
public sealed record EmailDelivery(
    Guid Id,
    string EntityType,
    Guid EntityId,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    IReadOnlyList<string> Attachments,
    EmailStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    string? CreatedByName)
{
    internal static EmailDelivery From(OutboxMessage m) => new(
        m.Id, m.EntityType, m.EntityId, m.To, m.Cc, m.Subject, [.. m.Attachments.OrderBy(a => a.Position).Select(a => a.FileName)],
        m.Status, m.Attempts, m.LastError, m.Status == EmailStatus.Pending ? m.NextAttemptAt : null, m.CreatedAt, m.SentAt, m.CreatedByName);
}

/// <summary>
/// The e-mail outbox of the current request. <see cref="EnqueueAsync"/> only adds rows to the caller's
/// <see cref="KobanDbContext"/>: the mail is committed, or rolled back, with the caller's own change when the caller
/// calls <c>SaveChangesAsync</c>. The background sender delivers it afterwards.
/// </summary>
public sealed class MailOutbox(KobanDbContext db, CurrentActor actor, AuditLog audit, TimeProvider clock, IOptions<SmtpOptions> smtp, OutboxSignal signal)
{
    private bool _wakeSenderOnSave;

    /// <summary>Queues <paramref name="mail"/> for the current company and returns its id. Throws
    /// <see cref="ArgumentException"/> for an unusable address or a stored file the company does not have: validate
    /// user input first (FluentValidation's <c>EmailAddress()</c>).</summary>
    public async Task<Guid> EnqueueAsync(OutgoingMail mail, CancellationToken ct)
    {
        var companyId = actor.RequireCompanyId();
        if (mail.To.Count == 0) throw new ArgumentException("An e-mail needs at least one recipient.", nameof(mail));
        foreach (var address in mail.To.Concat(mail.Cc).Append(mail.ReplyTo ?? "x@x.x"))
        {
            if (!IsValidAddress(address)) throw new ArgumentException($"'{address}' is not a usable e-mail address.", nameof(mail));
        }
        if (MailEntityTypes.ResourceFor(mail.EntityType) is null)
        {
            throw new ArgumentException($"E-mails about '{mail.EntityType}' are not declared in MailEntityTypes.", nameof(mail));
        }

        var fromName = mail.FromName
            ?? db.Companies.Local.FirstOrDefault(c => c.Id == companyId)?.LegalName
            ?? await db.Companies.Where(c => c.Id == companyId).Select(c => c.LegalName).SingleAsync(ct);
        var fromAddress = smtp.Value.From;
        var id = Guid.CreateVersion7();
        var domain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        var now = clock.GetUtcNow();
        var message = OutboxMessage.Create(id, $"{id:N}@{domain}", fromName, fromAddress, mail, now, actor.UserId, actor.DisplayName);

        var position = 0;
        foreach (var attachment in mail.Attachments)
        {
            string fileName, contentType;
            if (attachment.StoredFileId is { } fileId)
            {
                var local = db.Files.Local.FirstOrDefault(f => f.Id == fileId);
                var stored = local is not null ? new { local.FileName, local.ContentType }
                    : await db.Files.Where(f => f.Id == fileId).Select(f => new { f.FileName, f.ContentType }).SingleOrDefaultAsync(ct)
                      ?? throw new ArgumentException($"Stored file {fileId} does not exist in this company.", nameof(mail));
                fileName = attachment.FileName ?? stored.FileName;
                contentType = attachment.ContentType ?? stored.ContentType;
            }
            else
            {
                fileName = attachment.FileName!;
                contentType = attachment.ContentType!;
            }
            if (!MimeKit.ContentType.TryParse(contentType, out _)) throw new ArgumentException($"'{contentType}' is not a content type.", nameof(mail));
            message.Attachments.Add(OutboxAttachment.Create(id, position++, fileName, contentType, attachment.StoredFileId, attachment.Content));
        }

        db.Add(message);
        audit.Record("email.queued", mail.EntityType, mail.EntityId, after: new
        {
            emailId = id,
            to = mail.To,
            cc = mail.Cc,
            subject = mail.Subject,
            attachments = message.Attachments.Select(a => a.FileName).ToArray(),
        });
        if (!_wakeSenderOnSave)
        {
            _wakeSenderOnSave = true;
            db.SavedChanges += (_, _) => signal.Notify();
        }
        return id;
    }

    /// <summary>The e-mails about one record, newest first, e.g. to show "sent on … to …" on an invoice.
    /// The caller checks that the user may read the record.</summary>
    public async Task<IReadOnlyList<EmailDelivery>> ListForEntityAsync(string entityType, Guid entityId, CancellationToken ct)
    {
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.EntityType == entityType && m.EntityId == entityId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .ToListAsync(ct);
        return [.. messages.Select(EmailDelivery.From)];
    }

    public static bool IsValidAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address) && MailboxAddress.TryParse(address, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal)
        && parsed.Address == address;
}

/// <summary>Wakes the sender of this process when a mail was just committed, so it need not wait for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
        }
    }

    public Task WaitAsync(CancellationToken ct) => _signal.WaitAsync(ct);

    public void Dispose() => _signal.Dispose();
}
