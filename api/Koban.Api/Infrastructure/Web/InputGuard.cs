using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Primitives;

namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// Shape rules every request obeys, enforced once for all endpoints rather than per validator:
/// <list type="bullet">
/// <item>no NUL character (U+0000) anywhere: PostgreSQL cannot store it (query, headers and path in <see cref="UseInputGuard"/>,
/// bound values and bodies in the endpoint filter);</item>
/// <item>dates between <see cref="MinYear"/> and <see cref="MaxYear"/> (a business document outside that range is a typing error,
/// and date arithmetic near year 1 or 9999 overflows);</item>
/// <item>instants are stored in UTC: a <see cref="DateTimeOffset"/> with another offset is converted (the same instant);</item>
/// <item>no array holds more than <see cref="MaxItems"/> items, and none holds <c>null</c>;</item>
/// <item>enum values are defined members (an integer or an unknown name is refused).</item>
/// </list>
/// </summary>
public static class InputGuard
{
    public const int MinYear = 1900;
    public const int MaxYear = 2999;
    public const int MaxItems = 500;
    /// <summary>Longest path and query string accepted (414 beyond).</summary>
    public const int MaxRequestTargetLength = 16 * 1024;

    /// <summary>Largest total of header names and values accepted (431 beyond).</summary>
    public const int MaxHeadersLength = 48 * 1024;
    private const int MaxDepth = 12;

