using System.Globalization;
using CsCheck;
using Koban.Domain.Accounting;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Invoicing;
using Koban.Domain.Tests.Sales;

namespace Koban.Domain.Tests.Accounting;

/// <summary>
/// Property test of the books (CsCheck): random companies (VAT on receipts or on debits, franchise), customers (France,
/// EU business, outside the EU), orders of goods and services at every rate, and random sequences of deposits,
/// intermediate and full invoices, credit notes in every mode and reason, receipts (identified or not, partial, over
/// the amount), identifications, cancellations and write-offs, finished by a balance. Every document and payment is
/// posted by the shipped posting rules, the customer's account kept by the shipped receivables rows and allocations,
/// the VAT return computed by the shipped <see cref="VatReturn.Compute"/>. A failure prints its shrunk scenario.
/// </summary>
public sealed class AccountingPropertyTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("KOBAN_PROPERTY_ITERATIONS"), out var n) ? n : 300;

    [Test]
    public void The_books_balance_follow_each_line_and_agree_with_the_VAT_return_and_the_receivables()
    {
        var played = 0;
        var payments = 0;
        var credits = 0;
        BooksGen.Scenario.Sample(scenario =>
        {
            var books = BooksRunner.Play(scenario);
            if (books is null) return;
            Interlocked.Increment(ref played);
            Interlocked.Add(ref payments, books.Payments.Count);
            Interlocked.Add(ref credits, books.Flow.CreditNotes.Count());
        }, iter: Iterations, print: s => s.ToString());

        TestContext.Out.WriteLine($"{played} scenarios, {payments} payments, {credits} credit notes");
        // coverage guards, not statistics: the generator averages about 0.6 credit notes and more payments per scenario;
        // a quarter keeps the guard meaningful (a generator that stopped producing them fails) and never trips by chance
        played.ShouldBeGreaterThan(Iterations * 9 / 10);
        payments.ShouldBeGreaterThan(played / 4);
        credits.ShouldBeGreaterThan(played / 4);
    }
}

internal abstract record BooksOp;

internal sealed record BillOp(BillingOp Op) : BooksOp
{
    public override string ToString() => Op.ToString()!;
}

/// <summary>A receipt for <see cref="Percent"/> of an open invoice's outstanding (above 100: the customer pays too much),
/// or that outstanding less <see cref="Cents"/> when not 0; recorded unidentified first when <see cref="Unidentified"/>.</summary>
internal sealed record PayOp(int Invoice, int Percent, int Cents, bool Unidentified) : BooksOp
{
    public override string ToString() => $"pay #{Invoice} {(Cents > 0 ? $"all but {Cents} c" : $"{Percent} %")}{(Unidentified ? " unidentified then identified" : "")}";
}

internal sealed record CancelPaymentOp(int Payment) : BooksOp
{
    public override string ToString() => $"cancel payment #{Payment}";
}

internal sealed record WriteOffOp(int Invoice) : BooksOp
{
    public override string ToString() => $"write off #{Invoice}";
}

internal sealed record BooksScenario(bool VatOnDebits, bool Franchise, CustomerVatRegime Regime, LineSpec[] Lines, ProductNature[] Natures, BooksOp[] Ops)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Franchise ? "franchise" : VatOnDebits ? "VAT on debits" : "VAT on receipts")}, customer {Regime}\n  order [{string.Join("; ", Lines.Select((l, i) => $"{Natures[i]} {l}"))}]\n  then: {string.Join(" → ", Ops.Select(o => o.ToString()))} → balance");
}

internal static class BooksGen
{
    private static readonly Gen<BooksOp> Op = Gen.Frequency(
        (6, InvoicingGen.AnyOp.Select(o => (BooksOp)new BillOp(o))),
        (4, Gen.Select(Gen.Int[0, 5], Gen.Frequency((3, Gen.Int[1, 100]), (1, Gen.Int[101, 130])), Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 450])), Gen.Bool,
            (invoice, percent, cents, unidentified) => (BooksOp)new PayOp(invoice, percent, cents, unidentified))),
        (1, Gen.Int[0, 5].Select(p => (BooksOp)new CancelPaymentOp(p))),
        (1, Gen.Int[0, 5].Select(i => (BooksOp)new WriteOffOp(i))));

    public static Gen<BooksScenario> Scenario { get; } =
        Gen.Select(Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true))), Gen.Frequency((7, Gen.Const(false)), (1, Gen.Const(true))),
                Gen.OneOf(CustomerVatRegime.France, CustomerVatRegime.France, CustomerVatRegime.IntraEuBusiness, CustomerVatRegime.OutsideEu),
                InvoicingGen.Line.Array[1, 6], Op.Array[1, 14])
            .SelectMany(x => Gen.OneOf(ProductNature.Goods, ProductNature.Service).Array[x.Item4.Length]
                .Select(natures => new BooksScenario(x.Item1 && !x.Item2, x.Item2, x.Item3, x.Item4, natures, x.Item5)));
}

