using System.Globalization;
using Koban.Api.Infrastructure.Web;

namespace Koban.Api.Tests.Features;

/// <summary>The French the API writes for people reads as French: no "modifié(e)"-style inclusive brackets.</summary>
public sealed class FrenchWordingTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [TestCase("customerId")]
    [TestCase("orderDate")]
    [TestCase("lines")]
    [TestCase("lines[1].unitPrice")]
    [TestCase("lines[0].unitCode")]
    [TestCase("lines[3].description")]
    public void A_refused_frozen_field_is_explained_without_gender_brackets(string field)
    {
        var sentence = FrozenFields.Describe(field, French);
        sentence.ShouldStartWith("Le document est validé : on ne peut plus modifier ");
        sentence.ShouldNotContain("(e)");
    }

    [Test]
    public void No_error_message_of_the_catalogue_uses_gender_brackets()
    {
        foreach (var code in ErrorCatalog.Codes)
        {
            ErrorCatalog.TryGet(code, out var french, out _).ShouldBeTrue();
            french.ShouldNotContain("(e)", customMessage: code);
            french.ShouldNotContain("(es)", customMessage: code);
        }
    }
}
