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

public sealed record RemoveTemplateLogoCommand(PrintableKind Kind) : ICommand;

/// <summary>Goes back to the company logo, audited.</summary>
public sealed class RemoveTemplateLogoHandler(KobanDbContext db, DocumentTemplateService templates, AuditLog audit) : ICommandHandler<RemoveTemplateLogoCommand>
{
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
}

public static class RemoveTemplateLogo
{
    public static void Map(RouteGroupBuilder group)
    {
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
}
