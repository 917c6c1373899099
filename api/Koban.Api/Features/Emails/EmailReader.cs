using Koban.Api.Infrastructure.Mail;

namespace Koban.Api.Features.Emails;

/// <summary>Builds the e-mail responses of every use case of the feature: an outbox message reads as its
/// <see cref="EmailDelivery"/> (defined with the outbox, which also reports deliveries elsewhere).</summary>
internal static class EmailReader
{
    public static EmailDelivery Delivery(OutboxMessage message) => EmailDelivery.From(message);

    public static EmailList List(IEnumerable<OutboxMessage> messages, string? nextCursor, bool hasMore) => new([.. messages.Select(Delivery)], nextCursor, hasMore);
}
