using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Koban.Api.Infrastructure.Web;

/// <summary>
/// Serves the built SPA: the Brotli or gzip copy the SPA build wrote next to each text file (<c>x.js.br</c>, <c>x.js.gz</c>)
/// when the browser accepts it, hashed assets (<c>/assets/</c>) cached for a year as immutable, everything else
/// (<c>index.html</c> for every client route) revalidated on each load so a new deployment is picked up at once.
/// </summary>
public static class SpaStaticFiles
{
    public const string ImmutableAssets = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];
    private static readonly HashSet<string> Compressible = new(StringComparer.OrdinalIgnoreCase) { ".js", ".css", ".html", ".svg", ".json" };

    public static void UseSpaStaticFiles(this IApplicationBuilder app, IFileProvider files)
    {
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use(async (http, next) =>
        {
            if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && http.Request.Path.HasValue
                && Compressible.Contains(Path.GetExtension(http.Request.Path.Value)) && !http.Request.Path.StartsWithSegments("/api"))
            {
                var (path, encoding) = Pick(files, http.Request.Path.Value, http.Request);
                if (encoding is not null)
                {
                    http.Request.Path = path;
                    http.Response.Headers.ContentEncoding = encoding;
                }
                if (encoding is not null || HasCompressedCopy(files, http.Request.Path.Value!)) http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            }
            await next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new CompressedCopyContentTypes(),
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.Context.Request.Path.StartsWithSegments("/assets") ? ImmutableAssets : Revalidate,
        });
    }

    /// <summary>Every path that is not a file (a client route such as <c>/login</c> or <c>/orders/…</c>) gets index.html,
    /// compressed like the other files and never cached without revalidation.</summary>
    public static void MapSpaFallback(this IEndpointRouteBuilder endpoints, IFileProvider files) =>
        endpoints.MapFallback("{*path:nonfile}", async (HttpContext http) =>
        {
            var (path, encoding) = Pick(files, "/index.html", http.Request);
            var file = files.GetFileInfo(path);
            if (!file.Exists)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = Revalidate;
            if (encoding is not null) http.Response.Headers.ContentEncoding = encoding;
            if (encoding is not null || HasCompressedCopy(files, "/index.html")) http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            http.Response.ContentLength = file.Length;
            if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.SendFileAsync(file, http.RequestAborted);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>The best copy the browser accepts (Brotli before gzip) that exists, or the file itself.</summary>
    private static (string Path, string? Encoding) Pick(IFileProvider files, string path, HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, suffix) in Encodings)
        {
            var wanted = accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
            if (wanted && files.GetFileInfo(path + suffix).Exists) return (path + suffix, encoding);
        }
        return (path, null);
    }

    private static bool HasCompressedCopy(IFileProvider files, string path) => Encodings.Any(e => files.GetFileInfo(path + e.Suffix).Exists);

    /// <summary>A compressed copy has the content type of the file it compresses.</summary>
    private sealed class CompressedCopyContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider inner = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Encodings)
            {
                if (subpath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return inner.TryGetContentType(subpath[..^suffix.Length], out contentType!);
            }
            return inner.TryGetContentType(subpath, out contentType!);
        }
    }
}
