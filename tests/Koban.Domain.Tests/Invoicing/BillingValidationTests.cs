using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Invoicing.InvoicingTestData;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>What validation checks and freezes (domain-rules.md §1, §3, §4, §7, §8).</summary>
public sealed class BillingValidationTests
{
    private static Invoice Direct(decimal unitPrice = 100m, PaymentTerms? terms = null, bool business = true, string description = "Formation") =>
        Invoice.Direct(Guid.Parse("0195d6a0-0000-7000-8000-0000000000c1"), Header with { PaymentTerms = terms }, [new BillingLineData(FreeLine(1m, unitPrice, description: description))],
            business, Now);

    [Test]
    public void Validation_numbers_dates_snapshots_and_freezes_the_document()
    {
        var invoice = Direct(terms: new PaymentTerms(PaymentTermsKind.DaysEndOfMonth, 30));

        invoice.Validate(Validation(invoice, "FA-2026-0042", issueDate: Today.AddDays(-2)));

        invoice.IsValidated.ShouldBeTrue();
        invoice.Status.ShouldBe(BillingStatus.Validated);
        invoice.Number.ShouldBe("FA-2026-0042");
        invoice.IssueDate.ShouldBe(new DateOnly(2026, 3, 13));
        // 13/03 + 30 days = 12/04, end of month: 30/04.
        invoice.DueDate.ShouldBe(new DateOnly(2026, 4, 30));
        invoice.Seller.ShouldBe(Seller);
        invoice.Buyer!.Name.ShouldBe("Boulangerie Martin");
        invoice.ValidatedAt.ShouldBe(Now);
        invoice.ChainSequence.ShouldBe(1);
        invoice.PreviousFingerprint.ShouldBe(DocumentFingerprint.Genesis);
        invoice.Fingerprint.ShouldNotBeNull().Length.ShouldBe(64);
        invoice.VatBreakdown.Single().Vat.ShouldBe(20m);
        Should.Throw<DomainConflictException>(() => invoice.EnsureDraft()).Code.ShouldBe(ErrorCodes.DocumentFrozen);
        Should.Throw<DomainConflictException>(() => invoice.EnsureDeletable()).Code.ShouldBe(ErrorCodes.DocumentNotDeletable);
        Should.Throw<DomainConflictException>(() => invoice.ReplaceLines([new BillingLineData(FreeLine(1m, 1m))])).Code.ShouldBe(ErrorCodes.DocumentFrozen);
        Should.Throw<DomainConflictException>(() => invoice.UpdateHeader(Header, true)).Code.ShouldBe(ErrorCodes.DocumentFrozen);
        Should.Throw<DomainException>(() => invoice.Validate(Validation(invoice, "FA-2026-0043")));
    }

    [Test]
    public void A_draft_has_no_number_and_can_be_deleted()
    {
        var invoice = Direct();

        invoice.Number.ShouldBeNull();
        invoice.Fingerprint.ShouldBeNull();
        Should.NotThrow(invoice.EnsureDeletable);
    }

    [Test]
    public void A_date_later_than_today_is_refused()
    {
        var invoice = Direct();

        var exception = Should.Throw<DomainException>(() => invoice.Validate(Validation(invoice, issueDate: Today.AddDays(1))));

        exception.Code.ShouldBe(ErrorCodes.IssueDateInFuture);
        exception.Field.ShouldBe("issueDate");
        exception.Arguments["today"].ShouldBe("15/03/2026");
        invoice.IsValidated.ShouldBeFalse();
        invoice.Number.ShouldBeNull();
    }

    [Test]
    public void A_validation_needs_a_number() =>
        Should.Throw<DomainException>(() => Direct().Validate(Validation(Direct(), number: " "))).Code.ShouldBe(ErrorCodes.DocumentNumberRequired);

