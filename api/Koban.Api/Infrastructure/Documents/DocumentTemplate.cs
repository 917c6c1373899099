using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Infrastructure.Documents;

/// <summary>A company's template for one document type: look (accent colour, logo), fixed texts, bank details, and the
/// e-mail that goes with the document. One row per company and <see cref="PrintableKind"/>, created with defaults on first read.</summary>
public sealed class DocumentTemplate : ICompanyOwned, IHasUpdatedAt
{
    private DocumentTemplate()
    {
    }

    public Guid CompanyId { get; private set; }
    public PrintableKind Kind { get; private set; }
    public string AccentColor { get; private set; } = DocumentTemplateSettings.DefaultAccentColor;
    public bool ShowLogo { get; private set; }

    /// <summary>The template's own logo; null means the company logo is used.</summary>
    public Guid? LogoFileId { get; private set; }
    public string? HeaderText { get; private set; }
    public string? FooterText { get; private set; }
    public bool ShowBankDetails { get; private set; }
    public string? TermsAndConditions { get; private set; }
    public string? EmailSubject { get; private set; }
    public string? EmailBody { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The settings as printed: the logo is resolved to the file actually used.</summary>
    public DocumentTemplateSettings Settings(Guid? companyLogoFileId) => new(AccentColor, ShowLogo, ShowLogo ? LogoFileId ?? companyLogoFileId : null,
        HeaderText, FooterText, ShowBankDetails, TermsAndConditions, EmailSubject, EmailBody);

    public void Change(DocumentTemplateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        AccentColor = settings.AccentColor.ToUpperInvariant();
        ShowLogo = settings.ShowLogo;
        HeaderText = Blank(settings.HeaderText);
        FooterText = Blank(settings.FooterText);
        ShowBankDetails = settings.ShowBankDetails;
        TermsAndConditions = Blank(settings.TermsAndConditions);
        EmailSubject = Blank(settings.EmailSubject);
        EmailBody = Blank(settings.EmailBody);
    }

    public void SetOwnLogo(Guid? fileId) => LogoFileId = fileId;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> builder)
    {
        builder.ToTable("document_templates");
        builder.HasKey(t => new { t.CompanyId, t.Kind });
        builder.Property(t => t.AccentColor).HasMaxLength(7);
        builder.Property(t => t.HeaderText).HasMaxLength(DocumentTemplateRules.HeaderMaxLength);
        builder.Property(t => t.FooterText).HasMaxLength(DocumentTemplateRules.FooterMaxLength);
        builder.Property(t => t.TermsAndConditions).HasMaxLength(DocumentTemplateRules.TermsMaxLength);
        builder.Property(t => t.EmailSubject).HasMaxLength(DocumentTemplateRules.SubjectMaxLength);
        builder.Property(t => t.EmailBody).HasMaxLength(DocumentTemplateRules.BodyMaxLength);
        builder.Property(t => t.Version).IsRowVersion();
        builder.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(t => t.LogoFileId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class DocumentTemplateRules
{
    public const int HeaderMaxLength = 2000;
    public const int FooterMaxLength = 1000;
    public const int TermsMaxLength = 20000;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 5000;
}