/// <summary>
/// Plays a scenario through the domain as the API handlers do (ReceivablesLedger and the payment use cases): each validated
/// document posted and given its receivable row (a credit note settling its invoice first), each receipt posted with
/// its allocations and the VAT it makes due, cancellations reversing both, write-offs of small differences — then checks
/// the books.
/// </summary>
internal sealed class BooksRunner
{
    private static readonly string[] Refusals =
    [
        ErrorCodes.BeyondLeftToInvoice, ErrorCodes.AmountIncludingVatUnreachable, ErrorCodes.DepositAmountInvalid, ErrorCodes.NothingLeftToInvoice,
        ErrorCodes.IntermediateBasisRequired, ErrorCodes.DocumentTotalNegative, ErrorCodes.NothingLeftToCredit, ErrorCodes.CreditBeyondInvoiced,
        ErrorCodes.InvoicePartlyCreditedByAmount, ErrorCodes.CreditAmountInvalid, ErrorCodes.LineQuantityInvalid, ErrorCodes.DocumentHasNoPricedLine,
    ];

    private static readonly CustomerAccountRef Customer = new("411CLIENT", "Client");
    private readonly List<JournalEntry> _entries = [];
    private readonly Dictionary<Guid, ReceivableItem> _invoiceItems = [];
    private readonly List<ReceivableItem> _items = [];
    private readonly List<Allocation> _allocations = [];
    private readonly BooksScenario _scenario;
    private readonly PostingContext _context;
    private int _posted;

    private BooksRunner(BooksScenario scenario, OrderBillingDriver flow)
    {
        _scenario = scenario;
        Flow = flow;
        var settings = AccountingSettings.Defaults();
        settings.Update(new AccountingSettingsData(settings.SalesJournal, settings.BankJournal, settings.MiscJournal, settings.CustomerAccount, settings.CustomerDepositAccount,
            settings.ServicesRevenueAccount, settings.GoodsRevenueAccount, Rules, settings.VatCollectedAccount, settings.VatPendingAccount,
            [new VatAccountRule(10m, "445712", "445742")], settings.BankAccounts, settings.BankFeesAccount, settings.BadDebtAccount, settings.WriteOffLossAccount,
            settings.WriteOffGainAccount, settings.UnidentifiedReceiptsAccount, settings.WriteOffLimit));
        _context = new PostingContext(settings, 1, scenario.VatOnDebits, InvoicingTestData.Today, InvoicingTestData.Now);
    }

    /// <summary>A distinct account for each nature and treatment (and services at 10 %), so a line on the wrong one shows.</summary>
    private static IReadOnlyList<RevenueAccountRule> Rules { get; } =
    [
        new(ProductNature.Goods, 0m, "707200", VatTreatmentKind.Export),
        new(ProductNature.Goods, 0m, "707100", VatTreatmentKind.IntraCommunitySupply),
        new(ProductNature.Service, 0m, "706300", VatTreatmentKind.ReverseCharge),
        new(ProductNature.Service, 0m, "706400", VatTreatmentKind.OutsideScope),
        new(ProductNature.Service, 0m, "706500", VatTreatmentKind.Exempt),
        new(ProductNature.Goods, 0m, "707500", VatTreatmentKind.Exempt),
        new(ProductNature.Service, 0m, "706900", VatTreatmentKind.Franchise),
        new(ProductNature.Goods, 0m, "707900", VatTreatmentKind.Franchise),
        new(ProductNature.Service, 10m, "706110"),
    ];

    public OrderBillingDriver Flow { get; }

    public List<Payment> Payments { get; } = [];

