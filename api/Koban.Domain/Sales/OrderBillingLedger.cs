using System.Globalization;
using Koban.Domain.Common;
using Koban.Domain.Documents;

namespace Koban.Domain.Sales;

/// <summary>An amount invoiced, credited or delivered on one order line.</summary>
public readonly record struct LedgerLineAmount(Guid OrderLineId, decimal Quantity, decimal Net);

/// <summary>A base excluding VAT at one VAT rate (deposits, deductions, credits split by rate).</summary>
public readonly record struct LedgerRateAmount(decimal Rate, decimal Base);

/// <summary>What happened to one priced order line. Left = ordered − invoiced + credited (corrections only).</summary>
public sealed class OrderLedgerLine
{
    private OrderLedgerLine()
    {
    }

    internal OrderLedgerLine(OrderLine line)
    {
        OrderLineId = line.Id;
        Position = line.Position;
        VatRate = line.VatRate;
        IsContractLine = line.IsContractLine;
        OrderedQuantity = line.Quantity;
        OrderedNet = line.NetAmount;
    }

    public Guid OrderLineId { get; private set; }
    public int Position { get; private set; }
    public decimal VatRate { get; private set; }
    public bool IsContractLine { get; private set; }
    public decimal OrderedQuantity { get; private set; }
    public decimal OrderedNet { get; private set; }
    public decimal DeliveredQuantity { get; internal set; }
    public decimal InvoicedQuantity { get; internal set; }
    public decimal InvoicedNet { get; internal set; }
    public decimal CreditedQuantity { get; internal set; }
    public decimal CreditedNet { get; internal set; }
    public decimal LeftNet => OrderedNet - InvoicedNet + CreditedNet;
    public decimal LeftQuantity => OrderedQuantity - InvoicedQuantity + CreditedQuantity;
}

/// <summary>The deposits and unallocated credits at one VAT rate of the order.</summary>
public sealed class OrderLedgerRate
{
    private OrderLedgerRate()
    {
    }

    internal OrderLedgerRate(decimal rate, decimal orderedBase)
    {
        Rate = rate;
        OrderedBase = orderedBase;
    }

    public decimal Rate { get; private set; }

    /// <summary>The order's base at this rate: the sum of its line nets.</summary>
    public decimal OrderedBase { get; private set; }

    /// <summary>Bases of validated deposit invoices, net of correction credit notes on them.</summary>
    public decimal DepositedBase { get; internal set; }

    /// <summary>Deposit bases already deducted by balance invoices.</summary>
    public decimal DeductedBase { get; internal set; }

    /// <summary>Deposits still counted as invoiced, until a balance invoice deducts them (domain-rules.md §6).</summary>
    public decimal OutstandingDeposits => DepositedBase - DeductedBase;
}

/// <summary>
/// What of a validated order has been invoiced, deposited, credited and delivered, per line and per VAT rate
/// (domain-rules.md §6). Left to invoice = ordered − invoiced + credited, a deposit counting as invoiced until the balance
/// deducts it; only correction credit notes give back left to invoice. Every operation checks all its amounts first and
/// changes nothing when it refuses, so the invariants (<see cref="FindInvariantViolations"/>) always hold.
/// A plain class: persistence stores the root and one row per line and per rate.
/// </summary>
public sealed class OrderBillingLedger
{
    private readonly List<OrderLedgerLine> _lines = [];
    private readonly List<OrderLedgerRate> _rates = [];
    private int _grouped;

    private OrderBillingLedger()
    {
    }

    public Guid OrderId { get; private set; }

    /// <summary>Invoices and deposit invoices recorded: once any exists, the order can no longer be cancelled.</summary>
    public int InvoiceCount { get; private set; }
    public int DeliveryCount { get; private set; }

    /// <summary>Commercial discounts and write-offs: recorded for information, they give nothing back to invoice.</summary>
    public decimal OtherCreditsTotal { get; private set; }
    public IReadOnlyList<OrderLedgerLine> Lines => _lines;
    public IReadOnlyList<OrderLedgerRate> Rates => _rates;

    public bool HasInvoicingOrDelivery => InvoiceCount > 0 || DeliveryCount > 0;
    public decimal OrderedTotal => _rates.Sum(r => r.OrderedBase);
    public decimal LeftToInvoice => _rates.Sum(r => LeftForRate(r));

    /// <summary>Net invoiced so far, outstanding deposits included and correction credits excluded.</summary>
    public decimal InvoicedTotal => OrderedTotal - LeftToInvoice;

