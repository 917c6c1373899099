using System.Globalization;
using CsCheck;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using Koban.Domain.Tests.Sales;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>An order line as generated: plain values, so a failing case prints (and shrinks to) something readable.</summary>
internal sealed record LineSpec(decimal Quantity, decimal UnitPrice, decimal Discount, decimal Rate, bool Free)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Free ? "free " : "")}{Quantity} × {UnitPrice}{(Discount == 0m ? "" : $" −{Discount} %")} @{Rate} %");
}

/// <summary>An order: its lines and, when <see cref="RebatePercent"/> is not 0, a negative discount line at the first line's rate
/// worth that percentage of the rate's base.</summary>
internal sealed record OrderSpec(LineSpec[] Lines, int RebatePercent)
{
    public override string ToString() => $"order [{string.Join("; ", Lines.Select(l => l.ToString()))}]" + (RebatePercent == 0 ? "" : $" rebate {RebatePercent} %");
}

internal abstract record BillingOp;

/// <summary>A deposit: a percentage, or that percentage of the order's HT (ExcludingVat) or TTC (IncludingVat) as an amount.</summary>
internal sealed record DepositOp(AmountBasis Basis, decimal Percent) : BillingOp
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"deposit {Basis} {Percent} %");
}

/// <summary>An intermediate invoice: a percentage of the order, or that percentage of the order's HT as an amount.</summary>
internal sealed record IntermediateOp(AmountBasis Basis, decimal Percent) : BillingOp
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"intermediate {Basis} {Percent} %");
}

/// <summary>An intermediate invoice of chosen lines (indexes among the priced lines), each for a share of what is left of it.</summary>
internal sealed record IntermediateLinesOp(int[] Lines, int Percent) : BillingOp
{
    public override string ToString() => $"intermediate lines [{string.Join(",", Lines)}] {Percent} % of their left";
}

/// <summary>A full invoice of everything left (refused while a deposit waits for its balance).</summary>
internal sealed record FullOp : BillingOp
{
    public override string ToString() => "full";
}

internal enum CreditMode
{
    Full,
    Lines,
    AmountExcludingVat,
    AmountIncludingVat,
}

/// <summary>A credit note on the validated invoice at <see cref="Invoice"/> (modulo their count); Lines and amounts use <see cref="Percent"/>.</summary>
internal sealed record CreditOp(int Invoice, CreditMode Mode, CreditReason Reason, int Percent) : BillingOp
{
    public override string ToString() => $"credit #{Invoice} {Mode} {Reason} {Percent} %";
}

internal sealed record Scenario(OrderSpec Order, BillingOp[] Ops)
{
    public override string ToString() => $"{Order}\n  then: {string.Join(" → ", Ops.Select(o => o.ToString()))} → balance";
}

/// <summary>Generators of random orders and random sequences of billing operations.</summary>
internal static class InvoicingGen
{
    private static readonly decimal[] Powers = [1m, 10m, 100m, 1000m, 10000m];

    /// <summary>A value with <paramref name="maxDecimals"/> decimals at most: whole part, then a fraction cut to 0..max decimals.</summary>
    private static Gen<decimal> WithDecimals(int maxWhole, int maxDecimals) =>
        Gen.Select(Gen.Int[0, maxWhole], Gen.Int[0, 9999], Gen.Int[0, maxDecimals], (whole, fraction, decimals) =>
        {
            var value = whole + (decimal.Truncate(fraction / 10000m * Powers[decimals]) / Powers[decimals]);
            return value == 0m ? 1m : value;
        });

