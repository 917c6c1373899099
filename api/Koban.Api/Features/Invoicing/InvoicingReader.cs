using Koban.Api.Features.Common;
using Koban.Api.Features.Payments;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>
/// Builds every invoice and credit-note response of the feature. One document is read in two queries (issue 12 §5): the
/// entity with its lines, then everything around it — customer name, company time zone, linked order, deducted deposits,
/// credit notes, archive, history, the customer's account item and its allocations — in one projection.
/// </summary>
public sealed class InvoicingReader(KobanDbContext db, CompanyClock clock)
{
    // The hottest read (GET /invoices/{id}) as compiled queries: EF translates them once, and skips at each execution the
    // walk over the large projection that extracts its parameters (18 % of a get's allocations in the profile).
    private static readonly Func<KobanDbContext, Guid, CancellationToken, Task<Invoice?>> InvoiceById =
        EF.CompileAsyncQuery<KobanDbContext, Guid, Invoice?>((db, id, _) => db.Invoices.AsNoTracking().AsSingleQuery().SingleOrDefault(i => i.Id == id));

    private static readonly Func<KobanDbContext, Guid, Guid, Guid?, List<Guid>, CancellationToken, Task<InvoiceSurroundings>> SurroundingsOf =
        EF.CompileAsyncQuery<KobanDbContext, Guid, Guid, Guid?, List<Guid>, InvoiceSurroundings>((db, id, customerId, orderId, deducted, _) =>
            db.Companies.AsNoTracking().Select(c => new InvoiceSurroundings
            {
                TimeZone = c.TimeZone,
                CustomerName = db.Customers.Where(k => k.Id == customerId).Select(k => k.Name).FirstOrDefault(),
                OrderNumber = db.Orders.Where(o => o.Id == orderId).Select(o => o.Number).FirstOrDefault(),
                OrderDate = db.Orders.Where(o => o.Id == orderId).Select(o => (DateOnly?)o.OrderDate).FirstOrDefault(),
                OrderTotal = db.Orders.Where(o => o.Id == orderId).Select(o => (decimal?)o.TotalIncludingVat).FirstOrDefault(),
                ArchiveSha256 = db.ArchivedDocuments.Where(a => a.DocumentId == id).Select(a => a.Sha256).FirstOrDefault(),
                ArchivedAt = db.ArchivedDocuments.Where(a => a.DocumentId == id).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefault(),
                Deposits = db.Invoices.Where(d => deducted.Contains(d.Id))
                    .Select(d => new LinkRow(d.Id, d.Number, d.IssueDate, d.TotalIncludingVat, d.Status)).ToList(),
                Credits = db.CreditNotes.Where(n => n.InvoiceId == id)
                    .Select(n => new LinkRow(n.Id, n.Number, n.IssueDate, n.TotalIncludingVat, n.Status)).ToList(),
                History = db.AuditEvents.Where(e => e.EntityId == id).OrderBy(e => e.OccurredAt)
                    .Select(e => new HistoryRow(e.OccurredAt, e.Action, e.ActorName)).ToList(),
                Items = db.ReceivableItems.Where(r => r.SourceId == id && r.Kind == ReceivableKind.Invoice)
                    .Select(r => new ItemRow(r.Amount, r.Outstanding, r.SettledByCreditNotes, r.Disputed, r.DisputeReason, r.DisputedAt)).ToList(),
                Settlements = (from item in db.ReceivableItems
                               where item.SourceId == id && item.Kind == ReceivableKind.Invoice
                               join a in db.Allocations on item.Id equals a.DebitItemId
                               join credit in db.ReceivableItems on a.CreditItemId equals credit.Id
                               orderby a.Date, a.CreatedAt
                               select new SettlementRow(a.Id, credit.Kind, credit.SourceId, credit.Reference, a.Date, a.Amount, a.CancelledAt == null)).ToList(),
            }).Single());

    public async Task<Versioned<InvoiceResponse>> InvoiceAsync(Guid id, CancellationToken ct)
    {
        var invoice = await InvoiceById(db, id, ct) ?? throw new NotFoundException("invoice", id);
        return Versioned.Of(await ToResponseAsync(invoice, ct), invoice.Version);
    }

    public async Task<Versioned<CreditNoteResponse>> CreditNoteAsync(Guid id, CancellationToken ct)
    {
        var note = await db.CreditNotes.AsNoTracking().AsSingleQuery().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("creditNote", id);
        return Versioned.Of(await ToResponseAsync(note, ct), note.Version);
    }

