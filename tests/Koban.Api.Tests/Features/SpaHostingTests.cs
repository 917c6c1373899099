using System.IO.Compression;
using System.Net;
using System.Text;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features;

/// <summary>The API serving a built SPA (Koban:SpaRoot): precompressed copies, caching, and the content security policy.</summary>
public sealed class SpaHostingTests : ApiTest
{
    private const string Html = "<!doctype html><html lang=\"fr\"><head><script type=\"module\" src=\"/assets/index-AbC123.js\"></script></head><body><div id=\"root\"></div></body></html>";
    private static readonly string Script = string.Concat(Enumerable.Repeat("export const answer = () => 42;\n", 200));

    private string root = "";
    private ApiFactory host = null!;

    [OneTimeSetUp]
    public void CreateSpa()
    {
        root = Directory.CreateTempSubdirectory("koban-spa-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        Write("index.html", Html);
        Write("assets/index-AbC123.js", Script);
        host = new ApiFactory(Factory.Database, ApiFactory.NoBackgroundWork(new() { ["Koban:SpaRoot"] = root }));
    }

    [OneTimeTearDown]
    public async Task Remove()
    {
        await host.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>As the SPA build does: the file, its Brotli copy and its gzip copy.</summary>
    private void Write(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var path = Path.Combine(root, name);
        File.WriteAllBytes(path, bytes);
        using (var br = new BrotliStream(File.Create(path + ".br"), CompressionLevel.SmallestSize)) br.Write(bytes);
        using (var gz = new GZipStream(File.Create(path + ".gz"), CompressionLevel.SmallestSize)) gz.Write(bytes);
    }

    private async Task<HttpResponseMessage> Get(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await Anonymous(host).SendAsync(request);
    }

    private static async Task<string> Decoded(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStreamAsync();
        Stream body = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            null => raw,
            var other => throw new InvalidOperationException(other),
        };
        using var reader = new StreamReader(body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [TestCase("br, gzip, deflate", "br")]
    [TestCase("gzip, deflate", "gzip")]
    [TestCase("br;q=0, gzip", "gzip")]
    [TestCase(null, null)]
    public async Task A_hashed_asset_comes_compressed_as_the_browser_accepts_it_and_is_cached_as_immutable(string? accept, string? expected)
    {
        var response = await Get("/assets/index-AbC123.js", accept);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.SingleOrDefault().ShouldBe(expected);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        (await Decoded(response)).ShouldBe(Script);
        if (expected is not null) response.Content.Headers.ContentLength!.Value.ShouldBeLessThan(Script.Length / 10);
    }

    [TestCase("/")]
    [TestCase("/login")]
    [TestCase("/orders/3f1c4a52-0d7e-4b8e-9a55-1c2d3e4f5a6b")]
    public async Task Every_client_route_gets_index_html_compressed_revalidated_and_under_the_strict_policy(string path)
    {
        var response = await Get(path, "gzip, deflate, br, zstd");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Single().ShouldBe("br");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue("a new deployment must be picked up at the next load");
        response.Headers.CacheControl.MaxAge.ShouldBeNull();
        (await Decoded(response)).ShouldBe(Html);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries);
        policy.ShouldContain("default-src 'self'");
        policy.ShouldContain("frame-src blob:", "the template preview shows the PDF from a blob: URL in a frame");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldNotContain(d => d.StartsWith("script-src", StringComparison.Ordinal), "scripts stay under default-src 'self'");
        policy.ShouldNotContain(d => d.Contains('*') || d.Contains("unsafe-eval") || d.Contains("data:") && d.StartsWith("frame-src", StringComparison.Ordinal));
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Test]
    public async Task An_unknown_api_path_is_still_a_problem_not_the_spa()
    {
        var response = await Get("/api/v1/no-such-thing", "br");
        await response.ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}
