using System.Text.Json;
using System.Text.RegularExpressions;

namespace Koban.Api.Tests.Features;

/// <summary>
/// The class "the audit log shows raw event codes" (issue 11): every action the API records (<c>audit.Record("…")</c>,
/// or an action chosen on the line that records it) has a label in the SPA's French and English messages
/// (<c>audit.actions.*</c> of <c>web-client/src/lib/i18n</c>), so a new action cannot reach the log as
/// "invoice.validated".
/// </summary>
public sealed partial class AuditActionLabelsTests
{
    [GeneratedRegex(@"Record\(|\baction\b")]
    private static partial Regex RecordingLine();

    [GeneratedRegex(@"""([a-z][A-Za-z]*(?:_[a-z]+)*(?:\.[a-z][A-Za-z_]*){1,2})""")]
    private static partial Regex ActionLiteral();

    private static DirectoryInfo Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Koban.sln"))) root = root.Parent;
        root.ShouldNotBeNull();
        return root;
    }

    private static SortedSet<string> RecordedActions(DirectoryInfo root)
    {
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, "api", "Koban.Api"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file).Where(l => RecordingLine().IsMatch(l)))
            {
                foreach (Match m in ActionLiteral().Matches(line)) actions.Add(m.Groups[1].Value);
            }
        }
        return actions;
    }

    private static bool HasLabel(JsonElement actions, string action)
    {
        var node = actions;
        foreach (var part in action.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node)) return false;
        }
        return node.ValueKind == JsonValueKind.String && node.GetString()!.Trim().Length > 0;
    }

    [TestCase("fr")]
    [TestCase("en")]
    public void Every_recorded_action_has_a_label_in_the_spa(string language)
    {
        var root = Root();
        var actions = RecordedActions(root);
        actions.Count.ShouldBeGreaterThan(60, "the scan finds the recorded actions");
        actions.ShouldContain("invoice.validated");
        actions.ShouldContain("payment.recorded");
        using var messages = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.FullName, "web-client", "src", "lib", "i18n", $"{language}.json")));
        var labels = messages.RootElement.GetProperty("audit").GetProperty("actions");
        actions.Where(a => !HasLabel(labels, a)).ShouldBeEmpty();
    }
}