    public static Gen<LineSpec> Line { get; } = Gen.Select(
        WithDecimals(40, 3),
        Gen.Frequency((3, WithDecimals(500, 2)), (1, WithDecimals(5000, 4))),
        Gen.Frequency((3, Gen.Const(0m)), (1, Gen.Int[1, 5000].Select(n => n / 100m))),
        Gen.OneOf(20m, 10m, 5.5m, 2.1m, 0m),
        Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))),
        (quantity, price, discount, rate, free) => new LineSpec(quantity, price, discount, rate, free));

    public static Gen<OrderSpec> Order { get; } = Gen.Select(
        Line.Array[1, 8],
        Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 50])),
        (lines, rebate) => new OrderSpec(lines, rebate));

    /// <summary>Percentages users type: round ones, thirds, and anything with two decimals.</summary>
    public static Gen<decimal> Percent { get; } = Gen.Frequency(
        (2, Gen.OneOf(10m, 20m, 25m, 30m, 33.33m, 40m, 50m, 100m)),
        (3, Gen.Int[1, 10000].Select(n => n / 100m)));

    public static Gen<BillingOp> Deposit { get; } = Gen.Select(Gen.OneOf(AmountBasis.Percentage, AmountBasis.ExcludingVat, AmountBasis.IncludingVat), Percent,
        (basis, percent) => (BillingOp)new DepositOp(basis, percent));

    public static Gen<BillingOp> Credit(int maxPercent = 100) => Gen.Select(Gen.Int[0, 5], Gen.Enum<CreditMode>(), Gen.Enum<CreditReason>(), Gen.Int[1, maxPercent],
        (invoice, mode, reason, percent) => (BillingOp)new CreditOp(invoice, mode, reason, percent));

    public static Gen<BillingOp> AnyOp { get; } = Gen.Frequency(
        (3, Deposit),
        (2, Gen.Select(Gen.OneOf(AmountBasis.Percentage, AmountBasis.ExcludingVat), Percent, (basis, percent) => (BillingOp)new IntermediateOp(basis, percent))),
        (2, Gen.Select(Gen.Int[0, 8].Array[1, 3], Gen.Int[1, 100], (lines, percent) => (BillingOp)new IntermediateLinesOp(lines, percent))),
        (1, Gen.Const<BillingOp>(new FullOp())),
        (3, Credit()));

    /// <summary>Any sequence of operations, then a balance.</summary>
    public static Gen<Scenario> Mixed { get; } = Gen.Select(Order, AnyOp.Array[0, 8], (order, ops) => new Scenario(order, ops));

    /// <summary>Only deposits and credit notes on them, then a balance.</summary>
    public static Gen<Scenario> DepositsOnly { get; } = Gen.Select(Order, Gen.Frequency((3, Deposit), (1, Credit())).Array[1, 6], (order, ops) => new Scenario(order, ops));
}

/// <summary>Plays a <see cref="Scenario"/> through <see cref="OrderBillingDriver"/>, checking the invariants after every step.</summary>
internal sealed class ScenarioRunner
{
    private static readonly string[] DepositRefusals =
        [ErrorCodes.BeyondLeftToInvoice, ErrorCodes.AmountIncludingVatUnreachable, ErrorCodes.DepositAmountInvalid, ErrorCodes.NothingLeftToInvoice];

    private static readonly string[] IntermediateRefusals =
        [ErrorCodes.BeyondLeftToInvoice, ErrorCodes.NothingLeftToInvoice, ErrorCodes.IntermediateBasisRequired, ErrorCodes.DocumentTotalNegative];

    private static readonly string[] CreditRefusals =
    [
        ErrorCodes.NothingLeftToCredit, ErrorCodes.CreditBeyondInvoiced, ErrorCodes.InvoicePartlyCreditedByAmount, ErrorCodes.CreditAmountInvalid,
        ErrorCodes.AmountIncludingVatUnreachable, ErrorCodes.LineQuantityInvalid, ErrorCodes.DocumentHasNoPricedLine,
    ];

    private ScenarioRunner(OrderBillingDriver flow) => Flow = flow;

    public OrderBillingDriver Flow { get; }

    public int Accepted { get; private set; }

    public Invoice? FinalBalance { get; private set; }

