using FluentValidation;
using Koban.Api.Features.Accounting;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Accounting;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Payments;

public sealed class PaymentAllocationInputValidator : AbstractValidator<PaymentAllocationInput>
{
    public PaymentAllocationInputValidator()
    {
        RuleFor(a => a.InvoiceId).NotEmpty();
        RuleFor(a => a.Amount).GreaterThan(0m).PrecisionScale(18, 2, true);
    }
}

public sealed class PaymentRequestValidator : AbstractValidator<PaymentRequest>
{
    public PaymentRequestValidator()
    {
        RuleFor(r => r.Direction).IsInEnum();
        RuleFor(r => r.Method).IsInEnum();
        RuleFor(r => r.Amount).GreaterThan(0m).PrecisionScale(18, 2, true);
        RuleFor(r => r.BankFees).GreaterThanOrEqualTo(0m).PrecisionScale(18, 2, true).When(r => r.BankFees is not null);
        RuleFor(r => r.Reference).MaximumLength(Payment.ReferenceMaxLength);
        RuleFor(r => r.BankAccountCode).NotEmpty().MaximumLength(20);
        RuleFor(r => r.Note).MaximumLength(1000);
        RuleFor(r => r.Allocations!.Count).LessThanOrEqualTo(500).When(r => r.Allocations is not null).OverridePropertyName("allocations");
        RuleForEach(r => r.Allocations).SetValidator(new PaymentAllocationInputValidator());
        RuleFor(r => r.CustomerId).NotNull().When(r => r.Direction == PaymentDirection.Refund);
    }
}

public sealed record RecordPaymentCommand(PaymentRequest Request) : ICommand<PaymentResponse>;

public sealed class RecordPaymentCommandValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new PaymentRequestValidator()).OverridePropertyName("");
}

public sealed record AllocatePaymentCommand(Guid Id, AllocatePaymentRequest Request) : ICommand<PaymentResponse>;

public sealed class AllocatePaymentCommandValidator : AbstractValidator<AllocatePaymentCommand>
{
    public AllocatePaymentCommandValidator()
    {
        RuleFor(c => c.Request.Allocations).NotEmpty().OverridePropertyName("allocations");
        RuleForEach(c => c.Request.Allocations).SetValidator(new PaymentAllocationInputValidator()).OverridePropertyName("allocations");
    }
}

public sealed record CancelPaymentCommand(Guid Id, CancelPaymentRequest Request) : ICommand<PaymentResponse>;