    /// <summary>Request-wide checks done before routing and authentication: size of the request target and headers, and a NUL in
    /// the path, the query string or a header.</summary>
    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > MaxRequestTargetLength)
        {
            await Problems.WriteAsync(http, Problems.Create(StatusCodes.Status414RequestUriTooLong, ApiErrorCodes.UriTooLong));
            return;
        }
        if (request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0)) > MaxHeadersLength)
        {
            await Problems.WriteAsync(http, Problems.Create(StatusCodes.Status431RequestHeaderFieldsTooLarge, ApiErrorCodes.HeadersTooLarge));
            return;
        }
        if (FindNul(http.Request) is { } field)
        {
            await Problems.WriteAsync(http, Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.NulCharacter,
                errors: new Dictionary<string, string[]> { [field] = [ErrorCatalog.Message(ApiErrorCodes.NulCharacter)] }));
            return;
        }
        await next(http);
    });

    /// <summary>Statuses set without a body (by routing, Kestrel-level checks or a bare <c>Results.StatusCode</c>) still answer a
    /// problem document with a stable code: 405 for a wrong method, 415 for a wrong content type, and so on.</summary>
    public static IApplicationBuilder UseProblemStatusPages(this IApplicationBuilder app) => app.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var code = ProblemDetailsMapping.CodeForStatus(status);
        if (code is null) return;
        await Problems.WriteAsync(http, Problems.Create(status, code));
    });

    /// <summary>The answer for an /api request no endpoint serves: 415 when the path and method exist (the content type was refused),
    /// 405 (with <c>Allow</c>) when the path exists for other methods, else 404.
    /// The catch-all that sends it matches every method, which hides routing's own 405.</summary>
    public static Task UnmatchedApiPathAsync(HttpContext http)
    {
        var path = http.Request.Path;
        var allowed = http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.Contains("api/", StringComparison.Ordinal) && !raw.Contains("**", StringComparison.Ordinal))
            .Where(e => new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
                Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (allowed.Count == 0) return Problems.WriteAsync(http, Problems.Create(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound));
        if (allowed.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            // Path and method exist: routing set the endpoint aside for the body's content type.
            return Problems.WriteAsync(http, Problems.Create(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType));
        }
        http.Response.Headers.Allow = string.Join(", ", allowed);
        return Problems.WriteAsync(http, Problems.Create(StatusCodes.Status405MethodNotAllowed, ApiErrorCodes.MethodNotAllowed));
    }

    private static string? FindNul(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0') == true) return "path";
        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0') || HasNul(values)) return name.Replace("\0", string.Empty, StringComparison.Ordinal);
        }
        foreach (var (name, values) in request.Headers)
        {
            if (HasNul(values)) return name;
        }
        return null;
    }

    private static bool HasNul(StringValues values)
    {
        foreach (var value in values)
        {
            if (value?.Contains('\0') == true) return true;
        }
        return false;
    }

    /// <summary>Applies the rules to the arguments bound for each endpoint (body, query, route), naming the field that breaks one.</summary>
    public static TBuilder WithInputGuard<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(static (factory, next) =>
        {
            var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
            var parameters = factory.MethodInfo.GetParameters();
            // Each checked argument's name in error fields, read from its attributes once per endpoint, not per request.
            var checkedIndexes = parameters
                .Select((p, i) => (Parameter: p, Index: i))
                .Where(p => IsInput(p.Parameter, services))
                .Select(p => (p.Parameter, p.Index, Name: p.Parameter.GetCustomAttribute<AsParametersAttribute>() is null && !IsBody(p.Parameter) ? p.Parameter.Name ?? "value" : ""))
                .ToArray();
            if (checkedIndexes.Length == 0) return next;
            // enums bound from the query or the route: the framework parses them ignoring case and accepts integers
            var enums = checkedIndexes.Select(p => (Name: p.Parameter.Name, Type: EnumType(p.Parameter.ParameterType)))
                .Where(p => p.Name is not null && p.Type is not null && !p.Type.IsDefined(typeof(FlagsAttribute), false))
                .Select(p => (Name: p.Name!, Names: Enum.GetNames(p.Type!))).ToArray();
            return async context =>
            {
                var errors = new Dictionary<string, string[]>();
                foreach (var (name, names) in enums)
                {
                    StringValues raw = context.HttpContext.Request.RouteValues.TryGetValue(name, out var routeValue) && routeValue is string text
                        ? text : context.HttpContext.Request.Query[name];
                    if (raw.Any(v => !string.IsNullOrEmpty(v) && !names.Contains(v, StringComparer.Ordinal))) Add(errors, name, ApiErrorCodes.ValueNotAllowed);
                }
                foreach (var (_, index, name) in checkedIndexes)
                {
                    if (index >= context.Arguments.Count) continue;
                    var value = context.Arguments[index];
                    var replaced = Check(value, name, errors, 0);
                    if (!ReferenceEquals(replaced, value)) context.Arguments[index] = replaced;
                }
                if (errors.Count == 0) return await next(context);
                await Problems.WriteAsync(context.HttpContext, Problems.Validation(errors));
                return Results.Empty;
            };
        });

    /// <summary>The enum a query or route parameter holds (alone, nullable, or as items of an array or list), else null.</summary>
    private static Type? EnumType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return type;
        var item = type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments() is [var argument] ? argument : null;
        item = item is null ? null : Nullable.GetUnderlyingType(item) ?? item;
        return item is { IsEnum: true } ? item : null;
    }

    private static bool IsBody(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromBodyAttribute>() is not null
        || (!IsSimple(parameter.ParameterType) && parameter.GetCustomAttribute<AsParametersAttribute>() is null);

    private static bool IsInput(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromServicesAttribute>() is not null) return false;
        if (type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(CancellationToken)
            || type == typeof(ClaimsPrincipal) || typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type)
            || typeof(Stream).IsAssignableFrom(type) || type == typeof(System.IO.Pipelines.PipeReader))
        {
            return false;
        }
        if (services?.IsService(type) == true) return false;
        return true;
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan);
    }

    /// <summary>Checks a value, adding errors keyed by <paramref name="path"/>; returns the value to use (a UTC copy of a non-UTC instant).</summary>
    internal static object? Check(object? value, string path, Dictionary<string, string[]> errors, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                if (s.Contains('\0')) Add(errors, path, ApiErrorCodes.NulCharacter);
                return value;
            case DateOnly d:
                if (d.Year is < MinYear or > MaxYear) Add(errors, path, ApiErrorCodes.DateOutOfRange);
                return value;
            case DateTime dt:
                if (dt.Year is < MinYear or > MaxYear) Add(errors, path, ApiErrorCodes.DateOutOfRange);
                return value;
            case DateTimeOffset dto:
                if (dto.UtcDateTime.Year is < MinYear or > MaxYear || dto.Year is < MinYear or > MaxYear)
                {
                    Add(errors, path, ApiErrorCodes.DateOutOfRange);
                    return value;
                }
                return dto.Offset == TimeSpan.Zero ? value : dto.ToUniversalTime();
            case Enum e:
                if (!e.GetType().IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(e.GetType(), e)) Add(errors, path, ApiErrorCodes.ValueNotAllowed);
                return value;
            case JsonElement element:
                CheckJson(element, path, errors, depth);
                return value;
        }
        var type = value.GetType();
        if (IsSimple(type) || depth > MaxDepth) return value;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = entry.Key.ToString() ?? "";
                if (key.Contains('\0')) Add(errors, path, ApiErrorCodes.NulCharacter);
                Check(entry.Value, Join(path, key), errors, depth + 1);
            }
            return value;
        }
        if (value is IEnumerable items)
        {
            var count = 0;
            foreach (var item in items)
            {
                var itemPath = $"{path}[{count}]";
                if (item is null) Add(errors, itemPath, ApiErrorCodes.NullItem);
                else Check(item, itemPath, errors, depth + 1);
                count++;
            }
            if (count > MaxItems) Add(errors, path, ApiErrorCodes.TooManyItems);
            return value;
        }
        if (!IsKobanType(type)) return value;
        foreach (var property in Properties(type))
        {
            var current = property.GetValue(value);
            var checkedValue = Check(current, Join(path, JsonNamingPolicy.CamelCase.ConvertName(property.Name)), errors, depth + 1);
            if (current is DateTimeOffset { Offset.Ticks: not 0 } && checkedValue is DateTimeOffset utc && property.CanWrite) property.SetValue(value, utc);
        }
        return value;
    }

    private static void CheckJson(JsonElement element, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > MaxDepth) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (element.GetString()!.Contains('\0')) Add(errors, path, ApiErrorCodes.NulCharacter);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) CheckJson(item, $"{path}[{i++}]", errors, depth + 1);
                if (i > MaxItems) Add(errors, path, ApiErrorCodes.TooManyItems);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Contains('\0')) Add(errors, path, ApiErrorCodes.NulCharacter);
                    CheckJson(property.Value, Join(path, property.Name), errors, depth + 1);
                }
                break;
        }
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertyCache = new();

    private static PropertyInfo[] Properties(Type type) => PropertyCache.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)]);

    private static bool IsKobanType(Type type) => type.Namespace?.StartsWith("Koban.", StringComparison.Ordinal) == true && !type.IsAbstract;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void Add(Dictionary<string, string[]> errors, string path, string code)
    {
        var key = path.Length == 0 ? "body" : path;
        var message = ErrorCatalog.Message(code);
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing.Append(message).Distinct()] : [message];
    }

    /// <summary>The serializer settings of every request and response body: a missing non-nullable property is refused (instead of
    /// silently defaulted), <c>null</c> where the contract says non-nullable is refused, enums are read only from their names,
    /// numbers only from JSON numbers, and <c>$</c>-metadata may come in any order.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectNullableAnnotations = true;
        options.AllowOutOfOrderMetadataProperties = true;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireNonNullableParameters);
    }

    /// <summary>A constructor parameter without a default value whose type cannot hold <c>null</c> (a bool, a number, a date, a
    /// non-nullable string or list) must be present in the JSON: defaulting it (false, 0, 0001-01-01) would silently change data.</summary>
    internal static void RequireNonNullableParameters(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties)
        {
            if (property.AssociatedParameter is not { HasDefaultValue: false } parameter) continue;
            var type = parameter.ParameterType;
            var nullable = type.IsValueType ? Nullable.GetUnderlyingType(type) is not null : parameter.IsNullable;
            if (!nullable) property.IsRequired = true;
        }
    }

    /// <summary>Names the properties a <see cref="JsonException"/> for missing required properties lists, e.g.
    /// "…was missing required properties including: 'lines', 'customerId'." → ["lines", "customerId"].</summary>
    internal static IReadOnlyList<string> MissingProperties(JsonException exception)
    {
        const string marker = "missing required properties including:";
        var message = exception.Message;
        var start = message.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (start < 0) return [];
        var list = message[(start + marker.Length)..];
        var end = list.IndexOf(". Path", StringComparison.Ordinal);
        if (end >= 0) list = list[..end];
        return [.. list.Split([',', ';']).Select(p => p.Trim().Trim('.').Trim('\'')).Where(p => p.Length > 0)];
    }
}
