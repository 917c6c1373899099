namespace Koban.Api.Infrastructure.Mail;

/// <summary>
/// An e-mail to queue with <see cref="MailOutbox.EnqueueAsync"/>. The sender is the company (display name = its legal
/// name unless <see cref="FromName"/> says otherwise) at the configured address <c>Koban:Smtp:From</c>; put the person to
/// answer in <see cref="ReplyTo"/>. Every mail is about one record (<see cref="EntityType"/>, <see cref="EntityId"/>,
/// the same names as in the audit log: <c>invoice</c>, <c>credit_note</c>, <c>user</c>…), which decides who may see its
/// delivery status and where its audit events appear.
/// </summary>
public sealed record OutgoingMail
{
    public required IReadOnlyList<string> To { get; init; }
    public IReadOnlyList<string> Cc { get; init; } = [];
    public string? ReplyTo { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public string? HtmlBody { get; init; }
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
    public required string EntityType { get; init; }
    public required Guid EntityId { get; init; }
    public string? FromName { get; init; }

    /// <summary>Blank the body once sent (it holds a secret such as a password link).</summary>
    public bool RedactBodyWhenSent { get; init; }
}

/// <summary>A file to attach: either a row of <c>stored_files</c> (archived PDFs: referenced, never copied) or bytes.</summary>
public sealed record MailAttachment
{
    private MailAttachment(string? fileName, string? contentType, Guid? storedFileId, byte[]? content)
    {
        FileName = fileName;
        ContentType = contentType;
        StoredFileId = storedFileId;
        Content = content;
    }

    /// <summary>Null for a stored file: its own file name is used.</summary>
    public string? FileName { get; }

    /// <summary>Null for a stored file: its own content type is used.</summary>
    public string? ContentType { get; }

    public Guid? StoredFileId { get; }
    public byte[]? Content { get; }

    /// <summary>Attaches a file kept in <c>stored_files</c> (of the current company), optionally under another name.</summary>
    public static MailAttachment FromStoredFile(Guid storedFileId, string? fileName = null, string? contentType = null) =>
        new(fileName, contentType, storedFileId, null);

    public static MailAttachment FromBytes(string fileName, string contentType, byte[] content) =>
        new(fileName, contentType, null, content);
}
