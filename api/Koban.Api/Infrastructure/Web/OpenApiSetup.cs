using System.Text.Json;
using System.Text.Json.Nodes;
using Koban.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Koban.Api.Infrastructure.Web;

/// <summary>Request and response examples of an operation, written as typed C# objects so they always match the schema.</summary>
public sealed record OpenApiExamplesMetadata(object? Request, int Status, object? Response);

/// <summary>The update needs If-Match (documented as a required header).</summary>
public sealed record RequiresIfMatchMetadata;

/// <summary>Anonymous endpoint: documented with an empty security requirement.</summary>
public sealed record AnonymousOperationMetadata;

/// <summary>Error responses an operation can return, beyond the ones every authenticated operation has.</summary>
public sealed record ProblemResponsesMetadata(params int[] Statuses);

public static class OpenApiEndpointExtensions
{
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, object? request, int status, object? response) =>
        builder.WithMetadata(new OpenApiExamplesMetadata(request, status, response));

    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequiresIfMatchMetadata()).WithMetadata(new ProblemResponsesMetadata(412, 428));

    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statuses) =>
        builder.WithMetadata(new ProblemResponsesMetadata(statuses));
}

public static class OpenApiSetup
{
    public const string CookieSchemeName = "cookieAuth";
    public const string ApiKeySchemeName = "apiKeyAuth";

    private static readonly Dictionary<int, string> ProblemDescriptions = new()
    {
        [400] = "Invalid input: `errors` names each field and the rule it breaks (also for malformed JSON).",
        [401] = "No valid session cookie or API key.",
        [403] = "Authenticated, but the role or API-key scopes do not allow this (or a temporary password must be changed first, or the CSRF token is missing).",
        [404] = "No such record in your company (another company's id is answered exactly like a missing one).",
        [409] = "Conflict with the record's state, or a request with this Idempotency-Key is still running.",
        [412] = "The If-Match version is stale: someone changed the record since you read it.",
        [422] = "A business rule refused the request (`code` says which), an id inside the body is unknown (`reference_not_found`), or an Idempotency-Key was reused with another body.",
        [428] = "The update lacks an If-Match header.",
        [429] = "Rate limit reached: retry after the number of seconds in Retry-After.",
    };

