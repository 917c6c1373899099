using Koban.Domain.Accounting;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Invoicing;

namespace Koban.Domain.Tests.Accounting;

public sealed class PostingsTests
{
    private static readonly CustomerAccountRef Customer = new("411DURAND", "Menuiserie Durand SARL");

    private static PostingContext Context(bool vatOnDebits = false, int fiscalStart = 1) =>
        new(AccountingSettings.Defaults(), fiscalStart, vatOnDebits, InvoicingTestData.Today, InvoicingTestData.Now);

    /// <summary>The worked example's lines on a direct invoice: 12 h of services at 65 € and two shelves (goods) at 375,50 € −10 %.</summary>
    private static Invoice WorkedExample()
    {
        var customerId = Guid.NewGuid();
        var invoice = Invoice.Direct(customerId, InvoicingTestData.Header,
        [
            new BillingLineData(InvoicingTestData.Line(12m, 65m, description: "Pose et réglage"), Nature: ProductNature.Service),
            new BillingLineData(InvoicingTestData.Line(2m, 375.50m, discount: 10m, description: "Étagère chêne", unit: "C62"), Nature: ProductNature.Goods),
        ], businessCustomer: true, InvoicingTestData.Now);
        invoice.Validate(InvoicingTestData.Validation(invoice));
        return invoice;
    }

    private static decimal Credit(JournalEntry e, string account) => e.Lines.Where(l => l.Account == account).Sum(l => l.Credit - l.Debit);

    [Test]
    public void An_invoice_debits_the_customer_credits_revenue_per_nature_and_keeps_the_services_VAT_pending_until_paid()
    {
        var invoice = WorkedExample();
        var entry = Postings.ForBillingDocument(invoice, Customer, Context())!;

        entry.JournalCode.ShouldBe("VT");
        entry.PieceRef.ShouldBe("FA-2026-0001");
        entry.TotalDebit.ShouldBe(entry.TotalCredit);
        var customer = entry.Lines.Single(l => l.Account == "411000");
        (customer.Debit, customer.AuxiliaryAccount, customer.InvoiceId).ShouldBe((1747.08m, "411DURAND", (Guid?)invoice.Id));
        Credit(entry, "706000").ShouldBe(780.00m);
        Credit(entry, "707000").ShouldBe(675.90m);
        Credit(entry, "445740").ShouldBe(156.00m, "291,18 × 780 / 1 455,90: the services' share waits for payment");
        Credit(entry, "445710").ShouldBe(135.18m, "the goods' VAT is due on the invoice");
        entry.Lines.Where(l => l.Account.StartsWith("4457", StringComparison.Ordinal)).Sum(l => l.VatBase).ShouldBe(1455.90m);
    }

    [Test]
    public void A_company_that_opted_for_debits_owes_all_the_VAT_on_the_invoice()
    {
        var entry = Postings.ForBillingDocument(WorkedExample(), Customer, Context(vatOnDebits: true))!;
        Credit(entry, "445710").ShouldBe(291.18m);
        entry.Lines.ShouldNotContain(l => l.Account == "445740");
    }

    [Test]
    public void A_credit_note_is_the_mirror_entry()
    {
        var flow = OrderBillingDriver.For(InvoicingTestData.Line(10m, 100m));
        var invoice = flow.Full();
        var note = flow.CreditAmount(invoice, AmountBasis.ExcludingVat, 100m);
        var entry = Postings.ForBillingDocument(note, Customer, Context())!;

        entry.Source.ShouldBe(EntrySource.CreditNote);
        entry.Lines.Single(l => l.Account == "411000").Credit.ShouldBe(120m);
        entry.Lines.Single(l => l.Account == "411000").InvoiceId.ShouldBe(invoice.Id, "lettered with the invoice it corrects");
        Credit(entry, "706000").ShouldBe(-100m);
        entry.Lines.Where(l => l.Account.StartsWith("4457", StringComparison.Ordinal)).Sum(l => l.Credit - l.Debit).ShouldBe(-20m);
        entry.TotalDebit.ShouldBe(entry.TotalCredit);
    }

