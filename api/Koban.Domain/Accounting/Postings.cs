using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Receivables;

namespace Koban.Domain.Accounting;

/// <summary>The customer's auxiliary account (its accounting code) and name, as the entry shows them.</summary>
public sealed record CustomerAccountRef(string AuxiliaryAccount, string Name);

/// <summary>What every posting needs besides the event: the settings, the company's VAT option and the day.</summary>
public sealed record PostingContext(AccountingSettings Settings, int FiscalYearStartMonth, bool VatOnDebits, DateOnly Today, DateTimeOffset Now);

/// <summary>The VAT of one rate still waiting for payment on an invoice (44574), and its base.</summary>
public sealed record PendingVat(decimal Rate, decimal Vat, decimal Base);

/// <summary>A movement of an invoice's pending VAT (credit positive): <see cref="AtIssue"/> when the invoice or one of its
/// credit notes wrote it, not when a payment moved it.</summary>
public sealed record PendingVatLine(bool AtIssue, decimal Rate, decimal Vat, decimal Base);

/// <summary>
/// The posting rules of domain-rules.md §9, one method per event. Amounts are read from the validated document's stored
/// figures (never recomputed) and rounded once, when a share has to be taken; every entry is balanced by construction
/// and checked again by <see cref="JournalEntry.Create"/>.
/// </summary>
public static class Postings
{
    /// <summary>
    /// Sales journal entry of a validated invoice (credit notes are the mirror): customer debit for the total including
    /// VAT; revenue per nature, VAT rate and VAT treatment (a deposit credits 4191 instead, and a balance's deduction lines
    /// debit it back; late-payment interest and the recovery indemnity go to their own accounts); VAT per rate — the
    /// services' share waits in the pending account until paid unless the company opted for debits, and so does all the
    /// VAT of a deposit (due on receipt for goods too since 2023). A credit note of a deposit reverses the deposit account;
    /// a write-off credit note (bad debt) debits 654 instead of the revenue (§9). A credit note takes its pending share back
    /// from the pending account only up to what is still pending on the invoice (<paramref name="invoicePending"/>): the
    /// rest was made due by payments already, and is taken back from the collected account. Null when the document moves
    /// no amount (a zero invoice is legal, an empty entry is not).
    /// </summary>
    public static JournalEntry? ForBillingDocument(BillingDocument document, CustomerAccountRef customer, PostingContext context,
        IReadOnlyList<PendingVat>? invoicePending = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(context);
        if (!document.IsValidated)
            throw new InvalidOperationException("Only a validated document is posted.");
        var s = context.Settings;
        var isCredit = document is CreditNote;
        var sign = isCredit ? -1m : 1m;
        // a credit note of a deposit invoice reverses the deposit: 4191 and all its VAT pending, like the deposit itself
        var isDeposit = document is Invoice { Kind: InvoiceKind.Deposit } or CreditNote { InvoiceKind: InvoiceKind.Deposit };
        // a bad debt (write-off credit note) charges 654 instead of reversing the revenue; its VAT is recovered as usual
        var isBadDebt = document is CreditNote { Reason: Sales.CreditReason.WriteOff };
        var franchise = document.Seller?.VatFranchise ?? false;
        var invoiceId = isCredit ? document.CorrectedInvoiceId : document.Id;
        var label = $"{(isCredit ? "Avoir" : isDeposit ? "Facture d'acompte" : "Facture")} {document.Number} {customer.Name}";
        var lines = new List<PostingLine>
        {
            new(s.CustomerAccount, "Clients", label, sign * document.TotalIncludingVat, 0m, customer.AuxiliaryAccount, customer.Name, InvoiceId: invoiceId),
        };

        var priced = document.Lines.Where(l => l.Kind.IsPriced()).ToList();
        foreach (var group in priced.Where(l => !l.IsDeduction)
                     .GroupBy(l => Destination(l, s, isDeposit, isBadDebt, franchise))
                     .OrderBy(g => g.Key.Account, StringComparer.Ordinal).ThenByDescending(g => g.Key.VatRate).ThenBy(g => g.Key.Treatment))
        {
            lines.Add(new PostingLine(group.Key.Account, group.Key.Label, label, 0m, sign * group.Sum(l => l.NetAmount), VatRate: group.Key.VatRate, InvoiceId: invoiceId,
                Treatment: group.Key.Treatment));
        }
        foreach (var group in priced.Where(l => l.IsDeduction).GroupBy(l => l.VatRate).OrderByDescending(g => g.Key))
            lines.Add(new PostingLine(s.CustomerDepositAccount, "Clients - avances et acomptes reçus", label, 0m, sign * group.Sum(l => l.NetAmount), VatRate: group.Key, InvoiceId: invoiceId));

        foreach (var row in document.VatBreakdown.Where(r => r.Vat != 0m))
        {
            // VAT an invoice takes back (a balance whose deposits rounded their VAT up) waits for no payment: nothing would
            // ever make it due, so it corrects the collected VAT at once
            var share = context.VatOnDebits || (!isCredit && row.Vat < 0m) ? 0m : isDeposit ? 1m : ServicesShare(priced, row.Rate);
            var pendingVat = Common.Rounding.Amount(row.Vat * share);
            var pendingBase = Common.Rounding.Amount(row.Base * share);
            if (isCredit && invoicePending is not null && pendingVat > 0m)
            {
                var left = Math.Max(0m, invoicePending.Where(p => p.Rate == row.Rate).Sum(p => p.Vat));
                if (pendingVat > left)
                {
                    pendingBase = Common.Rounding.Amount(pendingBase * left / pendingVat);
                    pendingVat = left;
                }
            }
            if (pendingVat != 0m)
                lines.Add(new PostingLine(s.VatAccount(row.Rate, pending: true), "TVA collectée en attente d'encaissement", label, 0m, sign * pendingVat, VatRate: row.Rate, VatBase: sign * pendingBase, InvoiceId: invoiceId));
            if (row.Vat - pendingVat != 0m)
                lines.Add(new PostingLine(s.VatAccount(row.Rate, pending: false), "TVA collectée", label, 0m, sign * (row.Vat - pendingVat), VatRate: row.Rate, VatBase: sign * (row.Base - pendingBase), InvoiceId: invoiceId));
        }

        if (lines.All(l => Common.Rounding.Amount(l.Debit) == Common.Rounding.Amount(l.Credit)))
            return null;
        return JournalEntry.Create(JournalKind.Sales, s.SalesJournal, document.IssueDate!.Value, context.FiscalYearStartMonth, document.Number!, document.IssueDate.Value,
            label, isCredit ? EntrySource.CreditNote : EntrySource.Invoice, document.Id, context.Today, context.Now, lines);
    }

