using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Invoicing;
using Koban.Domain.Receivables;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Invoicing;

public sealed class CreditNoteRequestValidator : AbstractValidator<CreditNoteRequest>
{
    /// <summary>Limits shared by creation and update (the update of a draft may not store what creation refuses).</summary>
    internal const int ReasonTextMaxLength = 500;
    internal const int TextMaxLength = 4000;

    public CreditNoteRequestValidator()
    {
        RuleFor(r => r.InvoiceId).NotEmpty();
        RuleFor(r => r.Reason).IsInEnum();
        RuleFor(r => r.Mode).IsInEnum();
        RuleFor(r => r.ReasonText).MaximumLength(ReasonTextMaxLength);
        RuleFor(r => r.HeaderText).MaximumLength(TextMaxLength);
        RuleFor(r => r.FooterText).MaximumLength(TextMaxLength);
        RuleFor(r => r.Comment).MaximumLength(TextMaxLength);
        RuleFor(r => r.Lines).NotEmpty().When(r => r.Mode == CreditNoteMode.Lines);
        RuleFor(r => r.Lines!.Count).LessThanOrEqualTo(500).When(r => r.Lines is not null).OverridePropertyName("lines");
        RuleFor(r => r.AmountExcludingVat).NotNull().When(r => r.Mode == CreditNoteMode.Amount && r.AmountIncludingVat is null);
        RuleFor(r => r).Must(r => r.AmountExcludingVat is null || r.AmountIncludingVat is null).WithErrorCode(ApiErrorCodes.OneOfFields).OverridePropertyName("amountIncludingVat");
    }
}

public sealed record ListCreditNotesQuery(int Limit, string? After, string? Sort, string? Search, BillingStatus? Status, Guid? CustomerId, Guid? InvoiceId,
    DateOnly? IssuedFrom, DateOnly? IssuedTo, DateTimeOffset? UpdatedSince) : IQuery<CreditNoteList>;

public sealed record GetCreditNoteQuery(Guid Id) : IQuery<(CreditNoteResponse CreditNote, uint Version)>;

public sealed record CreateCreditNoteCommand(CreditNoteRequest Request) : ICommand<(CreditNoteResponse CreditNote, uint Version)>;

public sealed class CreateCreditNoteCommandValidator : AbstractValidator<CreateCreditNoteCommand>
{
    public CreateCreditNoteCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new CreditNoteRequestValidator()).OverridePropertyName("");
}

public sealed record UpdateCreditNoteCommand(Guid Id, uint ExpectedVersion, CreditNoteUpdateRequest Request) : ICommand<(CreditNoteResponse CreditNote, uint Version)>;

public sealed class CreditNoteUpdateRequestValidator : AbstractValidator<CreditNoteUpdateRequest>
{
    public CreditNoteUpdateRequestValidator()
    {
        RuleFor(r => r.ReasonText).MaximumLength(CreditNoteRequestValidator.ReasonTextMaxLength);
        RuleFor(r => r.HeaderText).MaximumLength(CreditNoteRequestValidator.TextMaxLength);
        RuleFor(r => r.FooterText).MaximumLength(CreditNoteRequestValidator.TextMaxLength);
        RuleFor(r => r.Comment).MaximumLength(CreditNoteRequestValidator.TextMaxLength);
    }
}

public sealed class UpdateCreditNoteCommandValidator : AbstractValidator<UpdateCreditNoteCommand>
{
    public UpdateCreditNoteCommandValidator() => RuleFor(c => c.Request).NotNull().SetValidator(new CreditNoteUpdateRequestValidator()).OverridePropertyName("");
}

public sealed record CreditNoteActionCommand(Guid Id, InvoiceAction Action, DateOnly? IssueDate = null) : ICommand<CreditNoteResponse?>;

