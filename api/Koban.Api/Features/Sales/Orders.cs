using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Numbering;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Sales;

public sealed class OrderRequestValidator : AbstractValidator<OrderRequest>
{
    public OrderRequestValidator()
    {
        RuleFor(o => o.CustomerId).NotEmpty();
        RuleFor(o => o.PaymentMethod).IsInEnum();
        RuleFor(o => o.PaymentTerms!.Kind).IsInEnum().When(o => o.PaymentTerms is not null).OverridePropertyName("paymentTerms.kind");
        RuleFor(o => o.Currency).Length(3).When(o => o.Currency is not null);
        RuleFor(o => o.CustomerReference).MaximumLength(100);
        RuleFor(o => o.HeaderText).MaximumLength(4000);
        RuleFor(o => o.FooterText).MaximumLength(4000);
        RuleFor(o => o.GeneralComment).MaximumLength(4000);
        RuleFor(o => o.DeliveryMethod).MaximumLength(100);
        RuleFor(o => o.InternalNotes).MaximumLength(4000);
        this.ValidAddress(o => o.DeliveryAddress, "deliveryAddress");
        RuleFor(o => o.Lines).NotNull();
        RuleFor(o => o.Lines.Count).LessThanOrEqualTo(500).OverridePropertyName("lines");
        RuleForEach(o => o.Lines).SetValidator(new SalesLineValidator());
    }
}

public sealed record ListOrdersQuery(int Limit, string? After, string? Sort, string? Search, OrderStatus? Status, Guid? CustomerId, DateOnly? OrderDateFrom,
    DateOnly? OrderDateTo, bool? LeftToInvoice, DateTimeOffset? UpdatedSince, string? Expand = null) : IQuery<OrderList>;

public sealed record GetOrderQuery(Guid Id, string? Expand = null) : IQuery<(OrderResponse Order, uint Version)>;

public sealed record SaveOrderCommand(Guid? Id, uint? ExpectedVersion, OrderRequest Order) : ICommand<(OrderResponse Order, uint Version)>;

public sealed class SaveOrderValidator : AbstractValidator<SaveOrderCommand>
{
    public SaveOrderValidator() => RuleFor(c => c.Order).NotNull().SetValidator(new OrderRequestValidator()).OverridePropertyName("");
}

public sealed record OrderFromQuoteCommand(Guid QuoteId) : ICommand<(OrderResponse Order, uint Version)>;

public enum OrderAction
{
    Validate,
    Close,
    Cancel,
    Delete,
}

public sealed record OrderActionCommand(Guid Id, OrderAction Action, string? Reason = null) : ICommand<OrderResponse?>;

public sealed record PreviewTotalsQuery(Guid CustomerId, IReadOnlyList<SalesLineRequest> Lines) : IQuery<PreviewTotalsResponse>;

public sealed class PreviewTotalsValidator : AbstractValidator<PreviewTotalsQuery>
{
    public PreviewTotalsValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty();
        RuleFor(q => q.Lines).NotNull();
        RuleForEach(q => q.Lines).SetValidator(new SalesLineValidator());
    }
}

