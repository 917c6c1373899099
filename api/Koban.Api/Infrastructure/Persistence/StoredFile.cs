using System.Security.Cryptography;
using Koban.Domain.Common;

namespace Koban.Api.Infrastructure.Persistence;

/// <summary>A file kept in PostgreSQL (domain-rules §8: every API instance sees it): logos, archived PDFs, exports.</summary>
public sealed class StoredFile : ICompanyOwned
{
    private StoredFile()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }
    public string Purpose { get; private set; } = string.Empty;
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public byte[] Content { get; private set; } = [];
    public string Sha256 { get; private set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; private set; }

    public static StoredFile Create(string purpose, string fileName, string contentType, byte[] content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Purpose = purpose,
        FileName = fileName,
        ContentType = contentType,
        Content = content,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        CreatedAt = now,
    };
}
