using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Sales;

namespace Koban.Domain.Invoicing;

/// <summary>The header fields a user may set on a draft invoice or credit note.</summary>
public sealed record BillingHeaderData(
    DateOnly? IssueDate = null,
    PaymentTerms? PaymentTerms = null,
    PaymentMethod? PaymentMethod = null,
    string? CustomerReference = null,
    string? HeaderText = null,
    string? FooterText = null,
    string? Comment = null,
    Guid? ContactId = null,
    DateOnly? SaleDate = null);

/// <summary>What validation copies onto the document, gathered by the caller inside the validating transaction.</summary>
public sealed record BillingValidation(
    string Number,
    DateOnly IssueDate,
    DateOnly Today,
    DateTimeOffset ValidatedAt,
    Guid? ValidatedBy,
    SellerSnapshot Seller,
    BuyerSnapshot Buyer,
    IReadOnlyList<string> LegalNotes,
    string? TemplateSnapshot,
    long ChainSequence,
    string PreviousFingerprint);

/// <summary>
/// What invoices and credit notes share: a draft is editable and deletable and has no number; <see cref="Validate"/>
/// checks the mandatory mentions, dates it, copies the seller and buyer snapshot, numbers it, stores the per-rate
/// breakdown and chains its fingerprint — after which nothing on it ever changes (domain-rules.md §1, §2, §4, §8). The
/// database refuses it too (triggers on the table), so a bug here cannot alter a validated document silently.
/// </summary>
public abstract class BillingDocument : ICompanyOwned, IHasUpdatedAt
{
    private readonly List<BillingLine> _lines = [];

    private protected BillingDocument()
    {
    }

    public Guid Id { get; private protected set; }
    public Guid CompanyId { get; private set; }
    public BillingStatus Status { get; private set; }
    public string? Number { get; private set; }

    /// <summary>The invoice (or credit note) date: set at validation, today unless given (domain-rules.md §3).</summary>
    public DateOnly? IssueDate { get; private set; }
    public DateOnly? DueDate { get; private set; }

    /// <summary>The invoiced customer.</summary>
    public Guid CustomerId { get; private protected set; }
    public Guid? OrderId { get; private protected set; }
    public string Currency { get; private set; } = Currencies.Euro;
    public PaymentTerms PaymentTerms { get; private set; } = PaymentTerms.OnReceipt;
    public PaymentMethod PaymentMethod { get; private set; }
    public string? CustomerReference { get; private set; }
    public string? HeaderText { get; private set; }
    public string? FooterText { get; private set; }
    public string? Comment { get; private set; }
    public Guid? ContactId { get; private set; }

    /// <summary>The date of the sale or of the service (domain-rules.md §4: printed when it differs from the issue date):
    /// on an order invoice, the order's planned delivery date unless the user sets it; editable on a draft, then frozen.</summary>
    public DateOnly? SaleDate { get; private set; }

    /// <summary>The date the user asked for, used at validation (null: the validation day).</summary>
    public DateOnly? RequestedIssueDate { get; private set; }

    public decimal TotalExcludingVat { get; private set; }
    public decimal TotalVat { get; private set; }
    public decimal TotalIncludingVat { get; private set; }

    /// <summary>The per-rate breakdown, stored; every later use reads it (domain-rules.md §5).</summary>
    public IReadOnlyList<VatBreakdownLine> VatBreakdown { get; private set; } = [];

    public SellerSnapshot? Seller { get; private set; }
    public BuyerSnapshot? Buyer { get; private set; }
    public IReadOnlyList<string> LegalNotes { get; private set; } = [];

    /// <summary>The template settings at validation (JSON), so a later template change never alters the document.</summary>
    public string? TemplateSnapshot { get; private set; }