    public static BooksRunner? Play(BooksScenario scenario)
    {
        var lines = scenario.Lines.Select((l, i) =>
        {
            var t = VatTreatments.Decide(scenario.Franchise, scenario.Regime, CustomerKind.Business, scenario.Natures[i], l.Rate, "Exonération, art. 261 du CGI");
            return new DocumentLineData(LineKind.Product, Guid.NewGuid(), $"Ligne {i + 1}", l.Quantity, "C62", l.UnitPrice, l.Discount, t.Rate, t.Category);
        }).ToArray();
        var order = SalesTestData.Validated(lines);
        if (order.TotalExcludingVat <= 0m) return null;
        var flow = new OrderBillingDriver(order)
        {
            Natures = lines.Select((l, i) => (l.ProductId!.Value, scenario.Natures[i])).ToDictionary(),
            Seller = InvoicingTestData.Seller with { VatFranchise = scenario.Franchise, VatOnDebits = scenario.VatOnDebits },
        };
        var runner = new BooksRunner(scenario, flow);
        foreach (var op in scenario.Ops)
        {
            runner.Apply(op);
            runner.Check($"after {op}");
        }
        try
        {
            flow.Balance();
        }
        catch (DomainException e) when (e.Code == ErrorCodes.NothingLeftToInvoice)
        {
        }
        runner.PostNewDocuments();
        runner.Check("after the balance");
        return runner;
    }

    private void Apply(BooksOp op)
    {
        switch (op)
        {
            case BillOp b:
                var before = Flow.Validated.Count;
                try
                {
                    Bill(b.Op);
                }
                catch (DomainException e) when (Refusals.Contains(e.Code))
                {
                    Flow.Validated.Count.ShouldBe(before);
                }
                PostNewDocuments();
                break;
            case PayOp p:
                var open = _invoiceItems.Values.Where(i => i.Outstanding > 0m).ToList();
                if (open.Count == 0) break;
                var invoice = open[p.Invoice % open.Count];
                var amount = p.Cents > 0 ? invoice.Outstanding - (p.Cents / 100m) : Rounding.Amount(invoice.Outstanding * p.Percent / 100m);
                if (amount > 0m) Pay(invoice, amount, p.Unidentified);
                break;
            case CancelPaymentOp c:
                var active = Payments.Where(x => x.State != PaymentState.Cancelled).ToList();
                if (active.Count > 0) Cancel(active[c.Payment % active.Count]);
                break;
            case WriteOffOp w:
                var small = _invoiceItems.Values.Where(i => i.Outstanding > 0m && i.Outstanding <= _context.Settings.WriteOffLimit).ToList();
                if (small.Count > 0) WriteOff(small[w.Invoice % small.Count]);
                break;
        }
    }

    private void Bill(BillingOp op)
    {
        var order = Flow.Order;
        switch (op)
        {
            case DepositOp d:
                Flow.Deposit(d.Basis, d.Basis switch
                {
                    AmountBasis.Percentage => d.Percent,
                    AmountBasis.ExcludingVat => Rounding.Amount(order.TotalExcludingVat * d.Percent / 100m),
                    _ => Rounding.Amount(order.TotalIncludingVat * d.Percent / 100m),
                });
                break;
            case IntermediateOp i:
                Flow.Invoice(new OrderInvoiceSpec(InvoiceKind.Intermediate, i.Basis, i.Basis == AmountBasis.Percentage ? i.Percent : Rounding.Amount(order.TotalExcludingVat * i.Percent / 100m)));
                break;
            case IntermediateLinesOp l:
                var ledger = Flow.Ledger();
                var portions = l.Lines.Select(x => ledger.Lines[x % ledger.Lines.Count]).DistinctBy(x => x.OrderLineId)
                    .Select(x => new OrderLinePortion(x.OrderLineId, Rounding.Quantity(x.LeftQuantity * l.Percent / 100m))).Where(x => x.Quantity > 0m).ToArray();
                if (portions.Length > 0) Flow.Intermediate(portions);
                break;
            case FullOp:
                Flow.Full();
                break;
            case CreditOp c:
                var invoices = Flow.Invoices.ToList();
                if (invoices.Count == 0) break;
                var invoice = invoices[c.Invoice % invoices.Count];
                var share = c.Percent / 100m;
                switch (c.Mode)
                {
                    case CreditMode.Full:
                        Flow.CreditFull(invoice, c.Reason);
                        break;
                    case CreditMode.Lines:
                        var lines = invoice.Lines.Where(x => x.Kind.IsPriced())
                            .Select(x => new InvoiceLinePortion(x.Id, x.IsDeduction ? (c.Percent % 2 == 0 ? x.Quantity : 0m) : Rounding.Quantity(x.Quantity * share)))
                            .Where(x => x.Quantity > 0m).ToArray();
                        if (lines.Length > 0) Flow.CreditLines(invoice, c.Reason, lines);
                        break;
                    case CreditMode.AmountExcludingVat:
                        Flow.CreditAmount(invoice, AmountBasis.ExcludingVat, Rounding.Amount(invoice.TotalExcludingVat * share), c.Reason);
                        break;
                    default:
                        Flow.CreditAmount(invoice, AmountBasis.IncludingVat, Rounding.Amount(invoice.TotalIncludingVat * share), c.Reason);
                        break;
                }
                break;
        }
    }

