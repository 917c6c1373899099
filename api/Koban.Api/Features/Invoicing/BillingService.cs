using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Deliveries;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Numbering;
using Koban.Domain.Products;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>
/// The shared plumbing of invoices and credit notes: loading what the domain's <see cref="OrderBilling"/> replays (the
/// order's validated documents), the snapshots, and the validating transaction (order lock → billing accepts the document
/// → number → chain head → fingerprint → audit).
/// </summary>
public sealed class BillingService(KobanDbContext db, AuditLog audit, CurrentActor actor, CompanyClock companyClock, DocumentNumbers numbers, TimeProvider clock, Infrastructure.Accounting.AccountingBooks books,
    global::Mediator.IMediator mediator, IServiceProvider services, ILogger<BillingService> logger)
{
    /// <summary>The order's billing replayed by the domain from its validated documents, in validation order.</summary>
    public async Task<OrderBilling> OrderBillingAsync(Guid orderId, string field, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new ReferenceNotFoundException(field);
        if (order.Status is not (OrderStatus.InProgress or OrderStatus.Closed))
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, "Only a validated order is invoiced.") { Field = field };
        var documents = await db.BillingDocuments.AsNoTracking().AsSplitQuery()
            .Where(d => d.OrderId == orderId && d.Status == BillingStatus.Validated)
            .OrderBy(d => d.ChainSequence)
            .ToListAsync(ct);
        return OrderBilling.Replay(order, documents);
    }

    /// <summary>The ledgers of several validated orders at once, each replayed as in <see cref="OrderBillingAsync"/>
    /// (one query for all the documents).</summary>
    public async Task<Dictionary<Guid, OrderBillingLedger>> OrderLedgersAsync(IReadOnlyCollection<Order> orders, CancellationToken ct)
    {
        var ids = orders.Select(o => o.Id).ToList();
        var documents = (await db.BillingDocuments.AsNoTracking().AsSplitQuery()
            .Where(d => d.OrderId != null && ids.Contains(d.OrderId.Value) && d.Status == BillingStatus.Validated)
            .OrderBy(d => d.ChainSequence)
            .ToListAsync(ct)).ToLookup(d => d.OrderId!.Value);
        // Delivered quantities come from the validated and delivered notes (cancelled ones gave theirs back).
        var delivered = (await db.DeliveryNotes.AsNoTracking()
            .Where(n => ids.Contains(n.OrderId) && (n.Status == DeliveryNoteStatus.Validated || n.Status == DeliveryNoteStatus.Delivered))
            .SelectMany(n => n.Lines.Select(l => new { n.OrderId, l.OrderLineId, l.Quantity }))
            .ToListAsync(ct)).ToLookup(d => d.OrderId);
        var ledgers = new Dictionary<Guid, OrderBillingLedger>();
        foreach (var order in orders)
        {
            var ledger = OrderBilling.Replay(order, documents[order.Id]).Ledger;
            foreach (var line in delivered[order.Id]) ledger.RecordDelivery(line.OrderLineId, line.Quantity);
            ledgers[order.Id] = ledger;
        }
        return ledgers;
    }

    public async Task<IReadOnlyDictionary<Guid, ProductNature>> NaturesAsync(IEnumerable<Guid?> productIds, CancellationToken ct)
    {
        var ids = productIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<Guid, ProductNature>();
        return await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Nature, ct);
    }

    /// <summary>
    /// Validates a draft in one short transaction: locks the order (so two invoices of one order cannot both pass the
    /// ledger), re-checks the ledger, takes the next gapless number (row lock on the counter), locks the company's chain head,
    /// copies the snapshots, freezes and fingerprints the document, and writes the audit entry. A failure anywhere rolls
    /// everything back, number included.
    /// </summary>
    public async Task ValidateAsync(BillingDocument document, DateOnly? requestedDate, CancellationToken ct)
    {
        document.EnsureDraft();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Customer buyerCustomer;
        Invoice? corrected = null;
        if (document.OrderId is { } orderId)
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", ct);
        switch (document)
        {
            case Invoice invoice:
                if (invoice.OrderId is { } id)
                    (await OrderBillingAsync(id, "orderId", ct)).Accept(invoice);
                break;
            case CreditNote note:
                corrected = await db.Invoices.AsNoTracking().AsSplitQuery().SingleAsync(i => i.Id == note.InvoiceId, ct);
                var credits = await db.CreditNotes.AsNoTracking().AsSplitQuery()
                    .Where(c => c.InvoiceId == note.InvoiceId && c.Status == BillingStatus.Validated).ToListAsync(ct);
                note.EnsureWithin(corrected, credits);
                if (note.OrderId is { } noteOrder)
                    (await OrderBillingAsync(noteOrder, "invoiceId", ct)).Accept(note);
                break;
        }

        buyerCustomer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == document.CustomerId, ct);
        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var today = await companyClock.TodayAsync(ct);
        var issueDate = requestedDate ?? document.RequestedIssueDate ?? today;
        var type = document is CreditNote ? DocumentType.CreditNote : DocumentType.Invoice;
        // Everything that does not depend on the number is read before the counter is locked: every validation of the
        // company queues on that row, so the lock is held only for the few statements that need it (number, chain head,
        // closed periods, then one batch of writes and the commit).
        var seller = Seller(company);
        var buyer = corrected?.Buyer ?? await BuyerAsync(buyerCustomer, document, ct);
        var notes = await LegalNotesAsync(company, document, ct);
        // Resolved here, not injected: the archiving hook itself uses this service for drafts.
        var hooks = services.GetServices<IBillingValidationHook>().ToList();
        string? template = null;
        foreach (var hook in hooks)
            template ??= await hook.TemplateSnapshotAsync(document, ct);
        await books.PrepareAsync(document.CustomerId, ct); // what the sales entry reads, kept for the booking below
        var number = await numbers.NextAsync(type, issueDate, "issueDate", ct);
        var head = await LockChainHeadAsync(ct);
        await ClosedPeriods.EnsureDateOpenAsync(db, issueDate, ct); // domain-rules.md §8: a closed period receives nothing
        document.Validate(new BillingValidation(number, issueDate, today, clock.GetUtcNow(), actor.UserId, seller, buyer, notes, template,
            head.LastSequence + 1, head.LastFingerprint));
        head.LastSequence = document.ChainSequence!.Value;
        head.LastFingerprint = document.Fingerprint!;
        var (entity, action) = document is CreditNote ? ("creditNote", "creditNote.validated") : ("invoice", "invoice.validated");
        audit.Record(action, entity, document.Id, after: new
        {
            number,
            issueDate,
            document.DueDate,
            document.TotalExcludingVat,
            document.TotalVat,
            document.TotalIncludingVat,
            document.Fingerprint,
            document.ChainSequence,
        });
        if (corrected is not null)
            audit.Record("invoice.credited", "invoice", corrected.Id, after: new { creditNote = number, document.TotalIncludingVat });
        await mediator.Send(new Payments.BookValidatedDocumentCommand(document), ct); // the customer's account and the sales journal, in this transaction
        // One batch of writes: no savepoint around it (a failure rolls the whole validation back, never retries).
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("Validated {Type} {Number} (chain #{Sequence})", entity, number, document.ChainSequence);
        foreach (var hook in hooks)
            await hook.AfterCommitAsync(document, ct);
    }

    private async Task<ChainHead> LockChainHeadAsync(CancellationToken ct)
    {
        var companyId = actor.RequireCompanyId();
        var head = await db.ChainHeads.FromSql($"SELECT * FROM compliance_chain_heads WHERE company_id = {companyId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (head is not null) return head;
        // The company's first document: create the head (a concurrent first validation simply wins the race), then lock it.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO compliance_chain_heads (company_id, last_sequence, last_fingerprint)
            VALUES ({companyId}, 0, {DocumentFingerprint.Genesis})
            ON CONFLICT (company_id) DO NOTHING
            """, ct);
        return await db.ChainHeads.FromSql($"SELECT * FROM compliance_chain_heads WHERE company_id = {companyId} FOR UPDATE").SingleAsync(ct);
    }

    public static SellerSnapshot Seller(Company c) => new(c.Id, c.LegalName, c.LegalForm?.ToString(), c.ShareCapital, AddressSnapshot.From(c.Address), c.Siren, c.RcsCity,
        c.VatNumber, c.Iban, c.Bic, c.VatFranchise, c.VatOnDebits, c.LatePaymentPenaltyRate);

    internal async Task<BuyerSnapshot> BuyerAsync(Customer customer, BillingDocument document, CancellationToken ct)
    {
        var contact = document.ContactId is { } contactId
            ? await db.Set<Contact>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, ct)
            : await db.Set<Contact>().AsNoTracking().SingleOrDefaultAsync(c => c.CustomerId == customer.Id && c.IsBilling, ct);
        PostalAddress? delivery = null;
        if (document.OrderId is { } orderId)
            delivery = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => o.DeliveryAddress).SingleOrDefaultAsync(ct);
        if (delivery == customer.BillingAddress) delivery = null;
        return new BuyerSnapshot(customer.Id, customer.Name, customer.Kind == CustomerKind.Business, customer.CountryCode, customer.VatRegime.ToString(),
            AddressSnapshot.From(customer.BillingAddress), AddressSnapshot.From(delivery), customer.Siren, customer.VatNumber, customer.AccountingCode,
            contact is null ? null : $"{contact.FirstName} {contact.LastName}".Trim(), contact?.Email);
    }

    /// <summary>The VAT wordings the lines need (domain-rules.md §4, §7) and the VAT-on-debits option.</summary>
    internal async Task<IReadOnlyList<string>> LegalNotesAsync(Company company, BillingDocument document, CancellationToken ct)
    {
        var notes = new List<string>();
        var categories = document.Lines.Where(l => l.Kind.IsPriced()).Select(l => l.VatCategory).Distinct().ToList();
        if (categories.Contains(VatCategory.Exempt))
        {
            if (company.VatFranchise)
            {
                notes.Add(VatTreatments.FranchiseWording);
            }
            else
            {
                // Each exempt line's own legal basis, as typed on a free line or copied from its product; a product line
                // stored before lines kept it falls back to the product's current reason.
                var exempt = document.Lines.Where(l => l.Kind.IsPriced() && l.VatCategory == VatCategory.Exempt).ToList();
                var ids = exempt.Where(l => l.VatExemptionReason is null && l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
                var productReasons = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id) && p.VatExemptionReason != null)
                    .ToDictionaryAsync(p => p.Id, p => p.VatExemptionReason!, ct);
                var reasons = exempt.Select(l => l.VatExemptionReason ?? (l.ProductId is { } id ? productReasons.GetValueOrDefault(id) : null)).ToList();
                notes.AddRange(reasons.OfType<string>().Distinct());
                if (reasons.Any(r => r is null)) notes.Add(PrintableParts.GenericExemptionWording);
            }
        }
        if (categories.Contains(VatCategory.IntraCommunitySupply)) notes.Add(VatTreatments.IntraCommunitySupplyWording);
        if (categories.Contains(VatCategory.ReverseCharge)) notes.Add(VatTreatments.ReverseChargeWording);
        if (categories.Contains(VatCategory.Export)) notes.Add(VatTreatments.ExportWording);
        if (categories.Contains(VatCategory.OutsideScope))
        {
            // Services to a business outside the EU (art. 259-1); otherwise sums outside the scope of VAT (late-payment fees).
            var regime = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == document.CustomerId).Select(c => c.VatRegime).SingleAsync(ct);
            notes.Add(regime == CustomerVatRegime.OutsideEu ? VatTreatments.OutsideScopeWording : VatTreatments.OutsideScopeOfVatWording);
        }
        if (company.VatOnDebits) notes.Add("Option pour le paiement de la taxe d'après les débits");
        return notes;
    }
}

/// <summary>Extension points of the validating transaction: the template snapshot taken inside it, and what runs right
/// after it commits (rendering and archiving the PDF).</summary>
public interface IBillingValidationHook
{
    Task<string?> TemplateSnapshotAsync(BillingDocument document, CancellationToken ct);

    Task AfterCommitAsync(BillingDocument document, CancellationToken ct);
}