    private sealed record LinkRow(Guid Id, string? Number, DateOnly? Date, decimal TotalIncludingVat, BillingStatus Status);

    private sealed record HistoryRow(DateTimeOffset OccurredAt, string Action, string? ActorName);

    private sealed record ItemRow(decimal Amount, decimal Outstanding, decimal SettledByCreditNotes, bool Disputed, string? DisputeReason, DateTimeOffset? DisputedAt);

    /// <summary>An allocation that settled (part of) the invoice, as read; mapped to <see cref="InvoiceSettlementResponse"/> by <see cref="InvoicingMapping"/>.</summary>
    internal sealed record SettlementRow(Guid AllocationId, ReceivableKind Kind, Guid SourceId, string Reference, DateOnly Date, decimal Amount, bool Active);

    private sealed class InvoiceSurroundings
    {
        public required string TimeZone { get; init; }
        public string? CustomerName { get; init; }
        public string? OrderNumber { get; init; }
        public DateOnly? OrderDate { get; init; }
        public decimal? OrderTotal { get; init; }
        public string? ArchiveSha256 { get; init; }
        public DateTimeOffset? ArchivedAt { get; init; }
        public required List<LinkRow> Deposits { get; init; }
        public required List<LinkRow> Credits { get; init; }
        public required List<HistoryRow> History { get; init; }
        public required List<ItemRow> Items { get; init; }
        public required List<SettlementRow> Settlements { get; init; }
    }

    /// <summary>An invoice as the API returns it, stored or not (a preview): what it links to, what is still due on it and,
    /// once validated, its payment side read from the customer's account.</summary>
    internal async Task<InvoiceResponse> ToResponseAsync(Invoice i, CancellationToken ct)
    {
        var id = i.Id;
        var customerId = i.CustomerId;
        var orderId = i.OrderId;
        var deducted = i.Lines.Where(l => l.DeductedInvoiceId is not null).Select(l => l.DeductedInvoiceId!.Value).Distinct().ToList();
        var around = await SurroundingsOf(db, id, customerId, orderId, deducted, ct);

        var credited = around.Credits.Where(c => c.Status == BillingStatus.Validated).Sum(c => c.TotalIncludingVat);
        var today = clock.TodayIn(around.TimeZone);
        var due = AmountDue(i, credited);
        var links = new List<BillingLinkResponse>();
        if (orderId is { } order)
        {
            if (around.OrderDate is null) throw new InvalidOperationException($"The order {order} of invoice {id} is missing.");
            links.Add(new BillingLinkResponse(order, "Order", around.OrderNumber, around.OrderDate, around.OrderTotal));
        }
        if (deducted.Count > 0)
            links.AddRange(around.Deposits.Select(d => new BillingLinkResponse(d.Id, "DepositInvoice", d.Number, d.Date, d.TotalIncludingVat)));
        links.AddRange(around.Credits.Select(c => new BillingLinkResponse(c.Id, "CreditNote", c.Number, c.Date, c.TotalIncludingVat)));
        InvoicePaymentResponse? payment = null;
        if (i.IsValidated && around.Items.SingleOrDefault() is { } item)
        {
            payment = new InvoicePaymentResponse(
                PaymentStatus: ReceivableItem.Status(item.Amount, item.Outstanding, item.SettledByCreditNotes),
                Outstanding: item.Outstanding,
                Disputed: item.Disputed,
                DisputeReason: item.DisputeReason,
                DisputedAt: item.DisputedAt,
                Settlements: [.. around.Settlements.Select(s => s.MapTo<InvoiceSettlementResponse>())]);
            due = payment.Outstanding;
        }
        return new InvoiceView(
            Invoice: i,
            CustomerName: around.CustomerName ?? "",
            Totals: Totals(i),
            CreditedTotal: credited,
            AmountDue: due,
            IsOverdue: IsOverdue(i, due, today),
            Snapshot: Snapshot(i),
            Archive: Archive(around.ArchiveSha256, around.ArchivedAt),
            LinkedDocuments: links,
            History: [.. around.History.Select(h => new OrderHistoryEntry(h.OccurredAt, h.Action, h.ActorName))],
            Payment: payment).MapTo<InvoiceResponse>();
    }

