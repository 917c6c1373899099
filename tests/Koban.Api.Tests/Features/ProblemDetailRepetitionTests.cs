using System.Globalization;
using System.Reflection;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Koban.Api.Tests.Features;

/// <summary>
/// The class "the same sentence twice" (issue 11: "Une commande existe déjà pour ce devis. — Une commande existe déjà pour
/// ce devis."): whatever way a code becomes a problem, its <c>detail</c> is either absent or says something the title
/// does not, in both languages, with or without a field and arguments.
/// </summary>
public sealed class ProblemDetailRepetitionTests
{
    private static IReadOnlyList<string> AllCodes() => typeof(ApiErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Concat(typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Concat(ErrorCatalog.Codes)
        .Distinct()
        .ToList();

    private static IEnumerable<(string Path, ProblemDetails Problem)> ProblemsOf(string code)
    {
        var arguments = new Dictionary<string, object>
        {
            ["today"] = "07/12/2026",
            ["lastDate"] = "12/11/2026",
            ["firstDate"] = "01/01/2025",
            ["date"] = "01/11/2026",
            ["closedUntil"] = "30/11/2026",
        };
        yield return ("domain", ProblemDetailsMapping.Map(new DomainException(code, "log only")));
        yield return ("domain with field", ProblemDetailsMapping.Map(new DomainException(code, "log only") { Field = "issueDate", Arguments = arguments }));
        yield return ("conflict", ProblemDetailsMapping.Map(new DomainConflictException(code, "log only") { Field = "quoteId" }));
        yield return ("field validation", ProblemDetailsMapping.Map(new FieldValidationException("name", code)));
        yield return ("forbidden", ProblemDetailsMapping.Map(new ForbiddenException(code)));
        yield return ("unauthenticated", ProblemDetailsMapping.Map(new UnauthenticatedException(code)));
        yield return ("created with its message as detail", Problems.Create(422, code, detail: ErrorCatalog.Message(code)));
    }

    [Test]
    public void For_every_code_the_problem_detail_is_absent_or_differs_from_its_title_in_both_languages()
    {
        var failures = new List<string>();
        var checkedProblems = 0;
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("en-GB") })
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                foreach (var code in AllCodes())
                {
                    foreach (var (path, problem) in ProblemsOf(code))
                    {
                        checkedProblems++;
                        if (problem.Detail is { } detail && string.Equals(detail.Trim(), problem.Title?.Trim(), StringComparison.Ordinal))
                            failures.Add($"{code} ({culture.Name}, {path}): detail repeats the title \"{detail}\"");
                    }
                }
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
        checkedProblems.ShouldBeGreaterThan(1000);
        failures.ShouldBeEmpty();
    }

    [Test]
    public void A_detail_that_adds_something_is_kept()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var frozen = ProblemDetailsMapping.Map(new DomainConflictException(ErrorCodes.DocumentFrozen, "log only") { Field = "lines[1].unitPrice" });
            frozen.Detail.ShouldNotBeNullOrWhiteSpace();
            frozen.Detail.ShouldNotBe(frozen.Title);
            Problems.Create(409, ErrorCodes.QuoteAlreadyOrdered, detail: "Commande CO-2026-00004.").Detail.ShouldBe("Commande CO-2026-00004.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
