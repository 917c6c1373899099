using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Products;

namespace Koban.Domain.Tests.Documents;

public sealed class VatChoicesTests
{
    [Test]
    public void A_company_liable_to_VAT_is_offered_every_allowed_rate_above_zero_each_with_its_article() =>
        VatChoices.For(companyVatFranchise: false).Rates.Select(r => r.Rate).ShouldBe(VatRates.Allowed.Where(r => r > 0m));

    [Test]
    public void Every_exemption_offered_is_accepted_as_the_reason_of_a_French_0_percent_line_and_cites_the_CGI()
    {
        var exemptions = VatChoices.For(companyVatFranchise: false).Exemptions;
        exemptions.ShouldNotBeEmpty();
        foreach (var e in exemptions)
        {
            e.Wording.ShouldContain(e.LegalBasis.Replace("art. ", "article ", StringComparison.Ordinal));
            VatTreatments.Decide(false, CustomerVatRegime.France, CustomerKind.Business, ProductNature.Service, 0m, e.Wording)
                .ShouldBe(new VatTreatment(VatCategory.Exempt, 0m, e.Wording));
        }
        VatChoices.For(false).Rates.ShouldAllBe(r => r.LegalBasis.EndsWith("du CGI"));
    }

    [Test]
    public void A_company_under_the_franchise_is_offered_no_rate_only_the_franchise_mention()
    {
        var choices = VatChoices.For(companyVatFranchise: true);
        choices.Franchise.ShouldBeTrue();
        choices.Rates.ShouldBeEmpty();
        choices.Exemptions.Single().Wording.ShouldBe(VatTreatments.FranchiseWording);
    }
}