    public static Order BuildOrder(OrderSpec spec)
    {
        var lines = spec.Lines.Select((l, i) => new DocumentLineData(l.Free ? LineKind.Free : LineKind.Product, l.Free ? null : Guid.NewGuid(), $"Ligne {i + 1}",
            l.Quantity, l.Free ? "C62" : "HUR", l.UnitPrice, l.Discount, l.Rate, l.Rate == 0m ? VatCategory.Exempt : VatCategory.Standard)).ToList();
        if (spec.RebatePercent != 0)
        {
            var rate = spec.Lines[0].Rate;
            var rateBase = lines.Where(l => l.VatRate == rate).Sum(l => DocumentTotals.LineNet(l.Quantity, l.UnitPrice, l.DiscountPercent));
            var rebate = Rounding.Amount(rateBase * spec.RebatePercent / 100m);
            if (rebate > 0m)
                lines.Add(new DocumentLineData(LineKind.Free, null, "Remise", 1m, "C62", -rebate, 0m, rate, rate == 0m ? VatCategory.Exempt : VatCategory.Standard));
        }
        return SalesTestData.Validated([.. lines]);
    }

    /// <summary>Plays every operation (each accepted or refused with an expected code), then the balance; null when the order
    /// has nothing to bill.</summary>
    public static ScenarioRunner? Play(Scenario scenario)
    {
        var order = BuildOrder(scenario.Order);
        if (order.TotalExcludingVat <= 0m)
            return null;
        var runner = new ScenarioRunner(new OrderBillingDriver(order));
        runner.CheckInvariants("start");
        foreach (var (op, index) in scenario.Ops.Select((o, i) => (o, i)))
        {
            runner.Apply(op);
            runner.CheckInvariants($"after step {index + 1} ({op})");
        }
        runner.FinishWithBalance();
        return runner;
    }

    private void Apply(BillingOp op)
    {
        var order = Flow.Order;
        switch (op)
        {
            case DepositOp d:
                var value = d.Basis switch
                {
                    AmountBasis.Percentage => d.Percent,
                    AmountBasis.ExcludingVat => Rounding.Amount(order.TotalExcludingVat * d.Percent / 100m),
                    _ => Rounding.Amount(order.TotalIncludingVat * d.Percent / 100m),
                };
                Attempt(() => Flow.Deposit(d.Basis, value), DepositRefusals);
                break;
            case IntermediateOp i:
                var amount = i.Basis == AmountBasis.Percentage ? i.Percent : Rounding.Amount(order.TotalExcludingVat * i.Percent / 100m);
                Attempt(() => Flow.Invoice(new OrderInvoiceSpec(InvoiceKind.Intermediate, i.Basis, amount)), IntermediateRefusals);
                break;
            case IntermediateLinesOp l:
                var ledger = Flow.Ledger();
                var portions = l.Lines.Select(n => ledger.Lines[n % ledger.Lines.Count]).DistinctBy(x => x.OrderLineId)
                    .Select(x => new OrderLinePortion(x.OrderLineId, Rounding.Quantity(x.LeftQuantity * l.Percent / 100m)))
                    .Where(p => p.Quantity > 0m).ToArray();
                if (portions.Length > 0)
                    Attempt(() => Flow.Intermediate(portions), IntermediateRefusals);
                break;
            case FullOp:
                Attempt(() => Flow.Full(), IntermediateRefusals);
                break;
            case CreditOp c:
                var invoices = Flow.Invoices.ToList();
                if (invoices.Count == 0)
                    break;
                var invoice = invoices[c.Invoice % invoices.Count];
                Attempt(() => Credit(invoice, c), CreditRefusals);
                break;
        }
    }

    private void Credit(Invoice invoice, CreditOp c)
    {
        var share = c.Percent / 100m;
        switch (c.Mode)
        {
            case CreditMode.Full:
                Flow.CreditFull(invoice, c.Reason);
                break;
            case CreditMode.Lines:
                // Ordinary lines for a share of their quantity; a deduction line only whole (every other time).
                var portions = invoice.Lines.Where(l => l.Kind.IsPriced())
                    .Select(l => new InvoiceLinePortion(l.Id, l.IsDeduction ? (c.Percent % 2 == 0 ? l.Quantity : 0m) : Rounding.Quantity(l.Quantity * share)))
                    .Where(p => p.Quantity > 0m).ToArray();
                if (portions.Length > 0)
                    Flow.CreditLines(invoice, c.Reason, portions);
                break;
            case CreditMode.AmountExcludingVat:
                Flow.CreditAmount(invoice, AmountBasis.ExcludingVat, Rounding.Amount(invoice.TotalExcludingVat * share), c.Reason);
                break;
            default:
                Flow.CreditAmount(invoice, AmountBasis.IncludingVat, Rounding.Amount(invoice.TotalIncludingVat * share), c.Reason);
                break;
        }
    }