    /// <summary>Where an ordinary line of a sale is posted: the account, its label, the rate and the VAT treatment it declares.</summary>
    private static (string Account, string Label, decimal VatRate, VatTreatmentKind? Treatment) Destination(BillingLine line, AccountingSettings s, bool isDeposit,
        bool isBadDebt, bool franchise)
    {
        if (isDeposit) return (s.CustomerDepositAccount, "Clients - avances et acomptes reçus", line.VatRate, null);
        // late fees are no consideration for a supply: outside the VAT return, on their own accounts
        var treatment = line.LateFee is null ? VatTreatmentKinds.Of(line.VatCategory, franchise) : (VatTreatmentKind?)null;
        if (isBadDebt) return (s.BadDebtAccount, "Pertes sur créances irrécouvrables", line.VatRate, treatment);
        return line.LateFee switch
        {
            LateFeeKind.Interest => (s.LateInterestAccount, "Revenus des créances diverses", line.VatRate, null),
            LateFeeKind.RecoveryIndemnity => (s.RecoveryIndemnityAccount, "Produits divers de gestion courante", line.VatRate, null),
            _ => RevenueOf(s.RevenueAccount(NatureOf(line), line.VatRate, treatment!.Value), s, line.VatRate, treatment),
        };
    }

    private static (string, string, decimal, VatTreatmentKind?) RevenueOf(string account, AccountingSettings s, decimal rate, VatTreatmentKind? treatment) =>
        (account, RevenueLabel(account, s), rate, treatment);

