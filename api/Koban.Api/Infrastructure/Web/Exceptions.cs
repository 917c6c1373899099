namespace Koban.Api.Infrastructure.Web;

/// <summary>An id in the path that does not exist for the current company (404): another company's id looks exactly like a missing one.</summary>
public sealed class NotFoundException(string entity, Guid? id = null)
    : Exception($"{entity} {id} was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>An id inside a request body that does not exist for the current company (422 reference_not_found, naming the field).</summary>
public sealed class ReferenceNotFoundException(string field)
    : Exception($"The record referenced by '{field}' was not found.")
{
    public string Field { get; } = field;
}

/// <summary>An update sent without If-Match (428).</summary>
public sealed class PreconditionRequiredException() : Exception("This update requires an If-Match header.");

/// <summary>An update whose If-Match no longer matches the stored version (412).</summary>
public sealed class PreconditionFailedException() : Exception("The record was changed since it was read.");

/// <summary>A request refused for a reason other than the role matrix, e.g. a pending password change (403).</summary>
public sealed class ForbiddenException(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>A field-level input error raised outside FluentValidation (e.g. a uniqueness check), reported as 400.</summary>
public sealed class FieldValidationException(string field, string code) : Exception(code)
{
    public string Field { get; } = field;
    public string Code { get; } = code;
}

/// <summary>Credentials refused at sign-in (401), with the reason's code.</summary>
public sealed class UnauthenticatedException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
