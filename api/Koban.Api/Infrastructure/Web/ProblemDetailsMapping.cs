using System.Text.Json;
using FluentValidation;
using Koban.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Web;

/// <summary>The one place where failures become RFC 9457 problem details. Every response carries a stable
/// <c>code</c>, a localized title and, for field errors, <c>errors</c> keyed by camelCase property path.
/// No exception text or stack trace of an unexpected failure leaves the server.</summary>
public sealed class ProblemDetailsMapping(ILogger<ProblemDetailsMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (CommittedRequests.CommittedBefore(http, exception))
        {
            await CommittedRequests.WriteAsync(http, exception); // the change happened: never answer an error for it
            return true;
        }
        var problem = Map(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        await Problems.WriteAsync(http, problem);
        return true;
    }

    /// <summary>What a 503 asks the client to wait before retrying: long enough for a database fail-over or restart.</summary>
    public const int RetryAfterSeconds = 5;

    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        _ when IsTransientDatabaseFailure(exception) => Problems.Create(StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.ServiceUnavailable),
        _ when Find<Npgsql.PostgresException>(exception) is { SqlState: var state } && state.StartsWith("22", StringComparison.Ordinal) => DataException(exception, state),
        OverflowException => Problems.Validation(new Dictionary<string, string[]> { ["body"] = [ErrorCatalog.Message(ApiErrorCodes.ValidationFailed)] }),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Problems.Create(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.Create(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.PayloadTooLarge),
        ValidationException v => Problems.Validation(v.Errors
            .GroupBy(e => JsonPath.ToCamelPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        FieldValidationException f => Problems.Validation(new Dictionary<string, string[]> { [f.Field] = [ErrorCatalog.Message(f.Code)] }, f.Code),
        BadHttpRequestException b => MalformedRequest(b),
        JsonException j => MalformedRequest(j),
        NotFoundException => Problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound),
        ReferenceNotFoundException r => Problems.Create(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.ReferenceNotFound,
            errors: new Dictionary<string, string[]> { [r.Field] = [ErrorCatalog.Message(ApiErrorCodes.ReferenceNotFound)] }),
        DomainException d => WithMembers(Problems.Create(
            d.Kind == DomainErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            d.Code,
            detail: d.Code == Koban.Domain.Common.ErrorCodes.DocumentFrozen && d.Field is not null
                ? FrozenFields.Describe(d.Field, System.Globalization.CultureInfo.CurrentUICulture)
                : ErrorCatalog.Message(d.Code, d.Arguments),
            errors: DomainErrors(d),
            arguments: d.Arguments), d.Members),
        PreconditionRequiredException => Problems.Create(StatusCodes.Status428PreconditionRequired, ApiErrorCodes.IfMatchRequired),
        PreconditionFailedException or DbUpdateConcurrencyException => Problems.Create(StatusCodes.Status412PreconditionFailed, ApiErrorCodes.StaleVersion),
        ForbiddenException f => Problems.Create(StatusCodes.Status403Forbidden, f.Code),
        UnauthenticatedException u => Problems.Create(StatusCodes.Status401Unauthorized, u.Code),
        _ => Problems.Create(StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError),
    };

    /// <summary>The refusal's machine-readable members (<see cref="DomainException.Members"/>) beside <c>code</c>; a member
    /// never replaces one the problem already has.</summary>
    private static ProblemDetails WithMembers(ProblemDetails problem, IReadOnlyDictionary<string, object> members)
    {
        foreach (var (name, value) in members) problem.Extensions.TryAdd(name, value);
        return problem;
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }
        return null;
    }

    /// <summary>The database cannot be reached or dropped the connection (restart, fail-over, network): worth retrying, not a bug.</summary>
    internal static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true }) return true;
            if (e is Npgsql.PostgresException) return false;
        }
        return false;
    }

    /// <summary>PostgreSQL refused a value (SQLSTATE class 22: too long, out of range, invalid character): bad input, never a 500.
    /// A too-long text is traced back to its property through the tracked entities.</summary>
    private static ProblemDetails DataException(Exception exception, string state)
    {
        var field = "body";
        if (state == Npgsql.PostgresErrorCodes.StringDataRightTruncation && exception is DbUpdateException update)
        {
            var tooLong = update.Entries.SelectMany(e => e.Properties)
                .FirstOrDefault(p => p.Metadata.GetMaxLength() is { } max && p.CurrentValue is string text && text.Length > max);
            if (tooLong is not null) field = JsonPath.ToCamelPath(tooLong.Metadata.Name);
        }
        return Problems.Validation(new Dictionary<string, string[]> { [field] = [ErrorCatalog.Message(ApiErrorCodes.ValidationFailed)] });
    }

    /// <summary>The field errors of a domain refusal: each of its <see cref="DomainException.Details"/>, else its own field.</summary>
    private static Dictionary<string, string[]>? DomainErrors(DomainException d)
    {
        if (d.Details.Count > 0)
        {
            return d.Details.Where(x => x.Field is not null).GroupBy(x => x.Field!)
                .ToDictionary(g => g.Key, g => g.Select(x => ErrorCatalog.Message(x.Code, x.Arguments)).Distinct().ToArray());
        }
        return d.Field is null ? null : new Dictionary<string, string[]> { [d.Field] = [ErrorCatalog.Message(d.Code, d.Arguments)] };
    }

    /// <summary>Gives a problem written by the framework itself (status code pages: 404 of an unknown route, 405, 415…)
    /// the same shape as ours: a stable <c>code</c> and a title in the caller's language instead of the English reason phrase.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;
        var code = CodeForStatus(problem.Status ?? StatusCodes.Status500InternalServerError) ?? ApiErrorCodes.HttpError;
        problem.Title = ErrorCatalog.Message(code);
        problem.Detail = null;
        problem.Type = $"https://koban.fr/problems/{code.Replace('_', '-')}";
        problem.Extensions["code"] = code;
    }

    /// <summary>The stable code of a status the server sets by itself (routing, Kestrel limits, authentication), or null
    /// for a status that has no code of its own.</summary>
    public static string? CodeForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ApiErrorCodes.MalformedRequest,
        StatusCodes.Status401Unauthorized => ApiErrorCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ApiErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ApiErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ApiErrorCodes.MethodNotAllowed,
        StatusCodes.Status409Conflict => ApiErrorCodes.Conflict,
        StatusCodes.Status413PayloadTooLarge => ApiErrorCodes.PayloadTooLarge,
        StatusCodes.Status414RequestUriTooLong => ApiErrorCodes.UriTooLong,
        StatusCodes.Status415UnsupportedMediaType => ApiErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ApiErrorCodes.RateLimited,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ApiErrorCodes.HeadersTooLarge,
        StatusCodes.Status503ServiceUnavailable => ApiErrorCodes.ServiceUnavailable,
        >= 500 => ApiErrorCodes.InternalError,
        _ => null,
    };

    private static ProblemDetails MalformedRequest(Exception exception)
    {
        var json = exception as JsonException ?? exception.InnerException as JsonException;
        var prefix = json?.Path is { Length: > 1 } jsonPath ? JsonPath.FromJsonPath(jsonPath) : "";
        if (json is not null && InputGuard.MissingProperties(json) is { Count: > 0 } missing)
        {
            return Problems.Validation(missing.ToDictionary(
                m => prefix.Length == 0 ? m : $"{prefix}.{m}",
                _ => new[] { ErrorCatalog.Message(ApiErrorCodes.FieldRequired) }));
        }
        if (json is not null && prefix.Length > 0 && json.Message.Contains("null value", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Validation(new Dictionary<string, string[]> { [prefix] = [ErrorCatalog.Message(ApiErrorCodes.FieldNotNullable)] });
        }
        var field = prefix.Length > 0 ? prefix : "body";
        if (json is null && exception.Message.Contains("parameter", StringComparison.OrdinalIgnoreCase))
        {
            // e.g. 'Failed to bind parameter "int limit" from "abc"': name the parameter, never echo internals.
            var start = exception.Message.IndexOf('"', StringComparison.Ordinal);
            var end = start >= 0 ? exception.Message.IndexOf('"', start + 1) : -1;
            if (end > start)
            {
                var words = exception.Message[(start + 1)..end].Split(' ');
                field = words[^1];
            }
        }
        return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.MalformedRequest,
            errors: new Dictionary<string, string[]> { [field] = [ErrorCatalog.Message(ApiErrorCodes.MalformedRequest)] });
    }
}

