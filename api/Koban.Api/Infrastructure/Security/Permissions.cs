using System.Collections.Frozen;

namespace Koban.Api.Infrastructure.Security;

public enum Access
{
    Read,
    Write,
}

/// <summary>The rights matrix (README "Roles and permissions"). A permission is <c>resource:read</c> or
/// <c>resource:write</c>; write implies read. Users get them from their role, API keys from their scopes.</summary>
public static class Permissions
{
    public const string Company = "company";
    public const string Users = "users";
    public const string ApiKeys = "api-keys";
    public const string Audit = "audit";
    public const string Customers = "customers";
    public const string Products = "products";
    public const string Opportunities = "opportunities";
    public const string Quotes = "quotes";
    public const string Orders = "orders";
    public const string DeliveryNotes = "delivery-notes";
    public const string Projects = "projects";
    public const string Contracts = "contracts";
    public const string BillingSchedules = "billing-schedules";
    public const string TimeEntries = "time-entries";
    public const string Invoices = "invoices";
    public const string CreditNotes = "credit-notes";
    public const string Payments = "payments";
    public const string Receivables = "receivables";
    public const string Accounting = "accounting";
    public const string EInvoices = "e-invoices";
    public const string DocumentTemplates = "document-templates";
    public const string Webhooks = "webhooks";

    public static readonly IReadOnlyList<string> Resources =
    [
        Company, Users, ApiKeys, Audit, Customers, Products, Opportunities, Quotes, Orders, DeliveryNotes, Projects,
        Contracts, BillingSchedules, TimeEntries, Invoices, CreditNotes, Payments, Receivables, Accounting, EInvoices,
        DocumentTemplates, Webhooks,
    ];

    /// <summary>Every scope an API key may hold.</summary>
    public static readonly IReadOnlyList<string> AllScopes =
        [.. Resources.SelectMany(r => new[] { Name(r, Access.Read), Name(r, Access.Write) })];

    private static readonly string[] AdminOnlyReads = [Users, ApiKeys, Webhooks];

    private static readonly FrozenDictionary<UserRole, FrozenSet<string>> ByRole = new Dictionary<UserRole, FrozenSet<string>>
    {
        [UserRole.Admin] = AllScopes.ToFrozenSet(),
        [UserRole.Sales] = Reads(Audit).Concat(Writes(Customers, Products, Opportunities, Quotes, Orders, DeliveryNotes, Projects, Contracts, BillingSchedules, TimeEntries)).ToFrozenSet(),
        [UserRole.Accountant] = Reads().Concat(Writes(Invoices, CreditNotes, Payments, Receivables, Accounting, EInvoices, TimeEntries)).ToFrozenSet(),
        [UserRole.Viewer] = Reads(Audit).ToFrozenSet(),
    }.ToFrozenDictionary();

    public static string Name(string resource, Access access) => $"{resource}:{(access == Access.Read ? "read" : "write")}";

    public static IReadOnlySet<string> ForRole(UserRole role) => ByRole[role];

    /// <summary>True when the granted set allows the permission (a write grant covers reads).</summary>
    public static bool Allows(IEnumerable<string> granted, string resource, Access access)
    {
        var set = granted as IReadOnlySet<string> ?? granted.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Name(resource, access)) || (access == Access.Read && set.Contains(Name(resource, Access.Write)));
    }

    private static IEnumerable<string> Reads(params string[] except) =>
        Resources.Except(AdminOnlyReads).Except(except).Select(r => Name(r, Access.Read));

    private static IEnumerable<string> Writes(params string[] resources) =>
        resources.SelectMany(r => new[] { Name(r, Access.Read), Name(r, Access.Write) });
}
