using System.Text.Json;
using System.Text.RegularExpressions;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features;

/// <summary>
/// The class "the audit log shows raw field names" (issue 11: "show who changed which field from what to what"): the demo
/// company is created through the real commands, so its audit log holds the events of the whole flow; every field name
/// any of them records has a label in the SPA's French and English messages (<c>audit.fields.*</c>), as the audit page
/// shows "Ligne 3 › Prix unitaire", never "lines[2].unitPrice".
/// </summary>
[NonParallelizable]
public sealed partial class DemoAuditLabelsTests : ApiTest
{
    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    private static void Names(JsonElement value, SortedSet<string> into)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in value.EnumerateObject())
                {
                    into.Add(Index().Replace(p.Name, ""));
                    Names(p.Value, into);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) Names(item, into);
                break;
        }
    }

    [Test]
    public async Task Every_field_the_demo_audit_log_records_has_a_label_in_french_and_in_english()
    {
        var database = await TestDatabase.CreateAsync("koban_demo_audit");
        try
        {
            await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Koban:Demo:Seed"] = "true" });
            var admin = await SignInAsync("admin@demo.koban.fr", "Demo-Admin-2026!", factory);
            var fields = new SortedSet<string>(StringComparer.Ordinal);
            var events = 0;
            string? after = null;
            do
            {
                var page = await (await admin.GetAsync($"/api/v1/audit-events?limit=100{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}")).Json();
                foreach (var e in page.GetProperty("items").EnumerateArray())
                {
                    events++;
                    foreach (var side in new[] { "before", "after" })
                    {
                        if (e.TryGetProperty(side, out var snapshot)) Names(snapshot, fields);
                    }
                }
                after = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
            }
            while (after is not null);
            events.ShouldBeGreaterThan(20);

            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Koban.sln"))) root = root.Parent;
            root.ShouldNotBeNull();
            foreach (var language in new[] { "fr", "en" })
            {
                using var messages = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root.FullName, "web-client", "src", "lib", "i18n", $"{language}.json")));
                var labels = messages.RootElement.GetProperty("audit").GetProperty("fields");
                fields.Where(f => !labels.TryGetProperty(f, out var label) || label.ValueKind != JsonValueKind.String).ShouldBeEmpty(language);
            }
        }
        finally
        {
            await database.DropAsync();
        }
    }
}