public static class Problems
{
    /// <summary>A problem of <paramref name="code"/>: its title is the catalogue's message in the request's language with
    /// the error's <paramref name="arguments"/> filled in, like the detail and every field message. The detail is kept
    /// only when it adds something to the title (e.g. which frozen field was touched).</summary>
    public static ProblemDetails Create(int status, string code, string? detail = null, IDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, object>? arguments = null)
    {
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Type = $"https://koban.fr/problems/{code.Replace('_', '-')}";
        problem.Title = ErrorCatalog.Message(code, arguments);
        // A detail that only repeats the title is left out: clients showing "title — detail" would say it twice.
        problem.Detail = string.IsNullOrWhiteSpace(detail) || string.Equals(detail.Trim(), problem.Title.Trim(), StringComparison.Ordinal) ? null : detail;
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemDetails Validation(IDictionary<string, string[]> errors, string code = ApiErrorCodes.ValidationFailed) =>
        Create(StatusCodes.Status400BadRequest, code, errors: errors);

    public static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        problem.Instance ??= http.Request.Path;
        problem.Extensions["traceId"] = http.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString() ?? http.TraceIdentifier;
        http.Response.StatusCode = problem.Status ?? 500;
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}

public static class JsonPath
{
    /// <summary>"Address.PostalCode" or "Lines[0].UnitPrice" → "address.postalCode", "lines[0].unitPrice".</summary>
    public static string ToCamelPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    /// <summary>System.Text.Json's "$.address.postalCode" → "address.postalCode".</summary>
    public static string FromJsonPath(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
