using System.Text.RegularExpressions;
using Koban.Domain.Common;

namespace Koban.Domain.Receivables.Reminders;

/// <summary>
/// One step of a company's reminder sequence (relances): number 1..n in order, a name, how many days after the due date
/// it is due, and the e-mail subject and body with placeholders (<see cref="ReminderTemplate.Placeholders"/>).
/// </summary>
public sealed record ReminderLevel(int Level, string Name, int DaysAfterDue, string Subject, string Body);

/// <summary>The rules on a whole sequence of levels, and the sequence a new company starts with.</summary>
public static class ReminderLevels
{
    public const int MaxLevels = 6;
    public const int MaxDaysAfterDue = 365;

    /// <summary>A friendly reminder 7 days after the due date, a firm one at 30, a formal notice (mise en demeure) at 45.</summary>
    public static IReadOnlyList<ReminderLevel> Defaults { get; } =
    [
        new(1, "Relance amicale", 7,
            "Rappel : facture {invoiceNumber} échue le {dueDate}",
            """
            Bonjour,

            Sauf erreur de notre part, la facture {invoiceNumber} arrivée à échéance le {dueDate} reste impayée à ce jour ({daysLate} jours de retard). Le montant restant dû est de {amountDue}.

            Il s'agit peut-être d'un simple oubli : nous vous remercions de bien vouloir procéder à son règlement dans les meilleurs délais. Si votre paiement a été effectué entre-temps, merci de ne pas tenir compte de ce message.

            Vous trouverez la facture en pièce jointe.

            Cordialement,
            {company}
            """),
        new(2, "Relance ferme", 30,
            "Deuxième relance : facture {invoiceNumber} impayée",
            """
            Bonjour,

            Malgré notre précédent rappel, la facture {invoiceNumber} échue le {dueDate} n'est toujours pas réglée : {amountDue} restent dus, avec {daysLate} jours de retard.

            Nous vous demandons de régulariser cette situation sous huit jours. {penalties}

            Pour toute question ou contestation de cette facture, merci de nous contacter sans attendre.

            Cordialement,
            {company}
            """),
        new(3, "Mise en demeure", 45,
            "Mise en demeure de payer : facture {invoiceNumber}",
            """
            Madame, Monsieur,

            En dépit de nos relances, la facture {invoiceNumber} échue le {dueDate} demeure impayée ({daysLate} jours de retard).

            Par la présente, nous vous mettons en demeure de nous régler la somme de {amountDue} dans un délai de huit jours à compter de la réception de ce courrier. {penalties}

            À défaut de règlement dans ce délai, nous nous verrons contraints d'engager une procédure de recouvrement, sans autre avis.

            Veuillez agréer, Madame, Monsieur, nos salutations distinguées.
            {company}
            """),
    ];

    /// <summary>Checks a sequence typed by a user: 1 to <see cref="MaxLevels"/> levels numbered 1..n, each later than the
    /// previous, with a name, a subject and a body using only known placeholders. Returns it trimmed.</summary>
    public static IReadOnlyList<ReminderLevel> Validate(IReadOnlyList<ReminderLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count is 0 or > MaxLevels)
        {
            throw new DomainException(ErrorCodes.ReminderLevelsCount, $"A reminder sequence has 1 to {MaxLevels} levels.")
            {
                Field = "levels",
                Arguments = new Dictionary<string, object> { ["max"] = MaxLevels },
            };
        }
        var result = new List<ReminderLevel>(levels.Count);
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var path = $"levels[{i}]";
            if (string.IsNullOrWhiteSpace(level.Name) || string.IsNullOrWhiteSpace(level.Subject) || string.IsNullOrWhiteSpace(level.Body))
            {
                var field = string.IsNullOrWhiteSpace(level.Name) ? "name" : string.IsNullOrWhiteSpace(level.Subject) ? "subject" : "body";
                throw new DomainException(ErrorCodes.ReminderLevelTextRequired, $"Level {i + 1} needs a name, a subject and a body.") { Field = $"{path}.{field}" };
            }
            var previous = i == 0 ? 0 : levels[i - 1].DaysAfterDue;
            if (level.DaysAfterDue <= previous || level.DaysAfterDue > MaxDaysAfterDue)
            {
                throw new DomainException(ErrorCodes.ReminderLevelDaysOrder, $"Level {i + 1} at {level.DaysAfterDue} days must come after {previous} days.")
                {
                    Field = $"{path}.daysAfterDue",
                    Arguments = new Dictionary<string, object> { ["level"] = i + 1, ["previous"] = previous, ["max"] = MaxDaysAfterDue },
                };
            }
            ReminderTemplate.Validate(level.Subject, $"{path}.subject");
            ReminderTemplate.Validate(level.Body, $"{path}.body");
            result.Add(new ReminderLevel(i + 1, level.Name.Trim(), level.DaysAfterDue, level.Subject.Trim(), level.Body.Trim()));
        }
        return result;
    }
}

/// <summary>What a reminder's texts may insert. Amounts and dates are written the French way.</summary>
public sealed record ReminderValues(
    string Customer,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    decimal AmountDue,
    decimal InvoiceTotal,
    int DaysLate,
    string Company,
    string Penalties);

/// <summary><c>{customer}</c>, <c>{invoiceNumber}</c>, <c>{invoiceDate}</c>, <c>{dueDate}</c>, <c>{amountDue}</c>,
/// <c>{invoiceTotal}</c>, <c>{daysLate}</c>, <c>{company}</c> and <c>{penalties}</c> (the late-payment sentence for a
/// business customer, empty for an individual) in reminder texts.</summary>
public static partial class ReminderTemplate
{
    public static readonly IReadOnlyList<string> Placeholders =
        ["customer", "invoiceNumber", "invoiceDate", "dueDate", "amountDue", "invoiceTotal", "daysLate", "company", "penalties"];

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex Placeholder();

    public static string Render(string template, ReminderValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customer"] = values.Customer,
            ["invoiceNumber"] = values.InvoiceNumber,
            ["invoiceDate"] = Invoicing.FrenchText.Date(values.InvoiceDate),
            ["dueDate"] = Invoicing.FrenchText.Date(values.DueDate),
            ["amountDue"] = Invoicing.FrenchText.Amount(values.AmountDue),
            ["invoiceTotal"] = Invoicing.FrenchText.Amount(values.InvoiceTotal),
            ["daysLate"] = values.DaysLate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["company"] = values.Company,
            ["penalties"] = values.Penalties,
        };
        return Placeholder().Replace(template, m => map.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value).Trim();
    }

    /// <summary>The sentence <c>{penalties}</c> inserts for a business customer (domain-rules §7).</summary>
    public static string PenaltiesSentence(decimal annualRatePercent) =>
        "Nous vous rappelons que tout retard de paiement entraîne de plein droit des pénalités de retard au taux annuel de "
        + Invoicing.FrenchText.Percent(annualRatePercent)
        + " ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce).";

    public static void Validate(string? text, string field)
    {
        var unknown = text is null ? null : Placeholder().Matches(text).Select(m => m.Groups[1].Value).FirstOrDefault(n => !Placeholders.Contains(n, StringComparer.Ordinal));
        if (unknown is null) return;
        throw new DomainException(ErrorCodes.TemplatePlaceholderUnknown, $"Unknown placeholder {{{unknown}}} in {field}.")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["placeholder"] = $"{{{unknown}}}", ["allowed"] = string.Join(", ", Placeholders.Select(n => $"{{{n}}}")) },
        };
    }
}