    private void PostNewDocuments()
    {
        foreach (var document in Flow.Validated.Skip(_posted))
        {
            _posted++;
            var invoicePending = document is CreditNote credited
                ? Postings.StillPending(_entries.SelectMany(e => Postings.PendingVatLines(e, credited.InvoiceId, _context.Settings)))
                : null;
            if (Postings.ForBillingDocument(document, Customer, _context, invoicePending) is { } entry) _entries.Add(entry);
            if (ReceivableItem.ForValidatedDocument(document, InvoicingTestData.Now) is not { } item) continue;
            _items.Add(item);
            if (document is CreditNote note)
            {
                if (AllocationRules.CreditNoteOnItsInvoice(_invoiceItems.GetValueOrDefault(note.InvoiceId), item, note.IssueDate!.Value, InvoicingTestData.Now, null) is { } settled)
                    _allocations.Add(settled);
            }
            else if (item.Kind == ReceivableKind.Invoice)
            {
                _invoiceItems[document.Id] = item;
            }
        }
    }

    private void Pay(ReceivableItem invoice, decimal amount, bool unidentified)
    {
        var customerId = invoice.CustomerId;
        var payment = Payment.Record(new PaymentData(PaymentDirection.Receipt, unidentified ? null : customerId, InvoicingTestData.Today, amount, PaymentMethod.BankTransfer,
            $"VIR {Payments.Count + 1}", "BANK", 0m), InvoicingTestData.Today, InvoicingTestData.Now, null);
        Payments.Add(payment);
        var item = ReceivableItem.Create(ReceivableKind.Receipt, customerId, payment.Id, payment.Reference!, payment.Date, null, amount, InvoicingTestData.Now);
        var allocated = Math.Min(amount, invoice.Outstanding);
        if (unidentified)
        {
            _entries.Add(Postings.ForReceipt(payment, null, [], _context));
            payment.Identify(customerId, InvoicingTestData.Today);
            _entries.Add(Postings.ForIdentifiedReceipt(payment, Customer, _context));
        }
        _items.Add(item);
        var allocation = AllocationRules.Allocate(item, [new AllocationRequest(invoice.SourceId, allocated)], [invoice], payment.Date, InvoicingTestData.Now, null, "allocations")
            .Single().Allocation;
        _allocations.Add(allocation);
        if (!unidentified) _entries.Add(Postings.ForReceipt(payment, Customer, [(invoice.SourceId, invoice.Reference, allocated)], _context));
        MakeVatDue(allocation, invoice);
    }

    private void MakeVatDue(Allocation allocation, ReceivableItem invoice)
    {
        var pending = _entries.SelectMany(e => Postings.PendingVatLines(e, invoice.SourceId, _context.Settings));
        if (Postings.ForVatMadeDue(allocation, invoice, pending, _context) is { } entry) _entries.Add(entry);
    }

    private void Cancel(Payment payment)
    {
        payment.Cancel("Rejet", InvoicingTestData.Now, null);
        var item = _items.Single(i => i.SourceId == payment.Id);
        foreach (var allocation in _allocations.Where(a => a.IsActive && (a.CreditItemId == item.Id || a.DebitItemId == item.Id)).ToList())
        {
            allocation.Cancel(_items.Single(i => i.Id == allocation.DebitItemId), item, "Rejet", InvoicingTestData.Now, null);
            foreach (var vat in _entries.Where(e => e.Source == EntrySource.VatOnReceipt && e.SourceId == allocation.Id).ToList())
                _entries.Add(vat.Reverse(EntrySource.VatOnReceiptCancelled, InvoicingTestData.Today, 1, "Annulation", InvoicingTestData.Today, InvoicingTestData.Now));
        }
        item.Cancel();
        foreach (var entry in _entries.Where(e => e.SourceId == payment.Id && e.Source is EntrySource.Receipt or EntrySource.ReceiptIdentified).ToList())
            _entries.Add(entry.Reverse(EntrySource.PaymentCancelled, InvoicingTestData.Today, 1, "Annulation", InvoicingTestData.Today, InvoicingTestData.Now));
    }