    private sealed class CreditNoteSurroundings
    {
        public string? CustomerName { get; init; }
        public decimal? CustomerCredit { get; init; }
        public decimal? AppliedToInvoice { get; init; }
        public string? ArchiveSha256 { get; init; }
        public DateTimeOffset? ArchivedAt { get; init; }
        public required List<HistoryRow> History { get; init; }
    }

    /// <summary>
    /// A validated credit note is applied first to the invoice it corrects, up to what that invoice still owes when it is
    /// validated (after its payments and earlier credit notes); the rest is customer credit (domain-rules.md §6). Both figures
    /// are read from the customer's account, never recomputed: <c>appliedToInvoice</c> is what the note's active allocations
    /// settle on the corrected invoice, <c>customerCredit</c> what is still available of it (after refunds and use on other invoices).
    /// </summary>
    internal async Task<CreditNoteResponse> ToResponseAsync(CreditNote c, CancellationToken ct)
    {
        var id = c.Id;
        var customerId = c.CustomerId;
        var invoiceId = c.InvoiceId;
        var around = await db.Companies.AsNoTracking().Select(_ => new CreditNoteSurroundings
        {
            CustomerName = db.Customers.Where(k => k.Id == customerId).Select(k => k.Name).FirstOrDefault(),
            CustomerCredit = db.ReceivableItems.Where(r => r.Kind == ReceivableKind.CreditNote && r.SourceId == id).Select(r => (decimal?)r.Outstanding).FirstOrDefault(),
            AppliedToInvoice = (from item in db.ReceivableItems
                                where item.Kind == ReceivableKind.CreditNote && item.SourceId == id
                                join a in db.Allocations on item.Id equals a.CreditItemId
                                where a.CancelledAt == null
                                join debit in db.ReceivableItems on a.DebitItemId equals debit.Id
                                where debit.Kind == ReceivableKind.Invoice && debit.SourceId == invoiceId
                                select (decimal?)a.Amount).Sum(),
            ArchiveSha256 = db.ArchivedDocuments.Where(a => a.DocumentId == id).Select(a => a.Sha256).FirstOrDefault(),
            ArchivedAt = db.ArchivedDocuments.Where(a => a.DocumentId == id).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefault(),
            History = db.AuditEvents.Where(e => e.EntityId == id).OrderBy(e => e.OccurredAt)
                .Select(e => new HistoryRow(e.OccurredAt, e.Action, e.ActorName)).ToList(),
        }).SingleAsync(ct);
        var (applied, credit) = c.IsValidated && around.CustomerCredit is { } outstanding ? (around.AppliedToInvoice ?? 0m, outstanding) : (0m, 0m);
        return new CreditNoteView(
            CreditNote: c,
            CustomerName: around.CustomerName ?? throw new InvalidOperationException($"The customer {customerId} of credit note {id} is missing."),
            Totals: Totals(c),
            AppliedToInvoice: applied,
            CustomerCredit: credit,
            Snapshot: Snapshot(c),
            Archive: Archive(around.ArchiveSha256, around.ArchivedAt),
            History: [.. around.History.Select(h => new OrderHistoryEntry(h.OccurredAt, h.Action, h.ActorName))]).MapTo<CreditNoteResponse>();
    }

