using Koban.Domain.Common;

namespace Koban.Domain.Receivables;

/// <summary>How much of a payment or credit goes to one invoice.</summary>
public sealed record AllocationRequest(Guid InvoiceId, decimal Amount);

/// <summary>A small difference written off: the new write-off row (a loss settling an invoice or a gain absorbing a
/// receipt's rest), the allocation between it and the written-off row, its amount and the day it is dated.</summary>
public sealed record WrittenOff(ReceivableItem Row, Allocation Allocation, decimal Amount, DateOnly Date);

/// <summary>
/// What can settle what on a customer's account (domain-rules.md §9): payments and credit notes allocated to invoices,
/// a credit note settling its own invoice first, refunds funded from the customer's credit, small differences written
/// off. Pure rules on rows the caller has loaded and locked (<c>FOR UPDATE</c>, in id order); the caller adds the rows
/// and allocations returned and posts their entries.
/// </summary>
public static class AllocationRules
{
    /// <summary>
    /// Settles invoices with a credit row (a receipt, a credit note or a loss written off). Each invoice appears once and
    /// must be among <paramref name="invoices"/> (the validated invoices' rows, locked); each amount is checked against what
    /// is left on both sides. Errors name the request's position under <paramref name="field"/> (e.g.
    /// <c>allocations[1].amount</c>), or the bare property when <paramref name="field"/> is null. The requests are
    /// checked in their order and settled as they pass: on a refusal the caller discards the rows (the API rolls back).
    /// </summary>
    public static List<(Allocation Allocation, ReceivableItem Invoice)> Allocate(ReceivableItem credit, IReadOnlyList<AllocationRequest> requests,
        IReadOnlyCollection<ReceivableItem> invoices, DateOnly date, DateTimeOffset now, Guid? by, string? field)
    {
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(invoices);
        EnsureDistinct(requests, field);
        var result = new List<(Allocation, ReceivableItem)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var invoice = invoices.SingleOrDefault(x => x.SourceId == request.InvoiceId && x.Kind == ReceivableKind.Invoice)
                ?? throw new DomainException(ErrorCodes.AllocationTargetInvalid, "Only a validated invoice can receive a payment.") { Field = At(field, i, "invoiceId") };
            try
            {
                result.Add((Allocation.Between(invoice, credit, request.Amount, date, now, by), invoice));
            }
            catch (DomainException e)
            {
                throw e.AtField(At(field, i, e.Field == "allocations" ? "invoiceId" : "amount"));
            }
        }
        return result;
    }

    /// <summary>Each invoice appears once in a list of allocations: the same invoice twice would let each amount pass alone
    /// while their sum goes beyond what it owes. The error names the last repeat.</summary>
    public static void EnsureDistinct(IReadOnlyList<AllocationRequest> requests, string? field)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var duplicates = requests.GroupBy(r => r.InvoiceId).FirstOrDefault(g => g.Count() > 1);
        if (duplicates is not null)
        {
            var index = requests.ToList().FindLastIndex(r => r.InvoiceId == duplicates.Key);
            throw new DomainException(ErrorCodes.AllocationTargetInvalid, "Each invoice appears once.") { Field = At(field, index, "invoiceId") };
        }
    }

    /// <summary>A validated credit note first settles its own invoice, for no more than the invoice still owes (domain-rules.md
    /// §6); null when the invoice owes nothing (or has no row). What is left of the note is the customer's credit.</summary>
    public static Allocation? CreditNoteOnItsInvoice(ReceivableItem? invoice, ReceivableItem note, DateOnly date, DateTimeOffset now, Guid? by)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Kind != ReceivableKind.CreditNote)
            throw new ArgumentException("Only a credit note's row settles its invoice.", nameof(note));
        if (invoice is not { Outstanding: > 0m })
            return null;
        return Allocation.Between(invoice, note, Math.Min(invoice.Outstanding, note.Outstanding), date, now, by);
    }

    /// <summary>The day an allocation made after the payment was recorded takes effect (what is left of a receipt allocated
    /// later): today, never before the payment itself.</summary>
    public static DateOnly LaterAllocationDate(DateOnly paymentDate, DateOnly today) => today < paymentDate ? paymentDate : today;

    /// <summary>What a credit note's refund pays out: the amount asked for, or else all that is left of the note (whether
    /// that much is left is checked when the refund is funded).</summary>
    public static decimal RefundAmount(ReceivableItem note, decimal? requested)
    {
        ArgumentNullException.ThrowIfNull(note);
        return requested ?? note.Outstanding;
    }

    /// <summary>A credit note is refunded only while some of it is left (not all applied to invoices or refunded).</summary>
    public static void EnsureRefundable(ReceivableItem note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Outstanding <= 0m) throw new DomainConflictException(ErrorCodes.CreditNoteNotAvailable, "This credit note has nothing left.");
    }

    /// <summary>A refund of what is left of a credit note: to the note's own customer, never beyond what the note has left.</summary>
    public static List<Allocation> FundRefundFromCreditNote(ReceivableItem refund, ReceivableItem note, DateTimeOffset now, Guid? by)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(note);
        if (note.CustomerId != refund.CustomerId)
            throw new DomainException(ErrorCodes.AllocationOtherCustomer, "A credit note is refunded to its own customer.") { Field = "creditNoteId" };
        return Fund(refund, [note], now, by);
    }

    /// <summary>A refund of the customer's credit without a credit note: the unallocated parts of its receipts, taken in the
    /// order given (oldest first), never beyond their total.</summary>
    public static List<Allocation> FundRefundFromReceipts(ReceivableItem refund, IReadOnlyList<ReceivableItem> receipts, DateTimeOffset now, Guid? by)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(receipts);
        if (receipts.Any(r => r.Kind != ReceivableKind.Receipt || r.CustomerId != refund.CustomerId))
            throw new ArgumentException("A refund is funded from its own customer's receipts.", nameof(receipts));
        return Fund(refund, receipts, now, by);
    }

    /// <summary>
    /// Writes off a small difference (domain-rules.md §9): what is left to pay on an invoice becomes a loss (a credit row
    /// settling it), what is left unallocated on a receipt a gain (a debit row absorbing it) — never more than
    /// <paramref name="limit"/>, never dated after <paramref name="today"/> nor before the row itself.
    /// </summary>
    public static WrittenOff WriteOff(ReceivableItem item, decimal limit, DateOnly? requestedDate, DateOnly today, Guid writeOffId, DateTimeOffset now, Guid? by)
    {
        ArgumentNullException.ThrowIfNull(item);
        var amount = item.Outstanding;
        if (amount <= 0m) throw new DomainConflictException(ErrorCodes.WriteOffNothingLeft, "There is nothing left to write off.");
        if (amount > limit)
        {
            throw new DomainConflictException(ErrorCodes.WriteOffBeyondLimit, "Only a small difference can be written off.")
            {
                Field = "amount",
                Arguments = new Dictionary<string, object> { ["limit"] = limit },
            };
        }
        var date = requestedDate ?? today;
        if (date > today)
        {
            throw new DomainException(ErrorCodes.PaymentDateInFuture, "A write-off cannot be dated later than today.")
            {
                Field = "date",
                Arguments = new Dictionary<string, object> { ["today"] = today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) },
            };
        }
        if (date < item.Date) date = item.Date;
        if (item.Side == ReceivableSide.Debit)
        {
            var loss = ReceivableItem.WriteOff(ReceivableSide.Credit, item.CustomerId, writeOffId, item.Reference, date, amount, now);
            return new WrittenOff(loss, Allocation.Between(item, loss, amount, date, now, by), amount, date);
        }
        var gain = ReceivableItem.WriteOff(ReceivableSide.Debit, item.CustomerId, writeOffId, item.Reference, date, amount, now);
        return new WrittenOff(gain, Allocation.Between(gain, item, amount, date, now, by), amount, date);
    }

    private static List<Allocation> Fund(ReceivableItem refund, IReadOnlyList<ReceivableItem> sources, DateTimeOffset now, Guid? by)
    {
        if (refund.Kind != ReceivableKind.Refund)
            throw new ArgumentException("Only a refund's row is funded.", nameof(refund));
        var available = sources.Sum(s => s.Outstanding);
        if (available < refund.Amount)
        {
            throw new DomainConflictException(ErrorCodes.RefundBeyondCredit, "The refund exceeds the customer's credit.")
            {
                Field = "amount",
                Arguments = new Dictionary<string, object> { ["available"] = available },
            };
        }
        var result = new List<Allocation>();
        var left = refund.Amount;
        foreach (var source in sources)
        {
            if (left == 0m) break;
            var amount = Math.Min(left, source.Outstanding);
            if (amount <= 0m) continue;
            result.Add(Allocation.Between(refund, source, amount, refund.Date, now, by));
            left -= amount;
        }
        return result;
    }

    private static string At(string? list, int index, string property) => list is null ? property : $"{list}[{index}].{property}";
}
