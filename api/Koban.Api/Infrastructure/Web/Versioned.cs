using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Infrastructure.Web;

/// <summary>A resource read or written together with its row version (PostgreSQL's <c>xmin</c>), which the endpoint
/// returns as the <c>ETag</c> a later update must name in <c>If-Match</c>.</summary>
public sealed record Versioned<T>(T Value, uint Version)
{
    /// <summary>200 with the resource and its ETag.</summary>
    public Ok<T> Ok(HttpResponse response)
    {
        EntityTags.Set(response, Version);
        return TypedResults.Ok(Value);
    }

    /// <summary>201 with the resource, its location and its ETag.</summary>
    public Created<T> Created(HttpResponse response, string location)
    {
        EntityTags.Set(response, Version);
        return TypedResults.Created(location, Value);
    }
}

public static class Versioned
{
    public static Versioned<T> Of<T>(T value, uint version) => new(value, version);
}
