using FluentValidation;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
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

/// <summary>Where the printed logo comes from: the template's own upload, the company logo, or none.</summary>
public enum TemplateLogoSource
{
    Own,
    Company,
    None,
}

public sealed record DocumentTemplateResponse(
    PrintableKind Kind,
    string AccentColor,
    bool ShowLogo,
    TemplateLogoSource LogoSource,
    bool HasOwnLogo,
    string? HeaderText,
    string? FooterText,
    bool ShowBankDetails,
    string? TermsAndConditions,
    string? EmailSubject,
    string? EmailBody,
    IReadOnlyList<string> Placeholders,
    DateTimeOffset UpdatedAt)
{
    internal static DocumentTemplateResponse From(DocumentTemplate t, Guid? companyLogo) => new(t.Kind, t.AccentColor, t.ShowLogo,
        !t.ShowLogo ? TemplateLogoSource.None : t.LogoFileId is not null ? TemplateLogoSource.Own : companyLogo is not null ? TemplateLogoSource.Company : TemplateLogoSource.None,
        t.LogoFileId is not null, t.HeaderText, t.FooterText, t.ShowBankDetails, t.TermsAndConditions, t.EmailSubject, t.EmailBody,
        [.. TemplatePlaceholders.Names.Select(n => $"{{{n}}}")], t.UpdatedAt);
}

public sealed record DocumentTemplateList(IReadOnlyList<DocumentTemplateResponse> Items);

/// <summary>The whole configurable part of a template (the logo file is uploaded separately).</summary>
public sealed record DocumentTemplateRequest(
    string AccentColor,
    bool ShowLogo,
    string? HeaderText,
    string? FooterText,
    bool ShowBankDetails,
    string? TermsAndConditions,
    string? EmailSubject,
    string? EmailBody)
{
    internal DocumentTemplateSettings ToSettings(Guid? logoFileId) =>
        new(AccentColor.ToUpperInvariant(), ShowLogo, logoFileId, HeaderText, FooterText, ShowBankDetails, TermsAndConditions, EmailSubject, EmailBody);
}

public sealed class DocumentTemplateRequestValidator : AbstractValidator<DocumentTemplateRequest>
{
    public DocumentTemplateRequestValidator()
    {
        RuleFor(r => r.AccentColor).NotEmpty().Matches("^#[0-9A-Fa-f]{6}$").WithErrorCode(ApiErrorCodes.ColorInvalid).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.ColorInvalid));
        RuleFor(r => r.HeaderText).MaximumLength(DocumentTemplateRules.HeaderMaxLength);
        RuleFor(r => r.FooterText).MaximumLength(DocumentTemplateRules.FooterMaxLength);
        RuleFor(r => r.TermsAndConditions).MaximumLength(DocumentTemplateRules.TermsMaxLength);
        RuleFor(r => r.EmailSubject).MaximumLength(DocumentTemplateRules.SubjectMaxLength);
        RuleFor(r => r.EmailBody).MaximumLength(DocumentTemplateRules.BodyMaxLength);
    }
}

public sealed record ListDocumentTemplatesQuery : IQuery<DocumentTemplateList>;

public sealed record GetDocumentTemplateQuery(PrintableKind Kind) : IQuery<(DocumentTemplateResponse Template, uint Version)>;

public sealed record UpdateDocumentTemplateCommand(PrintableKind Kind, uint ExpectedVersion, DocumentTemplateRequest Template) : ICommand<(DocumentTemplateResponse Template, uint Version)>;

/// <summary><c>Template</c> null: the saved template; otherwise the unsaved form (live preview).</summary>
public sealed record PreviewDocumentTemplateQuery(PrintableKind Kind, DocumentTemplateRequest? Template) : IQuery<byte[]>;

public sealed record SetTemplateLogoCommand(PrintableKind Kind, string FileName, string ContentType, byte[] Content) : ICommand;

public sealed record RemoveTemplateLogoCommand(PrintableKind Kind) : ICommand;

public sealed record GetTemplateLogoQuery(PrintableKind Kind) : IQuery<StoredFile>;

public sealed class UpdateDocumentTemplateValidator : AbstractValidator<UpdateDocumentTemplateCommand>
{
    public UpdateDocumentTemplateValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Template).NotNull().SetValidator(new DocumentTemplateRequestValidator()).OverridePropertyName("");
    }
}

public sealed class PreviewDocumentTemplateValidator : AbstractValidator<PreviewDocumentTemplateQuery>
{
    public PreviewDocumentTemplateValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Template!).SetValidator(new DocumentTemplateRequestValidator()).OverridePropertyName("").When(c => c.Template is not null);
    }
}