    private static IEnumerable<TestCaseData> MissingMentions()
    {
        yield return new TestCaseData(Seller with { Siren = null }, null, "company.siren").SetName("Seller SIREN");
        yield return new TestCaseData(Seller with { LegalName = " " }, null, "company.legalName").SetName("Seller name");
        yield return new TestCaseData(Seller with { Address = null }, null, "company.address").SetName("Seller address");
        yield return new TestCaseData(Seller with { VatNumber = null }, null, "company.vatNumber").SetName("Seller VAT number");
        yield return new TestCaseData(Seller with { LegalForm = null }, null, "company.legalForm").SetName("Seller legal form");
        yield return new TestCaseData(Seller with { ShareCapital = null }, null, "company.shareCapital").SetName("Company share capital");
        yield return new TestCaseData(Seller with { RcsCity = " " }, null, "company.rcsCity").SetName("Company RCS city");
        yield return new TestCaseData(null, Buyer(Guid.Empty) with { Siren = "" }, "customer.siren").SetName("French business buyer SIREN");
        yield return new TestCaseData(null, Buyer(Guid.Empty) with { BillingAddress = null }, "customer.billingAddress").SetName("Buyer billing address");
        yield return new TestCaseData(null, Buyer(Guid.Empty) with { Name = "" }, "customer.name").SetName("Buyer name");
        yield return new TestCaseData(null, Buyer(Guid.Empty) with { CountryCode = "DE", VatRegime = "IntraEuBusiness", Siren = null }, "customer.vatNumber")
            .SetName("EU business buyer VAT number");
    }

    [TestCaseSource(nameof(MissingMentions))]
    public void A_missing_mandatory_mention_is_refused_and_named(SellerSnapshot? seller, BuyerSnapshot? buyer, string mention)
    {
        var invoice = Direct();

        var exception = Should.Throw<DomainException>(() => invoice.Validate(Validation(invoice, seller: seller, buyer: buyer)));

        exception.Code.ShouldBe(ErrorCodes.MandatoryMentionMissing);
        exception.Field.ShouldBe(mention);
        exception.Arguments["mention"].ShouldBe(mention);
        invoice.IsValidated.ShouldBeFalse();
    }

    [Test]
    public void Every_missing_mention_is_named_in_one_refusal_so_all_are_fixed_at_once()
    {
        var invoice = Direct();
        var seller = Seller with { ShareCapital = null, RcsCity = null, Siren = null, Address = null, VatNumber = null };

        var exception = Should.Throw<DomainException>(() => invoice.Validate(Validation(invoice, seller: seller, buyer: Buyer(invoice.CustomerId) with { Siren = null })));

        exception.Code.ShouldBe(ErrorCodes.MandatoryMentionMissing);
        exception.Details.Select(d => d.Field).ShouldBe(["company.shareCapital", "company.rcsCity", "company.siren", "company.address", "company.vatNumber", "customer.siren"]);
        exception.Details.ShouldAllBe(d => d.Code == ErrorCodes.MandatoryMentionMissing && (string)d.Arguments["mention"] == d.Field);
        exception.Arguments["mention"].ShouldBe("company.shareCapital, company.rcsCity, company.siren, company.address, company.vatNumber, customer.siren");
        invoice.IsValidated.ShouldBeFalse();
    }

    [TestCase("Ei")]
    [TestCase("MicroEntreprise")]
    [TestCase("Association")]
    [TestCase("Other")]
    public void A_form_without_share_capital_needs_neither_capital_nor_RCS_city(string form)
    {
        var invoice = Direct();

        invoice.Validate(Validation(invoice, seller: Seller with { LegalForm = form, ShareCapital = null, RcsCity = null }));

        invoice.IsValidated.ShouldBeTrue();
    }

    [TestCase("Sas")]
    [TestCase("Sasu")]
    [TestCase("Sarl")]
    [TestCase("Eurl")]
    [TestCase("Sa")]
    [TestCase("Snc")]
    public void Every_commercial_company_form_needs_its_share_capital_and_RCS_city(string form)
    {
        var invoice = Direct();

        var exception = Should.Throw<DomainException>(() => invoice.Validate(Validation(invoice, seller: Seller with { LegalForm = form, ShareCapital = null, RcsCity = null })));

        exception.Details.Select(d => d.Field).ShouldBe(["company.shareCapital", "company.rcsCity"]);
    }

    [Test]
    public void Payment_clauses_belong_only_on_an_invoice_that_asks_to_be_paid()
    {
        var invoice = Direct();
        MandatoryMentions.PaymentClausesApply(invoice).ShouldBeTrue();
        invoice.Validate(Validation(invoice));
        var credit = CreditNote.Full(invoice, [], CreditReason.CommercialDiscount, null, Header, Now);
        MandatoryMentions.PaymentClausesApply(credit).ShouldBeFalse();
    }

