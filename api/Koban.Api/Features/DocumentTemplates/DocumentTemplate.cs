using Koban.Api.Features.Documents;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koban.Api.Features.DocumentTemplates;

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

/// <summary>
/// Templates as the rest of the API uses them: read (creating the default row on first use), resolve the settings and the
/// logo bytes, and render a document with them. The invoicing work snapshots <see cref="SettingsAsync"/> at validation and
/// renders with <see cref="RenderAsync"/>.
/// </summary>
public sealed class DocumentTemplateService(KobanDbContext db, CurrentActor actor)
{
    public async Task<DocumentTemplate> GetOrCreateAsync(PrintableKind kind, CancellationToken ct)
    {
        var template = await db.DocumentTemplates.SingleOrDefaultAsync(t => t.Kind == kind, ct);
        if (template is not null) return template;
        // First use: write the defaults; concurrent first reads insert them once.
        var d = DocumentTemplateSettings.Default(kind);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO document_templates (company_id, kind, accent_color, show_logo, header_text, footer_text, show_bank_details, terms_and_conditions, email_subject, email_body, updated_at)
            VALUES ({actor.RequireCompanyId()}, {kind.ToString()}, {d.AccentColor}, {d.ShowLogo}, {d.HeaderText}, {d.FooterText}, {d.ShowBankDetails}, {d.TermsAndConditions}, {d.EmailSubject}, {d.EmailBody}, now())
            ON CONFLICT (company_id, kind) DO NOTHING
            """, ct);
        return await db.DocumentTemplates.SingleAsync(t => t.Kind == kind, ct);
    }

    /// <summary>The settings a document of this kind is rendered with now (logo resolved to the template's or the company's).</summary>
    public async Task<DocumentTemplateSettings> SettingsAsync(PrintableKind kind, CancellationToken ct)
    {
        var template = await GetOrCreateAsync(kind, ct);
        return template.Settings(await CompanyLogoIdAsync(ct));
    }

    public Task<Guid?> CompanyLogoIdAsync(CancellationToken ct) => db.Companies.Select(c => c.LogoFileId).SingleOrDefaultAsync(ct);

    public async Task<byte[]?> LogoAsync(Guid? fileId, CancellationToken ct) =>
        fileId is { } id ? await db.Files.AsNoTracking().Where(f => f.Id == id).Select(f => f.Content).SingleOrDefaultAsync(ct) : null;

    /// <summary>Renders with the given settings (a snapshot or the current ones), loading the logo they name.</summary>
    public async Task<byte[]> RenderAsync(PrintableDocument document, DocumentTemplateSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logo = settings.ShowLogo ? await LogoAsync(settings.LogoFileId, ct) : null;
        return Infrastructure.Pdf.DocumentPdfRenderer.Render(document, settings, logo);
    }
}
