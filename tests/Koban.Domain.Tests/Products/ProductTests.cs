using Koban.Domain.Common;
using Koban.Domain.Products;

namespace Koban.Domain.Tests.Products;

public sealed class ProductTests
{
    private static ProductData Data() => new("  ABO-pro ", " Abonnement ", null, "mon", 49.9m, 20m, null, ProductNature.Service);

    [Test]
    public void A_product_keeps_its_code_as_typed_but_trimmed()
    {
        var product = Product.Create(Data());

        product.Code.ShouldBe("ABO-pro");
        product.Name.ShouldBe("Abonnement");
        product.UnitCode.ShouldBe(UnitCode.Month);
        product.ForSale.ShouldBeTrue();
        product.IsArchived.ShouldBeFalse();
        product.Id.ShouldNotBe(Guid.Empty);
        product.CompanyId.ShouldBe(Guid.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_product_needs_a_code(string code) =>
        Should.Throw<DomainException>(() => Product.Create(Data() with { Code = code })).Code.ShouldBe(ErrorCodes.ProductCodeInvalid);

    [Test]
    public void A_code_longer_than_50_characters_is_refused()
    {
        Should.NotThrow(() => Product.Create(Data() with { Code = new string('A', 50) }));
        Should.Throw<DomainException>(() => Product.Create(Data() with { Code = new string('A', 51) })).Arguments["maximumLength"].ShouldBe(50);
    }

    [Test]
    public void A_product_needs_a_name() =>
        Should.Throw<DomainException>(() => Product.Create(Data() with { Name = " " })).Field.ShouldBe("name");

    [Test]
    public void An_unknown_unit_is_refused() =>
        Should.Throw<DomainException>(() => Product.Create(Data() with { UnitCode = "XYZ" })).Code.ShouldBe(ErrorCodes.UnitCodeUnknown);

    [Test]
    public void A_negative_price_is_refused() =>
        Should.Throw<DomainException>(() => Product.Create(Data() with { UnitPrice = -0.01m })).Code.ShouldBe(ErrorCodes.ProductUnitPriceNegative);

    [Test]
    public void A_price_takes_up_to_four_decimals()
    {
        Product.Create(Data() with { UnitPrice = 73.3333m }).UnitPrice.ShouldBe(73.3333m);
        Should.Throw<DomainException>(() => Product.Create(Data() with { UnitPrice = 1.00001m })).Code.ShouldBe(ErrorCodes.LineUnitPriceTooPrecise);
    }

    [TestCase(20)]
    [TestCase(10)]
    [TestCase(5.5)]
    [TestCase(2.1)]
    public void The_French_rates_are_allowed(decimal rate) =>
        Product.Create(Data() with { VatRate = rate }).VatRate.ShouldBe(rate);

    [TestCase(19.6)]
    [TestCase(7)]
    [TestCase(8.5)]
    public void Other_rates_are_refused(decimal rate) =>
        Should.Throw<DomainException>(() => Product.Create(Data() with { VatRate = rate })).Code.ShouldBe(ErrorCodes.VatRateNotAllowed);

    [Test]
    public void A_zero_rate_needs_an_exemption_reason()
    {
        Should.Throw<DomainException>(() => Product.Create(Data() with { VatRate = 0m })).Code.ShouldBe(ErrorCodes.VatExemptionReasonRequired);
        Product.Create(Data() with { VatRate = 0m, VatExemptionReason = "Art. 261-4-4° du CGI" }).VatExemptionReason.ShouldBe("Art. 261-4-4° du CGI");
    }

    [Test]
    public void An_exemption_reason_is_dropped_on_a_taxed_product() =>
        Product.Create(Data() with { VatExemptionReason = "useless" }).VatExemptionReason.ShouldBeNull();

    [Test]
    public void A_contract_product_needs_a_periodicity_and_a_term()
    {
        var product = Product.Create(Data() with { IsContract = true, ContractPeriodicity = ContractPeriodicity.Monthly, ContractTermMonths = 12 });

        product.IsContract.ShouldBeTrue();
        product.ContractTermMonths.ShouldBe(12);
        Should.Throw<DomainException>(() => Product.Create(Data() with { IsContract = true })).Code.ShouldBe(ErrorCodes.ContractTermsInvalid);
        Should.Throw<DomainException>(() => Product.Create(Data() with { IsContract = true, ContractPeriodicity = ContractPeriodicity.Yearly, ContractTermMonths = 0 }))
            .Field.ShouldBe("contractTermMonths");
    }

    [Test]
    public void A_product_that_is_no_contract_has_no_contract_terms() =>
        Should.Throw<DomainException>(() => Product.Create(Data() with { ContractPeriodicity = ContractPeriodicity.Quarterly }))
            .Code.ShouldBe(ErrorCodes.ContractTermsInvalid);

    [Test]
    public void Update_replaces_the_fields_and_keeps_the_identity()
    {
        var product = Product.Create(Data());
        var id = product.Id;

        product.Update(Data() with { Name = "Abonnement Pro", UnitPrice = 59m, ForSale = false, Deliverable = true });

        product.Id.ShouldBe(id);
        product.Name.ShouldBe("Abonnement Pro");
        product.UnitPrice.ShouldBe(59m);
        product.ForSale.ShouldBeFalse();
        product.Deliverable.ShouldBeTrue();
    }

    [Test]
    public void A_refused_update_changes_nothing()
    {
        var product = Product.Create(Data());

        Should.Throw<DomainException>(() => product.Update(Data() with { Name = "New", VatRate = 7m }));

        product.Name.ShouldBe("Abonnement");
    }

    [Test]
    public void A_product_is_archived_and_unarchived()
    {
        var product = Product.Create(Data());

        product.Archive();
        product.IsArchived.ShouldBeTrue();
        product.Unarchive();
        product.IsArchived.ShouldBeFalse();
    }

    [Test]
    public void Archiving_twice_or_unarchiving_an_active_product_is_a_conflict()
    {
        var product = Product.Create(Data());

        Should.Throw<DomainConflictException>(product.Unarchive).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        product.Archive();
        Should.Throw<DomainConflictException>(product.Archive).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
    }
}

public sealed class UnitCodeTests
{
    [Test]
    public void At_least_fourteen_units_are_offered_with_unique_codes()
    {
        UnitCode.All.Count.ShouldBeGreaterThanOrEqualTo(14);
        UnitCode.All.Select(u => u.Code).Distinct().Count().ShouldBe(UnitCode.All.Count);
    }

    [TestCase("C62", "unité")]
    [TestCase("HUR", "heure")]
    [TestCase("DAY", "jour")]
    [TestCase("MON", "mois")]
    [TestCase("ANN", "an")]
    [TestCase("KGM", "kg")]
    [TestCase("MTR", "m")]
    [TestCase("MTK", "m²")]
    [TestCase("LTR", "litre")]
    [TestCase("KMT", "km")]
    [TestCase("WEE", "semaine")]
    [TestCase("MIN", "minute")]
    [TestCase("SET", "lot")]
    [TestCase("XPK", "paquet")]
    public void Each_UN_ECE_code_has_its_French_label(string code, string label) =>
        UnitCode.LabelOf(code).ShouldBe(label);

    [Test]
    public void Codes_are_case_sensitive_as_the_recommendation_defines_them() =>
        UnitCode.IsKnown("hur").ShouldBeFalse();
}
