using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;

namespace Koban.Domain.Invoicing;

/// <summary>A part of an order line to invoice: its quantity (the net follows from the order line's price and discount).</summary>
public sealed record OrderLinePortion(Guid OrderLineId, decimal Quantity);

/// <summary>A validated deposit invoice a balance deducts: its per-rate rows, already net of correction credit notes on it.</summary>
public sealed record DepositDeduction(Guid InvoiceId, string Number, DateOnly Date, IReadOnlyList<VatBreakdownLine> Rows);

/// <summary>
/// How to bill an order. Full and Balance need nothing else; Intermediate takes a <see cref="AmountBasis.Percentage"/> or
/// <see cref="AmountBasis.ExcludingVat"/> value, or <see cref="Lines"/>; Deposit takes a basis and a value. Balance lists
/// the deposits to deduct in <see cref="Deposits"/>.
/// </summary>
public sealed record OrderInvoiceSpec(
    InvoiceKind Kind,
    AmountBasis? Basis = null,
    decimal? Value = null,
    IReadOnlyList<OrderLinePortion>? Lines = null,
    IReadOnlyList<DepositDeduction>? Deposits = null,
    string? QuoteNumber = null,
    Guid? MilestoneId = null,
    IReadOnlyDictionary<Guid, ProductNature>? ProductNatures = null);

/// <summary>
/// An invoice (facture): full, intermediate, deposit, balance (from a validated order) or direct (free lines, not traceable
/// to an order). The lines of an order invoice are computed here from the order and its billing ledger, never beyond what
/// is left to invoice (domain-rules.md §6); <see cref="RecordOn"/> books a validated invoice on the ledger, which refuses
/// anything beyond the order.
/// </summary>
public sealed class Invoice : BillingDocument
{
    private Invoice()
    {
    }

    public InvoiceKind Kind { get; private set; }

    /// <summary>The billing-schedule milestone this invoice bills, if any.</summary>
    public Guid? MilestoneId { get; private set; }

    /// <summary>The order number, kept for labels and lists.</summary>
    public string? OrderNumber { get; private set; }

    public bool TraceableToOrder => OrderId is not null;
    public override string TypeCode => $"INV-{Kind}";
    public override Guid? CorrectedInvoiceId => null;

    public string Title => Kind == InvoiceKind.Deposit ? "Facture d'acompte" : "Facture";

    public static Invoice Direct(Guid customerId, BillingHeaderData header, IEnumerable<BillingLineData> lines, bool businessCustomer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        var invoice = New(InvoiceKind.Direct, customerId, null, null, now);
        invoice.ApplyHeader(header, businessCustomer);
        invoice.SetLines(lines);
        return invoice;
    }

    /// <summary>A draft invoice of a validated order. <paramref name="ledger"/> is the order's ledger with every validated
    /// invoice and credit note booked; the draft is checked against it (and again at validation, under a lock on the order).</summary>
    public static Invoice FromOrder(Order order, OrderBillingLedger ledger, OrderInvoiceSpec spec, BillingHeaderData header, bool businessCustomer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(header);
        if (order.Status != OrderStatus.InProgress)
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, $"Order {order.Id} is {order.Status}.") { Field = "orderId" };
        if (!Enum.IsDefined(spec.Kind) || spec.Kind == InvoiceKind.Direct)
            throw new DomainException(ErrorCodes.InvoiceKindInvalid, $"Kind {spec.Kind} does not bill an order.") { Field = "kind" };