public sealed class CancelPaymentCommandValidator : AbstractValidator<CancelPaymentCommand>
{
    public CancelPaymentCommandValidator() => RuleFor(c => c.Request.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
}

public sealed record IdentifyPaymentCommand(Guid Id, IdentifyPaymentRequest Request) : ICommand<PaymentResponse>;

public sealed class IdentifyPaymentCommandValidator : AbstractValidator<IdentifyPaymentCommand>
{
    public IdentifyPaymentCommandValidator()
    {
        RuleFor(c => c.Request.CustomerId).NotEmpty().OverridePropertyName("customerId");
        RuleForEach(c => c.Request.Allocations).SetValidator(new PaymentAllocationInputValidator()).OverridePropertyName("allocations");
    }
}

public sealed record WriteOffPaymentRestCommand(Guid Id, WriteOffRequest Request) : ICommand<PaymentResponse>;

public sealed record GetPaymentQuery(Guid Id) : IQuery<PaymentResponse>;

public sealed record ListPaymentsQuery(int Limit, string? After, string? Sort, Guid? CustomerId, DateOnly? From, DateOnly? To, PaymentState? State, bool? Unidentified,
    PaymentDirection? Direction, string? Search) : IQuery<PaymentList>;

public sealed class PaymentHandlers(KobanDbContext db, ReceivablesLedger ledger, AccountingBooks books, AuditLog audit, CurrentActor actor, CompanyClock companyClock,
    TimeProvider clock) :
    ICommandHandler<RecordPaymentCommand, PaymentResponse>,
    ICommandHandler<AllocatePaymentCommand, PaymentResponse>,
    ICommandHandler<CancelPaymentCommand, PaymentResponse>,
    ICommandHandler<IdentifyPaymentCommand, PaymentResponse>,
    ICommandHandler<WriteOffPaymentRestCommand, PaymentResponse>,
    IQueryHandler<GetPaymentQuery, PaymentResponse>,
    IQueryHandler<ListPaymentsQuery, PaymentList>
{
    public static readonly SortFields<Payment> Sorts = new SortFields<Payment>("-date")
        .Add("date", p => p.Date)
        .Add("amount", p => p.Amount)
        .Add("updatedAt", p => p.UpdatedAt);

    public async ValueTask<PaymentResponse> Handle(RecordPaymentCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await RecordAsync(r, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ResponseAsync(payment.Id, cancellationToken);
    }

    /// <summary>Records a payment in the caller's transaction (also used to refund a credit note).</summary>
    internal async Task<Payment> RecordAsync(PaymentRequest r, CancellationToken ct)
    {
        var context = await books.ContextAsync(ct);
        context.Settings.Bank(r.BankAccountCode);
        CustomerAccountRef? customer = null;
        if (r.CustomerId is { } customerId)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct)) throw new ReferenceNotFoundException("customerId");
            customer = await books.CustomerAsync(customerId, ct);
        }
        if (r.CreditNoteId is { } creditNoteId && !await db.CreditNotes.AnyAsync(c => c.Id == creditNoteId, ct))
            throw new ReferenceNotFoundException("creditNoteId");
        var now = clock.GetUtcNow();
        var payment = Payment.Record(new PaymentData(r.Direction, r.CustomerId, r.Date, r.Amount, r.Method, r.Reference, r.BankAccountCode.Trim().ToUpperInvariant(),
            r.BankFees ?? 0m, r.Note), context.Today, now, actor.UserId);
        var allocations = r.Allocations ?? [];
        payment.EnsureCanBeAllocated(allocations.Count);
        db.Payments.Add(payment);
        if (payment.Direction == PaymentDirection.Receipt)
        {
            if (customer is null)
            {
                books.Post(Postings.ForReceipt(payment, null, [], context));
            }
            else
            {
                var item = ReceivableItem.Create(ReceivableKind.Receipt, r.CustomerId!.Value, payment.Id, ReferenceOf(payment), payment.Date, null, payment.Amount, now);
                db.ReceivableItems.Add(item);
                var done = await ledger.AllocateAsync(item, [.. allocations.Select(a => new AllocationRequest(a.InvoiceId, a.Amount))], payment.Date, "allocations", ct);
                books.Post(Postings.ForReceipt(payment, customer, [.. done.Select(d => (d.Invoice.SourceId, d.Invoice.Reference, d.Allocation.Amount))], context));
            }
        }
        else
        {
            var refund = ReceivableItem.Create(ReceivableKind.Refund, r.CustomerId!.Value, payment.Id, ReferenceOf(payment), payment.Date, null, payment.Amount, now);
            db.ReceivableItems.Add(refund);
            await ledger.FundRefundAsync(refund, r.CreditNoteId, ct);
            books.Post(Postings.ForRefund(payment, customer!, context));
        }
        audit.Record(payment.Direction == PaymentDirection.Receipt ? "payment.recorded" : "payment.refunded", "payment", payment.Id, after: new
        {
            payment.Direction,
            payment.CustomerId,
            payment.Date,
            payment.Amount,
            payment.BankFees,
            payment.Method,
            payment.Reference,
            payment.BankAccountCode,
            allocations = allocations.Select(a => new { a.InvoiceId, a.Amount }),
            r.CreditNoteId,
        });
        return payment;
    }

    public async ValueTask<PaymentResponse> Handle(AllocatePaymentCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (payment, item) = await LockReceiptAsync(command.Id, cancellationToken);
        var today = await companyClock.TodayAsync(cancellationToken);
        var date = today < payment.Date ? payment.Date : today;
        var done = await ledger.AllocateAsync(item, [.. command.Request.Allocations.Select(a => new AllocationRequest(a.InvoiceId, a.Amount))], date, "allocations", cancellationToken);
        audit.Record("payment.allocated", "payment", payment.Id, after: new { allocations = done.Select(d => new { invoiceId = d.Invoice.SourceId, d.Allocation.Amount }) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ResponseAsync(payment.Id, cancellationToken);
    }

    public async ValueTask<PaymentResponse> Handle(IdentifyPaymentCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await LockPaymentAsync(command.Id, cancellationToken);
        payment.EnsureIdentifiable();
        if (!await db.Customers.AnyAsync(c => c.Id == command.Request.CustomerId, cancellationToken)) throw new ReferenceNotFoundException("customerId");
        var context = await books.ContextAsync(cancellationToken);
        payment.Identify(command.Request.CustomerId, context.Today);
        var customer = await books.CustomerAsync(command.Request.CustomerId, cancellationToken);
        var item = ReceivableItem.Create(ReceivableKind.Receipt, command.Request.CustomerId, payment.Id, ReferenceOf(payment), payment.Date, null, payment.Amount, clock.GetUtcNow());
        db.ReceivableItems.Add(item);
        books.Post(Postings.ForIdentifiedReceipt(payment, customer, context));
        var requests = command.Request.Allocations ?? [];
        await ledger.AllocateAsync(item, [.. requests.Select(a => new AllocationRequest(a.InvoiceId, a.Amount))], payment.IdentifiedOn!.Value, "allocations", cancellationToken);
        audit.Record("payment.identified", "payment", payment.Id, after: new { command.Request.CustomerId, allocations = requests });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ResponseAsync(payment.Id, cancellationToken);
    }

    public async ValueTask<PaymentResponse> Handle(CancelPaymentCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await LockPaymentAsync(command.Id, cancellationToken);
        var reason = command.Request.Reason.Trim();
        payment.Cancel(reason, clock.GetUtcNow(), actor.UserId);
        var context = await books.ContextAsync(cancellationToken);
        var kind = payment.Direction == PaymentDirection.Receipt ? ReceivableKind.Receipt : ReceivableKind.Refund;
        var item = (await ledger.LockAsync([payment.Id], kind, cancellationToken)).SingleOrDefault();
        if (item is not null) await ledger.ReleaseAsync(item, reason, cancellationToken);
        var label = $"Annulation : {reason}";
        var entries = await db.JournalEntries.Include(e => e.Lines)
            .Where(e => e.SourceId == payment.Id && (e.Source == EntrySource.Receipt || e.Source == EntrySource.Refund || e.Source == EntrySource.ReceiptIdentified))
            .ToListAsync(cancellationToken);
        foreach (var entry in entries)
            books.Post(entry.Reverse(EntrySource.PaymentCancelled, context.Today < entry.Date ? entry.Date : context.Today, context.FiscalYearStartMonth, Clip(label), context.Today, context.Now));
        audit.Record("payment.cancelled", "payment", payment.Id, before: new { payment.Amount, payment.CustomerId }, after: new { reason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ResponseAsync(payment.Id, cancellationToken);
    }

    public async ValueTask<PaymentResponse> Handle(WriteOffPaymentRestCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (payment, item) = await LockReceiptAsync(command.Id, cancellationToken);
        await ledger.WriteOffAsync(item, command.Request.Date, cancellationToken);
        audit.Record("payment.writtenOff", "payment", payment.Id, after: new { amount = item.Settled });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ResponseAsync(payment.Id, cancellationToken);
    }

    public async ValueTask<PaymentResponse> Handle(GetPaymentQuery query, CancellationToken cancellationToken) => await ResponseAsync(query.Id, cancellationToken);

    public async ValueTask<PaymentList> Handle(ListPaymentsQuery query, CancellationToken cancellationToken)
    {
        var payments = db.Payments.AsNoTracking();
        if (query.CustomerId is { } customerId) payments = payments.Where(p => p.CustomerId == customerId);
        if (query.From is { } from) payments = payments.Where(p => p.Date >= from);
        if (query.To is { } to) payments = payments.Where(p => p.Date <= to);
        if (query.State is { } state) payments = payments.Where(p => p.State == state);
        if (query.Direction is { } direction) payments = payments.Where(p => p.Direction == direction);
        if (query.Unidentified == true) payments = payments.Where(p => p.CustomerId == null && p.State == PaymentState.Active);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            payments = payments.Where(p => EF.Functions.ILike(p.Reference ?? "", pattern, "\\")
                || db.Customers.Any(c => c.Id == p.CustomerId && EF.Functions.ILike(c.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(payments, Sorts, query.Sort, query.After, query.Limit, p => p.Id, cancellationToken);
        var ids = rows.Select(p => p.Id).ToList();
        var open = await db.ReceivableItems.AsNoTracking().Where(i => ids.Contains(i.SourceId) && (i.Kind == ReceivableKind.Receipt || i.Kind == ReceivableKind.Refund))
            .ToDictionaryAsync(i => i.SourceId, i => i.Outstanding, cancellationToken);
        var names = await NamesAsync(rows.Select(p => p.CustomerId), cancellationToken);
        return new PaymentList([.. rows.Select(p => new PaymentSummary(p.Id, p.Direction, p.CustomerId, p.CustomerId is { } c ? names.GetValueOrDefault(c) : null, p.Date, p.Amount,
            p.Method, p.Reference, p.BankAccountCode, p.State, p.IsCancelled ? 0m : p.IsUnidentified ? p.Amount : open.GetValueOrDefault(p.Id), p.UpdatedAt))], next, hasMore);
    }

    internal async Task<PaymentResponse> ResponseAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Payments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("payment", id);
        var item = await db.ReceivableItems.AsNoTracking().SingleOrDefaultAsync(i => i.SourceId == id && (i.Kind == ReceivableKind.Receipt || i.Kind == ReceivableKind.Refund), ct);
        var allocations = new List<PaymentAllocationResponse>();
        if (item is not null)
        {
            var rows = await (from a in db.Allocations.AsNoTracking()
                              where a.CreditItemId == item.Id || a.DebitItemId == item.Id
                              join other in db.ReceivableItems.AsNoTracking() on (a.CreditItemId == item.Id ? a.DebitItemId : a.CreditItemId) equals other.Id
                              orderby a.CreatedAt
                              select new PaymentAllocationResponse(a.Id, other.Kind, other.SourceId, other.Reference, a.Amount, a.Date, a.CancelledAt == null)).ToListAsync(ct);
            allocations.AddRange(rows);
        }
        var allocated = allocations.Where(a => a.Active).Sum(a => a.Amount);
        var name = p.CustomerId is { } c ? (await NamesAsync([c], ct)).GetValueOrDefault(c) : null;
        var unallocated = p.IsCancelled ? 0m : item?.Outstanding ?? (p.IsUnidentified ? p.Amount : 0m);
        return new PaymentResponse(p.Id, p.Direction, p.CustomerId, name, p.Date, p.Amount, p.BankFees, p.Method, p.Reference, p.BankAccountCode, p.Note, p.State,
            p.CancelReason, p.CancelledAt, allocated, unallocated, allocations, p.CreatedAt, p.UpdatedAt);
    }

    private async Task<Payment> LockPaymentAsync(Guid id, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM payments WHERE id = {id} FOR UPDATE", ct);
        return await db.Payments.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("payment", id);
    }

    private async Task<(Payment Payment, ReceivableItem Item)> LockReceiptAsync(Guid id, CancellationToken ct)
    {
        var payment = await LockPaymentAsync(id, ct);
        payment.EnsureAllocatableReceipt();
        var item = (await ledger.LockAsync([payment.Id], ReceivableKind.Receipt, ct)).Single();
        return (payment, item);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        return await db.Customers.IgnoreAutoIncludes().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    internal static string ReferenceOf(Payment p) => p.Reference ?? $"Règlement du {p.Date:dd/MM/yyyy}";

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200];
}
