using Koban.Domain.Common;

namespace Koban.Api.Infrastructure.Web;

/// <summary>The first response to a POST carrying an <c>Idempotency-Key</c>, replayed for retries of the same request.</summary>
public sealed class IdempotencyRecord : ICompanyOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CompanyId { get; init; }
    /// <summary>The user or API key that sent it: keys are private to their sender.</summary>
    public required string Principal { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
}
