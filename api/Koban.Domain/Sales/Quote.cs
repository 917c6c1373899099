using Koban.Domain.Common;
using Koban.Domain.Documents;

namespace Koban.Domain.Sales;

/// <summary>A quote (devis): editable while draft, numbered when sent, then accepted or refused (domain-rules.md §1).</summary>
public sealed class Quote : ICompanyOwned, IHasUpdatedAt
{
    private readonly List<QuoteLine> _lines = [];

    private Quote()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }

    /// <summary>Null until sent: a draft never has a number (domain-rules.md §1).</summary>
    public string? Number { get; private set; }
    public QuoteStatus Status { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid? OpportunityId { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public DateOnly? SentOn { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public DateOnly? RefusedOn { get; private set; }
    public string? RefusalReason { get; private set; }
    public decimal TotalExcludingVat { get; private set; }
    public decimal TotalVat { get; private set; }
    public decimal TotalIncludingVat { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<QuoteLine> Lines => SalesLine.InPositionOrder(_lines);

    public static Quote CreateDraft(Guid customerId, Guid? opportunityId, DateOnly validUntil, IEnumerable<DocumentLineData> lines)
    {
        var quote = new Quote { Id = Guid.CreateVersion7(), Status = QuoteStatus.Draft, CustomerId = customerId, OpportunityId = opportunityId, ValidUntil = validUntil };
        quote.SetLines(DocumentLineData.CheckAll(lines));
        return quote;
    }

    public DocumentTotals ComputeTotals() => DocumentTotals.Compute(_lines.Select(l => l.ToTotalsLine()));

    /// <summary>Expired is derived, never stored: a sent quote whose validity date has passed (domain-rules.md §1).</summary>
    public bool IsExpired(DateOnly today) => Status == QuoteStatus.Sent && today > ValidUntil;

    public void UpdateHeader(Guid customerId, Guid? opportunityId, DateOnly validUntil)
    {
        EnsureDraft();
        CustomerId = customerId;
        OpportunityId = opportunityId;
        ValidUntil = validUntil;
    }

    public void ReplaceLines(IEnumerable<DocumentLineData> lines)
    {
        EnsureDraft();
        SetLines(DocumentLineData.CheckAll(lines));
    }

    public void EnsureDeletable()
    {
        if (Status != QuoteStatus.Draft)
            throw new DomainConflictException(ErrorCodes.DocumentNotDeletable, "Only a draft quote can be deleted.");
    }

    /// <summary>The caller takes <paramref name="number"/> from the quote sequence in the same transaction (domain-rules.md §3).</summary>
    public void MarkSent(string number, DateOnly sentOn)
    {
        if (Status != QuoteStatus.Draft)
            throw DocumentErrors.InvalidTransition("send", Status);
        var checkedNumber = DocumentErrors.RequireNumber(number);
        if (!_lines.Any(l => l.Kind.IsPriced()))
            throw new DomainException(ErrorCodes.DocumentHasNoPricedLine, "A quote needs a priced line.") { Field = "lines" };
        if (ValidUntil < sentOn)
            throw new DomainException(ErrorCodes.QuoteValidityBeforeQuoteDate, "The validity date precedes the sending date.") { Field = "validUntil" };
        Number = checkedNumber;
        SentOn = sentOn;
        Status = QuoteStatus.Sent;
    }

    /// <summary>An expired quote cannot be accepted: its prices and terms lapsed; the user duplicates it into a fresh quote.</summary>
    public void Accept(DateOnly acceptedOn)
    {
        if (Status != QuoteStatus.Sent)
            throw DocumentErrors.InvalidTransition("accept", Status);
        if (IsExpired(acceptedOn))
            throw new DomainConflictException(ErrorCodes.QuoteExpired, "The quote has expired.") { Field = "validUntil" };
        AcceptedOn = acceptedOn;
        Status = QuoteStatus.Accepted;
    }

    /// <summary>A customer may refuse an expired quote too: recording it closes the sales follow-up.</summary>
    public void Refuse(DateOnly refusedOn, string? reason)
    {
        if (Status != QuoteStatus.Sent)
            throw DocumentErrors.InvalidTransition("refuse", Status);
        RefusedOn = refusedOn;
        RefusalReason = DocumentErrors.Blank(reason);
        Status = QuoteStatus.Refused;
    }

    /// <summary>A new draft with the same customer, opportunity and lines, from any status; no number, no dates of sending.</summary>
    public Quote Duplicate(DateOnly? validUntil = null) =>
        CreateDraft(CustomerId, OpportunityId, validUntil ?? ValidUntil, Lines.Select(l => l.ToData()));

    private void EnsureDraft()
    {
        if (Status != QuoteStatus.Draft)
            throw new DomainConflictException(ErrorCodes.DocumentFrozen, $"A {Status} quote can no longer be edited.");
    }

    private void SetLines(List<DocumentLineData> lines)
    {
        _lines.Clear();
        _lines.AddRange(lines.Select((line, index) => QuoteLine.Create(Id, index, line)));
        var totals = ComputeTotals();
        TotalExcludingVat = totals.TotalExcludingVat;
        TotalVat = totals.TotalVat;
        TotalIncludingVat = totals.TotalIncludingVat;
    }
}