    [Test]
    public void A_company_under_the_franchise_needs_no_vat_number_and_an_individual_no_siren()
    {
        var invoice = Direct(business: false);

        invoice.Validate(Validation(invoice, seller: Seller with { VatNumber = null, VatFranchise = true }, buyer: Buyer(invoice.CustomerId, business: false)));

        invoice.IsValidated.ShouldBeTrue();
    }

    [TestCase(PaymentTermsKind.Days, 61)]
    [TestCase(PaymentTermsKind.DaysEndOfMonth, 46)]
    [TestCase(PaymentTermsKind.EndOfMonthPlusDays, 46)]
    public void Business_payment_terms_beyond_the_legal_maximum_are_refused(PaymentTermsKind kind, int days)
    {
        var terms = new PaymentTerms(kind, days);

        Should.Throw<DomainException>(() => Direct(terms: terms)).Code.ShouldBe(ErrorCodes.PaymentTermsBeyondLegalMaximum);

        // A draft made for an individual, then validated for a business buyer, is refused at validation.
        var draft = Direct(terms: terms, business: false);
        var exception = Should.Throw<DomainException>(() => draft.Validate(Validation(draft)));
        exception.Code.ShouldBe(ErrorCodes.PaymentTermsBeyondLegalMaximum);
        exception.Field.ShouldBe("days");
        draft.IsValidated.ShouldBeFalse();
        draft.Validate(Validation(draft, buyer: Buyer(draft.CustomerId, business: false)));
        draft.IsValidated.ShouldBeTrue();
    }

    [TestCase(PaymentTermsKind.Days, 60)]
    [TestCase(PaymentTermsKind.DaysEndOfMonth, 45)]
    public void Business_payment_terms_at_the_legal_maximum_are_accepted(PaymentTermsKind kind, int days)
    {
        var invoice = Direct(terms: new PaymentTerms(kind, days));

        invoice.Validate(Validation(invoice));

        invoice.IsValidated.ShouldBeTrue();
    }

    [Test]
    public void A_negative_invoice_is_refused()
    {
        var invoice = Direct(unitPrice: -10m);

        var exception = Should.Throw<DomainException>(() => invoice.Validate(Validation(invoice)));

        exception.Code.ShouldBe(ErrorCodes.DocumentTotalNegative);
        invoice.IsValidated.ShouldBeFalse();
    }

    [Test]
    public void A_document_without_a_priced_line_is_refused()
    {
        var invoice = Invoice.Direct(Guid.NewGuid(), Header, [new BillingLineData(DocumentLineData.Comment("Rien"))], true, Now);

        Should.Throw<DomainException>(() => invoice.Validate(Validation(invoice))).Code.ShouldBe(ErrorCodes.DocumentHasNoPricedLine);
    }

    [Test]
    public void A_credit_note_dated_before_its_invoice_is_refused()
    {
        var invoice = Direct();
        invoice.Validate(Validation(invoice, issueDate: Today.AddDays(-1)));
        var note = CreditNote.Full(invoice, [], CreditReason.Correction, "Erreur de prix", Header, Now);

        var exception = Should.Throw<DomainException>(() => note.Validate(Validation(note, "AV-2026-0001", issueDate: Today.AddDays(-2), sequence: 2, previous: invoice.Fingerprint)));

        exception.Code.ShouldBe(ErrorCodes.CreditNoteBeforeInvoice);
        exception.Field.ShouldBe("issueDate");
        exception.Arguments["invoiceDate"].ShouldBe("14/03/2026");
        note.Validate(Validation(note, "AV-2026-0001", issueDate: Today.AddDays(-1), sequence: 2, previous: invoice.Fingerprint));
        note.IsValidated.ShouldBeTrue();
        note.ReasonText.ShouldBe("Erreur de prix");
        note.Buyer!.CustomerId.ShouldBe(invoice.CustomerId);
    }

    [Test]
    public void An_invoice_header_can_change_while_it_is_a_draft()
    {
        var invoice = Direct();

        invoice.UpdateHeader(new BillingHeaderData(IssueDate: Today.AddDays(-3), PaymentTerms: new PaymentTerms(PaymentTermsKind.Days, 45), Comment: "  Merci  "), true);

        invoice.RequestedIssueDate.ShouldBe(Today.AddDays(-3));
        invoice.PaymentTerms.Days.ShouldBe(45);
        invoice.Comment.ShouldBe("Merci");
    }
}