    public static IServiceCollection AddKobanOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Koban API",
                    Version = "v1",
                    Description = ApiDescriptionText,
                };
                document.Servers = null; // same origin: the build-time and served documents must be identical
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [ApiKeySchemeName] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = KobanAuthentication.ApiKeyHeader,
                        Description = "An API key created by an Admin (Settings → API keys), e.g. `kbn_0a1b2c3d4e_…`. Its scopes limit what it may do.",
                    },
                    [CookieSchemeName] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Cookie,
                        Name = KobanAuthentication.CookieName,
                        Description = "The SPA's session cookie, set by POST /api/v1/auth/login. Unsafe methods must also send the X-XSRF-TOKEN header (value of the XSRF-TOKEN cookie).",
                    },
                };
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas["ProblemDetails"] = ProblemSchema(withErrors: false);
                document.Components.Schemas["HttpValidationProblemDetails"] = ProblemSchema(withErrors: true);
                document.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySchemeName, document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieSchemeName, document)] = [] },
                ];
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                LimitRequestArrays(document);
                OptionalNullableRequestFields(document);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(decimal)) schema.Format = "decimal";
                if (context.JsonPropertyInfo is { } property && (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(decimal))
                {
                    DescribeScale(schema, property.Name, property.PropertyType != typeof(decimal));
                }
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(TransformOperation);
            options.AddDocumentTransformer((document, context, _) =>
            {
                OpenApiDocumentation.Apply(document, context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// A request may omit a nullable property (it means <c>null</c>: InputGuard requires only the non-nullable ones), but the
    /// generator lists every constructor parameter without a default as <c>required</c>: in the schemas only requests use,
    /// nullable properties are taken out of <c>required</c> so that the contract says what the API does. Schemas responses
    /// use too keep theirs (a response always writes the property, <c>null</c> or not).
    /// </summary>
    private static void OptionalNullableRequestFields(OpenApiDocument document)
    {
        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
        var requests = Reachable(document, operations.SelectMany(o => o.RequestBody?.Content?.Values ?? []).Select(m => m.Schema));
        var responses = Reachable(document, operations.SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .SelectMany(r => r.Content?.Values ?? []).Select(m => m.Schema));
        static bool Nullable(IOpenApiSchema property) => property.Type?.HasFlag(JsonSchemaType.Null) == true
            || (property.OneOf ?? []).Concat(property.AnyOf ?? []).Any(p => p.Type == JsonSchemaType.Null);
        foreach (var schema in requests.Except(responses).OfType<OpenApiSchema>())
        {
            if (schema.Required is not { Count: > 0 } required || schema.Properties is not { } properties) continue;
            foreach (var (name, property) in properties)
            {
                if (Nullable(property)) required.Remove(name);
            }
        }
    }

    /// <summary>The schemas (components resolved) reachable from <paramref name="roots"/>.</summary>
    private static HashSet<IOpenApiSchema> Reachable(OpenApiDocument document, IEnumerable<IOpenApiSchema?> roots)
    {
        var visited = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        void Visit(IOpenApiSchema? schema)
        {
            if (schema is OpenApiSchemaReference reference)
            {
                schema = reference.Reference.Id is { } id && document.Components?.Schemas?.TryGetValue(id, out var target) == true ? target : null;
            }
            if (schema is null || !visited.Add(schema)) return;
            Visit(schema.Items);
            foreach (var property in schema.Properties?.Values ?? []) Visit(property);
            foreach (var part in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])) Visit(part);
            if (schema.AdditionalProperties is { } additional) Visit(additional);
        }
        foreach (var root in roots) Visit(root);
        return visited;
    }

    /// <summary>A decimal property is a JSON number written with the fixed scale of its kind (<see cref="DecimalScale"/>):
    /// its schema says so in <c>x-scale</c>, its description and an example. (The property's own converter hides its type from the
    /// schema generator, so the type is restated here.)</summary>
    private static void DescribeScale(OpenApiSchema schema, string name, bool nullable)
    {
        var scale = DecimalScale.For(name);
        schema.Type = nullable ? JsonSchemaType.Number | JsonSchemaType.Null : JsonSchemaType.Number;
        schema.Format = "decimal";
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions["x-scale"] = new JsonNodeExtension(JsonValue.Create(scale));
        var text = DecimalScale.Describe(scale);
        schema.Description = string.IsNullOrWhiteSpace(schema.Description) ? text : $"{schema.Description} {text}";
    }

    /// <summary>Every array a request body can hold is documented with InputGuard's item limit (<c>maxItems</c>).</summary>
    private static void LimitRequestArrays(OpenApiDocument document)
    {
        var visited = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        void Visit(IOpenApiSchema? schema)
        {
            if (schema is OpenApiSchemaReference reference)
            {
                schema = reference.Reference.Id is { } id && document.Components?.Schemas?.TryGetValue(id, out var target) == true ? target : null;
            }
            if (schema is null || !visited.Add(schema)) return;
            if (schema is OpenApiSchema concrete && concrete.Type?.HasFlag(JsonSchemaType.Array) == true) concrete.MaxItems ??= InputGuard.MaxItems;
            Visit(schema.Items);
            foreach (var property in schema.Properties?.Values ?? []) Visit(property);
            foreach (var part in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])) Visit(part);
            if (schema.AdditionalProperties is { } additional) Visit(additional);
        }
        foreach (var path in document.Paths.Values)
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                foreach (var media in operation.RequestBody?.Content?.Values ?? []) Visit(media.Schema);
            }
        }
    }

    /// <summary>RFC 9457 problem details as Koban writes them, with its `code` and `traceId` extensions typed.</summary>
    private static OpenApiSchema ProblemSchema(bool withErrors)
    {
        OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = withErrors ? "A problem with field-level errors (400)." : "An RFC 9457 problem.",
            Required = new HashSet<string> { "type", "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI naming the problem type."),
                ["title"] = Text("Human-readable summary, in the language asked for with Accept-Language (French by default)."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = Text("Explanation specific to this occurrence, when there is one."),
                ["instance"] = Text("The request path."),
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable machine-readable code (snake_case) to switch on, e.g. `stale_version`, `siren_invalid_check_digit`." },
                ["traceId"] = Text("Correlates the response with the server's logs."),
            },
        };
        if (withErrors)
        {
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per field, keyed by camelCase property path (e.g. `address.postalCode`).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        return schema;
    }

    private static Task TransformOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var method = context.Description.HttpMethod ?? "GET";
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var anonymous = metadata.OfType<AnonymousOperationMetadata>().Any();

        if (anonymous) operation.Security = [];
        if (metadata.OfType<RequiredPermissionMetadata>().LastOrDefault() is { } permission)
        {
            operation.Description = $"{operation.Description}\n\nRequires the permission `{permission.Permission}` (role matrix for users, scope for API keys).".Trim();
        }

        operation.Parameters ??= [];
        if ((string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "DELETE", StringComparison.OrdinalIgnoreCase)) && !anonymous)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Any unique string (a UUID is fine). Retrying with the same key and body returns the first response, marked `Idempotent-Replayed: true`, without doing the work twice; the same key with another body is refused (422). Kept 48 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }
        if (metadata.OfType<RequiresIfMatchMetadata>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag returned when the record was read. A stale value answers 412; a missing one 428.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("\"1234\""),
            });
        }

        var statuses = new SortedSet<int>(metadata.OfType<ProblemResponsesMetadata>().SelectMany(p => p.Statuses));
        if (!anonymous)
        {
            statuses.UnionWith([401, 403, 429]);
        }
        if (context.Description.RelativePath?.Contains("{id}", StringComparison.Ordinal) == true) statuses.Add(404);
        if (context.Description.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Query" or "Form")) statuses.Add(400);
        // A change answers 400 through its body or, for a POST, its Idempotency-Key; a DELETE of a route id has no input to refuse.
        if (string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || operation.RequestBody is not null) statuses.Add(400);
        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key)) continue;
            operation.Responses[key] = new OpenApiResponse
            {
                Description = ProblemDescriptions[status],
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchemaReference(status == 400 ? "HttpValidationProblemDetails" : "ProblemDetails", context.Document),
                    },
                },
            };
        }

        foreach (var example in metadata.OfType<OpenApiExamplesMetadata>())
        {
            if (example.Request is not null && operation.RequestBody?.Content is { } requestContent)
            {
                foreach (var media in requestContent.Values) media.Example = JsonSerializer.SerializeToNode(example.Request, example.Request.GetType(), json);
            }
            var statusKey = example.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (example.Response is not null && operation.Responses.TryGetValue(statusKey, out var response) && response.Content is { } responseContent)
            {
                foreach (var media in responseContent.Values) media.Example = JsonSerializer.SerializeToNode(example.Response, example.Response.GetType(), json);
            }
        }
        return Task.CompletedTask;
    }

    private const string ApiDescriptionText = """
        Koban's REST API: the order-to-cash side of a French CRM/ERP.

        **Conventions**
        - Base path `/api/v1`; JSON in camelCase; ids are UUIDv7 strings; dates ISO 8601 (`yyyy-MM-dd` for document dates).
        - Money is a JSON number described as `type: number, format: decimal`, with a fixed scale: 2 decimals for amounts, 4 for unit prices, 3 for quantities. Totals are computed by the server only.
        - Authentication: an API key in `X-Api-Key` (integrations) or the SPA's session cookie (plus `X-XSRF-TOKEN` on unsafe methods).
        - Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`, a `title` in French (default) or English (`Accept-Language: en`), and for invalid input an `errors` object keyed by field path. 400 invalid input, 401 unauthenticated, 403 not allowed, 404 unknown id (or another company's), 409 state conflict, 412 stale If-Match, 422 refused business rule or unknown reference in the body (`reference_not_found`), 428 missing If-Match, 429 rate-limited (see `Retry-After`).
        - Lists are cursor-paged: `limit` (1–100, default 25), `after` (the previous page's `nextCursor`), response `{ items, nextCursor, hasMore }`.
        - Reads return an `ETag`; updates (PUT) require `If-Match` with it.
        - State changes are explicit actions (`POST …/{id}/validate`), never a status written through PUT.
        - Every POST and DELETE honours `Idempotency-Key`; a retry is recognised whatever the order of the JSON properties.
        - A request whose change was committed is never answered with an error: if something fails after the commit (building the response, a dropped database connection), the answer is `303 See Other` with `Location` of the resource it created or changed (GET it to see the result), or `204` for a DELETE or when there is no such resource. A retry with the same `Idempotency-Key` gets that answer again and does not act twice.
        - Input rules common to every operation (400 naming the field): a property whose type is not nullable must be present (nullable ones may be omitted and mean `null`); `null` only where the schema allows it; enums only as their documented names (no integers); no NUL character (U+0000) in any string, query parameter or header; dates and instants between the years 1900 and 2999; arrays of at most 500 items (`maxItems`), never holding `null`. Instants may carry any offset: they are stored in UTC.
        - 405 wrong method (with `Allow`), 415 wrong content type (JSON is expected), 413 body too large, 414 request target over 16 KiB, 431 headers over 48 KiB: all as problem documents. 503 with `Retry-After` when the database is unreachable: the request did nothing and can be retried.
        """;
}
