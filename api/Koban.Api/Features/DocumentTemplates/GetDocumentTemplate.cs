using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.DocumentTemplates;

public sealed record GetDocumentTemplateQuery(PrintableKind Kind) : IQuery<Versioned<DocumentTemplateResponse>>;

/// <summary>One template with its version for the ETag.</summary>
public sealed class GetDocumentTemplateHandler(DocumentTemplateService templates) : IQueryHandler<GetDocumentTemplateQuery, Versioned<DocumentTemplateResponse>>
{
    public async ValueTask<Versioned<DocumentTemplateResponse>> Handle(GetDocumentTemplateQuery query, CancellationToken cancellationToken)
    {
        var template = await templates.GetOrCreateAsync(query.Kind, cancellationToken);
        return Versioned.Of(DocumentTemplateReader.Response(template, await templates.CompanyLogoIdAsync(cancellationToken)), template.Version);
    }
}

public static class GetDocumentTemplate
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{kind}", async Task<Ok<DocumentTemplateResponse>> (PrintableKind kind, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                (await mediator.Send(new GetDocumentTemplateQuery(kind), ct)).Ok(response))
            .WithName("GetDocumentTemplate")
            .WithSummary("The template of one document type")
            .WithDescription($"Returns the template with an `ETag` for the update. {DocumentTemplatesExamples.Kinds}")
            .RequirePermission(Permissions.DocumentTemplates, Access.Read)
            .WithExamples(null, 200, DocumentTemplatesExamples.Template);
    }
}
