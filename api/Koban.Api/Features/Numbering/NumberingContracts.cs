using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Numbering;
using Mapster;

namespace Koban.Api.Features.Numbering;

public sealed record NumberingSettingResponse(
    DocumentType DocumentType,
    string Prefix,
    YearToken Year,
    string Separator,
    int Padding,
    bool ResetYearly,
    long FirstNumber,
    bool Locked,
    string Example);

public sealed record NumberingSettingList(IReadOnlyList<NumberingSettingResponse> Items);

public sealed record UpdateNumberingSettingRequest(string Prefix, YearToken Year, string Separator, int Padding, bool ResetYearly, long FirstNumber);

/// <summary>A setting and the first number it would give on a day.</summary>
public sealed record NumberingSettingView(NumberingSetting Setting, DateOnly Today);

/// <summary>The setting's fields by name; <c>example</c> formats its first number on the day of the view.</summary>
public sealed class NumberingMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<NumberingSettingView, NumberingSettingResponse>()
            .Map(d => d.DocumentType, s => s.Setting.DocumentType)
            .Map(d => d.Prefix, s => s.Setting.Prefix)
            .Map(d => d.Year, s => s.Setting.Year)
            .Map(d => d.Separator, s => s.Setting.Separator)
            .Map(d => d.Padding, s => s.Setting.Padding)
            .Map(d => d.ResetYearly, s => s.Setting.ResetYearly)
            .Map(d => d.FirstNumber, s => s.Setting.FirstNumber)
            .Map(d => d.Locked, s => s.Setting.Locked)
            .Map(d => d.Example, s => s.Setting.Scheme.Format(s.Setting.FirstNumber, s.Today));
}
