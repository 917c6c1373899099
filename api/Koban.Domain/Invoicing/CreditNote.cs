using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Sales;

namespace Koban.Domain.Invoicing;

/// <summary>A line of the corrected invoice to credit, and how much of it.</summary>
public sealed record InvoiceLinePortion(Guid InvoiceLineId, decimal Quantity);

/// <summary>
/// A credit note (avoir): the only way to correct or cancel a validated invoice (domain-rules.md §2, §6). Made from one
/// validated invoice — in full, for chosen lines and quantities, or an amount split across the invoice's VAT rates — with
/// a reason; only a <see cref="CreditReason.Correction"/> gives back "left to invoice" on the order. It cites the number
/// and date of the invoice it corrects, and never credits more than that invoice still carries.
/// </summary>
public sealed class CreditNote : BillingDocument
{
    private CreditNote()
    {
    }

    public Guid InvoiceId { get; private set; }
    public string InvoiceNumber { get; private set; } = string.Empty;
    public DateOnly InvoiceDate { get; private set; }
    public InvoiceKind InvoiceKind { get; private set; }
    public CreditReason Reason { get; private set; }
    public string? ReasonText { get; private set; }

    public override string TypeCode => "CRN";
    public override Guid? CorrectedInvoiceId => InvoiceId;

    /// <summary>Credits everything the invoice still carries: its lines as invoiced (deductions included) when nothing was
    /// credited yet, so the credit note mirrors it to the cent; otherwise what is left of each line.</summary>
    public static CreditNote Full(Invoice invoice, IReadOnlyList<CreditNote> credits, CreditReason reason, string? reasonText, BillingHeaderData header, DateTimeOffset now)
    {
        var note = New(invoice, credits, reason, reasonText, header, now);
        var remaining = Remaining(invoice, credits);
        if (credits.SelectMany(c => c.Lines).Any(l => l.Kind.IsPriced() && l.SourceLineId is null))
            throw new DomainConflictException(ErrorCodes.InvoicePartlyCreditedByAmount, "Part of this invoice was credited by amount: credit chosen lines or an amount.") { Field = "mode" };
        var lines = new List<BillingLineData>();
        foreach (var line in invoice.Lines)
        {
            if (!line.Kind.IsPriced())
            {
                lines.Add(new BillingLineData(line.ToData()));
                continue;
            }
            var (quantity, net) = remaining[line.Id];
            if (net == 0m)
                continue;
            lines.Add(Credit(line, quantity, net));
        }
        note.SetCreditLines(lines);
        return note;
    }

    public static CreditNote ForLines(Invoice invoice, IReadOnlyList<CreditNote> credits, IReadOnlyList<InvoiceLinePortion> portions, CreditReason reason, string? reasonText,
        BillingHeaderData header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(portions);
        var note = New(invoice, credits, reason, reasonText, header, now);
        if (portions.Count == 0)
            throw new DomainException(ErrorCodes.DocumentHasNoPricedLine, "Choose at least one line to credit.") { Field = "lines" };
        var remaining = Remaining(invoice, credits);
        var lines = new List<BillingLineData>();
        for (var i = 0; i < portions.Count; i++)
        {
            var line = invoice.Lines.FirstOrDefault(l => l.Id == portions[i].InvoiceLineId && l.Kind.IsPriced())
                ?? throw new DomainException(ErrorCodes.InvoiceLineNotFound, "The invoice has no such priced line.") { Field = $"lines[{i}].invoiceLineId" };
            var quantity = portions[i].Quantity;
            var (leftQuantity, leftNet) = remaining[line.Id];
            if (quantity <= 0m || Rounding.Quantity(quantity) != quantity)
                throw new DomainException(ErrorCodes.LineQuantityInvalid, "The quantity must be positive with at most 3 decimals.") { Field = $"lines[{i}].quantity" };
            // A deduction is credited whole: its VAT is the deposit's, it cannot be prorated.
            if (line.IsDeduction && quantity != line.Quantity)
                throw new DomainException(ErrorCodes.LineQuantityInvalid, "A deposit deduction is credited whole.") { Field = $"lines[{i}].quantity" };
            var net = quantity == leftQuantity ? leftNet : DocumentTotals.LineNet(quantity, line.UnitPrice, line.DiscountPercent);
            if (quantity > leftQuantity || Math.Abs(net) > Math.Abs(leftNet))
            {
                throw new DomainException(ErrorCodes.CreditBeyondInvoiced, "The credit exceeds what is left of this invoice line.")
                {
                    Field = $"lines[{i}].quantity",
                    Arguments = new Dictionary<string, object> { ["invoiced"] = leftNet },
                };
            }
            lines.Add(Credit(line, quantity, net));
        }
        note.SetCreditLines(lines);
        return note;
    }

