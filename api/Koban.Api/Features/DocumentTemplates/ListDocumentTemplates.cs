using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.DocumentTemplates;

public sealed record ListDocumentTemplatesQuery : IQuery<DocumentTemplateList>;

/// <summary>The template of each document type, created with its defaults on first read.</summary>
public sealed class ListDocumentTemplatesHandler(DocumentTemplateService templates) : IQueryHandler<ListDocumentTemplatesQuery, DocumentTemplateList>
{
    public async ValueTask<DocumentTemplateList> Handle(ListDocumentTemplatesQuery query, CancellationToken cancellationToken)
    {
        var companyLogo = await templates.CompanyLogoIdAsync(cancellationToken);
        var items = new List<DocumentTemplateResponse>();
        foreach (var kind in Enum.GetValues<PrintableKind>())
        {
            items.Add(DocumentTemplateReader.Response(await templates.GetOrCreateAsync(kind, cancellationToken), companyLogo));
        }
        return new DocumentTemplateList(items);
    }
}

public static class ListDocumentTemplates
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<DocumentTemplateList>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListDocumentTemplatesQuery(), ct)))
            .WithName("ListDocumentTemplates")
            .WithSummary("The template of each document type")
            .WithDescription("One template per document type, created with defaults on first read: accent colour, logo (the company logo unless the template has its own), header and footer texts, bank details, terms and conditions, and the e-mail subject and body sent with the document. The seller's legal identity line is always printed on every page, whatever the footer says.")
            .RequirePermission(Permissions.DocumentTemplates, Access.Read)
            .WithExamples(null, 200, new DocumentTemplateList([DocumentTemplatesExamples.Template]));
    }
}
