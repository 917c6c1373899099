using System.Collections.ObjectModel;

namespace Koban.Domain.Common;

/// <summary>How the API reports a <see cref="DomainException"/> (architecture.md, style rule 7).</summary>
public enum DomainErrorKind
{
    /// <summary>A business rule refused the request: HTTP 422.</summary>
    BusinessRule,

    /// <summary>The request conflicts with the current state of a record (e.g. <c>document_frozen</c>): HTTP 409.</summary>
    Conflict,
}

/// <summary>
/// A refusal by the domain. <see cref="Code"/> is the stable contract with clients (every code is listed in
/// <see cref="ErrorCodes"/>, which carries its French and English message); <see cref="Exception.Message"/> is English
/// for logs only.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    /// <summary>snake_case, one of <see cref="ErrorCodes"/>.</summary>
    public string Code { get; } = string.IsNullOrWhiteSpace(code) ? throw new ArgumentException("A domain error needs a code.", nameof(code)) : code;

    /// <summary>camelCase property path of the offending input (e.g. <c>days</c>, <c>address.postalCode</c>), so a form can show the error next to the field.</summary>
    public string? Field { get; init; }

    /// <summary>Values the localized messages interpolate (e.g. <c>maximumDays</c>); kept typed so each language formats numbers its own way.</summary>
    public IReadOnlyDictionary<string, object> Arguments { get; init; } = ReadOnlyDictionary<string, object>.Empty;

    /// <summary>Values the problem carries as members of its own (camelCase name → ISO string or number), for a client to
    /// act on without reading the text (e.g. <c>earliestTerminationDate</c>, which a form can offer).</summary>
    public IReadOnlyDictionary<string, object> Members { get; init; } = ReadOnlyDictionary<string, object>.Empty;

    /// <summary>Every field refused by one check, when it reports them all at once (e.g. each missing mandatory mention),
    /// each with its own field and arguments; the API lists them all in the problem's <c>errors</c>.</summary>
    public IReadOnlyList<DomainException> Details { get; init; } = [];

    /// <summary>The same error reported on another field (an item of a list the caller knows the index of).</summary>
    public DomainException AtField(string field) => this is DomainConflictException
        ? new DomainConflictException(Code, Message) { Field = field, Arguments = Arguments, Members = Members, Details = Details }
        : new DomainException(Code, Message) { Field = field, Arguments = Arguments, Members = Members, Details = Details };

    public virtual DomainErrorKind Kind => DomainErrorKind.BusinessRule;
}

/// <summary>The request is fine in itself but the record's current state forbids it (e.g. editing a validated invoice): HTTP 409.</summary>
public sealed class DomainConflictException(string code, string message) : DomainException(code, message)
{
    public override DomainErrorKind Kind => DomainErrorKind.Conflict;
}
