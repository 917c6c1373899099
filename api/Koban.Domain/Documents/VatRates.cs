using System.Globalization;
using Koban.Domain.Common;

namespace Koban.Domain.Documents;

/// <summary>The French VAT rates a product or a line may carry (CGI art. 278 to 281 nonies): normal 20 %, intermediate
/// 10 %, reduced 5.5 %, special 2.1 %, and 0 % for exempt or out-of-scope operations. Corsican and overseas rates are
/// left out until a customer needs them.</summary>
public static class VatRates
{
    public static IReadOnlyList<decimal> Allowed { get; } = [20m, 10m, 5.5m, 2.1m, 0m];

    public static bool IsAllowed(decimal rate) => Allowed.Contains(rate);

    public static void EnsureAllowed(decimal rate, string field)
    {
        if (!IsAllowed(rate))
        {
            throw new DomainException(ErrorCodes.VatRateNotAllowed, $"VAT rate {rate} is not allowed.")
            {
                Field = field,
                Arguments = new Dictionary<string, object>
                {
                    ["allowedRates"] = string.Join(", ", Allowed.Select(r => r.ToString(CultureInfo.InvariantCulture))),
                },
            };
        }
    }
}
