using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Infrastructure.Documents;

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
        return DocumentPdfRenderer.Render(document, settings, logo);
    }
}