    /// <summary>
    /// Bank journal entry of a receipt: the bank gets the amount net of fees, the fees go to 627, the customer's account
    /// is credited with the whole amount — one line per invoice it settles now (for lettering), the rest as credit — or
    /// the unidentified-receipts account when nobody is known yet.
    /// </summary>
    public static JournalEntry ForReceipt(Payment payment, CustomerAccountRef? customer, IReadOnlyList<(Guid InvoiceId, string Number, decimal Amount)> allocations, PostingContext context)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(allocations);
        var s = context.Settings;
        var bank = s.Bank(payment.BankAccountCode);
        var who = customer?.Name ?? "non identifié";
        var label = Clip($"Règlement {who}{(payment.Reference is null ? "" : " " + payment.Reference)}");
        var lines = new List<PostingLine> { new(bank.Account, bank.Label, label, payment.BankAmount, 0m) };
        if (payment.BankFees > 0m)
            lines.Add(new PostingLine(s.BankFeesAccount, "Services bancaires", label, payment.BankFees, 0m));
        if (customer is null)
        {
            lines.Add(new PostingLine(s.UnidentifiedReceiptsAccount, "Compte d'attente", label, 0m, payment.Amount));
        }
        else
        {
            foreach (var a in allocations)
                lines.Add(new PostingLine(s.CustomerAccount, "Clients", Clip($"Règlement {a.Number} {customer.Name}"), 0m, a.Amount, customer.AuxiliaryAccount, customer.Name, InvoiceId: a.InvoiceId));
            var rest = payment.Amount - allocations.Sum(a => a.Amount);
            if (rest != 0m)
                lines.Add(new PostingLine(s.CustomerAccount, "Clients", label, 0m, rest, customer.AuxiliaryAccount, customer.Name));
        }
        return JournalEntry.Create(JournalKind.Bank, s.BankJournal, payment.Date, context.FiscalYearStartMonth, Reference(payment), payment.Date, label,
            EntrySource.Receipt, payment.Id, context.Today, context.Now, lines);
    }

    /// <summary>Bank journal entry of a refund: the customer's account is debited, the bank credited.</summary>
    public static JournalEntry ForRefund(Payment payment, CustomerAccountRef customer, PostingContext context)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(customer);
        var s = context.Settings;
        var bank = s.Bank(payment.BankAccountCode);
        var label = Clip($"Remboursement {customer.Name}{(payment.Reference is null ? "" : " " + payment.Reference)}");
        return JournalEntry.Create(JournalKind.Bank, s.BankJournal, payment.Date, context.FiscalYearStartMonth, Reference(payment), payment.Date, label,
            EntrySource.Refund, payment.Id, context.Today, context.Now,
            [
                new(s.CustomerAccount, "Clients", label, payment.Amount, 0m, customer.AuxiliaryAccount, customer.Name),
                new(bank.Account, bank.Label, label, 0m, payment.Amount),
            ]);
    }

    /// <summary>Miscellaneous entry moving an identified receipt from the suspense account (471) to its customer.</summary>
    public static JournalEntry ForIdentifiedReceipt(Payment payment, CustomerAccountRef customer, PostingContext context)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(customer);
        var s = context.Settings;
        var date = payment.IdentifiedOn ?? context.Today;
        var label = Clip($"Affectation règlement {customer.Name}{(payment.Reference is null ? "" : " " + payment.Reference)}");
        return JournalEntry.Create(JournalKind.Miscellaneous, s.MiscJournal, date, context.FiscalYearStartMonth, Reference(payment), payment.Date, label,
            EntrySource.ReceiptIdentified, payment.Id, context.Today, context.Now,
            [
                new(s.UnidentifiedReceiptsAccount, "Compte d'attente", label, payment.Amount, 0m),
                new(s.CustomerAccount, "Clients", label, 0m, payment.Amount, customer.AuxiliaryAccount, customer.Name),
            ]);
    }

    /// <summary>A small difference written off: a loss (658) settles what the customer still owes on an invoice, a gain
    /// (758) absorbs what it paid too much.</summary>
    public static JournalEntry ForWriteOff(Guid writeOffId, ReceivableSide side, decimal amount, string reference, Guid? invoiceId, DateOnly date, CustomerAccountRef customer, PostingContext context)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var s = context.Settings;
        var loss = side == ReceivableSide.Credit;
        var label = Clip($"{(loss ? "Perte" : "Gain")} sur règlement {reference} {customer.Name}");
        var customerLine = new PostingLine(s.CustomerAccount, "Clients", label, loss ? 0m : amount, loss ? amount : 0m, customer.AuxiliaryAccount, customer.Name, InvoiceId: invoiceId);
        var resultLine = loss
            ? new PostingLine(s.WriteOffLossAccount, "Charges diverses de gestion courante", label, amount, 0m)
            : new PostingLine(s.WriteOffGainAccount, "Produits divers de gestion courante", label, 0m, amount);
        return JournalEntry.Create(JournalKind.Miscellaneous, s.MiscJournal, date, context.FiscalYearStartMonth, reference, date, label, EntrySource.WriteOff, writeOffId,
            context.Today, context.Now, [resultLine, customerLine]);
    }

    /// <summary>
    /// The share of an invoice's pending VAT that a payment makes due: in proportion to what it pays of the amount to be
    /// paid, the last payment taking whatever is left so nothing stays pending on a settled invoice.
    /// </summary>
    public static IReadOnlyList<PendingVat> VatMadeDue(IReadOnlyList<PendingVat> stillPending, IReadOnlyList<PendingVat> pendingAtIssue, decimal amountToPay, decimal paid, bool settled)
    {
        ArgumentNullException.ThrowIfNull(stillPending);
        ArgumentNullException.ThrowIfNull(pendingAtIssue);
        var result = new List<PendingVat>();
        foreach (var left in stillPending.Where(p => p.Vat > 0m))
        {
            if (settled || amountToPay <= 0m)
            {
                result.Add(left);
                continue;
            }
            var issued = pendingAtIssue.FirstOrDefault(p => p.Rate == left.Rate) ?? left;
            var fraction = Math.Min(1m, paid / amountToPay);
            var vat = Math.Min(left.Vat, Common.Rounding.Amount(issued.Vat * fraction));
            var @base = Math.Min(left.Base, Common.Rounding.Amount(issued.Base * fraction));
            if (vat > 0m) result.Add(new PendingVat(left.Rate, vat, @base));
        }
        return result;
    }

    /// <summary>
    /// The entry that moves the share of an invoice's pending VAT an allocation pays (a receipt or a loss written off) from
    /// 44574 to 44571, or null when nothing is pending. <paramref name="pendingLines"/> are the invoice's lines on the
    /// pending accounts, entries of this unit of work included; <paramref name="invoice"/> already carries the allocation;
    /// <paramref name="postedOn"/> dates the entry (the day the allocation is recorded; the allocation's own date by default).
    /// </summary>
    public static JournalEntry? ForVatMadeDue(Allocation allocation, ReceivableItem invoice, IEnumerable<PendingVatLine> pendingLines, PostingContext context, DateOnly? postedOn = null)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(pendingLines);
        var list = pendingLines.ToList();
        var atIssue = StillPending(list.Where(l => l.AtIssue));
        var still = StillPending(list);
        if (still.All(p => p.Vat <= 0m)) return null;
        var due = VatMadeDue(still, atIssue, invoice.Amount - invoice.SettledByCreditNotes, allocation.Amount, invoice.Outstanding == 0m);
        return due.Count == 0 ? null : ForVatOnReceipt(allocation.Id, invoice.SourceId, invoice.Reference, postedOn ?? allocation.Date, due, context);
    }

    /// <summary>What the pending-VAT lines of an invoice leave pending, per rate.</summary>
    public static IReadOnlyList<PendingVat> StillPending(IEnumerable<PendingVatLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.GroupBy(l => l.Rate).Select(g => new PendingVat(g.Key, g.Sum(l => l.Vat), g.Sum(l => l.Base)))];
    }

    /// <summary>The pending-VAT lines of an invoice's entries (credit positive), marked when written by the invoice or its
    /// credit notes rather than by a transfer.</summary>
    public static IEnumerable<PendingVatLine> PendingVatLines(JournalEntry entry, Guid invoiceId, AccountingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(settings);
        var pending = settings.VatRules.Select(r => r.PendingAccount).Append(settings.VatPendingAccount).ToHashSet(StringComparer.Ordinal);
        var atIssue = entry.Source is EntrySource.Invoice or EntrySource.CreditNote;
        return entry.Lines.Where(l => l.InvoiceId == invoiceId && l.VatRate is not null && pending.Contains(l.Account))
            .Select(l => new PendingVatLine(atIssue, l.VatRate!.Value, l.Credit - l.Debit, l.VatBase ?? 0m));
    }

    /// <summary>Moves VAT from the pending account to the collected one when a payment makes it due (services, §9).</summary>
    public static JournalEntry ForVatOnReceipt(Guid allocationId, Guid invoiceId, string invoiceNumber, DateOnly date, IReadOnlyList<PendingVat> due, PostingContext context)
    {
        ArgumentNullException.ThrowIfNull(due);
        var s = context.Settings;
        var label = Clip($"TVA exigible sur encaissement {invoiceNumber}");
        var lines = new List<PostingLine>();
        foreach (var p in due.OrderByDescending(p => p.Rate))
        {
            lines.Add(new PostingLine(s.VatAccount(p.Rate, pending: true), "TVA collectée en attente d'encaissement", label, p.Vat, 0m, VatRate: p.Rate, VatBase: -p.Base, InvoiceId: invoiceId));
            lines.Add(new PostingLine(s.VatAccount(p.Rate, pending: false), "TVA collectée", label, 0m, p.Vat, VatRate: p.Rate, VatBase: p.Base, InvoiceId: invoiceId));
        }
        return JournalEntry.Create(JournalKind.Miscellaneous, s.MiscJournal, date, context.FiscalYearStartMonth, invoiceNumber, date, label, EntrySource.VatOnReceipt, allocationId,
            context.Today, context.Now, lines);
    }

    /// <summary>A line without a nature (a free line) is taken as a service: VAT on receipts is the default for services.</summary>
    private static ProductNature NatureOf(BillingLine line) => line.Nature ?? ProductNature.Service;

    private static decimal ServicesShare(IReadOnlyList<BillingLine> priced, decimal rate)
    {
        var atRate = priced.Where(l => !l.IsDeduction && l.VatRate == rate && l.NetAmount > 0m).ToList();
        var total = atRate.Sum(l => l.NetAmount);
        if (total == 0m) return NatureOfAll(priced, rate);
        return atRate.Where(l => NatureOf(l) == ProductNature.Service).Sum(l => l.NetAmount) / total;
    }

    /// <summary>Only deductions at this rate (or negative lines): follow the nature of the lines at that rate.</summary>
    private static decimal NatureOfAll(IReadOnlyList<BillingLine> priced, decimal rate) =>
        priced.Where(l => l.VatRate == rate).All(l => NatureOf(l) == ProductNature.Service) ? 1m : 0m;

    private static string RevenueLabel(string account, AccountingSettings s) =>
        account == s.GoodsRevenueAccount ? "Ventes de marchandises" : account == s.ServicesRevenueAccount ? "Prestations de services" : "Produits";

    private static string Reference(Payment payment) => Clip(payment.Reference ?? $"REG-{payment.Id.ToString("N")[..8].ToUpperInvariant()}", 40);

    private static string Clip(string text, int max = 200) => text.Length <= max ? text : text[..max];
}