    private void WriteOff(ReceivableItem invoice)
    {
        var id = Guid.NewGuid();
        var done = AllocationRules.WriteOff(invoice, _context.Settings.WriteOffLimit, null, InvoicingTestData.Today, id, InvoicingTestData.Now, null);
        _items.Add(done.Row);
        _entries.Add(Postings.ForWriteOff(id, done.Row.Side, done.Amount, invoice.Reference, invoice.SourceId, done.Date, Customer, _context));
        _allocations.Add(done.Allocation);
        MakeVatDue(done.Allocation, invoice);
    }

    private static decimal Net(JournalEntry e, Func<JournalLine, bool> where) => e.Lines.Where(where).Sum(l => l.Credit - l.Debit);

    private void Check(string when)
    {
        var s = _context.Settings;
        var collected = new[] { "445710", "445712" };
        var pending = new[] { "445740", "445742" };
        var all = _entries.SelectMany(e => e.Lines.Select(l => (Entry: e, Line: l))).ToList();

        // 1. every entry balances
        foreach (var e in _entries)
            e.TotalDebit.ShouldBe(e.TotalCredit, $"{when}: entry {e.PieceRef} {e.Source}");

        // 2. each line of each document lands on the account of its nature, rate and VAT treatment
        foreach (var document in Flow.Validated)
        {
            var entry = _entries.SingleOrDefault(e => e.SourceId == document.Id && e.Source is EntrySource.Invoice or EntrySource.CreditNote);
            var sign = document is CreditNote ? -1m : 1m;
            var deposit = document is Invoice { Kind: InvoiceKind.Deposit } or CreditNote { InvoiceKind: InvoiceKind.Deposit };
            var badDebt = document is CreditNote { Reason: CreditReason.WriteOff };
            var expected = document.Lines.Where(l => l.Kind.IsPriced() && !l.IsDeduction)
                .GroupBy(l => deposit ? s.CustomerDepositAccount : badDebt ? s.BadDebtAccount
                    : s.RevenueAccount(l.Nature ?? ProductNature.Service, l.VatRate, VatTreatmentKinds.Of(l.VatCategory, _scenario.Franchise)))
                .ToDictionary(g => g.Key, g => sign * g.Sum(l => l.NetAmount));
            foreach (var deduction in document.Lines.Where(l => l.IsDeduction))
                expected[s.CustomerDepositAccount] = expected.GetValueOrDefault(s.CustomerDepositAccount) + (sign * deduction.NetAmount);
            foreach (var (account, amount) in expected)
                (entry is null ? 0m : Net(entry, l => l.Account == account)).ShouldBe(amount, $"{when}: {document.Number} on {account}");
            var posted = entry?.Lines.Where(l => l.Account.StartsWith('6') || l.Account.StartsWith('7') || l.Account == s.CustomerDepositAccount).Select(l => l.Account) ?? [];
            posted.ShouldBeSubsetOf(expected.Keys, $"{when}: {document.Number} posts nowhere else");
            if (document is CreditNote { Reason: not CreditReason.WriteOff } note)
            {
                var invoiceEntry = _entries.Single(e => e.SourceId == note.InvoiceId && e.Source == EntrySource.Invoice);
                posted.ShouldBeSubsetOf(invoiceEntry.Lines.Select(l => l.Account), $"{when}: {note.Number} reverses only accounts its invoice used");
            }
            // the VAT of the document is in the books, pending or collected
            (entry is null ? 0m : Net(entry, l => collected.Contains(l.Account) || pending.Contains(l.Account))).ShouldBe(sign * document.TotalVat, $"{when}: VAT of {document.Number}");
        }

        // 3. services' VAT waits and is made due exactly as paid; never pending on debits
        if (_scenario.VatOnDebits || _scenario.Franchise)
            all.ShouldNotContain(x => pending.Contains(x.Line.Account), $"{when}: nothing pending");
        foreach (var invoice in Flow.Invoices)
        {
            var item = _invoiceItems.GetValueOrDefault(invoice.Id);
            foreach (var rate in all.Where(x => x.Line.InvoiceId == invoice.Id && pending.Contains(x.Line.Account)).Select(x => x.Line.VatRate!.Value).Distinct())
            {
                var lines = all.Where(x => x.Line.InvoiceId == invoice.Id && pending.Contains(x.Line.Account) && x.Line.VatRate == rate).ToList();
                var atIssue = lines.Where(x => x.Entry.Source is EntrySource.Invoice or EntrySource.CreditNote).Sum(x => x.Line.Credit - x.Line.Debit);
                var left = lines.Sum(x => x.Line.Credit - x.Line.Debit);
                left.ShouldBeGreaterThanOrEqualTo(0m, $"{when}: VAT pending on {invoice.Number} at {rate} % (issued net {atIssue})");
                left.ShouldBeLessThanOrEqualTo(Math.Max(0m, atIssue), $"{when}: never more pending than issued on {invoice.Number} at {rate} %");
                if (item is null) continue;
                var toPay = item.Amount - item.SettledByCreditNotes;
                var paid = item.Settled - item.SettledByCreditNotes;
                if (item.Outstanding == 0m && paid > 0m) left.ShouldBe(0m, $"{when}: {invoice.Number} settled: nothing left pending at {rate} %");
                // with credit notes between payments the proportion shifts (a credit note rarely reduces every rate as it
                // reduces the total): only bounds hold then, and the last payment still takes what is left
                else if (toPay > 0m && !Flow.CreditsOf(invoice).Any())
                {
                    var movements = _allocations.Count(a => a.DebitItemId == item.Id);
                    (atIssue - left).ShouldBe(atIssue * paid / toPay, 0.01m * (movements + 1), $"{when}: VAT made due on {invoice.Number} at {rate} % follows what is paid");
                }
            }
        }

        // 4. the VAT return is the movements of the VAT accounts, and the VAT of the documents
        var ledgerLines = _entries.SelectMany(VatLedgerLine.Of).ToList();
        var vat = VatReturn.Compute(ledgerLines, s, InvoicingTestData.Today, InvoicingTestData.Today);
        vat.TotalVat.ShouldBe(all.Where(x => collected.Contains(x.Line.Account)).Sum(x => x.Line.Credit - x.Line.Debit), when);
        vat.PendingVatAtEnd.ShouldBe(all.Where(x => pending.Contains(x.Line.Account)).Sum(x => x.Line.Credit - x.Line.Debit), when);
        foreach (var row in vat.Rows)
            row.Vat.ShouldBe(all.Where(x => collected.Contains(x.Line.Account) && x.Line.VatRate == row.Rate).Sum(x => x.Line.Credit - x.Line.Debit), when);
        (vat.TotalVat + vat.PendingVatAtEnd).ShouldBe(Flow.Invoices.Sum(i => i.TotalVat) - Flow.CreditNotes.Sum(c => c.TotalVat), $"{when}: the books carry the documents' VAT");
        decimal Sold(VatCategory category) => Flow.Validated.Where(d => d is not Invoice { Kind: InvoiceKind.Deposit } && d is not CreditNote { InvoiceKind: InvoiceKind.Deposit })
            .Sum(d => (d is CreditNote ? -1m : 1m) * d.Lines.Where(l => l.Kind.IsPriced() && !l.IsDeduction && l.VatCategory == category).Sum(l => l.NetAmount));
        if (_scenario.Franchise)
        {
            vat.FranchiseTurnover.ShouldBe(Sold(VatCategory.Exempt), when);
        }
        else
        {
            vat.NonTaxable.Exports.ShouldBe(Sold(VatCategory.Export), when);
            vat.NonTaxable.IntraCommunitySupplies.ShouldBe(Sold(VatCategory.IntraCommunitySupply), when);
            vat.NonTaxable.OtherNonTaxable.ShouldBe(Sold(VatCategory.ReverseCharge) + Sold(VatCategory.OutsideScope) + Sold(VatCategory.Exempt), when);
        }

        // 5. the customer's account in the books is what the receivables say it owes
        var customerBalance = all.Where(x => x.Line.Account == s.CustomerAccount).Sum(x => x.Line.Debit - x.Line.Credit);
        var receivables = _items.Where(i => !i.Cancelled).Sum(i => i.Side == ReceivableSide.Debit ? i.Outstanding : -i.Outstanding);
        customerBalance.ShouldBe(receivables, $"{when}: 411 against the receivables");
        all.Where(x => x.Line.Account == s.UnidentifiedReceiptsAccount).Sum(x => x.Line.Credit - x.Line.Debit).ShouldBe(0m, $"{when}: every receipt identified");
    }
}
