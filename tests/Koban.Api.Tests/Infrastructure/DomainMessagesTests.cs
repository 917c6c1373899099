using System.Reflection;
using System.Text.RegularExpressions;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>
/// The domain's error texts have one source, the "fr: … en: …" summary of each code in <c>Koban.Domain/Common/ErrorCodes.cs</c>;
/// the build generates the catalogue's domain part from it (<c>Infrastructure/Web/DomainMessages.targets</c>). Every code
/// the domain declares must come out of the shipped catalogue with exactly the texts of its summary.
/// </summary>
public sealed partial class DomainMessagesTests
{
    [GeneratedRegex(@"///\s*<summary>fr:\s*(?<fr>.*?)\s+en:\s*(?<en>.*?)</summary>\s*\n\s*public const string (?<name>\w+) =")]
    private static partial Regex Summary();

    [Test]
    public void Every_domain_code_has_the_texts_of_its_summary_in_the_catalogue()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "api", "Koban.Domain", "Common", "ErrorCodes.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var summaries = Summary().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => (Fr: m.Groups["fr"].Value, En: m.Groups["en"].Value), StringComparer.Ordinal);
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)).ToList();

        codes.Count.ShouldBeGreaterThan(100);
        Assert.Multiple(() =>
        {
            foreach (var field in codes)
            {
                var code = (string)field.GetRawConstantValue()!;
                summaries.TryGetValue(field.Name, out var texts).ShouldBeTrue($"ErrorCodes.{field.Name} has no \"fr: … en: …\" summary");
                ErrorCatalog.TryGet(code, out var french, out var english).ShouldBeTrue($"{code} is not in the catalogue");
                french.ShouldBe(texts.Fr, $"French text of {code}");
                english.ShouldBe(texts.En, $"English text of {code}");
            }
        });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Koban.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Koban.sln not found above the test directory");
    }
}