    public static OrderBillingLedger For(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status is not (OrderStatus.InProgress or OrderStatus.Closed))
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, $"Order {order.Id} is {order.Status}.");
        var ledger = new OrderBillingLedger { OrderId = order.Id };
        ledger._lines.AddRange(order.Lines.Where(l => l.Kind.IsPriced()).Select(l => new OrderLedgerLine(l)));
        ledger._rates.AddRange(ledger._lines
            .GroupBy(l => l.VatRate)
            .OrderByDescending(g => g.Key)
            .Select(g => new OrderLedgerRate(g.Key, g.Sum(l => l.OrderedNet))));
        return ledger;
    }

    public decimal LeftToInvoiceForLine(Guid orderLineId) => FindLine(orderLineId, "orderLineId").LeftNet;

    public decimal LeftToInvoiceForRate(decimal rate) => LeftForRate(FindRate(rate, "rate"));

    /// <summary>An invoice (full, intermediate or balance) on chosen lines: never beyond what is left on a line or a rate.</summary>
    public void RecordInvoice(IEnumerable<LedgerLineAmount> lines)
    {
        var amounts = CheckLines(lines);
        foreach (var (amount, index) in amounts.Select((a, i) => (a, i)))
        {
            var line = FindLine(amount.OrderLineId, $"lines[{index}].orderLineId");
            var left = line.LeftNet - amounts.Where(a => a.OrderLineId == line.OrderLineId).Sum(a => a.Net);
            if (!Within(left, line.OrderedNet))
                throw BeyondLeft(line.LeftNet, $"lines[{index}].net");
        }
        foreach (var rate in _rates)
        {
            var invoiced = amounts.Where(a => FindLine(a.OrderLineId, "orderLineId").VatRate == rate.Rate).Sum(a => a.Net);
            if (invoiced != 0m && !Within(LeftForRate(rate) - invoiced, rate.OrderedBase))
                throw BeyondLeft(LeftForRate(rate), "lines");
        }

        Commit(
            () =>
            {
                foreach (var amount in amounts)
                {
                    var line = FindLine(amount.OrderLineId, "orderLineId");
                    line.InvoicedQuantity += amount.Quantity;
                    line.InvoicedNet += amount.Net;
                }
            },
            () => BeyondLeft(LeftToInvoice, "lines"));
        InvoiceCount++;
    }

    /// <summary>A deposit invoice: its base per rate counts as invoiced until the balance deducts it (domain-rules.md §6).</summary>
    public void RecordDeposit(IEnumerable<LedgerRateAmount> perRate)
    {
        var amounts = CheckRates(perRate);
        foreach (var (amount, index) in amounts.Select((a, i) => (a, i)))
        {
            var rate = FindRate(amount.Rate, $"perRate[{index}].rate");
            if (!Within(LeftForRate(rate) - amount.Base, rate.OrderedBase))
                throw BeyondLeft(LeftForRate(rate), $"perRate[{index}].base");
        }

        Commit(
            () =>
            {
                foreach (var amount in amounts)
                    FindRate(amount.Rate, "rate").DepositedBase += amount.Base;
            },
            () => BeyondLeft(LeftToInvoice, "perRate"));
        InvoiceCount++;
    }

    /// <summary>The deduction lines of a balance invoice, one per rate: never more than the deposits left to deduct.
    /// A balance invoice records its deductions before its lines (<see cref="RecordInvoice"/>), which they make room for.</summary>
    public void RecordDepositDeduction(IEnumerable<LedgerRateAmount> perRate)
    {
        var amounts = CheckRates(perRate);
        foreach (var (amount, index) in amounts.Select((a, i) => (a, i)))
        {
            var rate = FindRate(amount.Rate, $"perRate[{index}].rate");
            if (amount.Base > rate.OutstandingDeposits)
            {
                throw new DomainException(ErrorCodes.DeductionBeyondDeposits, "The deduction exceeds the deposits left to deduct.")
                {
                    Field = $"perRate[{index}].base",
                    Arguments = new Dictionary<string, object> { ["remaining"] = rate.OutstandingDeposits },
                };
            }
        }

        Commit(
            () =>
            {
                foreach (var amount in amounts)
                    FindRate(amount.Rate, "rate").DeductedBase += amount.Base;
            },
            () => new DomainException(ErrorCodes.DeductionBeyondDeposits, "The deduction would leave more to invoice than was ordered.")
            {
                Field = "perRate",
                Arguments = new Dictionary<string, object> { ["remaining"] = _rates.Sum(r => r.OutstandingDeposits) },
            });
    }

    /// <summary>A correction credit note on a balance invoice takes its deduction lines back: the deposits count as
    /// invoiced again until a new balance deducts them.</summary>
    public void ReverseDepositDeduction(IEnumerable<LedgerRateAmount> perRate)
    {
        var amounts = CheckRates(perRate);
        foreach (var (amount, index) in amounts.Select((a, i) => (a, i)))
        {
            var rate = FindRate(amount.Rate, $"perRate[{index}].rate");
            if (amount.Base > rate.DeductedBase)
                throw CreditBeyondInvoiced(rate.DeductedBase, $"perRate[{index}].base");
        }

        Commit(
            () =>
            {
                foreach (var amount in amounts)
                    FindRate(amount.Rate, "rate").DeductedBase -= amount.Base;
            },
            () => CreditBeyondInvoiced(InvoicedTotal, "perRate"));
    }

    /// <summary>A credit note on chosen lines and quantities. <paramref name="reason"/> Correction gives back left to invoice;
    /// other reasons are only totalled.</summary>
    public void RecordCredit(CreditReason reason, IEnumerable<LedgerLineAmount> lines)
    {
        var amounts = CheckLines(lines);
        if (CheckReason(reason) != CreditReason.Correction)
        {
            OtherCreditsTotal += amounts.Sum(a => a.Net);
            return;
        }

        foreach (var (amount, index) in amounts.Select((a, i) => (a, i)))
        {
            var line = FindLine(amount.OrderLineId, $"lines[{index}].orderLineId");
            var left = line.LeftNet + amounts.Where(a => a.OrderLineId == line.OrderLineId).Sum(a => a.Net);
            if (!Within(left, line.OrderedNet))
                throw CreditBeyondInvoiced(line.InvoicedNet - line.CreditedNet, $"lines[{index}].net");
        }

        Commit(
            () =>
            {
                foreach (var amount in amounts)
                {
                    var line = FindLine(amount.OrderLineId, "orderLineId");
                    line.CreditedQuantity += amount.Quantity;
                    line.CreditedNet += amount.Net;
                }
            },
            () => CreditBeyondInvoiced(InvoicedTotal, "lines"));
    }

    /// <summary>
    /// A credit note given as an amount split across VAT rates. On a deposit invoice (<paramref name="onDeposit"/>) a
    /// correction reduces the deposit, so the balance deducts it net of the credit (domain-rules.md §6); otherwise it gives
    /// back left to invoice on the rate's lines, in proportion to what is invoiced and not yet credited on each, so the next
    /// full or balance invoice bills it again line by line.
    /// </summary>
    public void RecordCredit(CreditReason reason, IEnumerable<LedgerRateAmount> perRate, bool onDeposit = false)
    {
        var amounts = CheckRates(perRate);
        if (CheckReason(reason) != CreditReason.Correction)
        {
            OtherCreditsTotal += amounts.Sum(a => a.Base);
            return;
        }

        foreach (var (amount, index) in amounts.Select((a, i) => (a, i)))
        {
            var rate = FindRate(amount.Rate, $"perRate[{index}].rate");
            var creditable = onDeposit ? rate.OutstandingDeposits : rate.OrderedBase - LeftForRate(rate) - rate.OutstandingDeposits;
            if (amount.Base > creditable)
                throw CreditBeyondInvoiced(creditable, $"perRate[{index}].base");
        }

        Commit(
            () =>
            {
                foreach (var amount in amounts)
                {
                    if (onDeposit)
                    {
                        FindRate(amount.Rate, "rate").DepositedBase -= amount.Base;
                        continue;
                    }
                    foreach (var (line, net) in SpreadOverLines(amount.Rate, amount.Base))
                        line.CreditedNet += net;
                }
            },
            () => CreditBeyondInvoiced(InvoicedTotal, "perRate"));
    }

    /// <summary>A delivery (positive) or a return (negative): the delivered quantity stays between 0 and the ordered quantity.</summary>
    public void RecordDelivery(Guid orderLineId, decimal quantity)
    {
        var line = FindLine(orderLineId, "orderLineId");
        if (Rounding.Quantity(quantity) != quantity)
            throw new DomainException(ErrorCodes.LineQuantityTooPrecise, "Quantities take at most 3 decimals.") { Field = "quantity" };
        if (!Within(line.DeliveredQuantity + quantity, line.OrderedQuantity))
        {
            throw new DomainException(ErrorCodes.BeyondOrderedQuantity, "The delivered quantity would leave the ordered range.")
            {
                Field = "quantity",
                Arguments = new Dictionary<string, object> { ["ordered"] = line.OrderedQuantity },
            };
        }

        line.DeliveredQuantity += quantity;
        DeliveryCount++;
    }

    /// <summary>Every broken invariant, described in English; empty when the ledger is consistent. For tests and consistency checks.</summary>
    public IReadOnlyList<string> FindInvariantViolations()
    {
        var violations = new List<string>();
        foreach (var rate in _rates)
        {
            var linesBase = _lines.Where(l => l.VatRate == rate.Rate).Sum(l => l.OrderedNet);
            if (linesBase != rate.OrderedBase)
                violations.Add(Describe($"rate {rate.Rate}: ordered base {rate.OrderedBase} differs from its lines' {linesBase}"));
            if (!Within(LeftForRate(rate), rate.OrderedBase))
                violations.Add(Describe($"rate {rate.Rate}: left {LeftForRate(rate)} outside 0..{rate.OrderedBase}"));
            if (rate.OutstandingDeposits < 0m || rate.DeductedBase < 0m)
                violations.Add(Describe($"rate {rate.Rate}: deposits deducted beyond those invoiced"));
        }
        foreach (var line in _lines)
        {
            if (!Within(line.LeftNet, line.OrderedNet))
                violations.Add(Describe($"line {line.Position}: left {line.LeftNet} outside 0..{line.OrderedNet}"));
            if (!Within(line.DeliveredQuantity, line.OrderedQuantity))
                violations.Add(Describe($"line {line.Position}: delivered {line.DeliveredQuantity} outside 0..{line.OrderedQuantity}"));
        }
        if (_rates.Sum(r => LeftForRate(r)) != LeftToInvoice)
            violations.Add("overall left differs from the sum of the rates");
        return violations;
    }

    /// <summary>
    /// The checks above give precise errors for the usual cases; this net catches combinations they miss (a credit on a
    /// negative line, a line credit on top of a per-rate credit…): apply, re-check every invariant, and undo on failure,
    /// so a refused operation never leaves the ledger half-changed.
    /// </summary>
    private void Commit(Action change, Func<DomainException> refusal)
    {
        if (_grouped > 0)
        {
            change();
            return;
        }
        var before = Save();
        change();
        if (FindInvariantViolations().Count == 0)
            return;

        Restore(before);
        throw refusal();
    }

    /// <summary>
    /// The operations of one document applied as one — a balance's deductions with its lines, a credit note's lines with the
    /// deductions it reverses. Each keeps its own checks, but the invariants are checked once, on the result: half-way, a
    /// rate may show more left than ordered (its deposits deducted before a partly billed negative line is billed), which
    /// the other half puts right. Everything is undone on refusal.
    /// </summary>
    public void RecordTogether(Action record, bool credit = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_grouped > 0)
        {
            record();
            return;
        }
        var before = Save();
        _grouped++;
        try
        {
            record();
        }
        catch
        {
            Restore(before);
            throw;
        }
        finally
        {
            _grouped--;
        }
        if (FindInvariantViolations().Count == 0)
            return;

        Restore(before);
        throw credit ? CreditBeyondInvoiced(InvoicedTotal, "lines") : BeyondLeft(LeftToInvoice, "lines");
    }

    private (List<(decimal, decimal, decimal, decimal, decimal)> Lines, List<(decimal, decimal)> Rates, int Invoices) Save() =>
        (_lines.Select(l => (l.DeliveredQuantity, l.InvoicedQuantity, l.InvoicedNet, l.CreditedQuantity, l.CreditedNet)).ToList(),
         _rates.Select(r => (r.DepositedBase, r.DeductedBase)).ToList(),
         InvoiceCount);

    private void Restore((List<(decimal, decimal, decimal, decimal, decimal)> Lines, List<(decimal, decimal)> Rates, int Invoices) saved)
    {
        for (var i = 0; i < _lines.Count; i++)
            (_lines[i].DeliveredQuantity, _lines[i].InvoicedQuantity, _lines[i].InvoicedNet, _lines[i].CreditedQuantity, _lines[i].CreditedNet) = saved.Lines[i];
        for (var i = 0; i < _rates.Count; i++)
            (_rates[i].DepositedBase, _rates[i].DeductedBase) = saved.Rates[i];
        InvoiceCount = saved.Invoices;
    }

    private decimal LeftForRate(OrderLedgerRate rate) =>
        _lines.Where(l => l.VatRate == rate.Rate).Sum(l => l.LeftNet) - rate.OutstandingDeposits;

    /// <summary>
    /// Spreads a credited base over the rate's lines in proportion to what each has invoiced and not yet credited: each
    /// exact share lies between 0 and that line's invoiced net, so its rounding does too; the cents the rounding leaves go
    /// one by one to the lines that still have room. A left-over amount (beyond what is invoiced) is left to the invariant check.
    /// </summary>
    private List<(OrderLedgerLine Line, decimal Net)> SpreadOverLines(decimal rate, decimal amount)
    {
        var lines = _lines.Where(l => l.VatRate == rate && l.InvoicedNet != l.CreditedNet).OrderByDescending(l => Math.Abs(l.InvoicedNet - l.CreditedNet)).ToList();
        var invoiced = lines.Sum(l => l.InvoicedNet - l.CreditedNet);
        if (invoiced == 0m)
            return [];
        var parts = lines.Select(l => Rounding.Amount(amount * (l.InvoicedNet - l.CreditedNet) / invoiced)).ToArray();
        var cent = amount > parts.Sum() ? 0.01m : -0.01m;
        for (var i = 0; i < lines.Count && parts.Sum() != amount; i++)
        {
            while (parts.Sum() != amount && Within(parts[i] + cent, lines[i].InvoicedNet - lines[i].CreditedNet))
                parts[i] += cent;
        }
        return [.. lines.Select((l, i) => (l, parts[i]))];
    }

    // "Between 0 and the ordered amount", whichever sign the ordered amount has (a negative line such as a discount).
    private static bool Within(decimal value, decimal bound) => value >= Math.Min(0m, bound) && value <= Math.Max(0m, bound);

    private OrderLedgerLine FindLine(Guid orderLineId, string field) =>
        _lines.Find(l => l.OrderLineId == orderLineId)
        ?? throw new DomainException(ErrorCodes.OrderLineNotFound, $"Line {orderLineId} is not a priced line of order {OrderId}.") { Field = field };

    private OrderLedgerRate FindRate(decimal rate, string field) =>
        _rates.Find(r => r.Rate == rate)
        ?? throw new DomainException(ErrorCodes.VatRateNotOnOrder, $"Order {OrderId} has no line at {rate} %.")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["rate"] = rate },
        };

    private static List<LedgerLineAmount> CheckLines(IEnumerable<LedgerLineAmount> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (Rounding.Amount(list[i].Net) != list[i].Net)
                throw new DomainException(ErrorCodes.AmountTooPrecise, "Amounts take at most 2 decimals.") { Field = $"lines[{i}].net" };
            if (Rounding.Quantity(list[i].Quantity) != list[i].Quantity)
                throw new DomainException(ErrorCodes.LineQuantityTooPrecise, "Quantities take at most 3 decimals.") { Field = $"lines[{i}].quantity" };
        }

        return list;
    }

    private static List<LedgerRateAmount> CheckRates(IEnumerable<LedgerRateAmount> perRate)
    {
        ArgumentNullException.ThrowIfNull(perRate);
        var list = perRate.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Base < 0m)
                throw new DomainException(ErrorCodes.AmountNegative, "Per-rate amounts are positive.") { Field = $"perRate[{i}].base" };
            if (Rounding.Amount(list[i].Base) != list[i].Base)
                throw new DomainException(ErrorCodes.AmountTooPrecise, "Amounts take at most 2 decimals.") { Field = $"perRate[{i}].base" };
        }

        // The same rate twice would let each entry pass alone while their sum goes beyond: merge them first.
        return list.GroupBy(a => a.Rate).Select(g => new LedgerRateAmount(g.Key, g.Sum(a => a.Base))).ToList();
    }

    private static CreditReason CheckReason(CreditReason reason) =>
        Enum.IsDefined(reason) ? reason : throw new DomainException(ErrorCodes.CreditReasonInvalid, $"Unknown credit reason {reason}.") { Field = "reason" };

    private static DomainException BeyondLeft(decimal left, string field) =>
        new(ErrorCodes.BeyondLeftToInvoice, "The amount exceeds what is left to invoice.")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["leftToInvoice"] = left },
        };

    private static DomainException CreditBeyondInvoiced(decimal invoiced, string field) =>
        new(ErrorCodes.CreditBeyondInvoiced, "The credit exceeds what was invoiced.")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["invoiced"] = invoiced },
        };

    private static string Describe(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
