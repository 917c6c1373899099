using Koban.Api.Infrastructure.Mail;

namespace Koban.Api.Features.Emails;

public sealed record EmailList(IReadOnlyList<EmailDelivery> Items, string? NextCursor, bool HasMore);
