namespace Koban.Domain.Accounting;

/// <summary>A journal line as the VAT return reads it (or a sum of such lines: the computation only adds them up).</summary>
public sealed record VatLedgerLine(DateOnly Date, string Account, decimal Debit, decimal Credit, decimal? VatRate, decimal? VatBase, VatTreatmentKind? Treatment)
{
    public static IEnumerable<VatLedgerLine> Of(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Lines.Select(l => new VatLedgerLine(entry.Date, l.Account, l.Debit, l.Credit, l.VatRate, l.VatBase, l.Treatment));
    }
}

/// <summary>VAT due at one rate over the period (CA3 taxable operations): the base and the VAT that became due.</summary>
public sealed record VatReturnRow(decimal Rate, decimal Base, decimal Vat);

/// <summary>
/// The period's sales the VAT return (CA3) lists without VAT, net of credit notes: exports outside the EU (E1), intra-EU
/// supplies of goods to businesses (F2), and the other non-taxable operations (E2) — services to EU businesses under
/// reverse charge, services outside the scope of French VAT and exempt French sales.
/// </summary>
public sealed record VatReturnNonTaxable(decimal Exports, decimal IntraCommunitySupplies, decimal OtherNonTaxable, decimal ReverseChargeServices, decimal OutsideScope,
    decimal Exempt);

/// <summary>What a period's VAT return declares, read from the journal, and the VAT still waiting for payment at its end;
/// <see cref="FranchiseTurnover"/> is the turnover of sales made under the franchise (no VAT, no return: the figure to
/// watch against the franchise thresholds).</summary>
public sealed record VatReturn(DateOnly From, DateOnly To, IReadOnlyList<VatReturnRow> Rows, decimal TotalBase, decimal TotalVat, decimal PendingVatAtEnd,
    VatReturnNonTaxable NonTaxable, decimal FranchiseTurnover)
{
    /// <summary>
    /// Read from the entries, never from the documents: the VAT of a period is what was credited (net of debits) to the
    /// collected-VAT accounts between the two dates — invoices' VAT on goods and on debits when issued, services' VAT when
    /// paid (the transfers from the pending account), credit notes and cancellations netted — with the bases the VAT lines
    /// carry; the non-taxable operations are the revenue (and bad-debt) lines of each VAT treatment, credit net of debit.
    /// </summary>
    public static VatReturn Compute(IEnumerable<VatLedgerLine> lines, AccountingSettings settings, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(settings);
        var collected = settings.VatRules.Select(r => r.CollectedAccount).Append(settings.VatCollectedAccount).ToHashSet(StringComparer.Ordinal);
        var pending = settings.VatRules.Select(r => r.PendingAccount).Append(settings.VatPendingAccount).ToHashSet(StringComparer.Ordinal);
        var upToEnd = lines.Where(l => l.Date <= to).ToList();
        var inPeriod = upToEnd.Where(l => l.Date >= from).ToList();

        var rows = inPeriod.Where(l => l.VatRate is not null && collected.Contains(l.Account))
            .GroupBy(l => l.VatRate!.Value)
            .Select(g => new VatReturnRow(g.Key, g.Sum(l => l.VatBase ?? 0m), g.Sum(l => l.Credit - l.Debit)))
            .Where(r => r.Vat != 0m || r.Base != 0m)
            .OrderByDescending(r => r.Rate)
            .ToList();
        var pendingAtEnd = upToEnd.Where(l => pending.Contains(l.Account)).Sum(l => l.Credit - l.Debit);

        decimal Operations(VatTreatmentKind treatment) => inPeriod.Where(l => l.Treatment == treatment).Sum(l => l.Credit - l.Debit);
        var reverseCharge = Operations(VatTreatmentKind.ReverseCharge);
        var outsideScope = Operations(VatTreatmentKind.OutsideScope);
        var exempt = Operations(VatTreatmentKind.Exempt);
        var nonTaxable = new VatReturnNonTaxable(Operations(VatTreatmentKind.Export), Operations(VatTreatmentKind.IntraCommunitySupply),
            reverseCharge + outsideScope + exempt, reverseCharge, outsideScope, exempt);
        return new VatReturn(from, to, rows, rows.Sum(r => r.Base), rows.Sum(r => r.Vat), pendingAtEnd, nonTaxable, Operations(VatTreatmentKind.Franchise));
    }
}
