using Koban.Domain.Numbering;

namespace Koban.Api.Features.Numbering;

/// <summary>The OpenAPI examples of the numbering settings and issue-date ranges.</summary>
internal static class NumberingExamples
{
    internal static readonly NumberingSettingList List = new([new NumberingSettingResponse(DocumentType.Invoice, "FA-", YearToken.FourDigits, "-", 5, true, 1, false, "FA-2026-00001")]);

    internal static readonly NumberingSettingResponse Order = new(DocumentType.Order, "CO-", YearToken.FourDigits, "-", 5, true, 1, true, "CO-2026-00001");

    internal static readonly UpdateNumberingSettingRequest UpdateRequest = new("FAC", YearToken.TwoDigits, "-", 3, true, 1);

    internal static readonly NumberingSettingResponse Updated = new(DocumentType.Invoice, "FAC", YearToken.TwoDigits, "-", 3, true, 1, false, "FAC26-001");

    internal static readonly IssueDateRange IssueDateRange = new(DocumentType.Invoice, new DateOnly(2026, 11, 12), EarliestDateReason.LastNumberedDocument, new DateOnly(2026, 12, 7));
}