    [Test]
    public void A_bad_debt_written_off_by_credit_note_charges_654_and_recovers_the_VAT()
    {
        var flow = OrderBillingDriver.For(InvoicingTestData.Line(10m, 100m));
        var invoice = flow.Full();
        var note = flow.CreditFull(invoice, CreditReason.WriteOff);
        var entry = Postings.ForBillingDocument(note, Customer, Context())!;

        entry.Lines.Single(l => l.Account == "411000").Credit.ShouldBe(1200m);
        var loss = entry.Lines.Single(l => l.Account == "654000");
        (loss.Debit, loss.AccountLabel).ShouldBe((1000m, "Pertes sur créances irrécouvrables"));
        entry.Lines.ShouldNotContain(l => l.Account.StartsWith("70", StringComparison.Ordinal), "the revenue stays: the loss is a charge");
        entry.Lines.Where(l => l.Account.StartsWith("4457", StringComparison.Ordinal)).Sum(l => l.Debit - l.Credit).ShouldBe(200m, "the credit note gives the VAT back");
        entry.TotalDebit.ShouldBe(entry.TotalCredit);

        var other = OrderBillingDriver.For(InvoicingTestData.Line(10m, 100m));
        var discount = Postings.ForBillingDocument(other.CreditFull(other.Full(), CreditReason.CommercialDiscount), Customer, Context())!;
        Credit(discount, "706000").ShouldBe(-1000m, "a commercial discount reduces the revenue");
        discount.Lines.ShouldNotContain(l => l.Account == "654000");
    }

    [Test]
    public void A_credit_note_of_a_deposit_reverses_the_deposits_account_and_its_pending_VAT()
    {
        var flow = OrderBillingDriver.For(InvoicingTestData.Line(12m, 65m), InvoicingTestData.Line(2m, 375.50m, discount: 10m));
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        var note = flow.CreditFull(deposit);
        var entry = Postings.ForBillingDocument(note, Customer, Context())!;

        entry.Lines.Single(l => l.Account == "411000").Credit.ShouldBe(524.12m);
        Credit(entry, "419100").ShouldBe(-436.77m);
        Credit(entry, "445740").ShouldBe(-87.35m, "the deposit's VAT was all pending: all of it is reversed there");
        entry.Lines.ShouldNotContain(l => l.Account.StartsWith("70", StringComparison.Ordinal) || l.Account == "445710");
        entry.TotalDebit.ShouldBe(entry.TotalCredit);
    }

    [Test]
    public void A_deposit_credits_the_deposits_account_and_the_balance_debits_it_back()
    {
        var flow = OrderBillingDriver.For(InvoicingTestData.Line(12m, 65m), InvoicingTestData.Line(2m, 375.50m, discount: 10m));
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        var balance = flow.Balance();
        var depositEntry = Postings.ForBillingDocument(deposit, Customer, Context())!;
        var balanceEntry = Postings.ForBillingDocument(balance, Customer, Context())!;

        depositEntry.Lines.Single(l => l.Account == "411000").Debit.ShouldBe(524.12m);
        Credit(depositEntry, "419100").ShouldBe(436.77m);
        Credit(depositEntry, "445740").ShouldBe(87.35m, "VAT on a deposit is due when it is paid, goods included");
        depositEntry.Lines.ShouldNotContain(l => l.Account.StartsWith("70", StringComparison.Ordinal));

        Credit(balanceEntry, "419100").ShouldBe(-436.77m, "the balance debits the deposit back");
        (Credit(depositEntry, "419100") + Credit(balanceEntry, "419100")).ShouldBe(0m);
        balanceEntry.Lines.Single(l => l.Account == "411000").Debit.ShouldBe(1222.96m);
        (Credit(balanceEntry, "706000") + Credit(balanceEntry, "707000")).ShouldBe(1455.90m);
        balanceEntry.TotalDebit.ShouldBe(balanceEntry.TotalCredit);
    }

    [Test]
    public void A_receipt_credits_the_customer_per_invoice_and_the_bank_gets_the_amount_net_of_fees()
    {
        var payment = Payment.Record(new PaymentData(PaymentDirection.Receipt, Guid.NewGuid(), InvoicingTestData.Today, 1000m, PaymentMethod.Card, "CB 1234", "BANK", 2.40m),
            InvoicingTestData.Today, InvoicingTestData.Now, null);
        var a = Guid.NewGuid();
        var entry = Postings.ForReceipt(payment, Customer, [(a, "FA-2026-0001", 600m)], Context());

        entry.JournalCode.ShouldBe("BQ");
        entry.Lines.Single(l => l.Account == "512000").Debit.ShouldBe(997.60m);
        entry.Lines.Single(l => l.Account == "627000").Debit.ShouldBe(2.40m);
        entry.Lines.Where(l => l.Account == "411000").Select(l => (l.Credit, l.InvoiceId)).ShouldBe([(600m, (Guid?)a), (400m, null)]);
        var unidentified = Postings.ForReceipt(payment, null, [], Context());
        unidentified.Lines.Single(l => l.Account == "471000").Credit.ShouldBe(1000m);
    }

