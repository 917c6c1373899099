using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Infrastructure.Mail;

/// <summary>
/// The records an e-mail can be about (same names as the audit log's entity types) and the permission resource that
/// guards them: reading the e-mails of an invoice needs <c>invoices:read</c>, retrying one <c>invoices:write</c>.
/// Add a line here when a new kind of record sends mail.
/// </summary>
public static class MailEntityTypes
{
    private static readonly Dictionary<string, string> Resources = new(StringComparer.Ordinal)
    {
        ["company"] = Permissions.Company,
        ["user"] = Permissions.Users,
        ["customer"] = Permissions.Customers,
        ["quote"] = Permissions.Quotes,
        ["order"] = Permissions.Orders,
        ["delivery_note"] = Permissions.DeliveryNotes,
        ["invoice"] = Permissions.Invoices,
        ["credit_note"] = Permissions.CreditNotes,
        ["payment"] = Permissions.Payments,
        ["contract"] = Permissions.Contracts,
    };

    public static IReadOnlyCollection<string> Names => Resources.Keys;

    public static string? ResourceFor(string? entityType) =>
        entityType is not null && Resources.TryGetValue(entityType, out var resource) ? resource : null;
}
