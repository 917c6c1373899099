using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Mapping;
using Mapster;

namespace Koban.Api.Features.DocumentTemplates;

/// <summary>A template with the company's logo id, the source of its response: whether a logo prints, and whose, depends on both.</summary>
public sealed record DocumentTemplateSource(DocumentTemplate Template, Guid? CompanyLogo);

/// <summary>The template response: the template's own fields by name, the logo source and the placeholders computed.</summary>
public sealed class DocumentTemplateMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<DocumentTemplateSource, DocumentTemplateResponse>()
            .Map(d => d, s => s.Template)
            .Map(d => d.LogoSource, s => !s.Template.ShowLogo ? TemplateLogoSource.None
                : s.Template.LogoFileId != null ? TemplateLogoSource.Own
                : s.CompanyLogo != null ? TemplateLogoSource.Company
                : TemplateLogoSource.None)
            .Map(d => d.HasOwnLogo, s => s.Template.LogoFileId != null)
            .Map(d => d.Placeholders, s => TemplatePlaceholders.Names.Select(n => "{" + n + "}").ToList());
}

/// <summary>Builds the template response of every use case of the feature, from the template and the company's logo.</summary>
public static class DocumentTemplateReader
{
    public static DocumentTemplateResponse Response(DocumentTemplate t, Guid? companyLogo)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new DocumentTemplateSource(t, companyLogo).MapTo<DocumentTemplateResponse>();
    }
}
