using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Koban.Domain.Common;

namespace Koban.Domain.Tests.Common;

public sealed partial class ErrorCodesTests
{
    private static readonly FieldInfo[] Constants = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .ToArray();

    [Test]
    public void The_catalogue_is_found_by_reflection() =>
        Constants.Length.ShouldBeGreaterThan(20);

    [Test]
    public void Every_code_is_snake_case()
    {
        foreach (var field in Constants)
            ((string)field.GetRawConstantValue()!).ShouldMatch(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*$", field.Name);
    }

    [Test]
    public void No_two_constants_share_a_code()
    {
        var codes = Constants.Select(f => (string)f.GetRawConstantValue()!).ToList();

        codes.Distinct().Count().ShouldBe(codes.Count);
    }

    [Test]
    public void Each_constant_is_named_after_its_code()
    {
        foreach (var field in Constants)
            ((string)field.GetRawConstantValue()!).Replace("_", string.Empty, StringComparison.Ordinal).ShouldBe(field.Name.ToLowerInvariant());
    }

    [Test]
    public void Every_code_documents_a_French_and_an_English_message()
    {
        var documentation = XDocument.Load(Path.ChangeExtension(typeof(ErrorCodes).Assembly.Location, ".xml"));
        var summaries = documentation.Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary")?.Value.Trim() ?? string.Empty);

        foreach (var field in Constants)
        {
            summaries.TryGetValue($"F:{typeof(ErrorCodes).FullName}.{field.Name}", out var summary).ShouldBeTrue(field.Name);
            var match = Messages().Match(summary!);
            match.Success.ShouldBeTrue($"{field.Name}: '{summary}'");
            match.Groups["fr"].Value.Trim().ShouldNotBeEmpty(field.Name);
            match.Groups["en"].Value.Trim().ShouldNotBeEmpty(field.Name);
        }
    }

    [GeneratedRegex(@"^fr: (?<fr>.+) en: (?<en>.+)$", RegexOptions.Singleline)]
    private static partial Regex Messages();
}
