using Koban.Domain.Common;

namespace Koban.Domain.Sales;

internal static class DocumentErrors
{
    public static DomainConflictException InvalidTransition(string action, Enum status) =>
        new(ErrorCodes.InvalidStateTransition, $"Cannot {action} in status {status}.")
        {
            Arguments = new Dictionary<string, object> { ["status"] = status.ToString(), ["action"] = action },
        };

    public static DomainConflictException Frozen(string field) =>
        new(ErrorCodes.DocumentFrozen, $"'{field}' is frozen once the document is validated.")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["field"] = field },
        };

    public static string RequireNumber(string number) =>
        string.IsNullOrWhiteSpace(number)
            ? throw new DomainException(ErrorCodes.DocumentNumberRequired, "The document number is required.") { Field = "number" }
            : number.Trim();

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