public sealed class OrderHandlers(KobanDbContext db, AuditLog audit, SalesLineBuilder builder, CompanyClock clock, DocumentNumbers numbers, OrderFactory factory,
    Invoicing.BillingService billing)
    : IQueryHandler<ListOrdersQuery, OrderList>,
      IQueryHandler<GetOrderQuery, (OrderResponse Order, uint Version)>,
      ICommandHandler<SaveOrderCommand, (OrderResponse Order, uint Version)>,
      ICommandHandler<OrderFromQuoteCommand, (OrderResponse Order, uint Version)>,
      ICommandHandler<OrderActionCommand, OrderResponse?>,
      IQueryHandler<PreviewTotalsQuery, PreviewTotalsResponse>
{
    public static readonly SortFields<Order> Sorts = new SortFields<Order>("-orderDate")
        .Add("orderDate", o => o.OrderDate)
        .Add("totalExcludingVat", o => o.TotalExcludingVat)
        .Add("updatedAt", o => o.UpdatedAt);

    public async ValueTask<OrderList> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        var orders = db.Orders.AsNoTracking().AsSplitQuery();
        if (query.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (query.CustomerId is { } customerId) orders = orders.Where(o => o.CustomerId == customerId || o.BillToCustomerId == customerId);
        if (query.OrderDateFrom is { } from) orders = orders.Where(o => o.OrderDate >= from);
        if (query.OrderDateTo is { } to) orders = orders.Where(o => o.OrderDate <= to);
        if (query.LeftToInvoice == true) orders = orders.Where(o => o.Status == OrderStatus.InProgress);
        if (query.UpdatedSince is { } since) orders = orders.Where(o => o.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            orders = orders.Where(o => EF.Functions.ILike(o.Number ?? "", pattern, "\\") || EF.Functions.ILike(o.CustomerReference ?? "", pattern, "\\")
                || db.Customers.Any(c => c.Id == o.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var expand = Expansions.Wants(query.Expand, Expansions.Customer);
        var (rows, next, hasMore) = await Keyset.PageAsync(orders, Sorts, query.Sort, query.After, query.Limit, o => o.Id, cancellationToken);
        var names = await CustomerNamesAsync(rows.Select(o => o.CustomerId), cancellationToken);
        var customers = expand ? await Expansions.CustomersAsync(db, rows.Select(o => o.CustomerId), cancellationToken) : [];
        var left = new Dictionary<Guid, decimal>();
        foreach (var o in rows)
            left[o.Id] = (await LedgerAsync(o, cancellationToken))?.LeftToInvoice ?? 0m;
        return new OrderList([.. rows.Select(o => new OrderSummary(o.Id, o.Number, o.Status, o.CustomerId, names.GetValueOrDefault(o.CustomerId, ""), o.OrderDate,
            o.CustomerReference, o.TotalExcludingVat, o.TotalIncludingVat, left[o.Id], o.SourceQuoteId is not null, o.UpdatedAt,
            customers.GetValueOrDefault(o.CustomerId)))], next, hasMore);
    }

    public async ValueTask<(OrderResponse Order, uint Version)> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var expand = Expansions.Wants(query.Expand, Expansions.Customer);
        var order = await db.Orders.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(o => o.Id == query.Id, cancellationToken) ?? throw new NotFoundException("order", query.Id);
        var response = await ToResponseAsync(order, cancellationToken);
        if (expand) response = response with { Customer = (await Expansions.CustomersAsync(db, [order.CustomerId], cancellationToken)).GetValueOrDefault(order.CustomerId) };
        return (response, order.Version);
    }

    public async ValueTask<(OrderResponse Order, uint Version)> Handle(SaveOrderCommand command, CancellationToken cancellationToken)
    {
        var r = command.Order;
        Order? order = null;
        if (command.Id is { } id)
        {
            order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException("order", id);
            if (order.Version != command.ExpectedVersion) throw new PreconditionFailedException();
            db.Entry(order).Property(o => o.Version).OriginalValue = command.ExpectedVersion!.Value;
            db.Entry(order).Property(o => o.UpdatedAt).IsModified = true;
        }
        var customer = await builder.CustomerAsync(r.CustomerId, "customerId", forNewDocument: order is null || !order.IsFrozen, cancellationToken);
        var billTo = r.BillToCustomerId is { } billToId && billToId != customer.Id ? await builder.CustomerAsync(billToId, "billToCustomerId", order is null || !order.IsFrozen, cancellationToken) : customer;
        await References.EnsureContactAsync(db, r.ContactId, cancellationToken, customer.Id, billTo.Id);
        if (r.SalespersonId is { } salesperson && !await db.Users.AnyAsync(u => u.Id == salesperson, cancellationToken)) throw new ReferenceNotFoundException("salespersonId");
        // Document templates are one per company and kind, addressed by kind, never by id: no templateId can name one.
        if (r.TemplateId is not null) throw new ReferenceNotFoundException("templateId");
        var today = await clock.TodayAsync(cancellationToken);
        var header = new OrderHeaderData(r.CustomerId, r.OrderDate ?? order?.OrderDate ?? today,
            r.PaymentTerms?.ToDomain() ?? order?.PaymentTerms ?? await factory.TermsAsync(billTo, cancellationToken),
            r.PaymentMethod ?? order?.PaymentMethod ?? PaymentMethod.BankTransfer, r.BillToCustomerId, r.Currency ?? Currencies.Euro);
        var free = new OrderFreeFields(r.ContactId, r.CustomerReference, r.TemplateId, r.HeaderText, r.FooterText, r.GeneralComment, r.SalespersonId,
            r.PlannedDeliveryDate, r.DeliveryMethod, r.DeliveryAddress?.ToDomain(), r.InternalNotes);
        var lines = await builder.BuildAsync(r.Lines, billTo, cancellationToken, order?.Lines);
        var business = billTo.Kind == CustomerKind.Business;
        if (order is null)
        {
            order = Order.CreateDraft(header, lines, business, free);
            db.Orders.Add(order);
            audit.Record("order.created", "order", order.Id, after: new { order.CustomerId, traceableToQuote = false, lines = lines.Count, order.TotalExcludingVat });
        }
        else
        {
            var before = new { order.CustomerReference, order.GeneralComment, order.PlannedDeliveryDate, order.DeliveryMethod, order.ContactId, order.InternalNotes, order.TotalExcludingVat };
            order.UpdateHeader(header, free, business);
            order.ReplaceLines(lines);
            audit.Record("order.updated", "order", order.Id, before,
                new { order.CustomerReference, order.GeneralComment, order.PlannedDeliveryDate, order.DeliveryMethod, order.ContactId, order.InternalNotes, order.TotalExcludingVat });
        }
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponseAsync(order, cancellationToken), order.Version);
    }

    public async ValueTask<(OrderResponse Order, uint Version)> Handle(OrderFromQuoteCommand command, CancellationToken cancellationToken)
    {
        var opportunityId = await db.Quotes.IgnoreAutoIncludes().Where(q => q.Id == command.QuoteId).Select(q => new { q.OpportunityId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ReferenceNotFoundException("quoteId");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Opportunity first, then the quote (OpportunityProgress): "Gagner" and this request queue on the same rows.
        if (opportunityId.OpportunityId is { } locked) await OpportunityProgress.LockAsync(db, locked, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM quotes WHERE id = {command.QuoteId} FOR UPDATE", cancellationToken);
        var quote = await db.Quotes.AsNoTracking().SingleAsync(q => q.Id == command.QuoteId, cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        var order = await factory.FromQuoteAsync(quote, today, cancellationToken);
        db.Orders.Add(order);
        audit.Record("order.created", "order", order.Id, after: new { order.CustomerId, order.SourceQuoteId, quote.Number });
        await OpportunityProgress.FollowAcceptedQuoteAsync(db, audit, quote, today, order.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await ToResponseAsync(order, cancellationToken), order.Version);
    }

    public async ValueTask<OrderResponse?> Handle(OrderActionCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsSplitQuery().SingleOrDefaultAsync(o => o.Id == command.Id, cancellationToken) ?? throw new NotFoundException("order", command.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        switch (command.Action)
        {
            case OrderAction.Validate:
                var billTo = await db.Customers.AsNoTracking().IgnoreAutoIncludes().SingleAsync(c => c.Id == order.BillToCustomerId, cancellationToken);
                var productIds = order.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
                var forSale = await db.Products.Where(p => productIds.Contains(p.Id) && p.ForSale && !p.IsArchived).Select(p => p.Id).ToListAsync(cancellationToken);
                var context = new OrderValidationContext(billTo.BillingAddress is not null, forSale.Contains);
                // The number is taken in this transaction: a refused validation rolls the counter back with it (domain-rules §3).
                var number = await numbers.NextAsync(DocumentType.Order, order.OrderDate, "orderDate", cancellationToken);
                order.Validate(number, context);
                audit.Record("order.validated", "order", order.Id, after: new { number, order.TotalExcludingVat, order.TotalVat, order.TotalIncludingVat });
                break;
            case OrderAction.Close:
                order.Close();
                audit.Record("order.closed", "order", order.Id);
                break;
            case OrderAction.Cancel:
                if (await LedgerAsync(order, cancellationToken) is { } ledger) order.Cancel(command.Reason ?? string.Empty, ledger);
                else order.Cancel(command.Reason ?? string.Empty, hasInvoicingOrDelivery: false);
                audit.Record("order.cancelled", "order", order.Id, after: new { command.Reason });
                break;
            case OrderAction.Delete:
                order.EnsureDeletable();
                db.Orders.Remove(order);
                audit.Record("order.deleted", "order", order.Id, before: new { order.CustomerId, order.TotalExcludingVat });
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return command.Action == OrderAction.Delete ? null : await ToResponseAsync(order, cancellationToken);
    }

    public async ValueTask<PreviewTotalsResponse> Handle(PreviewTotalsQuery query, CancellationToken cancellationToken)
    {
        var customer = await builder.CustomerAsync(query.CustomerId, "customerId", forNewDocument: false, cancellationToken);
        var lines = await builder.BuildAsync(query.Lines, customer, cancellationToken);
        // The same engine and line checks as a saved draft, without saving anything.
        var draft = Order.CreateDraft(new OrderHeaderData(customer.Id, await clock.TodayAsync(cancellationToken), PaymentTerms.OnReceipt, PaymentMethod.BankTransfer), lines, false);
        return new PreviewTotalsResponse([.. draft.Lines.OrderBy(l => l.Position).Select(SalesLineResponse.From)], TotalsResponse.From(draft.ComputeTotals()));
    }

    /// <summary>The ledger replayed from the order's validated invoices and credit notes: never stored, so it cannot drift from them.</summary>
    private async Task<OrderBillingLedger?> LedgerAsync(Order o, CancellationToken ct) =>
        o.Status is OrderStatus.InProgress or OrderStatus.Closed ? (await billing.OrderBillingAsync(o.Id, "orderId", ct)).Ledger : null;

    private async Task<Dictionary<Guid, string>> CustomerNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Customers.IgnoreAutoIncludes().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private async Task<OrderResponse> ToResponseAsync(Order o, CancellationToken ct)
    {
        var names = await CustomerNamesAsync([o.CustomerId, o.BillToCustomerId], ct);
        var ledger = await LedgerAsync(o, ct);
        var billing = ledger is null ? null : new OrderBillingResponse(ledger.OrderedTotal, ledger.InvoicedTotal, ledger.LeftToInvoice,
            [.. ledger.Lines.Select(l => new OrderLineLedgerResponse(l.OrderLineId, l.OrderedQuantity, l.OrderedNet, l.DeliveredQuantity, l.InvoicedNet, l.CreditedNet, l.LeftNet))],
            [.. ledger.Rates.Select(r => new OrderRateLedgerResponse(r.Rate, r.OrderedBase, r.DepositedBase, r.DeductedBase, ledger.LeftToInvoiceForRate(r.Rate)))]);
        var links = new List<DocumentLink>();
        if (o.SourceQuoteId is { } quoteId)
        {
            var quote = await db.Quotes.AsNoTracking().IgnoreAutoIncludes().Where(q => q.Id == quoteId).Select(q => new { q.Number, q.Status, q.AcceptedOn }).SingleAsync(ct);
            links.Add(new DocumentLink(quoteId, "Quote", quote.Number, quote.Status.ToString(), quote.AcceptedOn));
        }
        var billingDocuments = await db.BillingDocuments.AsNoTracking().IgnoreAutoIncludes().Where(d => d.OrderId == o.Id)
            .OrderBy(d => d.ChainSequence ?? long.MaxValue).ThenBy(d => d.CreatedAt).ToListAsync(ct);
        links.AddRange(billingDocuments.Select(d => new DocumentLink(d.Id, d switch
        {
            Koban.Domain.Invoicing.Invoice { Kind: Koban.Domain.Invoicing.InvoiceKind.Deposit } => "DepositInvoice",
            Koban.Domain.Invoicing.Invoice => "Invoice",
            _ => "CreditNote",
        }, d.Number, d.Status.ToString(), d.IssueDate)));
        var history = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == o.Id).OrderBy(e => e.OccurredAt)
            .Select(e => new OrderHistoryEntry(e.OccurredAt, e.Action, e.ActorName)).ToListAsync(ct);
        return new OrderResponse(o.Id, o.Number, o.Status, o.CustomerId, names.GetValueOrDefault(o.CustomerId, ""), o.BillToCustomerId,
            names.GetValueOrDefault(o.BillToCustomerId, ""), o.OrderDate, PaymentTermsDto.From(o.PaymentTerms)!, o.PaymentMethod, o.Currency, o.SourceQuoteId,
            o.SourceQuoteId is not null, o.ContactId, o.CustomerReference, o.TemplateId, o.HeaderText, o.FooterText, o.GeneralComment, o.SalespersonId,
            o.PlannedDeliveryDate, o.DeliveryMethod, PostalAddressDto.From(o.DeliveryAddress), o.InternalNotes, o.CancellationReason,
            [.. o.Lines.OrderBy(l => l.Position).Select(SalesLineResponse.From)], TotalsResponse.From(o.ComputeTotals()), billing, links, history, o.UpdatedAt);
    }
}