        var invoice = New(spec.Kind, order.BillToCustomerId, order.Id, order.Number, now);
        invoice.MilestoneId = spec.MilestoneId;
        invoice.ApplyHeader(header with
        {
            PaymentTerms = header.PaymentTerms ?? order.PaymentTerms,
            PaymentMethod = header.PaymentMethod ?? order.PaymentMethod,
            CustomerReference = header.CustomerReference ?? order.CustomerReference,
            // The date of the sale or service defaults to the order's delivery date; a deposit bills money received
            // before the operation, so it takes none unless the user gives one.
            SaleDate = header.SaleDate ?? (spec.Kind == InvoiceKind.Deposit ? null : order.PlannedDeliveryDate),
        }, businessCustomer);
        var lines = spec.Kind switch
        {
            InvoiceKind.Full => FullLines(order, ledger, spec),
            InvoiceKind.Balance => [.. FullLines(order, ledger, spec, allowEmpty: (spec.Deposits?.Count ?? 0) > 0), .. DeductionLines(spec.Deposits ?? [])],
            InvoiceKind.Intermediate => IntermediateLines(order, ledger, spec),
            _ => DepositLines(order, spec),
        };
        if (!lines.Any(l => l.Line.Kind.IsPriced()))
            throw new DomainConflictException(ErrorCodes.NothingLeftToInvoice, "Nothing is left to invoice on this order.") { Field = "kind" };
        invoice.SetLines(lines);
        // Checked now against the ledger as it stands, so an impossible draft is refused at once, not at validation.
        invoice.RecordOn(ledger, order);
        return invoice;
    }

    /// <summary>Only a direct draft takes new lines; the lines of an order invoice follow from the order (delete the draft
    /// and create another to bill a different part).</summary>
    public void ReplaceLines(IEnumerable<BillingLineData> lines)
    {
        EnsureDraft();
        if (Kind != InvoiceKind.Direct)
            throw new DomainConflictException(ErrorCodes.InvoiceLinesFollowOrder, "The lines of an order invoice follow from the order.") { Field = "lines" };
        SetLines(lines);
    }

    /// <summary>Adds lines after the draft's own, on a direct or an order draft (a project's billable time): they bill no
    /// order line, so the order's ledger leaves them out.</summary>
    public void AppendLines(IEnumerable<BillingLineData> lines)
    {
        EnsureDraft();
        SetLines([.. Lines.OrderBy(l => l.Position).Select(l => l.ToBillingData()), .. lines]);
    }

    /// <summary>Books this invoice on the order's ledger: deposits per rate; deductions, then lines, for the others.</summary>
    public void RecordOn(OrderBillingLedger ledger, Order order)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(order);
        if (Kind == InvoiceKind.Deposit)
        {
            ledger.RecordDeposit(Lines.Where(l => l.Kind.IsPriced()).GroupBy(l => l.VatRate).Select(g => new LedgerRateAmount(g.Key, g.Sum(l => l.NetAmount))));
            return;
        }

        var deductions = Lines.Where(l => l.IsDeduction).GroupBy(l => l.VatRate).Select(g => new LedgerRateAmount(g.Key, -g.Sum(l => l.NetAmount))).ToList();
        var lines = Lines.Where(l => l.OrderLineId is not null && !l.IsDeduction).Select(l => new LedgerLineAmount(l.OrderLineId!.Value, LedgerQuantity(l, order), l.NetAmount)).ToList();
        // One step: deducting the deposits before billing a negative line's rest can leave a rate briefly above its order.
        ledger.RecordTogether(() =>
        {
            if (deductions.Count > 0)
                ledger.RecordDepositDeduction(deductions);
            ledger.RecordInvoice(lines);
        });
    }

    private protected override void CheckBeforeValidation(BillingValidation v)
    {
        // A balance may come to zero when deposits covered everything; no invoice may be negative (that is a credit note).
        // One exception: a balance whose bases are all covered, left a cent or two below zero because each deposit rounded its
        // own VAT up (two 50 % deposits of 100.06 HT carry 2 × 10.01 of VAT, the order 20.01) — deposits + balance must equal
        // the order to the cent (domain-rules.md §6), and refusing it would leave the order impossible to close.
        var roundingOnly = Kind == InvoiceKind.Balance && VatBreakdown.All(r => r.Base >= 0m);
        if (TotalIncludingVat < 0m && !roundingOnly)
            throw new DomainException(ErrorCodes.DocumentTotalNegative, "An invoice total cannot be negative; issue a credit note.") { Field = "lines" };
    }

    /// <summary>The quantity the ledger records: the line's own when it bills the order line at its price, 0 for a lump sum.</summary>
    internal static decimal LedgerQuantity(BillingLine line, Order order)
    {
        var source = order.Lines.FirstOrDefault(o => o.Id == line.OrderLineId);
        return source is not null && source.UnitPrice == line.UnitPrice && source.DiscountPercent == line.DiscountPercent && source.UnitCode == line.UnitCode
            ? line.Quantity : 0m;
    }

    private static Invoice New(InvoiceKind kind, Guid customerId, Guid? orderId, string? orderNumber, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        CustomerId = customerId,
        OrderId = orderId,
        OrderNumber = orderNumber,
        CreatedAt = now,
    };

    private static List<BillingLineData> FullLines(Order order, OrderBillingLedger ledger, OrderInvoiceSpec spec, bool allowEmpty = false)
    {
        var result = new List<BillingLineData>();
        foreach (var line in order.Lines)
        {
            if (!line.Kind.IsPriced())
            {
                result.Add(new BillingLineData(line.ToData()));
                continue;
            }
            if (line.IsContractLine)
                continue;
            var left = ledger.Lines.First(l => l.OrderLineId == line.Id);
            if (left.LeftNet == 0m)
                continue;
            result.Add(Portion(line, left.LeftQuantity, left.LeftNet, " (reste à facturer)", spec));
        }

        if (!allowEmpty && !result.Any(l => l.Line.Kind.IsPriced()))
            throw new DomainConflictException(ErrorCodes.NothingLeftToInvoice, "Nothing is left to invoice on this order.") { Field = "kind" };
        // Titles and comments with nothing priced after them would only clutter the invoice.
        return result.Any(l => l.Line.Kind.IsPriced()) ? result : [];
    }

    private static List<BillingLineData> IntermediateLines(Order order, OrderBillingLedger ledger, OrderInvoiceSpec spec)
    {
        if (spec.Lines is { Count: > 0 } portions)
            return ChosenLines(order, ledger, portions, spec);

        var billable = order.Lines.Where(l => l.Kind.IsPriced() && !l.IsContractLine).ToList();
        var orderBase = billable.Sum(l => l.NetAmount);
        decimal fraction;
        decimal? target = null;
        switch (spec.Basis, spec.Value)
        {
            case (AmountBasis.Percentage, { } p) when p is > 0m and <= 100m && Rounding.Amount(p) == p:
                fraction = p / 100m;
                break;
            case (AmountBasis.ExcludingVat, { } a) when a > 0m && Rounding.Amount(a) == a && orderBase > 0m:
                fraction = a / orderBase;
                target = a;
                break;
            default:
                throw new DomainException(ErrorCodes.IntermediateBasisRequired, "An intermediate invoice takes a percentage, an amount excluding VAT or lines.")
                {
                    Field = spec.Basis == AmountBasis.ExcludingVat ? "amount" : "percentage",
                };
        }

        var label = target is null ? FrenchText.Percent(fraction * 100m) : null;
        // A line capped at what is left bills that rest: its label and quantity say so, not the percentage asked.
        var nets = new List<(OrderLine Line, decimal Net, decimal? CappedQuantity)>();
        foreach (var line in billable)
        {
            var left = ledger.Lines.First(l => l.OrderLineId == line.Id);
            var net = Rounding.Amount(line.NetAmount * fraction);
            decimal? capped = null;
            if (Math.Abs(net) > Math.Abs(left.LeftNet)) (net, capped) = (left.LeftNet, left.LeftQuantity);
            if (net != 0m) nets.Add((line, net, capped));
        }
        if (target is { } wanted && nets.Count > 0)
        {
            // An amount is billed exactly: the line with the largest share absorbs the rounding.
            var largest = nets.MaxBy(n => Math.Abs(n.Net));
            var index = nets.IndexOf(largest);
            nets[index] = (largest.Line, largest.Net + (wanted - nets.Sum(n => n.Net)), null);
        }

        return [.. nets.Select(n =>
        {
            var share = (n.CappedQuantity is null ? label : null) ?? FrenchText.Percent(Rounding.Amount(n.Net / n.Line.NetAmount * 100m));
            var quantity = n.CappedQuantity ?? Rounding.Quantity(n.Line.Quantity * fraction);
            return Portion(n.Line, quantity, n.Net, $" — {share} de {FrenchText.Amount(n.Line.NetAmount)} HT", spec);
        })];
    }

    private static List<BillingLineData> ChosenLines(Order order, OrderBillingLedger ledger, IReadOnlyList<OrderLinePortion> portions, OrderInvoiceSpec spec)
    {
        var result = new List<BillingLineData>();
        for (var i = 0; i < portions.Count; i++)
        {
            var portion = portions[i];
            var line = order.Lines.FirstOrDefault(l => l.Id == portion.OrderLineId && l.Kind.IsPriced())
                ?? throw new DomainException(ErrorCodes.OrderLineNotFound, $"Order {order.Id} has no priced line {portion.OrderLineId}.") { Field = $"lines[{i}].orderLineId" };
            if (line.IsContractLine)
                throw new DomainException(ErrorCodes.ContractLineBilledByContract, "A contract line is billed by its contract.") { Field = $"lines[{i}].orderLineId" };
            var left = ledger.Lines.First(l => l.OrderLineId == line.Id);
            if (portion.Quantity <= 0m || Rounding.Quantity(portion.Quantity) != portion.Quantity)
                throw new DomainException(ErrorCodes.LineQuantityInvalid, "The quantity must be positive with at most 3 decimals.") { Field = $"lines[{i}].quantity" };
            var net = portion.Quantity == left.LeftQuantity ? left.LeftNet : DocumentTotals.LineNet(portion.Quantity, line.UnitPrice, line.DiscountPercent);
            if (portion.Quantity > left.LeftQuantity || Math.Abs(net) > Math.Abs(left.LeftNet))
            {
                throw new DomainException(ErrorCodes.BeyondLeftToInvoice, "The quantity exceeds what is left to invoice.")
                {
                    Field = $"lines[{i}].quantity",
                    Arguments = new Dictionary<string, object> { ["leftToInvoice"] = left.LeftNet },
                };
            }
            result.Add(Portion(line, portion.Quantity, net, " (partiel)", spec));
        }
        return result;
    }

    private static List<BillingLineData> DepositLines(Order order, OrderInvoiceSpec spec)
    {
        var rows = DocumentTotals.Compute(order.Lines.Where(l => !l.IsContractLine).Select(l => l.ToTotalsLine())).VatBreakdown.Where(r => r.Base != 0m).ToList();
        var orderBase = rows.Sum(r => r.Base);
        var value = spec.Value ?? 0m;
        IReadOnlyList<decimal> parts;
        string what;
        switch (spec.Basis)
        {
            case AmountBasis.Percentage when value is > 0m and <= 100m && Rounding.Amount(value) == value:
                parts = BillingTotals.SplitInProportion(Rounding.Amount(orderBase * value / 100m), [.. rows.Select(r => r.Base)]);
                what = $"Acompte de {FrenchText.Percent(value)}";
                break;
            case AmountBasis.ExcludingVat when value > 0m && Rounding.Amount(value) == value:
                parts = BillingTotals.SplitInProportion(value, [.. rows.Select(r => r.Base)]);
                what = "Acompte";
                break;
            case AmountBasis.IncludingVat when value > 0m && Rounding.Amount(value) == value:
                parts = BillingTotals.SplitIncludingVat(value, [.. rows.Select(r => (r.Base, r.Rate))], "amount");
                what = "Acompte";
                break;
            default:
                throw new DomainException(ErrorCodes.DepositAmountInvalid, "A deposit takes a percentage (0–100) or a positive amount in cents.")
                {
                    Field = spec.Basis == AmountBasis.Percentage ? "percentage" : "amount",
                };
        }

        var reference = $"sur la commande {order.Number}" + (spec.QuoteNumber is { } quote ? $" (devis {quote})" : string.Empty);
        return [.. rows.Select((row, i) => (row, part: parts[i])).Where(x => x.part != 0m).Select(x => new BillingLineData(new DocumentLineData(
            LineKind.Free, null, $"{what} {reference}" + (rows.Count > 1 ? $" — TVA {FrenchText.Percent(x.row.Rate)}" : string.Empty),
            1m, "C62", x.part, 0m, x.row.Rate, x.row.Category)))];
    }

    // A row with no base left may still carry VAT: a deposit corrected in two parts whose VAT roundings do not add up to
    // its own (100.03 @20 %: 20.01 of VAT, credited as 50.02 + 50.01 with 10.00 + 10.00). Deducting that cent keeps
    // deposits + balance = order to the cent.
    private static IEnumerable<BillingLineData> DeductionLines(IReadOnlyList<DepositDeduction> deposits) =>
        deposits.SelectMany(d => d.Rows.Where(r => r.Base != 0m || r.Vat != 0m).Select(r => new BillingLineData(
            new DocumentLineData(LineKind.Free, null,
                $"Déduction de la facture d'acompte n° {d.Number} du {FrenchText.Date(d.Date)}" + (d.Rows.Count > 1 ? $" — TVA {FrenchText.Percent(r.Rate)}" : string.Empty),
                1m, "C62", -r.Base, 0m, r.Rate, r.Category),
            DeductedInvoiceId: d.InvoiceId,
            DeductedVat: r.Vat)));

    /// <summary>A part of an order line: at the order's price and discount when that gives exactly <paramref name="net"/>,
    /// else as a lump sum (1 × net) labelled with <paramref name="suffix"/>, so the net billed is always the ledger's to the cent.</summary>
    private static BillingLineData Portion(OrderLine line, decimal quantity, decimal net, string suffix, OrderInvoiceSpec spec)
    {
        var nature = line.ProductId is { } productId && spec.ProductNatures?.TryGetValue(productId, out var n) == true ? n : NatureFromCategory(line.VatCategory);
        var natural = quantity != 0m && DocumentTotals.LineNet(quantity, line.UnitPrice, line.DiscountPercent) == net;
        var data = natural
            ? line.ToData() with { Quantity = quantity, IsContractLine = false }
            : line.ToData() with { Description = line.Description + suffix, Quantity = 1m, UnitCode = "C62", UnitPrice = net, DiscountPercent = 0m, IsContractLine = false };
        return new BillingLineData(data, OrderLineId: line.Id, Nature: nature);
    }

    /// <summary>Free lines carry no product: goods and services follow from the VAT category where it tells, else services.</summary>
    public static ProductNature NatureFromCategory(VatCategory category) =>
        category is VatCategory.IntraCommunitySupply or VatCategory.Export ? ProductNature.Goods : ProductNature.Service;
}
