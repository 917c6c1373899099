using Koban.Domain.Compliance;
using Koban.Domain.Documents;

namespace Koban.Api.Features.Compliance;

/// <summary>OpenAPI examples of the compliance routes.</summary>
internal static class ComplianceExamples
{
    private static readonly DateTimeOffset Stamp = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);

    internal static readonly ClosureResponse March = new(Guid.Parse("01936f00-0000-7000-8000-0000000000a3"), ClosureKind.Month, "2026-03", new DateOnly(2026, 3, 1),
        new DateOnly(2026, 3, 31), new DateOnly(2026, 1, 1),
        [
            new ClosureRowResponse("CRN", 20m, VatCategory.Standard, 1, 337.95m, 67.59m, 405.54m),
            new ClosureRowResponse("INV-Deposit", 20m, VatCategory.Standard, 1, 436.77m, 87.35m, 524.12m),
            new ClosureRowResponse("INV-Balance", 20m, VatCategory.Standard, 1, 1019.13m, 203.83m, 1222.96m),
        ],
        new ClosureTotalsResponse(3, 1117.95m, 223.59m, 1341.54m),
        [
            new ClosureRowResponse("CRN", 20m, VatCategory.Standard, 1, 337.95m, 67.59m, 405.54m),
            new ClosureRowResponse("INV-Deposit", 20m, VatCategory.Standard, 1, 436.77m, 87.35m, 524.12m),
            new ClosureRowResponse("INV-Balance", 20m, VatCategory.Standard, 1, 1019.13m, 203.83m, 1222.96m),
            new ClosureRowResponse("INV-Full", 20m, VatCategory.Standard, 4, 5230.00m, 1046.00m, 6276.00m),
        ],
        new ClosureTotalsResponse(7, 6347.95m, 1269.59m, 7617.54m),
        "AV-2026-00001", 7, "3c1f…9a0e", Stamp, null, AutoClosureJob.ActorName, 8, "3c1f…9a0e", "b7d2…41c5");

    internal static readonly ChainVerification Chain = new ChainVerification(true, 42, 3, 45, "4be1d2c97f0e5a0c2b7b3f2b8e4b1f6f0a9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b", null, new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero));
}