public sealed class DocumentTemplateHandlers(KobanDbContext db, DocumentTemplateService templates, AuditLog audit, CompanyClock clock, TimeProvider time)
    : IQueryHandler<ListDocumentTemplatesQuery, DocumentTemplateList>,
      IQueryHandler<GetDocumentTemplateQuery, (DocumentTemplateResponse Template, uint Version)>,
      ICommandHandler<UpdateDocumentTemplateCommand, (DocumentTemplateResponse Template, uint Version)>,
      IQueryHandler<PreviewDocumentTemplateQuery, byte[]>,
      ICommandHandler<SetTemplateLogoCommand>,
      ICommandHandler<RemoveTemplateLogoCommand>,
      IQueryHandler<GetTemplateLogoQuery, StoredFile>
{
    public async ValueTask<DocumentTemplateList> Handle(ListDocumentTemplatesQuery query, CancellationToken cancellationToken)
    {
        var companyLogo = await templates.CompanyLogoIdAsync(cancellationToken);
        var items = new List<DocumentTemplateResponse>();
        foreach (var kind in Enum.GetValues<PrintableKind>())
        {
            items.Add(DocumentTemplateResponse.From(await templates.GetOrCreateAsync(kind, cancellationToken), companyLogo));
        }
        return new DocumentTemplateList(items);
    }

    public async ValueTask<(DocumentTemplateResponse Template, uint Version)> Handle(GetDocumentTemplateQuery query, CancellationToken cancellationToken)
    {
        var template = await templates.GetOrCreateAsync(query.Kind, cancellationToken);
        return (DocumentTemplateResponse.From(template, await templates.CompanyLogoIdAsync(cancellationToken)), template.Version);
    }

    public async ValueTask<(DocumentTemplateResponse Template, uint Version)> Handle(UpdateDocumentTemplateCommand command, CancellationToken cancellationToken)
    {
        TemplatePlaceholders.Validate(command.Template.EmailSubject, "emailSubject");
        TemplatePlaceholders.Validate(command.Template.EmailBody, "emailBody");
        var template = await templates.GetOrCreateAsync(command.Kind, cancellationToken);
        if (template.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        db.Entry(template).Property(t => t.Version).OriginalValue = command.ExpectedVersion;
        var companyLogo = await templates.CompanyLogoIdAsync(cancellationToken);
        var before = template.Settings(companyLogo);
        template.Change(command.Template.ToSettings(template.LogoFileId));
        db.Entry(template).Property(t => t.UpdatedAt).IsModified = true;
        audit.Record("document_template.updated", "document_template", null, new { kind = command.Kind, settings = before }, new { kind = command.Kind, settings = template.Settings(companyLogo) });
        await db.SaveChangesAsync(cancellationToken);
        return (DocumentTemplateResponse.From(template, companyLogo), template.Version);
    }

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

    public async ValueTask<Unit> Handle(SetTemplateLogoCommand command, CancellationToken cancellationToken)
    {
        var template = await templates.GetOrCreateAsync(command.Kind, cancellationToken);
        var file = StoredFile.Create("template_logo", Path.GetFileName(command.FileName), command.ContentType, command.Content, time.GetUtcNow());
        db.Files.Add(file);
        var previous = template.LogoFileId;
        template.SetOwnLogo(file.Id);
        db.Entry(template).Property(t => t.UpdatedAt).IsModified = true;
        audit.Record("document_template.logo_changed", "document_template", null, new { kind = command.Kind, logoFileId = previous },
            new { kind = command.Kind, logoFileId = file.Id, file.Sha256, size = command.Content.Length });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(RemoveTemplateLogoCommand command, CancellationToken cancellationToken)
    {
        var template = await templates.GetOrCreateAsync(command.Kind, cancellationToken);
        if (template.LogoFileId is { } previous)
        {
            template.SetOwnLogo(null);
            db.Entry(template).Property(t => t.UpdatedAt).IsModified = true;
            audit.Record("document_template.logo_removed", "document_template", null, new { kind = command.Kind, logoFileId = previous }, new { kind = command.Kind });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }

    public async ValueTask<StoredFile> Handle(GetTemplateLogoQuery query, CancellationToken cancellationToken)
    {
        var template = await templates.GetOrCreateAsync(query.Kind, cancellationToken);
        return template.LogoFileId is { } id
            ? await db.Files.AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken)
            : throw new NotFoundException("template_logo");
    }
}

public static class DocumentTemplatesEndpoints
{
    public static void MapDocumentTemplatesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/document-templates").WithTags("Document templates");
        var request = new DocumentTemplateRequest("#7A1F3D", true, "Merci pour votre confiance.", "Atelier Koban – du lundi au vendredi, 8 h – 18 h", true,
            "Conditions générales de vente : clause de réserve de propriété…", "Facture {number} – {companyName}",
            "Bonjour {customerName},\n\nVeuillez trouver ci-joint notre facture {number} d'un montant de {amount}, à régler au plus tard le {dueDate}.\n\nCordialement,\n{companyName}");
        var example = new DocumentTemplateResponse(PrintableKind.Invoice, request.AccentColor, true, TemplateLogoSource.Company, false, request.HeaderText, request.FooterText, true,
            request.TermsAndConditions, request.EmailSubject, request.EmailBody, [.. TemplatePlaceholders.Names.Select(n => $"{{{n}}}")],
            new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        const string kinds = "`kind` is one of Quote, Order, Invoice, DepositInvoice, CreditNote, DeliveryNote.";

        group.MapGet("/", async Task<Ok<DocumentTemplateList>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListDocumentTemplatesQuery(), ct)))
            .WithName("ListDocumentTemplates")
            .WithSummary("The template of each document type")
            .WithDescription("One template per document type, created with defaults on first read: accent colour, logo (the company logo unless the template has its own), header and footer texts, bank details, terms and conditions, and the e-mail subject and body sent with the document. The seller's legal identity line is always printed on every page, whatever the footer says.")
            .RequirePermission(Permissions.DocumentTemplates, Access.Read)
            .WithExamples(null, 200, new DocumentTemplateList([example]));

        group.MapGet("/{kind}", async Task<Ok<DocumentTemplateResponse>> (PrintableKind kind, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (template, version) = await mediator.Send(new GetDocumentTemplateQuery(kind), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(template);
            })
            .WithName("GetDocumentTemplate")
            .WithSummary("The template of one document type")
            .WithDescription($"Returns the template with an `ETag` for the update. {kinds}")
            .RequirePermission(Permissions.DocumentTemplates, Access.Read)
            .WithExamples(null, 200, example);

        group.MapPut("/{kind}", async Task<Ok<DocumentTemplateResponse>> (PrintableKind kind, DocumentTemplateRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (template, version) = await mediator.Send(new UpdateDocumentTemplateCommand(kind, EntityTags.RequireIfMatch(http), body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(template);
            })
            .WithName("UpdateDocumentTemplate")
            .WithSummary("Change the template of a document type")
            .WithDescription("Replaces the configurable part. `accentColor` is `#RRGGBB` (400 otherwise). E-mail texts may use `{number}`, `{amount}`, `{dueDate}`, `{customerName}` and `{companyName}`; any other `{…}` is refused with 422 `template_placeholder_unknown` naming the field. Documents already validated keep the template they were issued with (their snapshot).")
            .RequirePermission(Permissions.DocumentTemplates, Access.Write)
            .RequiresIfMatch()
            .WithProblems(400, 422)
            .WithExamples(request, 200, example);

        group.MapGet("/{kind}/preview", async Task<FileContentHttpResult> (PrintableKind kind, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                PdfResults.Inline(response, await mediator.Send(new PreviewDocumentTemplateQuery(kind, null), ct)))
            .WithName("PreviewDocumentTemplate")
            .WithSummary("A sample PDF rendered with the saved template")
            .WithDescription($"A two-page sample document (fictitious customer and lines) carrying the company's real identity, numbering format and settings, so the repeated table header and the footer on every page show. {kinds}")
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
            .WithExamples(request, 200, null);

        group.MapGet("/{kind}/logo", async Task<FileContentHttpResult> (PrintableKind kind, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetTemplateLogoQuery(kind), ct);
                return TypedResults.File(file.Content, file.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .WithName("GetDocumentTemplateLogo")
            .WithSummary("Download the template's own logo")
            .WithDescription("404 when the template uses the company logo.")
            .RequirePermission(Permissions.DocumentTemplates, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg")
            .WithProblems(404);

        group.MapPut("/{kind}/logo", async Task<NoContent> (PrintableKind kind, IFormFile file, IMediator mediator, CancellationToken ct) =>
            {
                if (file.Length > LogoFiles.MaxBytes) throw new FieldValidationException("file", ApiErrorCodes.FileTooLarge);
                await using var stream = file.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                var content = buffer.ToArray();
                var type = LogoFiles.DetectContentType(content) ?? throw new FieldValidationException("file", ApiErrorCodes.FileTypeNotAllowed);
                await mediator.Send(new SetTemplateLogoCommand(kind, file.FileName, type, content), ct);
                return TypedResults.NoContent();
            })
            .WithName("SetDocumentTemplateLogo")
            .WithSummary("Upload a logo for this document type only")
            .WithDescription("multipart/form-data with one part `file`: PNG or JPEG (checked from the bytes), at most 512 KB (400 `file_too_large`). Replaces the company logo on this document type.")
            .RequirePermission(Permissions.DocumentTemplates, Access.Write)
            .DisableAntiforgery()
            .WithProblems(400);

        group.MapDelete("/{kind}/logo", async Task<NoContent> (PrintableKind kind, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveTemplateLogoCommand(kind), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveDocumentTemplateLogo")
            .WithSummary("Go back to the company logo")
            .WithDescription("Removes the template's own logo; the company logo is printed again. Harmless when there is none.")
            .RequirePermission(Permissions.DocumentTemplates, Access.Write);
    }

    /// <summary>The PDF response of the Sales, Invoicing and Receivables endpoints that still call it here; it is <see cref="PdfResults.Inline"/>.</summary>
    internal static FileContentHttpResult Pdf(HttpResponse response, byte[] pdf, string? fileName = null) => PdfResults.Inline(response, pdf, fileName);
}