    /// <summary>
    /// An amount (excluding or including VAT) split across the invoice's VAT rates in proportion to their bases, then, within
    /// each rate, across what decides the books — the nature of the lines (goods or services) and the late fees — in
    /// proportion to their nets, so the credit note reverses the revenue accounts and the VAT timing of the invoice it
    /// credits, as a credit of its lines would (domain-rules.md §6, §9).
    /// </summary>
    public static CreditNote ForAmount(Invoice invoice, IReadOnlyList<CreditNote> credits, AmountBasis basis, decimal amount, CreditReason reason, string? reasonText,
        BillingHeaderData header, DateTimeOffset now)
    {
        var note = New(invoice, credits, reason, reasonText, header, now);
        if (amount <= 0m || Rounding.Amount(amount) != amount || basis == AmountBasis.Percentage || !Enum.IsDefined(basis))
            throw new DomainException(ErrorCodes.CreditAmountInvalid, "A credit amount is positive, in cents, excluding or including VAT.") { Field = "amount" };
        var rows = invoice.VatBreakdown.Where(r => r.Base > 0m).ToList();
        var parts = basis == AmountBasis.ExcludingVat
            ? BillingTotals.SplitInProportion(amount, [.. rows.Select(r => r.Base)])
            : BillingTotals.SplitIncludingVat(amount, [.. rows.Select(r => (r.Base, r.Rate))], "amount");
        var shares = rows.Select((row, i) => (row, kinds: PostingKinds(invoice, row), part: parts[i])).ToList();
        var mixed = shares.SelectMany(s => s.kinds.Select(k => k.Kind)).Distinct().Count() > 1;
        var lines = new List<BillingLineData>();
        foreach (var (row, kinds, part) in shares.Where(s => s.part != 0m))
        {
            var split = kinds.Count == 1 ? [part] : BillingTotals.SplitInProportion(part, [.. kinds.Select(k => k.Net)]);
            for (var k = 0; k < kinds.Count; k++)
            {
                if (split[k] == 0m) continue;
                var description = $"Avoir sur la facture n° {invoice.Number} du {FrenchText.Date(invoice.IssueDate!.Value)}"
                    + (mixed ? $" — {KindLabel(kinds[k].Kind)}" : string.Empty)
                    + (rows.Count > 1 ? $" — TVA {FrenchText.Percent(row.Rate)}" : string.Empty);
                lines.Add(new BillingLineData(new DocumentLineData(LineKind.Free, null, description, 1m, "C62", split[k], 0m, row.Rate, row.Category),
                    Nature: kinds[k].Kind.Nature, LateFee: kinds[k].Kind.LateFee));
            }
        }
        note.SetCreditLines(lines);
        return note;
    }

    /// <summary>The invoice's ordinary lines of one VAT row grouped by what decides their posting (nature, late fee), with
    /// their positive nets: the weights a credit by amount follows at that rate.</summary>
    private static List<(PostingKind Kind, decimal Net)> PostingKinds(Invoice invoice, VatBreakdownLine row)
    {
        var kinds = invoice.Lines.Where(l => l.Kind.IsPriced() && !l.IsDeduction && l.VatRate == row.Rate && l.VatCategory == row.Category)
            .GroupBy(l => new PostingKind(l.Nature, l.LateFee))
            .Select(g => (Kind: g.Key, Net: g.Sum(l => l.NetAmount)))
            .Where(k => k.Net > 0m)
            .OrderBy(k => k.Kind.Nature).ThenBy(k => k.Kind.LateFee)
            .ToList();
        // Bases made only of deductions or negative lines do not happen on a positive row; keep the rate's own lines' kind.
        return kinds.Count > 0 ? kinds : [(new PostingKind(invoice.Lines.FirstOrDefault(l => l.VatRate == row.Rate && !l.IsDeduction)?.Nature, null), 1m)];
    }