    public DateTimeOffset? ValidatedAt { get; private set; }
    public Guid? ValidatedBy { get; private set; }
    public long? ChainSequence { get; private set; }
    public string? PreviousFingerprint { get; private set; }
    public string? Fingerprint { get; private set; }
    public DateTimeOffset CreatedAt { get; private protected set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<BillingLine> Lines => SalesLine.InPositionOrder(_lines);
    public bool IsValidated => Status == BillingStatus.Validated;

    /// <summary>Short type code in the fingerprint and the chain: <c>INV-Full</c>, <c>INV-Deposit</c>…, <c>CRN</c>.</summary>
    public abstract string TypeCode { get; }

    /// <summary>The invoice a credit note corrects; null on invoices.</summary>
    public abstract Guid? CorrectedInvoiceId { get; }

    public DocumentTotals ComputeTotals() => BillingTotals.Compute(_lines.Select(l => l.ToBillingData()));

    /// <summary>Recomputes the fingerprint from the stored content: what the chain verification compares.</summary>
    public string RecomputeFingerprint() => DocumentFingerprint.Compute(DocumentFingerprint.Canonical(this));

    public void UpdateHeader(BillingHeaderData header, bool businessCustomer)
    {
        ArgumentNullException.ThrowIfNull(header);
        EnsureDraft();
        ApplyHeader(header, businessCustomer);
    }

    public void EnsureDeletable()
    {
        if (IsValidated)
            throw new DomainConflictException(ErrorCodes.DocumentNotDeletable, "A validated document is never deleted; issue a credit note instead.");
    }

    public void EnsureDraft()
    {
        if (IsValidated)
            throw new DomainConflictException(ErrorCodes.DocumentFrozen, "A validated document never changes.");
    }

    /// <summary>Numbers, dates and freezes the draft. The caller takes the number and the chain head inside the same
    /// transaction, so a refused validation burns no number and leaves no hole in the chain.</summary>
    public void Validate(BillingValidation v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (IsValidated)
            throw DocumentErrors.InvalidTransition("validate", Status);
        var number = DocumentErrors.RequireNumber(v.Number);
        if (v.IssueDate > v.Today)
        {
            throw new DomainException(ErrorCodes.IssueDateInFuture, "The document date cannot be later than today.")
            {
                Field = "issueDate",
                Arguments = new Dictionary<string, object> { ["today"] = v.Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) },
            };
        }
        if (!_lines.Any(l => l.Kind.IsPriced()))
            throw new DomainException(ErrorCodes.DocumentHasNoPricedLine, "The document needs a priced line.") { Field = "lines" };
        MandatoryMentions.Check(v.Seller, v.Buyer, _lines);
        PaymentTerms.Validate(v.Buyer.IsBusiness);
        CheckBeforeValidation(v);

        var totals = ComputeTotals();
        Number = number;
        IssueDate = v.IssueDate;
        DueDate = PaymentTerms.DueDate(v.IssueDate);
        Seller = v.Seller;
        Buyer = v.Buyer;
        LegalNotes = [.. v.LegalNotes];
        TemplateSnapshot = v.TemplateSnapshot;
        TotalExcludingVat = totals.TotalExcludingVat;
        TotalVat = totals.TotalVat;
        TotalIncludingVat = totals.TotalIncludingVat;
        VatBreakdown = totals.VatBreakdown;
        ValidatedAt = v.ValidatedAt;
        ValidatedBy = v.ValidatedBy;
        ChainSequence = v.ChainSequence;
        PreviousFingerprint = v.PreviousFingerprint;
        Status = BillingStatus.Validated;
        Fingerprint = RecomputeFingerprint();
    }

    /// <summary>The document-specific checks (sign of the total, dates against the corrected invoice…).</summary>
    private protected abstract void CheckBeforeValidation(BillingValidation v);

    private protected void ApplyHeader(BillingHeaderData header, bool businessCustomer)
    {
        var terms = header.PaymentTerms ?? PaymentTerms;
        terms.Validate(businessCustomer);
        RequestedIssueDate = header.IssueDate;
        // A copy: EF stores terms as an owned value, and one instance shared by two documents would confuse it.
        PaymentTerms = terms with { };
        PaymentMethod = header.PaymentMethod ?? PaymentMethod;
        CustomerReference = DocumentErrors.Blank(header.CustomerReference);
        HeaderText = DocumentErrors.Blank(header.HeaderText);
        FooterText = DocumentErrors.Blank(header.FooterText);
        Comment = DocumentErrors.Blank(header.Comment);
        ContactId = header.ContactId;
        // Omitted: kept (a client unaware of the field never erases the order's delivery date).
        SaleDate = header.SaleDate ?? SaleDate;
    }

    private protected void SetLines(IEnumerable<BillingLineData> lines)
    {
        var list = lines.ToList();
        var checkedLines = DocumentLineData.CheckAll(list.Select(l => l.Line)).Select((line, i) => list[i] with { Line = line }).ToList();
        _lines.Clear();
        _lines.AddRange(checkedLines.Select((line, index) => BillingLine.Create(Id, index, line)));
        var totals = ComputeTotals();
        TotalExcludingVat = totals.TotalExcludingVat;
        TotalVat = totals.TotalVat;
        TotalIncludingVat = totals.TotalIncludingVat;
        VatBreakdown = totals.VatBreakdown;
    }
}
