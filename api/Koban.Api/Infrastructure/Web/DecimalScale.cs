using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// The fixed number of decimals every decimal of the contract is written with, whatever arithmetic produced it
/// (<c>10</c> is written <c>10.00</c>, <c>1750.7</c> <c>1750.70</c>). The kind of a decimal follows from its JSON name,
/// in line with the domain rules (docs: amounts 2 decimals, unit prices up to 4, quantities up to 3) and the storage:
/// <list type="bullet">
/// <item>quantities (<c>quantity</c>, <c>…Quantity</c>): 3;</item>
/// <item>unit prices (<c>unitPrice</c>): 4;</item>
/// <item>interest and penalty rates, billing percentages and a project's hourly rate (<c>latePaymentPenaltyRate</c>, <c>annualRate</c>, <c>percentage</c>, <c>hourlyRate</c>): 4;</item>
/// <item>VAT rates and discounts (<c>vatRate</c>, <c>rate</c>, <c>discountPercent</c>): 2;</item>
/// <item>days sales outstanding (<c>daysSalesOutstanding</c>): 1;</item>
/// <item>everything else is an amount of money: 2.</item>
/// </list>
/// Reading is unchanged: a request may send any JSON number; the validators refuse more decimals than a field allows.
/// </summary>
public static class DecimalScale
{
    public const int Money = 2;

    /// <summary>The documented scale of a decimal property, from its JSON (camelCase) name.</summary>
    public static int For(string jsonName)
    {
        if (jsonName.EndsWith("quantity", StringComparison.OrdinalIgnoreCase)) return 3;
        if (jsonName.EndsWith("unitPrice", StringComparison.OrdinalIgnoreCase)) return 4;
        return jsonName switch
        {
            "latePaymentPenaltyRate" or "annualRate" or "percentage" or "hourlyRate" => 4,
            "vatRate" or "rate" or "discountPercent" => 2,
            "daysSalesOutstanding" => 1,
            _ => Money,
        };
    }

    /// <summary>What the scale means, for the contract's property descriptions.</summary>
    public static string Describe(int scale) => scale switch
    {
        3 => "Quantity, written with exactly 3 decimals (e.g. `1.500`).",
        4 => "Written with exactly 4 decimals (e.g. `12.5000`).",
        1 => "Written with exactly 1 decimal (e.g. `48.2`).",
        _ => "Written with exactly 2 decimals (e.g. `1750.70`, `10.00`).",
    };

    /// <summary>A value written with <paramref name="scale"/> decimals: rounded half away from zero when it has more, padded with zeros when it has fewer.</summary>
    public static string Format(decimal value, int scale) =>
        decimal.Round(value, scale, MidpointRounding.AwayFromZero).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Every decimal property of every body is written with its scale; a decimal that is not a property (an item of a list or dictionary) as money.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new ScaledDecimalConverter(Money));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(ApplyScales);
    }

    internal static void ApplyScales(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties)
        {
            if (property.CustomConverter is not null) continue;
            if (property.PropertyType == typeof(decimal)) property.CustomConverter = new ScaledDecimalConverter(For(property.Name));
            else if (property.PropertyType == typeof(decimal?)) property.CustomConverter = new ScaledNullableDecimalConverter(For(property.Name));
        }
    }

    /// <summary>Any JSON number, like the default converter under <see cref="JsonNumberHandling.Strict"/>: a string is refused.</summary>
    private static decimal ReadNumber(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDecimal() : throw new JsonException("The JSON value could not be converted to System.Decimal.");

    private sealed class ScaledDecimalConverter(int scale) : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadNumber(ref reader);

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteRawValue(Format(value, scale), skipInputValidation: true);
    }

    private sealed class ScaledNullableDecimalConverter(int scale) : JsonConverter<decimal?>
    {
        public override bool HandleNull => true;

        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : ReadNumber(ref reader);

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
        {
            if (value is { } number) writer.WriteRawValue(Format(number, scale), skipInputValidation: true);
            else writer.WriteNullValue();
        }
    }
}
