using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.DocumentTemplates;

public static class DocumentTemplatesEndpoints
{
    public static void MapDocumentTemplatesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/document-templates").WithTags("Document templates");
        ListDocumentTemplates.Map(group);
        GetDocumentTemplate.Map(group);
        UpdateDocumentTemplate.Map(group);
        PreviewDocumentTemplate.Map(group);
        GetTemplateLogo.Map(group);
        SetTemplateLogo.Map(group);
        RemoveTemplateLogo.Map(group);
    }
}