    private void FinishWithBalance()
    {
        var ledger = Flow.Ledger();
        // Lines may still be left even at 0 overall: the rest of a line and the rest of a discount line cancelling out.
        var nothingLeft = ledger.Lines.All(l => l.LeftNet == 0m) && Flow.DepositsToDeduct().Count == 0;
        if (nothingLeft)
        {
            Should.Throw<DomainConflictException>(() => Flow.Balance()).Code.ShouldBe(ErrorCodes.NothingLeftToInvoice);
        }
        else
        {
            FinalBalance = Flow.Balance();
            Accepted++;
        }
        CheckInvariants("after the balance");

        ledger = Flow.Ledger();
        ledger.LeftToInvoice.ShouldBe(0m, "the balance leaves nothing to invoice");
        foreach (var rate in ledger.Rates)
        {
            rate.OutstandingDeposits.ShouldBe(0m, $"the balance deducts every deposit at {rate.Rate} %");
            InvoicedNet(rate.Rate).ShouldBe(rate.OrderedBase, $"invoiced at {rate.Rate} %, net of corrections, is the order's base");
        }
    }

    /// <summary>What the validated documents say is invoiced at a rate: invoices (deposits and deductions included) minus corrections.</summary>
    public decimal InvoicedNet(decimal rate) =>
        Flow.Invoices.SelectMany(i => i.VatBreakdown).Sum(rate, r => r.Base)
        - Flow.CreditNotes.Where(c => c.Reason == CreditReason.Correction).SelectMany(c => c.VatBreakdown).Sum(rate, r => r.Base);

    private void CheckInvariants(string when)
    {
        var ledger = Flow.Ledger();
        ledger.FindInvariantViolations().ShouldBeEmpty(when);
        foreach (var rate in ledger.Rates)
        {
            var invoiced = InvoicedNet(rate.Rate);
            invoiced.ShouldBe(rate.OrderedBase - ledger.LeftToInvoiceForRate(rate.Rate), $"{when}: documents and ledger agree at {rate.Rate} %");
            invoiced.ShouldBeInRange(Math.Min(0m, rate.OrderedBase), Math.Max(0m, rate.OrderedBase), $"{when}: never beyond the order at {rate.Rate} %");
        }
        (ledger.LeftToInvoice + ledger.InvoicedTotal).ShouldBe(Flow.Order.TotalExcludingVat, when);

        foreach (var invoice in Flow.Invoices)
        {
            // Only a balance may dip below zero, and only by its deductions' VAT rounding (its bases are all covered).
            if (invoice.TotalIncludingVat < 0m)
            {
                invoice.Kind.ShouldBe(InvoiceKind.Balance, $"{when}: negative {invoice.Kind} invoice {invoice.Number}");
                invoice.VatBreakdown.Min(r => r.Base).ShouldBeGreaterThanOrEqualTo(0m, when);
                invoice.TotalIncludingVat.ShouldBeGreaterThanOrEqualTo(-0.01m * invoice.Lines.Count(l => l.IsDeduction), when);
            }
            var credits = Flow.CreditsOf(invoice);
            credits.Sum(c => c.TotalIncludingVat).ShouldBeLessThanOrEqualTo(Math.Max(0m, invoice.TotalIncludingVat), $"{when}: credits of {invoice.Number} within it");
            foreach (var credit in credits)
                credit.TotalIncludingVat.ShouldBeGreaterThan(0m, when);
        }
        foreach (var document in Flow.Validated)
            document.RecomputeFingerprint().ShouldBe(document.Fingerprint, when);
    }

    private void Attempt(Action action, string[] refusals)
    {
        var before = Flow.Validated.Count;
        try
        {
            action();
            Accepted++;
        }
        catch (DomainException exception) when (refusals.Contains(exception.Code))
        {
            Flow.Validated.Count.ShouldBe(before, "a refused operation validates nothing");
        }
    }
}
