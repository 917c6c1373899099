using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed class InvoiceFromOrderValidator : AbstractValidator<InvoiceFromOrderRequest>
{
    public InvoiceFromOrderValidator()
    {
        RuleFor(r => r.OrderId).NotEmpty();
        RuleFor(r => r.Kind).IsInEnum().NotEqual(InvoiceKind.Direct);
        RuleFor(r => r.Lines!.Count).LessThanOrEqualTo(500).When(r => r.Lines is not null).OverridePropertyName("lines");
        RuleFor(r => r.CustomerReference).MaximumLength(100);
        RuleFor(r => r.HeaderText).MaximumLength(4000);
        RuleFor(r => r.FooterText).MaximumLength(4000);
        RuleFor(r => r.Comment).MaximumLength(4000);
        RuleFor(r => r.PaymentMethod).IsInEnum().When(r => r.PaymentMethod is not null);
        RuleFor(r => r).Must(r => new[] { r.Percentage is not null, r.AmountExcludingVat is not null, r.AmountIncludingVat is not null, r.Lines is { Count: > 0 } }.Count(x => x) <= 1)
            .WithErrorCode(ApiErrorCodes.OneOfFields).OverridePropertyName("percentage");
    }
}

public sealed class InvoiceRequestValidator : AbstractValidator<InvoiceRequest>
{
    public InvoiceRequestValidator()
    {
        RuleFor(r => r.CustomerId).NotEmpty();
        RuleFor(r => r.CustomerReference).MaximumLength(100);
        RuleFor(r => r.HeaderText).MaximumLength(4000);
        RuleFor(r => r.FooterText).MaximumLength(4000);
        RuleFor(r => r.Comment).MaximumLength(4000);
        RuleFor(r => r.PaymentMethod).IsInEnum().When(r => r.PaymentMethod is not null);
        RuleFor(r => r.Lines!.Count).LessThanOrEqualTo(500).When(r => r.Lines is not null).OverridePropertyName("lines");
        RuleForEach(r => r.Lines).SetValidator(new SalesLineValidator());
    }
}

public sealed record ListInvoicesQuery(int Limit, string? After, string? Sort, string? Search, BillingStatus? Status, InvoiceKind? Kind, Guid? CustomerId, Guid? OrderId,
    DateOnly? IssuedFrom, DateOnly? IssuedTo, bool? Overdue, DateTimeOffset? UpdatedSince, InvoicePaymentStatus? PaymentStatus = null) : IQuery<InvoiceList>;

public sealed record GetInvoiceQuery(Guid Id) : IQuery<(InvoiceResponse Invoice, uint Version)>;

public sealed record CreateInvoiceFromOrderCommand(InvoiceFromOrderRequest Request, bool DryRun) : ICommand<(InvoiceResponse Invoice, uint Version)>;

public sealed class CreateInvoiceFromOrderCommandValidator : AbstractValidator<CreateInvoiceFromOrderCommand>
{
    public CreateInvoiceFromOrderCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new InvoiceFromOrderValidator()).OverridePropertyName("");
}

public sealed record SaveDirectInvoiceCommand(Guid? Id, uint? ExpectedVersion, InvoiceRequest Request) : ICommand<(InvoiceResponse Invoice, uint Version)>;

public sealed class SaveDirectInvoiceCommandValidator : AbstractValidator<SaveDirectInvoiceCommand>
{
    public SaveDirectInvoiceCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new InvoiceRequestValidator()).OverridePropertyName("");
}

public enum InvoiceAction
{
    Validate,
    Delete,
}

public sealed record InvoiceActionCommand(Guid Id, InvoiceAction Action, DateOnly? IssueDate = null) : ICommand<InvoiceResponse?>;