    [Test]
    public void The_VAT_made_due_follows_each_payment_in_proportion_and_the_last_one_takes_what_is_left()
    {
        IReadOnlyList<PendingVat> atIssue = [new PendingVat(20m, 156.00m, 780.00m)];
        var still = atIssue;
        var total = 0m;
        foreach (var (paid, settled) in new[] { (333.33m, false), (333.33m, false), (1080.42m, true) })
        {
            var due = Postings.VatMadeDue(still, atIssue, 1747.08m, paid, settled);
            total += due.Sum(d => d.Vat);
            still = [.. still.Select(s => s with { Vat = s.Vat - due.Where(d => d.Rate == s.Rate).Sum(d => d.Vat), Base = s.Base - due.Where(d => d.Rate == s.Rate).Sum(d => d.Base) })];
        }
        total.ShouldBe(156.00m, "nothing stays pending on a settled invoice, nothing is made due twice");
        still.Single().Vat.ShouldBe(0m);
        Postings.VatMadeDue(atIssue, atIssue, 1747.08m, 333.33m, false).Single().Vat.ShouldBe(29.76m); // round(156 × 333,33 / 1 747,08)
    }

    [Test]
    public void A_reversal_mirrors_every_line_and_stays_balanced()
    {
        var entry = Postings.ForBillingDocument(WorkedExample(), Customer, Context())!;
        var reversal = entry.Reverse(EntrySource.PaymentCancelled, InvoicingTestData.Today, 1, "Annulation", InvoicingTestData.Today, InvoicingTestData.Now);
        reversal.Lines.Select(l => (l.Account, l.Debit, l.Credit)).ShouldBe(entry.Lines.Select(l => (l.Account, l.Credit, l.Debit)));
        reversal.TotalDebit.ShouldBe(reversal.TotalCredit);
    }

    [Test]
    public void A_reversal_is_dated_today_but_never_before_the_entry_it_mirrors()
    {
        var entry = Postings.ForBillingDocument(WorkedExample(), Customer, Context())!;
        entry.ReversalDate(entry.Date.AddDays(10)).ShouldBe(entry.Date.AddDays(10));
        entry.ReversalDate(entry.Date).ShouldBe(entry.Date);
        entry.ReversalDate(entry.Date.AddDays(-3)).ShouldBe(entry.Date, "an entry dated later than today is reversed as of its own date");
    }

    [TestCase(1, "2026-03-15", "2026-12-31")]
    [TestCase(7, "2026-03-15", "2026-06-30")]
    [TestCase(7, "2026-07-01", "2027-06-30")]
    public void The_fiscal_year_runs_twelve_months_from_the_start_month(int startMonth, string date, string end) =>
        FiscalYear.EndOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), startMonth)
            .ShouldBe(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public void Account_settings_refuse_malformed_accounts_naming_the_field()
    {
        var settings = AccountingSettings.Defaults();
        var d = new AccountingSettingsData(settings.SalesJournal, settings.BankJournal, settings.MiscJournal, settings.CustomerAccount, settings.CustomerDepositAccount,
            settings.ServicesRevenueAccount, settings.GoodsRevenueAccount, [], settings.VatCollectedAccount, settings.VatPendingAccount,
            [new VatAccountRule(20m, "445711", "44-5741")], settings.BankAccounts, settings.BankFeesAccount, settings.BadDebtAccount, settings.WriteOffLossAccount,
            settings.WriteOffGainAccount, settings.UnidentifiedReceiptsAccount, 5m);
        Should.Throw<DomainException>(() => settings.Update(d)).Field.ShouldBe("vatRules[0].pendingAccount");
        settings.Update(d with { VatRules = [new VatAccountRule(20m, "445711", "445741")] });
        settings.VatAccount(20m, pending: true).ShouldBe("445741");
        settings.VatAccount(10m, pending: true).ShouldBe("445740");
        Should.Throw<DomainException>(() => settings.Update(d with { VatRules = [], BankJournal = new JournalSetting("VT", "Banque") })).Code.ShouldBe(ErrorCodes.JournalCodesNotDistinct);
    }
}