    /// <summary>The rows of an invoice list page: the customer's name, the credited total and the account row of every
    /// invoice of the page, in one query.</summary>
    internal async Task<List<InvoiceSummary>> InvoiceSummariesAsync(IReadOnlyList<InvoiceListRow> rows, DateOnly today, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToArray();
        var customerIds = rows.Select(r => r.CustomerId).ToArray();
        var validated = rows.Select(r => r.Status == BillingStatus.Validated).ToArray();
        // One row per invoice of the page, driven by the page's own ids, customers and statuses (no second read of the
        // invoices): its account row joined (at most one per invoice), the customer's name and — only for a validated
        // invoice without an account row, the row knowing what is outstanding otherwise — the credited total. The company
        // is named in every condition so that the indexes serve them; table security (RLS) still applies.
        var around = (await db.Database.SqlQuery<InvoiceRowExtras>($"""
            SELECT p.id,
                   (SELECT c.name FROM customers c WHERE c.company_id = koban_current_company() AND c.id = p.customer_id) AS customer_name,
                   CASE WHEN r.id IS NULL AND p.validated THEN
                     (SELECT sum(n.total_including_vat) FROM billing_documents n WHERE n.company_id = koban_current_company()
                        AND n.document_type = 'CreditNote' AND n.invoice_id = p.id AND n.status = 'Validated') END AS credited,
                   r.id IS NOT NULL AS has_item, r.amount, r.outstanding, r.settled_by_credit_notes, r.disputed
            FROM unnest({ids}, {customerIds}, {validated}) AS p(id, customer_id, validated)
            LEFT JOIN receivable_items r ON r.company_id = koban_current_company() AND r.kind = 'Invoice' AND r.source_id = p.id
            """).ToListAsync(ct)).ToDictionary(a => a.Id);
        return [.. rows.Select(i =>
        {
            var extra = around.GetValueOrDefault(i.Id);
            var item = extra is { HasItem: true } ? extra : null;
            var isValidated = i.Status == BillingStatus.Validated;
            var due = item?.Outstanding ?? AmountDue(isValidated, i.TotalIncludingVat, extra?.Credited ?? 0m);
            var overdue = IsOverdue(isValidated, i.DueDate, due, today);
            var status = item is null ? (InvoicePaymentStatus?)null : ReceivableItem.Status(item.Amount!.Value, item.Outstanding!.Value, item.SettledByCreditNotes!.Value);
            return new InvoiceRowView(i, extra?.CustomerName ?? "", due, overdue, status, item?.Disputed ?? false).MapTo<InvoiceSummary>();
        })];
    }

    /// <summary>The rows of a credit-note list page, with their customers' names.</summary>
    internal async Task<List<CreditNoteSummary>> CreditNoteSummariesAsync(IReadOnlyList<CreditNoteListRow> rows, CancellationToken ct)
    {
        var names = await CustomerNamesAsync(rows.Select(r => r.CustomerId), ct);
        return [.. rows.Select(c => new CreditNoteSummaryView(c, names.GetValueOrDefault(c.CustomerId, "")).MapTo<CreditNoteSummary>())];
    }

    private async Task<Dictionary<Guid, string>> CustomerNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => list.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private static ArchiveResponse? Archive(string? sha256, DateTimeOffset? archivedAt) =>
        sha256 is not null && archivedAt is { } at ? new ArchiveResponse(sha256, at) : null;

    private static BillingSnapshotResponse? Snapshot(BillingDocument d) =>
        d.Seller is null || d.Buyer is null ? null : new BillingSnapshotResponse(d.Seller, d.Buyer, d.LegalNotes);

    internal static decimal AmountDue(BillingDocument invoice, decimal credited) => AmountDue(invoice.IsValidated, invoice.TotalIncludingVat, credited);

    /// <summary>What an invoice without an account row still asks for: its total less what validated credit notes took
    /// back (a draft: its total).</summary>
    internal static decimal AmountDue(bool validated, decimal totalIncludingVat, decimal credited) =>
        validated ? Math.Max(0m, totalIncludingVat - credited) : totalIncludingVat;

    internal static bool IsOverdue(BillingDocument invoice, decimal amountDue, DateOnly today) => IsOverdue(invoice.IsValidated, invoice.DueDate, amountDue, today);

    internal static bool IsOverdue(bool validated, DateOnly? dueDate, decimal amountDue, DateOnly today) =>
        validated && amountDue > 0m && dueDate < today;

    /// <summary>A validated document's stored totals and breakdown, never recomputed; a draft's computed live.</summary>
    internal static TotalsResponse Totals(BillingDocument d) => d.IsValidated
        ? new TotalsResponse(d.TotalExcludingVat, [.. d.VatBreakdown.Select(b => new VatBreakdownResponse(b.Rate, b.Category, b.Base, b.Vat))], d.TotalVat, d.TotalIncludingVat)
        : TotalsResponse.From(d.ComputeTotals());
}

/// <summary>What an invoice list row shows beside the invoice itself (<see cref="InvoicingReader.InvoiceSummariesAsync"/>):
/// the customer's name and the account row's figures (all null without one).</summary>
internal sealed class InvoiceRowExtras
{
    public Guid Id { get; init; }
    public string? CustomerName { get; init; }
    public decimal? Credited { get; init; }
    public bool HasItem { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Outstanding { get; init; }
    public decimal? SettledByCreditNotes { get; init; }
    public bool? Disputed { get; init; }
}
