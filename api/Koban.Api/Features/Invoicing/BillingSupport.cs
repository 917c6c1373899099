using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Numbering;
using Koban.Domain.Products;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

/// <summary>An order with its ledger rebuilt from every validated invoice and credit note (in validation order), and those documents.</summary>
public sealed record OrderBilling(Order Order, OrderBillingLedger Ledger, IReadOnlyList<Invoice> Invoices, IReadOnlyList<CreditNote> CreditNotes);

/// <summary>
/// The shared plumbing of invoices and credit notes: the order's ledger replayed from the validated documents (the single
/// source of truth, so it can never drift from them), the deposits a balance deducts, the snapshots, and the validating
/// transaction (order lock → number → chain head → fingerprint → audit).
/// </summary>
public sealed class BillingService(KobanDbContext db, AuditLog audit, CurrentActor actor, CompanyClock companyClock, DocumentNumbers numbers, TimeProvider clock,
    Payments.ReceivablesLedger receivables, IServiceProvider services, ILogger<BillingService> logger)
{
    public async Task<OrderBilling> OrderBillingAsync(Guid orderId, string field, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new ReferenceNotFoundException(field);
        if (order.Status is not (OrderStatus.InProgress or OrderStatus.Closed))
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, "Only a validated order is invoiced.") { Field = field };
        var documents = await db.BillingDocuments.AsNoTracking().AsSplitQuery()
            .Where(d => d.OrderId == orderId && d.Status == BillingStatus.Validated)
            .OrderBy(d => d.ChainSequence)
            .ToListAsync(ct);
        var ledger = OrderBillingLedger.For(order);
        foreach (var document in documents)
        {
            switch (document)
            {
                case Invoice invoice: invoice.RecordOn(ledger, order); break;
                case CreditNote note: note.RecordOn(ledger, order); break;
            }
        }
        return new OrderBilling(order, ledger, [.. documents.OfType<Invoice>()], [.. documents.OfType<CreditNote>()]);
    }

    /// <summary>The ledgers of several validated orders at once, each replayed from its validated documents as in
    /// <see cref="OrderBillingAsync"/> (one query for all the documents).</summary>
    public async Task<Dictionary<Guid, OrderBillingLedger>> OrderLedgersAsync(IReadOnlyCollection<Order> orders, CancellationToken ct)
    {
        var ids = orders.Select(o => o.Id).ToList();
        var documents = (await db.BillingDocuments.AsNoTracking().AsSplitQuery()
            .Where(d => d.OrderId != null && ids.Contains(d.OrderId.Value) && d.Status == BillingStatus.Validated)
            .OrderBy(d => d.ChainSequence)
            .ToListAsync(ct)).ToLookup(d => d.OrderId!.Value);
        var ledgers = new Dictionary<Guid, OrderBillingLedger>();
        foreach (var order in orders)
        {
            var ledger = OrderBillingLedger.For(order);
            foreach (var document in documents[order.Id])
            {
                switch (document)
                {
                    case Invoice invoice: invoice.RecordOn(ledger, order); break;
                    case CreditNote note: note.RecordOn(ledger, order); break;
                }
            }
            ledgers[order.Id] = ledger;
        }
        return ledgers;
    }

    /// <summary>The validated deposits of the order still to deduct, each net of correction credit notes on it and of what
    /// validated balances already deducted (and corrections of those gave back).</summary>
    public static IReadOnlyList<DepositDeduction> DepositsToDeduct(OrderBilling billing)
    {
        var result = new List<DepositDeduction>();
        foreach (var deposit in billing.Invoices.Where(i => i.Kind == InvoiceKind.Deposit))
        {
            var rows = deposit.VatBreakdown.ToDictionary(r => (r.Rate, r.Category), r => (r.Base, r.Vat));
            foreach (var credit in billing.CreditNotes.Where(c => c.InvoiceId == deposit.Id && c.Reason == CreditReason.Correction))
            {
                foreach (var r in credit.VatBreakdown)
                    Subtract(rows, r.Rate, r.Category, r.Base, r.Vat);
            }
            foreach (var line in billing.Invoices.SelectMany(i => i.Lines).Where(l => l.DeductedInvoiceId == deposit.Id))
                Subtract(rows, line.VatRate, line.VatCategory, -line.NetAmount, line.DeductedVat);
            foreach (var line in billing.CreditNotes.Where(c => c.Reason == CreditReason.Correction).SelectMany(c => c.Lines).Where(l => l.DeductedInvoiceId == deposit.Id))
                Subtract(rows, line.VatRate, line.VatCategory, line.NetAmount, -line.DeductedVat);
            var left = rows.Where(r => r.Value.Base != 0m || r.Value.Vat != 0m).Select(r => new VatBreakdownLine(r.Key.Rate, r.Value.Base, r.Value.Vat, r.Key.Category)).ToList();
            if (left.Count > 0)
                result.Add(new DepositDeduction(deposit.Id, deposit.Number!, deposit.IssueDate!.Value, left));
        }
        return result;

        static void Subtract(Dictionary<(decimal, VatCategory), (decimal Base, decimal Vat)> rows, decimal rate, VatCategory category, decimal b, decimal v)
        {
            var current = rows.GetValueOrDefault((rate, category));
            rows[(rate, category)] = (current.Base - b, current.Vat - v);
        }
    }

    public async Task<IReadOnlyDictionary<Guid, ProductNature>> NaturesAsync(IEnumerable<Guid?> productIds, CancellationToken ct)
    {
        var ids = productIds.OfType<Guid>().Distinct().ToList();
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
                {
                    var billing = await OrderBillingAsync(id, "orderId", ct);
                    invoice.RecordOn(billing.Ledger, billing.Order);
                    if (invoice.Kind == InvoiceKind.Balance)
                        CheckDeductions(invoice, DepositsToDeduct(billing));
                }
                break;
            case CreditNote note:
                corrected = await db.Invoices.AsNoTracking().AsSplitQuery().SingleAsync(i => i.Id == note.InvoiceId, ct);
                var credits = await db.CreditNotes.AsNoTracking().AsSplitQuery()
                    .Where(c => c.InvoiceId == note.InvoiceId && c.Status == BillingStatus.Validated).ToListAsync(ct);
                note.EnsureWithin(corrected, credits);
                if (note.OrderId is { } noteOrder)
                {
                    var billing = await OrderBillingAsync(noteOrder, "invoiceId", ct);
                    note.RecordOn(billing.Ledger, billing.Order);
                }
                break;
        }

        buyerCustomer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == document.CustomerId, ct);
        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var today = await companyClock.TodayAsync(ct);
        var issueDate = requestedDate ?? document.RequestedIssueDate ?? today;
        var type = document is CreditNote ? DocumentType.CreditNote : DocumentType.Invoice;
        var number = await numbers.NextAsync(type, issueDate, "issueDate", ct);
        var head = await LockChainHeadAsync(ct);
        await Compliance.ClosureService.EnsureDateOpenAsync(db, issueDate, ct); // domain-rules.md §8: a closed period receives nothing
        var seller = Seller(company);
        var buyer = corrected?.Buyer ?? await BuyerAsync(buyerCustomer, document, ct);
        var notes = await LegalNotesAsync(company, document, ct);
        // Resolved here, not injected: the archiving hook itself uses this service for drafts.
        var hooks = services.GetServices<IBillingValidationHook>().ToList();
        string? template = null;
        foreach (var hook in hooks)
            template ??= await hook.TemplateSnapshotAsync(document, ct);
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
        await receivables.OnValidatedAsync(document, ct); // the customer's account and the sales journal, in this transaction
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Validated {Type} {Number} (chain #{Sequence})", entity, number, document.ChainSequence);
        foreach (var hook in hooks)
            await hook.AfterCommitAsync(document, ct);
    }

    private static void CheckDeductions(Invoice balance, IReadOnlyList<DepositDeduction> available)
    {
        foreach (var group in balance.Lines.Where(l => l.IsDeduction).GroupBy(l => (l.DeductedInvoiceId, l.VatRate, l.VatCategory)))
        {
            var row = available.FirstOrDefault(d => d.InvoiceId == group.Key.DeductedInvoiceId)?.Rows
                .FirstOrDefault(r => r.Rate == group.Key.VatRate && r.Category == group.Key.VatCategory);
            if (row is null || -group.Sum(l => l.NetAmount) > row.Base)
            {
                throw new DomainConflictException(ErrorCodes.DeductionBeyondDeposits, "A deposit of this balance changed since the draft: delete it and create it again.")
                {
                    Field = "lines",
                    Arguments = new Dictionary<string, object> { ["remaining"] = row?.Base ?? 0m },
                };
            }
        }
    }

    private async Task<ChainHead> LockChainHeadAsync(CancellationToken ct)
    {
        var companyId = actor.RequireCompanyId();
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
                if (reasons.Any(r => r is null)) notes.Add(Documents.PrintableParts.GenericExemptionWording);
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
