namespace Koban.Api.Infrastructure.Persistence;

/// <summary>User text used inside an SQL <c>LIKE</c>/<c>ILIKE</c> pattern: its wildcards and the escape character are matched literally.</summary>
public static class LikePattern
{
    public static string Escape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>The pattern matching any text that contains <paramref name="search"/> (trimmed).</summary>
    public static string Containing(string search) => $"%{Escape(search.Trim())}%";
}
