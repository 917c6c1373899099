using Koban.Domain.Accounting;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Invoicing;

namespace Koban.Domain.Tests.Accounting;

/// <summary>
/// Where a sale's lines land: every credit note, whatever its mode and reason, posts to the accounts and VAT timing of the
/// invoice it credits; late fees go to their own accounts; revenue follows nature, rate and VAT treatment; a zero
/// invoice posts nothing.
/// </summary>
public sealed class SalesPostingsTests
{
    private static readonly CustomerAccountRef Customer = new("411DURAND", "Menuiserie Durand SARL");

    private static PostingContext Context(AccountingSettings? settings = null, bool vatOnDebits = false) =>
        new(settings ?? AccountingSettings.Defaults(), 1, vatOnDebits, InvoicingTestData.Today, InvoicingTestData.Now);

    private static decimal Credit(JournalEntry e, string account) => e.Lines.Where(l => l.Account == account).Sum(l => l.Credit - l.Debit);

    private static DocumentLineData Goods(decimal quantity, decimal price, decimal rate = 20m) => InvoicingTestData.Line(quantity, price, rate, description: "Étagère", unit: "C62");

    /// <summary>An order whose invoices carry each line's nature, as the API passes the products' natures.</summary>
    private static OrderBillingDriver Order(params (DocumentLineData Line, ProductNature Nature)[] lines)
    {
        var flow = OrderBillingDriver.For([.. lines.Select(l => l.Line)]);
        flow.Natures = lines.ToDictionary(l => l.Line.ProductId!.Value, l => l.Nature);
        return flow;
    }

    public static IEnumerable<TestCaseData> EveryModeAndReason()
    {
        foreach (var reason in Enum.GetValues<CreditReason>())
        {
            foreach (var mode in new[] { "Full", "Lines", "AmountExcludingVat", "AmountIncludingVat" })
                yield return new TestCaseData(mode, reason).SetArgDisplayNames(mode, reason.ToString());
        }
    }

    private static CreditNote CreditHalf(OrderBillingDriver flow, Invoice invoice, string mode, CreditReason reason) => mode switch
    {
        "Full" => flow.CreditFull(invoice, reason),
        "Lines" => flow.CreditLines(invoice, reason, [.. invoice.Lines.Where(l => l.Kind.IsPriced()).Select(l => new InvoiceLinePortion(l.Id, l.Quantity / 2m))]),
        "AmountExcludingVat" => flow.CreditAmount(invoice, AmountBasis.ExcludingVat, invoice.TotalExcludingVat / 2m, reason),
        _ => flow.CreditAmount(invoice, AmountBasis.IncludingVat, invoice.TotalIncludingVat / 2m, reason),
    };

    [TestCaseSource(nameof(EveryModeAndReason))]
    public void A_credit_note_of_goods_reverses_goods_revenue_and_the_VAT_already_due_whatever_its_mode_and_reason(string mode, CreditReason reason)
    {
        var flow = Order((Goods(10m, 100m), ProductNature.Goods));
        var invoice = flow.Full();
        var note = CreditHalf(flow, invoice, mode, reason);
        var invoiceEntry = Postings.ForBillingDocument(invoice, Customer, Context())!;
        var entry = Postings.ForBillingDocument(note, Customer, Context())!;

        Credit(invoiceEntry, "445740").ShouldBe(0m, "goods' VAT is due on the invoice");
        entry.Lines.ShouldNotContain(l => l.Account == "445740", "nothing was pending on goods: a credit note cannot take it back from there");
        entry.Lines.ShouldNotContain(l => l.Account == "706000", "goods are not services");
        Credit(entry, "445710").ShouldBe(-note.TotalVat);
        if (reason == CreditReason.WriteOff) Credit(entry, "654000").ShouldBe(-note.TotalExcludingVat);
        else Credit(entry, "707000").ShouldBe(-note.TotalExcludingVat);
        entry.TotalDebit.ShouldBe(entry.TotalCredit);
    }

