namespace Koban.Api.Infrastructure.Web;

/// <summary>Codes raised by the HTTP layer. Business codes live in <see cref="Koban.Domain.Common.ErrorCodes"/>;
/// every code of both classes has a French and an English message in <see cref="ErrorCatalog"/>.</summary>
public static class ApiErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string NotFound = "not_found";
    public const string ReferenceNotFound = "reference_not_found";
    public const string IfMatchRequired = "if_match_required";
    public const string StaleVersion = "stale_version";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string PasswordChangeRequired = "password_change_required";
    public const string CsrfTokenInvalid = "csrf_token_invalid";
    public const string InvalidCredentials = "invalid_credentials";
    public const string AccountLocked = "account_locked";
    public const string RateLimited = "rate_limited";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyInProgress = "idempotency_key_in_progress";
    public const string IdempotencyKeyInvalid = "idempotency_key_invalid";
    public const string EmailAlreadyUsed = "email_already_used";
    public const string PasswordTooWeak = "password_too_weak";
    public const string CurrentPasswordWrong = "current_password_wrong";
    public const string SignupDisabled = "signup_disabled";
    public const string UnknownScope = "unknown_scope";
    public const string FileTooLarge = "file_too_large";
    public const string FileTypeNotAllowed = "file_type_not_allowed";
    public const string LastAdmin = "last_admin";
    public const string CannotChangeOwnRole = "cannot_change_own_role";
    public const string ApiKeyRevoked = "api_key_revoked";
    public const string Conflict = "conflict";
    public const string LimitOutOfRange = "limit_out_of_range";
    public const string CursorInvalid = "cursor_invalid";
    public const string TimeZoneUnknown = "time_zone_unknown";
    public const string SortUnknown = "sort_unknown";
    public const string CsvEmpty = "csv_empty";
    public const string CsvTooManyRows = "csv_too_many_rows";
    public const string AccountingCodeTaken = "accounting_code_taken";
    public const string ProductCodeTaken = "product_code_taken";
    public const string CsvMissingColumn = "csv_missing_column";
    public const string ExpandUnknown = "expand_unknown";
    public const string InternalError = "internal_error";
    public const string OneOfFields = "one_of_fields";
    public const string EmailNotRetryable = "email_not_retryable";
    public const string EntityTypeUnknown = "entity_type_unknown";
    public const string TokenInvalid = "token_invalid";
    public const string TokenExpired = "token_expired";
    public const string TokenUsed = "token_used";
    public const string InvitationAlreadyAccepted = "invitation_already_accepted";
    public const string RoleRequired = "role_required";
    public const string PasswordTooCommon = "password_too_common";
}
