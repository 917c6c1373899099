using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Koban.Api.Infrastructure.Web;

/// <summary>A PDF answered inline: never cached, and named after the document when a file name is given.</summary>
public static class PdfResults
{
    public static FileContentHttpResult Inline(HttpResponse response, byte[] pdf, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        if (fileName is not null)
        {
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
        }
        return TypedResults.File(pdf, "application/pdf");
    }
}