    [TestCaseSource(nameof(EveryModeAndReason))]
    public void A_credit_note_of_a_mixed_invoice_follows_its_natures_pro_rata(string mode, CreditReason reason)
    {
        // 780 € of services and 675.90 € of goods at 20 %, 200 € of goods at 10 %
        var flow = Order((InvoicingTestData.Line(12m, 65m), ProductNature.Service), (Goods(2m, 337.95m), ProductNature.Goods), (Goods(4m, 50m, 10m), ProductNature.Goods));
        var invoice = flow.Full();
        var note = CreditHalf(flow, invoice, mode, reason);
        var invoiceEntry = Postings.ForBillingDocument(invoice, Customer, Context())!;
        var entry = Postings.ForBillingDocument(note, Customer, Context())!;

        var revenue = reason == CreditReason.WriteOff ? ["654000"] : new[] { "706000", "707000" };
        entry.Lines.Where(l => l.Account.StartsWith('6') || l.Account.StartsWith('7')).Select(l => l.Account).Distinct().ShouldBe(revenue, ignoreOrder: true);
        if (reason != CreditReason.WriteOff)
        {
            // the same share of each nature, within a few cents of the split
            var share = note.TotalExcludingVat / invoice.TotalExcludingVat;
            Credit(entry, "706000").ShouldBe(-780m * share, 0.05m);
            Credit(entry, "707000").ShouldBe(-875.90m * share, 0.05m);
        }
        // the pending VAT taken back is the services' share of the credited VAT, like the invoice's
        var invoicePendingShare = Credit(invoiceEntry, "445740") / invoice.TotalVat;
        (-Credit(entry, "445740")).ShouldBe(note.TotalVat * invoicePendingShare, 0.02m);
        (Credit(entry, "445740") + Credit(entry, "445710")).ShouldBe(-note.TotalVat);
        entry.TotalDebit.ShouldBe(entry.TotalCredit);
    }

    [Test]
    public void Pending_VAT_never_goes_negative_after_crediting_a_goods_invoice_by_amount()
    {
        var flow = Order((Goods(10m, 100m), ProductNature.Goods));
        var invoice = flow.Full();
        var entries = new[]
        {
            Postings.ForBillingDocument(invoice, Customer, Context())!,
            Postings.ForBillingDocument(flow.CreditAmount(invoice, AmountBasis.IncludingVat, 240m), Customer, Context())!,
            Postings.ForBillingDocument(flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 100m, CreditReason.WriteOff), Customer, Context())!,
        };
        var summary = VatReturn.Compute(entries.SelectMany(VatLedgerLine.Of), AccountingSettings.Defaults(), InvoicingTestData.Today, InvoicingTestData.Today);

