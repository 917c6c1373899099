using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.DocumentTemplates;

public sealed record GetTemplateLogoQuery(PrintableKind Kind) : IQuery<StoredFile>;

/// <summary>The template's own logo file.</summary>
public sealed class GetTemplateLogoHandler(KobanDbContext db, DocumentTemplateService templates) : IQueryHandler<GetTemplateLogoQuery, StoredFile>
{
    public async ValueTask<StoredFile> Handle(GetTemplateLogoQuery query, CancellationToken cancellationToken)
    {
        var template = await templates.GetOrCreateAsync(query.Kind, cancellationToken);
        return template.LogoFileId is { } id
            ? await db.Files.AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken)
            : throw new NotFoundException("template_logo");
    }
}

public static class GetTemplateLogo
{
    public static void Map(RouteGroupBuilder group)
    {
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
    }
}
