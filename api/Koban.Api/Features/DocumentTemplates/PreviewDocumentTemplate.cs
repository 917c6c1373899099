using FluentValidation;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Numbering;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.DocumentTemplates;

/// <summary><c>Template</c> null: the saved template; otherwise the unsaved form (live preview).</summary>
public sealed record PreviewDocumentTemplateQuery(PrintableKind Kind, DocumentTemplateRequest? Template) : IQuery<byte[]>;

public sealed class PreviewDocumentTemplateValidator : AbstractValidator<PreviewDocumentTemplateQuery>
{
    public PreviewDocumentTemplateValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Template!).SetValidator(new DocumentTemplateRequestValidator()).OverridePropertyName("").When(c => c.Template is not null);
    }
}

/// <summary>The sample PDF of a template, saved or as being edited; nothing is stored.</summary>
public sealed class PreviewDocumentTemplateHandler(KobanDbContext db, DocumentTemplateService templates, CompanyClock clock) : IQueryHandler<PreviewDocumentTemplateQuery, byte[]>
{
    public async ValueTask<byte[]> Handle(PreviewDocumentTemplateQuery query, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(cancellationToken);
        var template = await templates.GetOrCreateAsync(query.Kind, cancellationToken);
        var settings = query.Template is { } unsaved
            ? unsaved.ToSettings(unsaved.ShowLogo ? template.LogoFileId ?? company.LogoFileId : null)
            : template.Settings(company.LogoFileId);
        var today = await clock.TodayAsync(cancellationToken);
        var sample = TemplateSample.Build(company, query.Kind, await SampleNumberAsync(query.Kind, today, cancellationToken), today);
        return await templates.RenderAsync(sample, settings, cancellationToken);
    }

    /// <summary>A number in the company's own format, so the preview looks like its real documents.</summary>
    private async Task<string> SampleNumberAsync(PrintableKind kind, DateOnly today, CancellationToken ct)
    {
        var type = kind switch
        {
            PrintableKind.Quote => DocumentType.Quote,
            PrintableKind.Order => DocumentType.Order,
            PrintableKind.CreditNote => DocumentType.CreditNote,
            PrintableKind.DeliveryNote => DocumentType.DeliveryNote,
            _ => DocumentType.Invoice,
        };
        var setting = await db.NumberingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.DocumentType == type, ct);
        var scheme = setting?.Scheme ?? NumberingScheme.DefaultFor(type);
        return scheme.Format(Math.Max(42, scheme.FirstNumber), today);
    }
}

public static class PreviewDocumentTemplate
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{kind}/preview", async Task<FileContentHttpResult> (PrintableKind kind, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                PdfResults.Inline(response, await mediator.Send(new PreviewDocumentTemplateQuery(kind, null), ct)))
            .WithName("PreviewDocumentTemplate")
            .WithSummary("A sample PDF rendered with the saved template")
            .WithDescription($"A two-page sample document (fictitious customer and lines) carrying the company's real identity, numbering format and settings, so the repeated table header and the footer on every page show. {DocumentTemplatesExamples.Kinds}")
            .RequirePermission(Permissions.DocumentTemplates, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf");

        group.MapPost("/{kind}/preview", async Task<FileContentHttpResult> (PrintableKind kind, DocumentTemplateRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                PdfResults.Inline(response, await mediator.Send(new PreviewDocumentTemplateQuery(kind, body), ct)))
            .WithName("PreviewUnsavedDocumentTemplate")
            .WithSummary("A sample PDF rendered with an unsaved template")
            .WithDescription("The settings screen's live preview: the same sample as the GET, rendered with the form as it is now. Nothing is stored; e-mail placeholders are not checked here (they are not printed).")
            .RequirePermission(Permissions.DocumentTemplates, Access.Read)
            .WithProblems(400)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithExamples(DocumentTemplatesExamples.Request, 200, null);
    }
}