        summary.PendingVatAtEnd.ShouldBe(0m);
        summary.TotalVat.ShouldBe(200m - 40m - 20m, "the VAT declared is the VAT of what stays sold");
        summary.Rows.Single().Base.ShouldBe(1000m - 200m - 100m);
    }

    [TestCase(0, 0, TestName = "A line at 0 €")]
    [TestCase(100, 0, TestName = "A 100 % discount")]
    [TestCase(0, -100, TestName = "Lines that cancel out")]
    public void A_zero_invoice_is_validated_and_posts_no_empty_entry(decimal discount, decimal second)
    {
        var lines = new List<BillingLineData>
        {
            new(InvoicingTestData.Line(1m, discount == 0m && second == 0m ? 0m : 100m, discount: discount), Nature: ProductNature.Service),
        };
        if (second != 0m) lines.Add(new BillingLineData(InvoicingTestData.FreeLine(1m, second), Nature: ProductNature.Service));
        var invoice = Invoice.Direct(Guid.NewGuid(), InvoicingTestData.Header, lines, businessCustomer: true, InvoicingTestData.Now);
        invoice.Validate(InvoicingTestData.Validation(invoice));

        invoice.Number.ShouldBe("FA-2026-0001");
        invoice.TotalIncludingVat.ShouldBe(0m);
        Postings.ForBillingDocument(invoice, Customer, Context()).ShouldBeNull();
    }

    [Test]
    public void Lines_of_different_natures_that_cancel_out_still_move_revenue_between_accounts()
    {
        var invoice = Invoice.Direct(Guid.NewGuid(), InvoicingTestData.Header,
        [
            new BillingLineData(Goods(1m, 100m), Nature: ProductNature.Goods),
            new BillingLineData(InvoicingTestData.FreeLine(1m, -100m), Nature: ProductNature.Service),
        ], businessCustomer: true, InvoicingTestData.Now);
        invoice.Validate(InvoicingTestData.Validation(invoice));
        var entry = Postings.ForBillingDocument(invoice, Customer, Context())!;

        entry.Lines.ShouldNotContain(l => l.Account == "411000");
        Credit(entry, "707000").ShouldBe(100m);
        Credit(entry, "706000").ShouldBe(-100m);
        entry.TotalDebit.ShouldBe(entry.TotalCredit);
    }

    private static Invoice LateFees(AccountingSettings? settings = null)
    {
        DocumentLineData Fee(string text, decimal amount) => new(LineKind.Free, null, text, 1m, "C62", amount, 0m, 0m, VatCategory.OutsideScope);
        var invoice = Invoice.Direct(Guid.NewGuid(), InvoicingTestData.Header,
        [
            new BillingLineData(Fee("Intérêts de retard", 9.32m), Nature: ProductNature.Service, LateFee: LateFeeKind.Interest),
            new BillingLineData(Fee("Indemnité forfaitaire", 40m), Nature: ProductNature.Service, LateFee: LateFeeKind.RecoveryIndemnity),
        ], businessCustomer: true, InvoicingTestData.Now);
        invoice.Validate(InvoicingTestData.Validation(invoice));
        return invoice;
    }

    [Test]
    public void Late_interest_and_the_recovery_indemnity_go_to_their_own_accounts_not_to_revenue()
    {
        var entry = Postings.ForBillingDocument(LateFees(), Customer, Context())!;

        Credit(entry, "763800").ShouldBe(9.32m);
        Credit(entry, "758800").ShouldBe(40m);
        entry.Lines.ShouldNotContain(l => l.Account.StartsWith("70", StringComparison.Ordinal));
        entry.Lines.Where(l => l.Account.StartsWith('7')).ShouldAllBe(l => l.Treatment == null, "no operation to declare on the VAT return");

        var settings = AccountingSettings.Defaults();
        settings.Update(Data(settings) with { LateInterestAccount = "763100", RecoveryIndemnityAccount = "758100" });
        var custom = Postings.ForBillingDocument(LateFees(), Customer, Context(settings))!;
        Credit(custom, "763100").ShouldBe(9.32m);
        Credit(custom, "758100").ShouldBe(40m);
    }

    [TestCase("Full")]
    [TestCase("Lines")]
    [TestCase("AmountExcludingVat")]
    public void A_credit_note_of_late_fees_reverses_the_late_fee_accounts(string mode)
    {
        var invoice = LateFees();
        var note = mode switch
        {
            "Full" => CreditNote.Full(invoice, [], CreditReason.CommercialDiscount, null, InvoicingTestData.Header, InvoicingTestData.Now),
            "Lines" => CreditNote.ForLines(invoice, [], [.. invoice.Lines.Select(l => new InvoiceLinePortion(l.Id, 1m))], CreditReason.CommercialDiscount, null,
                InvoicingTestData.Header, InvoicingTestData.Now),
            _ => CreditNote.ForAmount(invoice, [], AmountBasis.ExcludingVat, 49.32m, CreditReason.CommercialDiscount, null, InvoicingTestData.Header, InvoicingTestData.Now),
        };
        note.Validate(InvoicingTestData.Validation(note, "AV-2026-0001"));
        var entry = Postings.ForBillingDocument(note, Customer, Context())!;

        Credit(entry, "763800").ShouldBe(-9.32m);
        Credit(entry, "758800").ShouldBe(-40m);
        entry.Lines.ShouldNotContain(l => l.Account.StartsWith("70", StringComparison.Ordinal));
    }

    private static AccountingSettingsData Data(AccountingSettings s) => new(s.SalesJournal, s.BankJournal, s.MiscJournal, s.CustomerAccount, s.CustomerDepositAccount,
        s.ServicesRevenueAccount, s.GoodsRevenueAccount, s.RevenueRules, s.VatCollectedAccount, s.VatPendingAccount, s.VatRules, s.BankAccounts, s.BankFeesAccount,
        s.BadDebtAccount, s.WriteOffLossAccount, s.WriteOffGainAccount, s.UnidentifiedReceiptsAccount, s.WriteOffLimit, s.LateInterestAccount, s.RecoveryIndemnityAccount);

    private static Invoice Sale(bool franchise, params (VatTreatment Treatment, ProductNature Nature, decimal Net)[] lines)
    {
        var invoice = Invoice.Direct(Guid.NewGuid(), InvoicingTestData.Header,
            [.. lines.Select(l => new BillingLineData(new DocumentLineData(LineKind.Free, null, "Vente", 1m, "C62", l.Net, 0m, l.Treatment.Rate, l.Treatment.Category), Nature: l.Nature))],
            businessCustomer: true, InvoicingTestData.Now);
        invoice.Validate(InvoicingTestData.Validation(invoice, seller: InvoicingTestData.Seller with { VatFranchise = franchise }));
        return invoice;
    }

    private static VatTreatment Treatment(CustomerVatRegime regime, ProductNature nature, decimal rate = 20m) =>
        VatTreatments.Decide(false, regime, CustomerKind.Business, nature, rate);

    [Test]
    public void Revenue_accounts_follow_nature_rate_and_VAT_treatment_and_the_VAT_return_lists_the_non_taxable_operations()
    {
        var settings = AccountingSettings.Defaults();
        settings.Update(Data(settings) with
        {
            RevenueRules =
            [
                new RevenueAccountRule(ProductNature.Goods, 0m, "707200", VatTreatmentKind.Export),
                new RevenueAccountRule(ProductNature.Goods, 0m, "707100", VatTreatmentKind.IntraCommunitySupply),
                new RevenueAccountRule(ProductNature.Service, 0m, "706200"),
                new RevenueAccountRule(ProductNature.Service, 10m, "706100"),
            ],
        });
        var sale = Sale(false,
            (Treatment(CustomerVatRegime.France, ProductNature.Goods), ProductNature.Goods, 1000m),
            (Treatment(CustomerVatRegime.France, ProductNature.Service, 10m), ProductNature.Service, 100m),
            (Treatment(CustomerVatRegime.OutsideEu, ProductNature.Goods), ProductNature.Goods, 500m),
            (Treatment(CustomerVatRegime.IntraEuBusiness, ProductNature.Goods), ProductNature.Goods, 400m),
            (Treatment(CustomerVatRegime.IntraEuBusiness, ProductNature.Service), ProductNature.Service, 300m),
            (Treatment(CustomerVatRegime.OutsideEu, ProductNature.Service), ProductNature.Service, 200m),
            (VatTreatments.Decide(false, CustomerVatRegime.France, CustomerKind.Business, ProductNature.Service, 0m, "Exonération, art. 261-4-4° du CGI"),
                ProductNature.Service, 50m));
        var entry = Postings.ForBillingDocument(sale, Customer, Context(settings, vatOnDebits: true))!;

        Credit(entry, "707000").ShouldBe(1000m);
        Credit(entry, "706100").ShouldBe(100m, "a rule per nature and rate");
        Credit(entry, "707200").ShouldBe(500m, "exports on their own account");
        Credit(entry, "707100").ShouldBe(400m, "intra-EU supplies on their own account");
        Credit(entry, "706200").ShouldBe(300m + 200m + 50m, "services at 0 % follow the rule per rate when no rule names their treatment");

        var note = CreditNote.ForAmount(sale, [], AmountBasis.ExcludingVat, 255m, CreditReason.CommercialDiscount, null, InvoicingTestData.Header, InvoicingTestData.Now);
        note.Validate(InvoicingTestData.Validation(note, "AV-2026-0001"));
        var noteEntry = Postings.ForBillingDocument(note, Customer, Context(settings, vatOnDebits: true))!;
        var summary = VatReturn.Compute([.. VatLedgerLine.Of(entry), .. VatLedgerLine.Of(noteEntry)], settings, InvoicingTestData.Today, InvoicingTestData.Today);

        // the credit of 255 € is 10 % of the 2 550 € sold: each figure is net of its share
        summary.Rows.Select(r => (r.Rate, r.Base, r.Vat)).ShouldBe([(20m, 900m, 180m), (10m, 90m, 9m)]);
        summary.NonTaxable.Exports.ShouldBe(450m);
        summary.NonTaxable.IntraCommunitySupplies.ShouldBe(360m);
        summary.NonTaxable.ReverseChargeServices.ShouldBe(270m);
        summary.NonTaxable.OutsideScope.ShouldBe(180m);
        summary.NonTaxable.Exempt.ShouldBe(45m);
        summary.NonTaxable.OtherNonTaxable.ShouldBe(270m + 180m + 45m);
        summary.FranchiseTurnover.ShouldBe(0m);
    }

    [Test]
    public void Sales_under_the_franchise_are_reported_as_such_with_no_VAT()
    {
        var sale = Sale(true, (new VatTreatment(VatCategory.Exempt, 0m, VatTreatments.FranchiseWording), ProductNature.Service, 800m));
        var entry = Postings.ForBillingDocument(sale, Customer, Context())!;
        var summary = VatReturn.Compute(VatLedgerLine.Of(entry), AccountingSettings.Defaults(), InvoicingTestData.Today, InvoicingTestData.Today);

        summary.FranchiseTurnover.ShouldBe(800m);
        summary.Rows.ShouldBeEmpty();
        summary.NonTaxable.OtherNonTaxable.ShouldBe(0m);
    }

    [Test]
    public void VAT_a_balance_takes_back_is_not_left_pending_where_no_payment_would_ever_make_it_due()
    {
        // three 33.33 % deposits of 100 € of services deposit 20.01 € of VAT: the balance (0.01 € HT, TTC 0) takes a cent back
        var flow = OrderBillingDriver.For(InvoicingTestData.Line(1m, 100m));
        var deposits = Enumerable.Range(0, 3).Select(_ => flow.Deposit(AmountBasis.Percentage, 33.33m)).ToList();
        var balance = flow.Balance();
        var entry = Postings.ForBillingDocument(balance, Customer, Context())!;

        balance.TotalVat.ShouldBe(-0.01m);
        Credit(entry, "445740").ShouldBe(0m);
        Credit(entry, "445710").ShouldBe(-0.01m);
        var all = deposits.Select(d => Postings.ForBillingDocument(d, Customer, Context())!).Append(entry).ToList();
        all.SelectMany(e => e.Lines).Where(l => l.Account == "445740").Sum(l => l.Credit - l.Debit).ShouldBe(20.01m, "what the deposits' payments will make due");
    }

    [Test]
    public void A_balance_a_cent_below_zero_is_a_credit_in_the_customer_account_as_in_411()
    {
        // 100.06 € @20 %: two 50 % deposits of TTC 60.04 (VAT rounded up twice) leave a balance of −0.01 € TTC
        var flow = OrderBillingDriver.For(InvoicingTestData.Line(1m, 100.06m));
        flow.Deposit(AmountBasis.Percentage, 50m);
        flow.Deposit(AmountBasis.Percentage, 50m);
        var balance = flow.Balance();
        var entry = Postings.ForBillingDocument(balance, Customer, Context())!;

        balance.TotalIncludingVat.ShouldBe(-0.01m);
        Credit(entry, AccountingSettings.Defaults().CustomerAccount).ShouldBe(0.01m, "the balance credits the customer's account a cent");
        var row = Koban.Domain.Receivables.ReceivableItem.ForValidatedDocument(balance, InvoicingTestData.Now).ShouldNotBeNull();
        (row.Kind, row.Side, row.SourceId, row.Reference, row.Amount, row.Outstanding)
            .ShouldBe((Koban.Domain.Receivables.ReceivableKind.CreditNote, Koban.Domain.Receivables.ReceivableSide.Credit, balance.Id, balance.Number!, 0.01m, 0.01m));
        Koban.Domain.Receivables.ReceivableItem.ForValidatedDocument(flow.Invoices.First(), InvoicingTestData.Now).ShouldNotBeNull().Side
            .ShouldBe(Koban.Domain.Receivables.ReceivableSide.Debit);
    }
}
