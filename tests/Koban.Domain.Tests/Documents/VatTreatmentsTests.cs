using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Products;

namespace Koban.Domain.Tests.Documents;

public sealed class VatTreatmentsTests
{
    [TestCase(CustomerVatRegime.France, CustomerKind.Business, ProductNature.Goods)]
    [TestCase(CustomerVatRegime.IntraEuBusiness, CustomerKind.Business, ProductNature.Service)]
    [TestCase(CustomerVatRegime.OutsideEu, CustomerKind.Individual, ProductNature.Goods)]
    public void A_company_under_the_VAT_franchise_charges_no_VAT_and_cites_article_293_B(CustomerVatRegime regime, CustomerKind kind, ProductNature nature) =>
        VatTreatments.Decide(true, regime, kind, nature, 20m)
            .ShouldBe(new VatTreatment(VatCategory.Exempt, 0m, "TVA non applicable, art. 293 B du CGI"));

    [Test]
    public void Goods_to_an_EU_business_are_an_exempt_intra_community_supply() =>
        VatTreatments.Decide(false, CustomerVatRegime.IntraEuBusiness, CustomerKind.Business, ProductNature.Goods, 20m)
            .ShouldBe(new VatTreatment(VatCategory.IntraCommunitySupply, 0m, "Exonération de TVA, article 262 ter I du CGI"));

    [Test]
    public void Services_to_an_EU_business_are_reverse_charged() =>
        VatTreatments.Decide(false, CustomerVatRegime.IntraEuBusiness, CustomerKind.Business, ProductNature.Service, 20m)
            .ShouldBe(new VatTreatment(VatCategory.ReverseCharge, 0m, "Autoliquidation"));

    [TestCase(CustomerKind.Business)]
    [TestCase(CustomerKind.Individual)]
    public void Goods_sold_outside_the_EU_are_exports(CustomerKind kind) =>
        VatTreatments.Decide(false, CustomerVatRegime.OutsideEu, kind, ProductNature.Goods, 20m)
            .ShouldBe(new VatTreatment(VatCategory.Export, 0m, "Exonération de TVA, article 262 I du CGI"));

    [Test]
    public void Services_to_a_business_outside_the_EU_are_outside_the_scope_of_French_VAT() =>
        VatTreatments.Decide(false, CustomerVatRegime.OutsideEu, CustomerKind.Business, ProductNature.Service, 20m)
            .ShouldBe(new VatTreatment(VatCategory.OutsideScope, 0m, "TVA non applicable, article 259-1 du CGI"));

    [Test]
    public void Services_to_an_individual_outside_the_EU_stay_taxed_in_France() =>
        VatTreatments.Decide(false, CustomerVatRegime.OutsideEu, CustomerKind.Individual, ProductNature.Service, 20m)
            .ShouldBe(new VatTreatment(VatCategory.Standard, 20m, null));

    [TestCase(20)]
    [TestCase(10)]
    [TestCase(5.5)]
    [TestCase(2.1)]
    public void A_French_sale_at_a_positive_rate_is_standard_rated(decimal rate) =>
        VatTreatments.Decide(false, CustomerVatRegime.France, CustomerKind.Individual, ProductNature.Goods, rate)
            .ShouldBe(new VatTreatment(VatCategory.Standard, rate, null));

    [Test]
    public void A_French_sale_at_zero_percent_is_exempt_with_its_reason() =>
        VatTreatments.Decide(false, CustomerVatRegime.France, CustomerKind.Business, ProductNature.Service, 0m, " Exonération de TVA, art. 261-4-4° du CGI ")
            .ShouldBe(new VatTreatment(VatCategory.Exempt, 0m, "Exonération de TVA, art. 261-4-4° du CGI"));

    [Test]
    public void A_French_sale_at_zero_percent_without_a_reason_is_refused() =>
        Should.Throw<DomainException>(() => VatTreatments.Decide(false, CustomerVatRegime.France, CustomerKind.Business, ProductNature.Goods, 0m))
            .Code.ShouldBe(ErrorCodes.VatExemptionReasonRequired);

    [Test]
    public void A_rate_outside_the_French_table_is_refused() =>
        Should.Throw<DomainException>(() => VatTreatments.Decide(false, CustomerVatRegime.France, CustomerKind.Business, ProductNature.Goods, 19.6m))
            .Code.ShouldBe(ErrorCodes.VatRateNotAllowed);

    [Test]
    public void Each_category_has_its_EN_16931_code() =>
        Enum.GetValues<VatCategory>().Select(c => c.Code()).ShouldBe(["S", "Z", "E", "AE", "K", "G", "O"]);
}
