using Koban.Api.Features.Accounting;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Accounting;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting;
using Koban.Domain.Common;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

/// <summary>
/// Customers' accounts: the rows invoices, credit notes and payments add, and the allocations between them, with the
/// entries each event posts. Every method works inside the caller's transaction; rows are locked (<c>FOR UPDATE</c>, in
/// id order, so two transactions never wait on each other in a cycle) before they are read, so concurrent allocations —
/// on one API instance or several — see each other's result and can never over-pay an invoice.
/// </summary>
public sealed class ReceivablesLedger(KobanDbContext db, AccountingBooks books, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Called by the validation of an invoice or credit note, before its transaction commits: the customer's
    /// account gets its row, the books their sales entry, and a credit note settles its invoice first (domain-rules.md §6).</summary>
    public async Task OnValidatedAsync(BillingDocument document, CancellationToken ct)
    {
        var context = await books.ContextAsync(ct);
        var customer = await books.CustomerAsync(document.CustomerId, ct);
        // a credit note takes back from the pending account no more than its invoice still has there (the rest was made due)
        var invoicePending = document is CreditNote credited ? Postings.StillPending(await PendingVatLinesAsync(credited.InvoiceId, ct)) : null;
        // a zero invoice (a line at 0 €, a 100 % discount, lines that cancel out) is valid and moves nothing: no entry
        if (Postings.ForBillingDocument(document, customer, context, invoicePending) is { } entry) books.Post(entry);
        var item = ReceivableItem.ForValidatedDocument(document, clock.GetUtcNow());
        if (item is null) return; // a balance may come to nothing: nothing is owed either way
        db.ReceivableItems.Add(item);
        if (document is CreditNote note)
        {
            var invoiceItem = (await LockAsync([note.InvoiceId], ReceivableKind.Invoice, ct)).SingleOrDefault();
            if (AllocationRules.CreditNoteOnItsInvoice(invoiceItem, item, note.IssueDate!.Value, clock.GetUtcNow(), actor.UserId) is { } settled)
                db.Allocations.Add(settled);
        }
    }

    /// <summary>Locks and loads the rows of these sources (invoices, credit notes, payments…) for update.</summary>
    public async Task<List<ReceivableItem>> LockAsync(IReadOnlyCollection<Guid> sourceIds, ReceivableKind kind, CancellationToken ct)
    {
        if (sourceIds.Count == 0) return [];
        var ids = sourceIds.Distinct().ToArray();
        var kindText = kind.ToString();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM receivable_items WHERE source_id = ANY({ids}) AND kind = {kindText} ORDER BY id FOR UPDATE", ct);
        return await db.ReceivableItems.Where(i => ids.Contains(i.SourceId) && i.Kind == kind).ToListAsync(ct);
    }

    /// <summary>Locks and loads a payment for update; 404 when there is none.</summary>
    public async Task<Payment> LockPaymentAsync(Guid id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM payments WHERE id = {id} FOR UPDATE", ct);
        return await db.Payments.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("payment", id);
    }

    /// <summary>Locks a receipt that can still be allocated, and its row of its customer's account.</summary>
    public async Task<(Payment Payment, ReceivableItem Item)> LockReceiptAsync(Guid id, CancellationToken ct)
    {
        var payment = await LockPaymentAsync(id, ct);
        payment.EnsureAllocatableReceipt();
        var item = (await LockAsync([payment.Id], ReceivableKind.Receipt, ct)).Single();
        return (payment, item);
    }

    /// <summary>Locks an invoice's row of its customer's account: 404 without the invoice, 409 for a draft (no row yet) or a
    /// validated invoice of nothing.</summary>
    public async Task<ReceivableItem> LockInvoiceAsync(Guid invoiceId, CancellationToken ct)
    {
        var item = (await LockAsync([invoiceId], ReceivableKind.Invoice, ct)).SingleOrDefault();
        if (item is not null) return item;
        var invoice = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => i.Id == invoiceId).Select(i => new { i.Status }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("invoice", invoiceId);
        throw invoice.Status == BillingStatus.Draft
            ? new DomainConflictException(ErrorCodes.DocumentNotValidated, "Only a validated invoice has a payment side.")
            : new DomainConflictException(ErrorCodes.WriteOffNothingLeft, "Nothing is owed on this invoice.");
    }

    /// <summary>How a payment is named on its customer's account: its reference, else its date.</summary>
    public static string ReferenceOf(Payment payment) => payment.Reference ?? $"Règlement du {payment.Date:dd/MM/yyyy}";

    /// <summary>
    /// Settles invoices with a credit row (a receipt, a credit note or a loss written off): locks the target invoices' rows,
    /// then <see cref="AllocationRules.Allocate"/> checks them and the amounts against what is left on both sides.
    /// Receipts and write-offs also make due the share of the invoice's VAT on services that waited for payment.
    /// </summary>
    public async Task<List<(Allocation Allocation, ReceivableItem Invoice)>> AllocateAsync(ReceivableItem credit, IReadOnlyList<AllocationRequest> requests, DateOnly date, string? field,
        CancellationToken ct)
    {
        if (requests.Count == 0) return [];
        AllocationRules.EnsureDistinct(requests, field);
        await References.EnsureExistAsync<Invoice>(db, [.. requests.Select(r => r.InvoiceId)], i => field is null ? "invoiceId" : $"{field}[{i}].invoiceId", ct);
        var items = await LockAsync([.. requests.Select(r => r.InvoiceId)], ReceivableKind.Invoice, ct);
        var result = AllocationRules.Allocate(credit, requests, items, date, clock.GetUtcNow(), actor.UserId, field);
        db.Allocations.AddRange(result.Select(r => r.Allocation));
        if (credit.Kind is ReceivableKind.Receipt or ReceivableKind.WriteOff)
        {
            foreach (var (allocation, invoice) in result)
                await PostVatMadeDueAsync(allocation, invoice, date, ct);
        }
        return result;
    }

    /// <summary>A refund uses the customer's credit: what is left of <paramref name="creditNoteId"/>, or else the
    /// unallocated parts of its receipts, oldest first. It never pays out more than the customer has.</summary>
    public async Task FundRefundAsync(ReceivableItem refund, Guid? creditNoteId, CancellationToken ct)
    {
        List<Allocation> allocations;
        if (creditNoteId is { } noteId)
        {
            var note = (await LockAsync([noteId], ReceivableKind.CreditNote, ct)).SingleOrDefault() ?? throw new ReferenceNotFoundException("creditNoteId");
            allocations = AllocationRules.FundRefundFromCreditNote(refund, note, clock.GetUtcNow(), actor.UserId);
        }
        else
        {
            var customerId = refund.CustomerId;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT 1 FROM receivable_items WHERE customer_id = {customerId} AND kind = 'Receipt' AND outstanding > 0 ORDER BY id FOR UPDATE", ct);
            var receipts = await db.ReceivableItems.Where(i => i.CustomerId == customerId && i.Kind == ReceivableKind.Receipt && i.Outstanding > 0m)
                .OrderBy(i => i.Date).ThenBy(i => i.CreatedAt).ToListAsync(ct);
            allocations = AllocationRules.FundRefundFromReceipts(refund, receipts, clock.GetUtcNow(), actor.UserId);
        }
        db.Allocations.AddRange(allocations);
    }

    /// <summary>
    /// Undoes every active allocation of a cancelled payment's row (and the VAT they had made due), then closes the row:
    /// the invoices it paid are owed again, the credits a refund used are available again.
    /// </summary>
    public async Task ReleaseAsync(ReceivableItem item, string reason, CancellationToken ct)
    {
        var context = await books.ContextAsync(ct);
        var allocations = await db.Allocations.Where(a => (a.CreditItemId == item.Id || a.DebitItemId == item.Id) && a.CancelledAt == null).ToListAsync(ct);
        var otherIds = allocations.Select(a => a.CreditItemId == item.Id ? a.DebitItemId : a.CreditItemId).Distinct().ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM receivable_items WHERE id = ANY({otherIds}) ORDER BY id FOR UPDATE", ct);
        var others = await db.ReceivableItems.Where(i => otherIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var allocation in allocations)
        {
            var debit = allocation.DebitItemId == item.Id ? item : others[allocation.DebitItemId];
            var credit = allocation.CreditItemId == item.Id ? item : others[allocation.CreditItemId];
            allocation.Cancel(debit, credit, reason, now, actor.UserId);
            var vatEntries = await db.JournalEntries.Include(e => e.Lines).Where(e => e.Source == EntrySource.VatOnReceipt && e.SourceId == allocation.Id).ToListAsync(ct);
            foreach (var entry in vatEntries)
            {
                books.Post(entry.Reverse(EntrySource.VatOnReceiptCancelled, entry.ReversalDate(context.Today), context.FiscalYearStartMonth,
                    $"Annulation {entry.Label}"[..Math.Min(200, entry.Label.Length + 11)], context.Today, context.Now));
            }
        }
        item.Cancel();
    }

    /// <summary>
    /// Writes off a small difference (domain-rules.md §9): what is left to pay on an invoice becomes a loss (658), what
    /// is left unallocated on a receipt a gain (758) — never more than the settings' limit.
    /// </summary>
    public async Task WriteOffAsync(ReceivableItem item, DateOnly? requestedDate, CancellationToken ct)
    {
        var context = await books.ContextAsync(ct);
        var writeOffId = Guid.CreateVersion7();
        var done = AllocationRules.WriteOff(item, context.Settings.WriteOffLimit, requestedDate, context.Today, writeOffId, clock.GetUtcNow(), actor.UserId);
        var customer = await books.CustomerAsync(item.CustomerId, ct);
        db.ReceivableItems.Add(done.Row);
        db.Allocations.Add(done.Allocation);
        books.Post(Postings.ForWriteOff(writeOffId, done.Row.Side, done.Amount, item.Reference, item.IsInvoice ? item.SourceId : null, done.Date, customer, context));
        if (item.IsInvoice) await PostVatMadeDueAsync(done.Allocation, item, done.Date, ct);
    }

    /// <summary>Moves the share of an invoice's pending VAT that this allocation pays from 44574 to 44571 (domain-rules.md §9), in an
    /// entry dated when the allocation is recorded (<paramref name="postedOn"/>: a receipt identified today settles as of the day
    /// its money arrived, but its entries go in today's books, never in a period that may already be declared and exported).</summary>
    private async Task PostVatMadeDueAsync(Allocation allocation, ReceivableItem invoice, DateOnly postedOn, CancellationToken ct)
    {
        var context = await books.ContextAsync(ct);
        var entry = Postings.ForVatMadeDue(allocation, invoice, await PendingVatLinesAsync(invoice.SourceId, ct), context, postedOn);
        if (entry is not null) books.Post(entry);
    }

    /// <summary>The movements of an invoice's pending VAT, per rate and origin, entries of this unit of work included.</summary>
    private async Task<List<PendingVatLine>> PendingVatLinesAsync(Guid invoiceId, CancellationToken ct)
    {
        var s = (await books.ContextAsync(ct)).Settings;
        var pendingAccounts = s.VatRules.Select(r => r.PendingAccount).Append(s.VatPendingAccount).Distinct().ToArray();
        var rows = await db.JournalEntries.AsNoTracking().IgnoreAutoIncludes()
            .SelectMany(e => e.Lines.Select(l => new { e.Source, l.InvoiceId, l.Account, l.VatRate, l.VatBase, l.Debit, l.Credit }))
            .Where(l => l.InvoiceId == invoiceId && pendingAccounts.Contains(l.Account) && l.VatRate != null)
            .GroupBy(l => new { Issue = l.Source == EntrySource.Invoice || l.Source == EntrySource.CreditNote, Rate = l.VatRate!.Value })
            .Select(g => new PendingVatLine(g.Key.Issue, g.Key.Rate, g.Sum(l => l.Credit - l.Debit), g.Sum(l => l.VatBase ?? 0m)))
            .ToListAsync(ct);
        // Entries added in this unit of work (a transfer an earlier allocation of the same request posted) count too.
        rows.AddRange(db.ChangeTracker.Entries<JournalEntry>().Where(e => e.State == EntityState.Added).SelectMany(e => Postings.PendingVatLines(e.Entity, invoiceId, s)));
        return rows;
    }
}
