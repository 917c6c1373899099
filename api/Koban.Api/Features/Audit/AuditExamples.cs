using System.Text.Json;

namespace Koban.Api.Features.Audit;

/// <summary>Typed examples of the audit log for openapi.yaml, built from the real DTOs.</summary>
internal static class AuditExamples
{
    public static readonly AuditEventResponse AuditEvent = new(Guid.Parse("01936b31-0000-7000-8000-0000000000e1"), new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero),
        Guid.Parse("01936b2e-7f01-7d11-8e2a-1b4c5d6e7f80"), "Camille Admin", "company.profile_updated", "company", Guid.Parse("01936b2e-7f00-7c3a-9a52-3f8e2a1b4c5d"),
        JsonSerializer.SerializeToElement(new { rcsCity = "Lyon" }), JsonSerializer.SerializeToElement(new { rcsCity = "Villeurbanne" }));
}