public sealed class CreditNoteHandlers(KobanDbContext db, AuditLog audit, BillingService billing, TimeProvider clock)
    : IQueryHandler<ListCreditNotesQuery, CreditNoteList>,
      IQueryHandler<GetCreditNoteQuery, (CreditNoteResponse CreditNote, uint Version)>,
      ICommandHandler<CreateCreditNoteCommand, (CreditNoteResponse CreditNote, uint Version)>,
      ICommandHandler<UpdateCreditNoteCommand, (CreditNoteResponse CreditNote, uint Version)>,
      ICommandHandler<CreditNoteActionCommand, CreditNoteResponse?>
{
    public static readonly SortFields<CreditNote> Sorts = new SortFields<CreditNote>("-updatedAt")
        .Add("issueDate", c => c.IssueDate)
        .Add("totalIncludingVat", c => c.TotalIncludingVat)
        .Add("updatedAt", c => c.UpdatedAt);

    public async ValueTask<CreditNoteList> Handle(ListCreditNotesQuery query, CancellationToken cancellationToken)
    {
        var notes = db.CreditNotes.AsNoTracking().IgnoreAutoIncludes();
        if (query.Status is { } status) notes = notes.Where(c => c.Status == status);
        if (query.CustomerId is { } customerId) notes = notes.Where(c => c.CustomerId == customerId);
        if (query.InvoiceId is { } invoiceId) notes = notes.Where(c => c.InvoiceId == invoiceId);
        if (query.IssuedFrom is { } from) notes = notes.Where(c => c.IssueDate >= from);
        if (query.IssuedTo is { } to) notes = notes.Where(c => c.IssueDate <= to);
        if (query.UpdatedSince is { } since) notes = notes.Where(c => c.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            notes = notes.Where(c => EF.Functions.ILike(c.Number ?? "", pattern, "\\") || EF.Functions.ILike(c.InvoiceNumber, pattern, "\\")
                || db.Customers.Any(k => k.Id == c.CustomerId && EF.Functions.ILike(k.Name, pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(notes, Sorts, query.Sort, query.After, query.Limit, c => c.Id, cancellationToken);
        var ids = rows.Select(r => r.CustomerId).Distinct().ToList();
        var names = await db.Customers.IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new CreditNoteList([.. rows.Select(c => new CreditNoteSummary(c.Id, c.Status, c.Number, c.InvoiceId, c.InvoiceNumber, c.Reason, c.CustomerId,
            names.GetValueOrDefault(c.CustomerId, ""), c.IssueDate, c.TotalExcludingVat, c.TotalIncludingVat, c.UpdatedAt))], next, hasMore);
    }

    public async ValueTask<(CreditNoteResponse CreditNote, uint Version)> Handle(GetCreditNoteQuery query, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken) ?? throw new NotFoundException("creditNote", query.Id);
        return (await ToResponseAsync(note, cancellationToken), note.Version);
    }

    public async ValueTask<(CreditNoteResponse CreditNote, uint Version)> Handle(CreateCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var invoice = await db.Invoices.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(i => i.Id == r.InvoiceId, cancellationToken) ?? throw new ReferenceNotFoundException("invoiceId");
        if (r.Mode == CreditNoteMode.Lines && r.Lines is not null)
            await References.EnsureExistAsync<BillingLine>(db, [.. r.Lines.Select(l => l.InvoiceLineId)], i => $"lines[{i}].invoiceLineId", cancellationToken);
        var credits = await db.CreditNotes.AsNoTracking().AsSplitQuery().Where(c => c.InvoiceId == invoice.Id && c.Status == BillingStatus.Validated).ToListAsync(cancellationToken);
        var header = new BillingHeaderData(r.IssueDate, HeaderText: r.HeaderText, FooterText: r.FooterText, Comment: r.Comment, CustomerReference: invoice.CustomerReference);
        var now = clock.GetUtcNow();
        var note = r.Mode switch
        {
            CreditNoteMode.Full => CreditNote.Full(invoice, credits, r.Reason, r.ReasonText, header, now),
            CreditNoteMode.Lines => CreditNote.ForLines(invoice, credits, [.. r.Lines!.Select(l => new InvoiceLinePortion(l.InvoiceLineId, l.Quantity))], r.Reason, r.ReasonText, header, now),
            _ => CreditNote.ForAmount(invoice, credits, r.AmountIncludingVat is null ? AmountBasis.ExcludingVat : AmountBasis.IncludingVat,
                r.AmountIncludingVat ?? r.AmountExcludingVat ?? 0m, r.Reason, r.ReasonText, header, now),
        };
        note.EnsureWithin(invoice, credits);
        db.CreditNotes.Add(note);
        audit.Record("creditNote.created", "creditNote", note.Id, after: new { note.InvoiceId, invoice.Number, r.Mode, note.Reason, note.TotalIncludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponseAsync(note, cancellationToken), note.Version);
    }

    public async ValueTask<(CreditNoteResponse CreditNote, uint Version)> Handle(UpdateCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException("creditNote", command.Id);
        if (note.Version != command.ExpectedVersion) throw new PreconditionFailedException();
        var r = command.Request;
        note.UpdateCreditHeader(new BillingHeaderData(r.IssueDate, HeaderText: r.HeaderText, FooterText: r.FooterText, Comment: r.Comment, CustomerReference: note.CustomerReference), r.ReasonText);
        audit.Record("creditNote.updated", "creditNote", note.Id, after: new { r.IssueDate, r.ReasonText });
        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponseAsync(note, cancellationToken), note.Version);
    }

    public async ValueTask<CreditNoteResponse?> Handle(CreditNoteActionCommand command, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException("creditNote", command.Id);
        if (command.Action == InvoiceAction.Validate)
        {
            await billing.ValidateAsync(note, command.IssueDate, cancellationToken);
            return await ToResponseAsync(note, cancellationToken);
        }
        note.EnsureDeletable();
        db.CreditNotes.Remove(note);
        audit.Record("creditNote.deleted", "creditNote", note.Id, before: new { note.InvoiceId, note.TotalIncludingVat });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// A validated credit note is applied first to the invoice it corrects, up to what that invoice still owes when it is
    /// validated (after its payments and earlier credit notes); the rest is customer credit (domain-rules.md §6). Both figures
    /// are read from the customer's account, never recomputed: <c>appliedToInvoice</c> is what the note's active allocations
    /// settle on the corrected invoice, <c>customerCredit</c> what is still available of it (after refunds and use on other invoices).
    /// </summary>
    internal async Task<CreditNoteResponse> ToResponseAsync(CreditNote c, CancellationToken ct)
    {
        var name = await db.Customers.IgnoreAutoIncludes().Where(k => k.Id == c.CustomerId).Select(k => k.Name).SingleAsync(ct);
        decimal applied = 0m, credit = 0m;
        if (c.IsValidated)
        {
            var item = await db.ReceivableItems.AsNoTracking().Where(i => i.Kind == ReceivableKind.CreditNote && i.SourceId == c.Id)
                .Select(i => new { i.Id, i.Outstanding }).SingleOrDefaultAsync(ct);
            if (item is not null)
            {
                applied = await db.Allocations.AsNoTracking().Where(a => a.CreditItemId == item.Id && a.CancelledAt == null)
                    .Join(db.ReceivableItems, a => a.DebitItemId, i => i.Id, (a, i) => new { a.Amount, i.Kind, i.SourceId })
                    .Where(x => x.Kind == ReceivableKind.Invoice && x.SourceId == c.InvoiceId).SumAsync(x => x.Amount, ct);
                credit = item.Outstanding;
            }
        }
        var archive = await db.ArchivedDocuments.AsNoTracking().Where(a => a.DocumentId == c.Id).Select(a => new ArchiveResponse(a.Sha256, a.CreatedAt)).SingleOrDefaultAsync(ct);
        var history = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == c.Id).OrderBy(e => e.OccurredAt)
            .Select(e => new OrderHistoryEntry(e.OccurredAt, e.Action, e.ActorName)).ToListAsync(ct);
        return new CreditNoteResponse(c.Id, c.Status, c.Number, c.InvoiceId, c.InvoiceNumber, c.InvoiceDate, c.Reason, c.ReasonText, c.CustomerId, name, c.OrderId,
            c.IssueDate, c.RequestedIssueDate, c.HeaderText, c.FooterText, c.Comment, [.. c.Lines.Select(BillingLineResponse.From)], InvoiceHandlers.Totals(c),
            applied, credit, c.Seller is null || c.Buyer is null ? null : new BillingSnapshotResponse(c.Seller, c.Buyer, c.LegalNotes),
            c.Fingerprint, c.ChainSequence, c.ValidatedAt, archive, history, c.UpdatedAt);
    }
}
