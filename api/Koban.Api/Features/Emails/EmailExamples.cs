using Koban.Api.Infrastructure.Mail;

namespace Koban.Api.Features.Emails;

/// <summary>Typed examples of the e-mail endpoints for openapi.yaml, built from the real DTOs.</summary>
internal static class EmailExamples
{
    public static readonly EmailDelivery Delivery = new(
        Guid.Parse("01936b40-0000-7000-8000-0000000000d1"), "invoice", Guid.Parse("01936b40-0000-7000-8000-0000000000f1"),
        ["compta@client.example.fr"], ["claire@client.example.fr"], "Facture FA-2026-00042 – Atelier Koban Démo SAS", ["FA-2026-00042.pdf"],
        EmailStatus.Sent, 1, null, null, new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 9, 30, 2, TimeSpan.Zero),
        "Camille Admin");
}