public sealed class InvoiceHandlers(KobanDbContext db, AuditLog audit, BillingService billing, SalesLineBuilder builder, CompanyClock companyClock, TimeProvider clock, IMediator mediator)
    : IQueryHandler<ListInvoicesQuery, InvoiceList>,
      IQueryHandler<GetInvoiceQuery, (InvoiceResponse Invoice, uint Version)>,
      ICommandHandler<CreateInvoiceFromOrderCommand, (InvoiceResponse Invoice, uint Version)>,
      ICommandHandler<SaveDirectInvoiceCommand, (InvoiceResponse Invoice, uint Version)>,
      ICommandHandler<InvoiceActionCommand, InvoiceResponse?>
{
    public static readonly SortFields<Invoice> Sorts = new SortFields<Invoice>("-updatedAt")
        .Add("issueDate", i => i.IssueDate)
        .Add("dueDate", i => i.DueDate)
        .Add("totalIncludingVat", i => i.TotalIncludingVat)
        .Add("updatedAt", i => i.UpdatedAt);

    public async ValueTask<InvoiceList> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var today = await companyClock.TodayAsync(cancellationToken);
        var invoices = db.Invoices.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status) invoices = invoices.Where(i => i.Status == status);
        if (query.Kind is { } kind) invoices = invoices.Where(i => i.Kind == kind);
        if (query.CustomerId is { } customerId) invoices = invoices.Where(i => i.CustomerId == customerId);
        if (query.OrderId is { } orderId) invoices = invoices.Where(i => i.OrderId == orderId);
        if (query.IssuedFrom is { } from) invoices = invoices.Where(i => i.IssueDate >= from);
        if (query.IssuedTo is { } to) invoices = invoices.Where(i => i.IssueDate <= to);
        if (query.UpdatedSince is { } since) invoices = invoices.Where(i => i.UpdatedAt >= since);
        if (query.Overdue == true)
        {
            invoices = invoices.Where(i => i.Status == BillingStatus.Validated && i.DueDate < today
                && db.ReceivableItems.Any(r => r.SourceId == i.Id && r.Kind == ReceivableKind.Invoice && r.Outstanding > 0m));
        }
        if (query.PaymentStatus is { } paymentStatus)
        {
            invoices = invoices.Where(i => i.Status == BillingStatus.Validated);
            invoices = paymentStatus switch
            {
                InvoicePaymentStatus.Paid => invoices.Where(i => db.ReceivableItems.Any(r => r.SourceId == i.Id && r.Kind == ReceivableKind.Invoice && r.Outstanding == 0m && r.Settled > r.SettledByCreditNotes)),
                InvoicePaymentStatus.Credited => invoices.Where(i => db.ReceivableItems.Any(r => r.SourceId == i.Id && r.Kind == ReceivableKind.Invoice && r.Outstanding == 0m && r.Settled == r.SettledByCreditNotes)),
                InvoicePaymentStatus.PartiallyPaid => invoices.Where(i => db.ReceivableItems.Any(r => r.SourceId == i.Id && r.Kind == ReceivableKind.Invoice && r.Outstanding > 0m && r.Settled > r.SettledByCreditNotes)),
                _ => invoices.Where(i => db.ReceivableItems.Any(r => r.SourceId == i.Id && r.Kind == ReceivableKind.Invoice && r.Outstanding > 0m && r.Settled == r.SettledByCreditNotes)),
            };
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            invoices = invoices.Where(i => EF.Functions.ILike(i.Number ?? "", pattern, "\\") || EF.Functions.ILike(i.OrderNumber ?? "", pattern, "\\")
                || db.Customers.Any(c => c.Id == i.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(invoices, Sorts, query.Sort, query.After, query.Limit, i => i.Id, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var credited = await CreditedAsync(ids, cancellationToken);
        var items = await db.ReceivableItems.AsNoTracking().Where(r => ids.Contains(r.SourceId) && r.Kind == ReceivableKind.Invoice)
            .ToDictionaryAsync(r => r.SourceId, cancellationToken);
        var names = await CustomerNamesAsync(rows.Select(r => r.CustomerId), cancellationToken);
        return new InvoiceList([.. rows.Select(i =>
        {
            var item = items.GetValueOrDefault(i.Id);
            var due = item?.Outstanding ?? AmountDue(i, credited.GetValueOrDefault(i.Id));
            return new InvoiceSummary(i.Id, i.Kind, i.Status, i.Number, i.CustomerId, names.GetValueOrDefault(i.CustomerId, ""), i.OrderId, i.OrderNumber, i.IssueDate,
                i.DueDate, i.TotalExcludingVat, i.TotalIncludingVat, due, IsOverdue(i, due, today), i.UpdatedAt, item?.PaymentStatus, item?.Disputed ?? false);
        })], next, hasMore);
    }

    public async ValueTask<(InvoiceResponse Invoice, uint Version)> Handle(GetInvoiceQuery query, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(i => i.Id == query.Id, cancellationToken) ?? throw new NotFoundException("invoice", query.Id);
        return (await ToResponseAsync(invoice, cancellationToken), invoice.Version);
    }

    public async ValueTask<(InvoiceResponse Invoice, uint Version)> Handle(CreateInvoiceFromOrderCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var orderBilling = await billing.OrderBillingAsync(r.OrderId, "orderId", cancellationToken);
        var order = orderBilling.Order;
        if (r.Lines is { Count: > 0 })
            await References.EnsureExistAsync<OrderLine>(db, [.. r.Lines.Select(l => l.OrderLineId)], i => $"lines[{i}].orderLineId", cancellationToken);
        var (basis, value) = (r.Percentage, r.AmountExcludingVat, r.AmountIncludingVat) switch
        {
            ({ } p, _, _) => (AmountBasis.Percentage, p),
            (_, { } a, _) => (AmountBasis.ExcludingVat, a),
            (_, _, { } t) => (AmountBasis.IncludingVat, t),
            _ => ((AmountBasis?)null, (decimal?)null),
        };
        BillingSchedule? schedule = null;
        if (r.MilestoneId is { } milestoneId)
        {
            schedule = await db.Set<BillingSchedule>().SingleOrDefaultAsync(s => s.OrderId == order.Id, cancellationToken);
            var milestone = schedule?.Milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new ReferenceNotFoundException("milestoneId");
            if (basis is null && r.Lines is not { Count: > 0 })
                (basis, value) = milestone.Percentage is { } p ? (AmountBasis.Percentage, p) : (AmountBasis.ExcludingVat, milestone.Amount);
        }
        if (basis == AmountBasis.IncludingVat && r.Kind == InvoiceKind.Intermediate)
            throw new FieldValidationException("amountIncludingVat", ApiErrorCodes.OneOfFields);
        var quoteNumber = order.SourceQuoteId is { } quoteId
            ? await db.Quotes.AsNoTracking().IgnoreAutoIncludes().Where(q => q.Id == quoteId).Select(q => q.Number).SingleOrDefaultAsync(cancellationToken)
            : null;
        var billTo = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleAsync(c => c.Id == order.BillToCustomerId, cancellationToken);
        await References.EnsureContactAsync(db, r.ContactId, cancellationToken, order.CustomerId, order.BillToCustomerId);
        var spec = new OrderInvoiceSpec(r.Kind, basis, value,
            r.Lines?.Select(l => new OrderLinePortion(l.OrderLineId, l.Quantity)).ToList(),
            QuoteNumber: quoteNumber, MilestoneId: r.MilestoneId, ProductNatures: await billing.NaturesAsync(order.Lines.Select(l => l.ProductId), cancellationToken));
        var header = new BillingHeaderData(r.IssueDate, r.PaymentTerms?.ToDomain(), r.PaymentMethod, r.CustomerReference, r.HeaderText, r.FooterText, r.Comment, r.ContactId,
            r.SaleDate);
        var invoice = orderBilling.DraftInvoice(spec, header, billTo.Kind == CustomerKind.Business, clock.GetUtcNow());
        if (command.DryRun)
            return (await ToResponseAsync(invoice, cancellationToken), 0);

        db.Invoices.Add(invoice);
        if (schedule is not null) schedule.LinkInvoice(r.MilestoneId!.Value, invoice.Id);
        audit.Record("invoice.created", "invoice", invoice.Id, after: new { invoice.Kind, invoice.OrderId, order.Number, invoice.MilestoneId, invoice.TotalExcludingVat, invoice.TotalIncludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponseAsync(invoice, cancellationToken), invoice.Version);
    }

    public async ValueTask<(InvoiceResponse Invoice, uint Version)> Handle(SaveDirectInvoiceCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        Invoice? invoice = null;
        if (command.Id is { } id)
        {
            invoice = await db.Invoices.AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("invoice", id);
            if (invoice.Version != command.ExpectedVersion) throw new PreconditionFailedException();
            db.Entry(invoice).Property(i => i.Version).OriginalValue = command.ExpectedVersion!.Value;
            invoice.EnsureDraft();
            if (r.CustomerId != invoice.CustomerId && invoice.Kind != InvoiceKind.Direct)
                throw new DomainConflictException(ErrorCodes.InvoiceLinesFollowOrder, "An order invoice bills the order's customer.") { Field = "customerId" };
        }
        var customer = await builder.CustomerAsync(r.CustomerId, "customerId", forNewDocument: true, cancellationToken);
        var business = customer.Kind == CustomerKind.Business;
        await References.EnsureContactAsync(db, r.ContactId, cancellationToken, customer.Id);
        var terms = r.PaymentTerms?.ToDomain() ?? invoice?.PaymentTerms ?? customer.PaymentTerms ?? await db.Companies.Select(c => c.DefaultPaymentTerms).SingleAsync(cancellationToken);
        var header = new BillingHeaderData(r.IssueDate, terms, r.PaymentMethod, r.CustomerReference, r.HeaderText, r.FooterText, r.Comment, r.ContactId, r.SaleDate);
        List<BillingLineData>? lines = null;
        if (r.Lines is not null)
        {
            var built = await builder.BuildAsync(r.Lines, customer, cancellationToken, invoice?.Lines.OrderBy(l => l.Position).ToList<SalesLine>());
            var natures = await billing.NaturesAsync(built.Select(l => l.ProductId), cancellationToken);
            var previous = invoice?.Lines.OrderBy(l => l.Position).ToList();
            lines = [.. built.Select((l, i) => new BillingLineData(l, Nature: !l.Kind.IsPriced() ? null
                : l.ProductId is { } p && natures.TryGetValue(p, out var n) ? n : r.Lines[i].Nature ?? Invoice.NatureFromCategory(l.VatCategory),
                // a late-fee line edited in place (still a free line outside the scope of VAT) keeps its account
                LateFee: previous is not null && i < previous.Count && previous[i].LateFee is { } fee && l.Kind == LineKind.Free && l.VatCategory == VatCategory.OutsideScope
                    ? fee : null))];
        }
        if (invoice is null)
        {
            invoice = Invoice.Direct(customer.Id, header, lines ?? [], business, clock.GetUtcNow());
            db.Invoices.Add(invoice);
            audit.Record("invoice.created", "invoice", invoice.Id, after: new { invoice.Kind, traceableToOrder = false, invoice.CustomerId, invoice.TotalExcludingVat });
        }
        else
        {
            var before = new { invoice.TotalExcludingVat, invoice.CustomerReference, invoice.RequestedIssueDate, invoice.SaleDate };
            invoice.UpdateHeader(header, business);
            if (lines is not null && invoice.Kind == InvoiceKind.Direct) invoice.ReplaceLines(lines);
            else if (lines is not null && r.Lines!.Count > 0) invoice.ReplaceLines(lines);
            if (invoice.Kind == InvoiceKind.Direct && r.CustomerId != invoice.CustomerId)
                db.Entry(invoice).Property(i => i.CustomerId).CurrentValue = r.CustomerId;
            audit.Record("invoice.updated", "invoice", invoice.Id, before, new { invoice.TotalExcludingVat, invoice.CustomerReference, invoice.RequestedIssueDate, invoice.SaleDate });
        }
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponseAsync(invoice, cancellationToken), invoice.Version);
    }

    public async ValueTask<InvoiceResponse?> Handle(InvoiceActionCommand command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsSplitQuery().SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken) ?? throw new NotFoundException("invoice", command.Id);
        switch (command.Action)
        {
            case InvoiceAction.Validate:
                await billing.ValidateAsync(invoice, command.IssueDate, cancellationToken);
                return await ToResponseAsync(invoice, cancellationToken);
            default:
                invoice.EnsureDeletable();
                if (invoice.MilestoneId is { } milestoneId && invoice.OrderId is { } orderId)
                {
                    var schedule = await db.Set<BillingSchedule>().SingleOrDefaultAsync(s => s.OrderId == orderId, cancellationToken);
                    if (schedule?.Milestones.Any(m => m.Id == milestoneId && m.InvoiceId == invoice.Id) == true) schedule.UnlinkInvoice(milestoneId);
                }
                db.Invoices.Remove(invoice);
                audit.Record("invoice.deleted", "invoice", invoice.Id, before: new { invoice.Kind, invoice.CustomerId, invoice.TotalExcludingVat });
                await db.SaveChangesAsync(cancellationToken);
                return null;
        }
    }

    internal static decimal AmountDue(BillingDocument invoice, decimal credited) =>
        invoice.IsValidated ? Math.Max(0m, invoice.TotalIncludingVat - credited) : invoice.TotalIncludingVat;

    internal static bool IsOverdue(BillingDocument invoice, decimal amountDue, DateOnly today) =>
        invoice.IsValidated && amountDue > 0m && invoice.DueDate < today;

    private async Task<Dictionary<Guid, decimal>> CreditedAsync(List<Guid> invoiceIds, CancellationToken ct) =>
        await db.CreditNotes.AsNoTracking().IgnoreAutoIncludes().Where(c => invoiceIds.Contains(c.InvoiceId) && c.Status == BillingStatus.Validated)
            .GroupBy(c => c.InvoiceId).Select(g => new { g.Key, Total = g.Sum(c => c.TotalIncludingVat) }).ToDictionaryAsync(g => g.Key, g => g.Total, ct);

    private async Task<Dictionary<Guid, string>> CustomerNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Customers.IgnoreAutoIncludes().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    internal async Task<InvoiceResponse> ToResponseAsync(Invoice i, CancellationToken ct)
    {
        var names = await CustomerNamesAsync([i.CustomerId], ct);
        var credits = await db.CreditNotes.AsNoTracking().IgnoreAutoIncludes().Where(c => c.InvoiceId == i.Id)
            .Select(c => new { c.Id, c.Number, c.IssueDate, c.TotalIncludingVat, c.Status }).ToListAsync(ct);
        var credited = credits.Where(c => c.Status == BillingStatus.Validated).Sum(c => c.TotalIncludingVat);
        var today = await companyClock.TodayAsync(ct);
        var due = AmountDue(i, credited);
        var links = new List<BillingLinkResponse>();
        if (i.OrderId is { } orderId)
        {
            var order = await db.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.Id == orderId).Select(o => new { o.Number, o.OrderDate, o.TotalIncludingVat }).SingleAsync(ct);
            links.Add(new BillingLinkResponse(orderId, "Order", order.Number, order.OrderDate, order.TotalIncludingVat));
        }
        var deducted = i.Lines.Where(l => l.DeductedInvoiceId is not null).Select(l => l.DeductedInvoiceId!.Value).Distinct().ToList();
        if (deducted.Count > 0)
        {
            links.AddRange(await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(d => deducted.Contains(d.Id))
                .Select(d => new BillingLinkResponse(d.Id, "DepositInvoice", d.Number, d.IssueDate, d.TotalIncludingVat)).ToListAsync(ct));
        }
        links.AddRange(credits.Select(c => new BillingLinkResponse(c.Id, "CreditNote", c.Number, c.IssueDate, c.TotalIncludingVat)));
        var archive = await db.ArchivedDocuments.AsNoTracking().Where(a => a.DocumentId == i.Id).Select(a => new ArchiveResponse(a.Sha256, a.CreatedAt)).SingleOrDefaultAsync(ct);
        var history = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == i.Id).OrderBy(e => e.OccurredAt)
            .Select(e => new OrderHistoryEntry(e.OccurredAt, e.Action, e.ActorName)).ToListAsync(ct);
        var payment = i.IsValidated ? await mediator.Send(new Payments.FindInvoicePaymentsQuery(i.Id), ct) : null;
        if (payment is not null) due = payment.Outstanding;
        return new InvoiceResponse(i.Id, i.Kind, i.Status, i.Number, i.Title, i.CustomerId, names.GetValueOrDefault(i.CustomerId, ""), i.OrderId, i.OrderNumber,
            i.TraceableToOrder, i.MilestoneId, i.IssueDate, i.RequestedIssueDate, i.DueDate, PaymentTermsDto.From(i.PaymentTerms)!, i.PaymentMethod, i.Currency,
            i.CustomerReference, i.HeaderText, i.FooterText, i.Comment, i.ContactId, [.. i.Lines.Select(BillingLineResponse.From)],
            Totals(i), credited, due, IsOverdue(i, due, today),
            i.Seller is null || i.Buyer is null ? null : new BillingSnapshotResponse(i.Seller, i.Buyer, i.LegalNotes),
            i.Fingerprint, i.ChainSequence, i.ValidatedAt, archive, links, history, i.UpdatedAt, payment, i.SaleDate);
    }

    /// <summary>A validated document's stored totals and breakdown, never recomputed; a draft's computed live.</summary>
    internal static TotalsResponse Totals(BillingDocument d) => d.IsValidated
        ? new TotalsResponse(d.TotalExcludingVat, [.. d.VatBreakdown.Select(b => new VatBreakdownResponse(b.Rate, b.Category, b.Base, b.Vat))], d.TotalVat, d.TotalIncludingVat)
        : TotalsResponse.From(d.ComputeTotals());
}