    private static string KindLabel(PostingKind kind) => kind.LateFee switch
    {
        LateFeeKind.Interest => "intérêts de retard",
        LateFeeKind.RecoveryIndemnity => "indemnité forfaitaire de recouvrement",
        _ => kind.Nature == Products.ProductNature.Goods ? "livraisons de biens" : "prestations de services",
    };

    private sealed record PostingKind(Products.ProductNature? Nature, LateFeeKind? LateFee);

    /// <summary>The editable header of a draft: date, texts and the reason's wording (not the reason itself, which decides the ledger).</summary>
    public void UpdateCreditHeader(BillingHeaderData header, string? reasonText)
    {
        ArgumentNullException.ThrowIfNull(header);
        EnsureDraft();
        ApplyHeader(header with { PaymentTerms = PaymentTerms.OnReceipt, PaymentMethod = PaymentMethod }, businessCustomer: false);
        ReasonText = DocumentErrors.Blank(reasonText);
    }

    /// <summary>Never more than the invoice still carries, per line, per rate and in total (checked at creation and again
    /// at validation against the credit notes validated meanwhile).</summary>
    public void EnsureWithin(Invoice invoice, IReadOnlyList<CreditNote> otherValidatedCredits)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(otherValidatedCredits);
        var all = otherValidatedCredits.Where(c => c.Id != Id).Append(this).ToList();
        var creditedTotal = all.Sum(c => c.TotalIncludingVat);
        if (creditedTotal > invoice.TotalIncludingVat)
            throw BeyondInvoiced(invoice.TotalIncludingVat - all.Where(c => c.Id != Id).Sum(c => c.TotalIncludingVat), "lines");
        foreach (var row in invoice.VatBreakdown)
        {
            var credited = all.SelectMany(c => c.VatBreakdown).Where(r => r.Rate == row.Rate && r.Category == row.Category).Sum(r => r.Base);
            if (Math.Abs(credited) > Math.Abs(row.Base) && credited != 0m)
                throw BeyondInvoiced(row.Base, "lines");
        }
        foreach (var group in all.SelectMany(c => c.Lines).Where(l => l.SourceLineId is not null).GroupBy(l => l.SourceLineId))
        {
            var source = invoice.Lines.First(l => l.Id == group.Key);
            if (Math.Abs(group.Sum(l => l.NetAmount)) > Math.Abs(source.NetAmount))
                throw BeyondInvoiced(source.NetAmount, "lines");
        }
    }

    /// <summary>Books a validated correction on the order's ledger (other reasons are only totalled there).</summary>
    public void RecordOn(OrderBillingLedger ledger, Order order)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(order);
        var priced = Lines.Where(l => l.Kind.IsPriced()).ToList();
        if (InvoiceKind == InvoiceKind.Deposit)
        {
            ledger.RecordCredit(Reason, priced.GroupBy(l => l.VatRate).Select(g => new LedgerRateAmount(g.Key, g.Sum(l => l.NetAmount))), onDeposit: true);
            return;
        }

        var onLines = priced.Where(l => l.OrderLineId is not null && !l.IsDeduction).ToList();
        var deductions = priced.Where(l => l.IsDeduction).GroupBy(l => l.VatRate).Select(g => new LedgerRateAmount(g.Key, -g.Sum(l => l.NetAmount))).ToList();
        var byAmount = priced.Where(l => l.OrderLineId is null && !l.IsDeduction).GroupBy(l => l.VatRate).Select(g => new LedgerRateAmount(g.Key, g.Sum(l => l.NetAmount))).ToList();
        // One step, like the balance it corrects: crediting its lines before reversing its deductions may leave a rate briefly above its order.
        ledger.RecordTogether(() =>
        {
            if (onLines.Count > 0)
                ledger.RecordCredit(Reason, onLines.Select(l => new LedgerLineAmount(l.OrderLineId!.Value, Invoice.LedgerQuantity(l, order), l.NetAmount)));
            if (deductions.Count > 0 && Reason == CreditReason.Correction)
                ledger.ReverseDepositDeduction(deductions);
            if (byAmount.Count > 0)
                ledger.RecordCredit(Reason, byAmount);
        }, credit: true);
    }

    private protected override void CheckBeforeValidation(BillingValidation v)
    {
        if (v.IssueDate < InvoiceDate)
        {
            throw new DomainException(ErrorCodes.CreditNoteBeforeInvoice, "A credit note cannot be dated before the invoice it corrects.")
            {
                Field = "issueDate",
                Arguments = new Dictionary<string, object> { ["invoiceDate"] = FrenchText.Date(InvoiceDate) },
            };
        }
        if (TotalIncludingVat <= 0m)
            throw new DomainException(ErrorCodes.CreditNoteTotalNotPositive, "A credit note total must be positive.") { Field = "lines" };
    }

    /// <summary>What is left to credit on each priced line of the invoice: quantity and net.</summary>
    public static Dictionary<Guid, (decimal Quantity, decimal Net)> Remaining(Invoice invoice, IReadOnlyList<CreditNote> credits)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(credits);
        var creditLines = credits.SelectMany(c => c.Lines).Where(l => l.SourceLineId is not null).ToList();
        return invoice.Lines.Where(l => l.Kind.IsPriced()).ToDictionary(l => l.Id, l =>
        {
            var done = creditLines.Where(c => c.SourceLineId == l.Id).ToList();
            // A lump-sum credit line (1 × net) does not say how much quantity it covered: count it in proportion.
            var quantity = done.Sum(c => c.UnitPrice == l.UnitPrice && c.DiscountPercent == l.DiscountPercent ? c.Quantity
                : l.NetAmount == 0m ? 0m : Rounding.Quantity(l.Quantity * c.NetAmount / l.NetAmount));
            return (l.Quantity - quantity, l.NetAmount - done.Sum(c => c.NetAmount));
        });
    }

    private static CreditNote New(Invoice invoice, IReadOnlyList<CreditNote> credits, CreditReason reason, string? reasonText, BillingHeaderData header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(credits);
        ArgumentNullException.ThrowIfNull(header);
        if (!invoice.IsValidated)
            throw new DomainConflictException(ErrorCodes.InvoiceNotValidated, "Only a validated invoice is credited; a draft is simply edited or deleted.") { Field = "invoiceId" };
        if (!Enum.IsDefined(reason))
            throw new DomainException(ErrorCodes.CreditReasonInvalid, $"Unknown credit reason {reason}.") { Field = "reason" };
        var note = new CreditNote
        {
            Id = Guid.CreateVersion7(),
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number!,
            InvoiceDate = invoice.IssueDate!.Value,
            InvoiceKind = invoice.Kind,
            Reason = reason,
            ReasonText = DocumentErrors.Blank(reasonText),
            CustomerId = invoice.CustomerId,
            OrderId = invoice.OrderId,
            CreatedAt = now,
        };
        note.ApplyHeader(header with { PaymentTerms = PaymentTerms.OnReceipt, PaymentMethod = header.PaymentMethod ?? invoice.PaymentMethod }, businessCustomer: false);
        return note;
    }

    private void SetCreditLines(IEnumerable<BillingLineData> lines)
    {
        SetLines(lines);
        if (!Lines.Any(l => l.Kind.IsPriced()) || TotalIncludingVat <= 0m)
            throw new DomainConflictException(ErrorCodes.NothingLeftToCredit, "Nothing is left to credit on this invoice.") { Field = "mode" };
    }

    private static BillingLineData Credit(BillingLine line, decimal quantity, decimal net)
    {
        var natural = quantity != 0m && DocumentTotals.LineNet(quantity, line.UnitPrice, line.DiscountPercent) == net;
        var data = natural
            ? line.ToData() with { Quantity = quantity }
            : line.ToData() with { Description = line.Description + " (solde de la ligne)", Quantity = 1m, UnitCode = "C62", UnitPrice = net, DiscountPercent = 0m };
        return new BillingLineData(data, line.OrderLineId, line.DeductedInvoiceId, line.IsDeduction ? line.DeductedVat : 0m, line.Id, line.Nature, line.LateFee);
    }

    private static DomainException BeyondInvoiced(decimal invoiced, string field) =>
        new(ErrorCodes.CreditBeyondInvoiced, "The credit exceeds what the invoice still carries.")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["invoiced"] = invoiced },
        };
}
