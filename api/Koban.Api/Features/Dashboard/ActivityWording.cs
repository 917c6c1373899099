using System.Collections.Frozen;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Features.Dashboard;

/// <summary>
/// The recent activity in French: "Anne Comptable a validé la facture FA-2026-00012". Only changes to business
/// documents and records are shown (not sign-ins or settings), each visible only to a caller who may read that kind of
/// record.
/// </summary>
public static class ActivityWording
{
    /// <summary>The kinds of record the activity shows → the permission that reads them, and their noun with its article.</summary>
    public static readonly FrozenDictionary<string, (string Resource, string Noun)> Entities = new Dictionary<string, (string, string)>
    {
        ["invoice"] = (Permissions.Invoices, "la facture"),
        ["creditNote"] = (Permissions.CreditNotes, "l'avoir"),
        ["quote"] = (Permissions.Quotes, "le devis"),
        ["order"] = (Permissions.Orders, "la commande"),
        ["payment"] = (Permissions.Payments, "le règlement"),
        ["customer"] = (Permissions.Customers, "le client"),
        ["product"] = (Permissions.Products, "l'article"),
        ["opportunity"] = (Permissions.Opportunities, "l'opportunité"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Verbs = new Dictionary<string, string>
    {
        ["created"] = "a créé",
        ["updated"] = "a modifié",
        ["deleted"] = "a supprimé",
        ["validated"] = "a validé",
        ["sent"] = "a envoyé",
        ["accepted"] = "a enregistré l'acceptation de",
        ["refused"] = "a enregistré le refus de",
        ["cancelled"] = "a annulé",
        ["closed"] = "a clôturé",
        ["billing_schedule_changed"] = "a modifié l'échéancier de",
        ["credited"] = "a émis un avoir sur",
        ["reminded"] = "a relancé le client pour",
        ["disputed"] = "a signalé un litige sur",
        ["disputeCleared"] = "a levé le litige sur",
        ["writtenOff"] = "a passé en perte",
        ["applied"] = "a imputé",
        ["recorded"] = "a enregistré",
        ["allocated"] = "a lettré",
        ["identified"] = "a identifié",
        ["refunded"] = "a remboursé",
        ["contact_added"] = "a ajouté un contact à",
        ["contact_updated"] = "a modifié un contact de",
        ["contact_removed"] = "a retiré un contact de",
        ["won"] = "a gagné",
        ["lost"] = "a perdu",
        ["reopened"] = "a rouvert",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> EmailVerbs = new Dictionary<string, string>
    {
        ["email.queued"] = "a envoyé par e-mail",
        ["email.sent"] = "a envoyé par e-mail",
        ["email.retry_requested"] = "a renvoyé par e-mail",
        ["email.failed"] = "n'a pas pu envoyer par e-mail",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The kinds of record the caller may not read, whose events are left out.</summary>
    public static IReadOnlyList<string> Hidden(Func<string, bool> canRead) => [.. Entities.Where(e => !canRead(e.Value.Resource)).Select(e => e.Key)];

    /// <summary>"Anne Comptable a validé la facture FA-2026-00012"; the system when nobody signed in acted (a scheduled job).</summary>
    public static string Sentence(string? actorName, string action, string entityType, string? documentLabel)
    {
        ArgumentNullException.ThrowIfNull(action);
        var who = string.IsNullOrWhiteSpace(actorName) ? "Koban" : actorName;
        var noun = Entities.TryGetValue(entityType, out var entity) ? entity.Noun : "l'élément";
        var what = documentLabel is null ? noun : $"{noun} {documentLabel}";
        if (EmailVerbs.TryGetValue(action, out var email)) return $"{who} {email} {what}";
        var dot = action.LastIndexOf('.');
        var verb = Verbs.GetValueOrDefault(dot < 0 ? action : action[(dot + 1)..]);
        return verb is null ? $"{who} : {what} ({action})" : $"{who} {Elide(verb, what)}";
    }

    /// <summary>"a imputé l'avoir", "l'échéancier de la commande" — and "de le" becomes "du".</summary>
    private static string Elide(string verb, string what)
    {
        if (verb.EndsWith(" de", StringComparison.Ordinal))
        {
            var stem = verb[..^3];
            if (what.StartsWith("le ", StringComparison.Ordinal)) return $"{stem} du {what[3..]}";
            if (what.StartsWith("l'", StringComparison.Ordinal)) return $"{stem} de {what}";
        }
        if (verb.EndsWith(" à", StringComparison.Ordinal) && what.StartsWith("le ", StringComparison.Ordinal)) return $"{verb[..^2]} au {what[3..]}";
        return $"{verb} {what}";
    }
}
