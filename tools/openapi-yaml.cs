#:package Microsoft.OpenApi
#:property ManagePackageVersionsCentrally=true
#:property PublishAot=false
// Converts the build-time OpenAPI JSON into the committed openapi.yaml (OpenAPI 3.1).
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

var (input, output) = (args[0], args[1]);
await using var stream = File.OpenRead(input);
var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());
if (result.Document is null)
{
    Console.Error.WriteLine("openapi-yaml: could not read " + input);
    return 1;
}
using var buffer = new MemoryStream();
await result.Document.SerializeAsYamlAsync(buffer, OpenApiSpecVersion.OpenApi3_1);
var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n");
if (!text.EndsWith('\n')) text += "\n";
if (!File.Exists(output) || File.ReadAllText(output) != text) File.WriteAllText(output, text);
return 0;
