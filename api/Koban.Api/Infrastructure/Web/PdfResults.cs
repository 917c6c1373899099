using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Infrastructure.Web;

/// <summary>How every endpoint returns a PDF: never cached, shown inline under its file name when it has one.</summary>
public static class PdfResults
{
    public static FileContentHttpResult Inline(HttpResponse response, byte[] pdf, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        if (fileName is not null)
        {
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
        }
        return TypedResults.File(pdf, "application/pdf");
    }
}
