using Koban.Api.Infrastructure.Documents;

namespace Koban.Api.Features.DocumentTemplates;

/// <summary>Builds the template response of every use case of the feature, from the template and the company's logo.</summary>
public static class DocumentTemplateReader
{
    public static DocumentTemplateResponse Response(DocumentTemplate t, Guid? companyLogo)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Kind, t.AccentColor, t.ShowLogo,
            !t.ShowLogo ? TemplateLogoSource.None : t.LogoFileId is not null ? TemplateLogoSource.Own : companyLogo is not null ? TemplateLogoSource.Company : TemplateLogoSource.None,
            t.LogoFileId is not null, t.HeaderText, t.FooterText, t.ShowBankDetails, t.TermsAndConditions, t.EmailSubject, t.EmailBody,
            [.. TemplatePlaceholders.Names.Select(n => $"{{{n}}}")], t.UpdatedAt);
    }
}
