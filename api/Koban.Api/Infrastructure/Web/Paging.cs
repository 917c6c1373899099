using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Koban.Api.Infrastructure.Web;

/// <summary>Opaque keyset cursors: the sort values and id of the last row, base64url-encoded JSON.
/// Clients treat them as opaque strings, so their content may change without breaking anyone.</summary>
public static class Cursor
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

    public static T? Decode<T>(string? cursor, string field = "after")
    {
        if (string.IsNullOrEmpty(cursor)) return default;
        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new FieldValidationException(field, ApiErrorCodes.CursorInvalid);
        }
    }

    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw new FieldValidationException("limit", ApiErrorCodes.LimitOutOfRange),
        _ => limit.Value,
    };
}
