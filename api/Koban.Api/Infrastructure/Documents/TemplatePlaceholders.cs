using System.Text.RegularExpressions;
using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Common;

namespace Koban.Api.Infrastructure.Documents;

/// <summary>The values an e-mail subject or body may insert. Amount and date are formatted in French, like the document.</summary>
public sealed record TemplatePlaceholderValues(string? Number, decimal Amount, DateOnly? DueDate, string CustomerName, string CompanyName)
{
    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["number"] = Number ?? "",
        ["amount"] = FrenchFormat.Money(Amount),
        ["dueDate"] = DueDate is { } due ? FrenchFormat.Date(due) : "",
        ["customerName"] = CustomerName,
        ["companyName"] = CompanyName,
    };
}

/// <summary><c>{number}</c>, <c>{amount}</c>, <c>{dueDate}</c>, <c>{customerName}</c>, <c>{companyName}</c> in e-mail texts.</summary>
public static partial class TemplatePlaceholders
{
    public static readonly IReadOnlyList<string> Names = ["number", "amount", "dueDate", "customerName", "companyName"];

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>Replaces every known placeholder by its value; anything else is left as typed.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    public static string Fill(string text, TemplatePlaceholderValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Fill(text, values.ToDictionary());
    }

    /// <summary>The first <c>{name}</c> in the text that is not a known placeholder, or null.</summary>
    public static string? FirstUnknown(string? text) =>
        text is null ? null : Placeholder().Matches(text).Select(m => m.Groups[1].Value).FirstOrDefault(n => !Names.Contains(n, StringComparer.Ordinal));

    /// <summary>Refuses a text with an unknown placeholder (422 <c>template_placeholder_unknown</c> naming the field).</summary>
    public static void Validate(string? text, string field)
    {
        if (FirstUnknown(text) is { } unknown)
        {
            throw new DomainException(ErrorCodes.TemplatePlaceholderUnknown, $"Unknown placeholder {{{unknown}}} in {field}.")
            {
                Field = field,
                Arguments = new Dictionary<string, object> { ["placeholder"] = $"{{{unknown}}}", ["allowed"] = string.Join(", ", Names.Select(n => $"{{{n}}}")) },
            };
        }
    }
}
