using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.DocumentTemplates;

public sealed record UpdateDocumentTemplateCommand(PrintableKind Kind, uint ExpectedVersion, DocumentTemplateRequest Template) : ICommand<Versioned<DocumentTemplateResponse>>;

public sealed class UpdateDocumentTemplateValidator : AbstractValidator<UpdateDocumentTemplateCommand>
{
    public UpdateDocumentTemplateValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Template).NotNull().SetValidator(new DocumentTemplateRequestValidator()).OverridePropertyName("");
    }
}

/// <summary>Replaces the configurable part of a template (placeholders checked), audited.</summary>
public sealed class UpdateDocumentTemplateHandler(KobanDbContext db, DocumentTemplateService templates, AuditLog audit) : ICommandHandler<UpdateDocumentTemplateCommand, Versioned<DocumentTemplateResponse>>
{
    public async ValueTask<Versioned<DocumentTemplateResponse>> Handle(UpdateDocumentTemplateCommand command, CancellationToken cancellationToken)
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
        return Versioned.Of(DocumentTemplateReader.Response(template, companyLogo), template.Version);
    }
}

public static class UpdateDocumentTemplate
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/{kind}", async Task<Ok<DocumentTemplateResponse>> (PrintableKind kind, DocumentTemplateRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new UpdateDocumentTemplateCommand(kind, EntityTags.RequireIfMatch(http), body), ct)).Ok(response))
            .WithName("UpdateDocumentTemplate")
            .WithSummary("Change the template of a document type")
            .WithDescription("Replaces the configurable part. `accentColor` is `#RRGGBB` (400 otherwise). E-mail texts may use `{number}`, `{amount}`, `{dueDate}`, `{customerName}` and `{companyName}`; any other `{…}` is refused with 422 `template_placeholder_unknown` naming the field. Documents already validated keep the template they were issued with (their snapshot).")
            .RequirePermission(Permissions.DocumentTemplates, Access.Write)
            .RequiresIfMatch()
            .WithProblems(400, 422)
            .WithExamples(DocumentTemplatesExamples.Request, 200, DocumentTemplatesExamples.Template);
    }
}
