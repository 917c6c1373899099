using Koban.Api.Infrastructure.Mapping;
using Koban.Domain.Accounting;
using Koban.Domain.Accounting.Export;

namespace Koban.Api.Features.Accounting;

/// <summary>Builds every response of the Accounting feature from what its use cases loaded: the mapping, the VAT return,
/// journal entries, exports.</summary>
public static class AccountingReader
{
    public static AccountingSettingsDto Settings(AccountingSettings settings) => settings.MapTo<AccountingSettingsDto>();

    public static VatSummaryResponse VatSummary(VatReturn vatReturn) => vatReturn.MapTo<VatSummaryResponse>();

    public static JournalEntryResponse Entry(JournalEntry entry) => entry.MapTo<JournalEntryResponse>();

    public static AccountingExportResponse Export(AccountingExport export) => export.MapTo<AccountingExportResponse>();
}
