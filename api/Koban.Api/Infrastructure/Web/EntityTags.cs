using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Koban.Api.Infrastructure.Web;

/// <summary>ETag / If-Match over PostgreSQL's xmin: an update must name the version it read, so two users
/// editing one record never silently overwrite each other.</summary>
public static class EntityTags
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads If-Match: 428 when absent, 412 when it cannot name a version we could have issued.</summary>
    public static uint RequireIfMatch(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header)) throw new PreconditionRequiredException();
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        value = value.Trim('"');
        return uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new PreconditionFailedException();
    }

    public static void Set(HttpResponse response, uint version) => response.Headers.ETag = Format(version);
}
