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

public sealed record SetTemplateLogoCommand(PrintableKind Kind, string FileName, string ContentType, byte[] Content) : ICommand;

/// <summary>Stores an uploaded logo for one document type, audited.</summary>
public sealed class SetTemplateLogoHandler(KobanDbContext db, DocumentTemplateService templates, AuditLog audit, TimeProvider time) : ICommandHandler<SetTemplateLogoCommand>
{
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
}

public static class SetTemplateLogo
{
    public static void Map(RouteGroupBuilder group)
    {
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
    }
}
