using System.Globalization;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;

namespace Koban.Domain.Contracts;

/// <summary>The commercial terms of a contract as a user enters them (docs/contracts.md).</summary>
public sealed record ContractTermsData(
    DateOnly StartDate,
    int TermMonths,
    ContractPeriodicity Periodicity,
    BillingTiming Timing,
    bool TacitRenewal,
    int NoticeMonths,
    ContractRevisionClause Revision);

/// <summary>A contract line as entered, with the order line it bills when the contract is made from an order.</summary>
public sealed record ContractLineData(DocumentLineData Line, Guid? OrderLineId = null);

/// <summary>
/// A subscription contract (contrat d'abonnement): lines billed every period of a term of 1 to 120 months, renewed at the
/// term end tacitly or by a user's decision with revised prices, or terminated with notice. The rules (term end, notice
/// deadline, termination, renewal, revision) are in docs/contracts.md with worked examples; the billing of periods is
/// <see cref="ContractPeriods"/>'s.
/// </summary>
public sealed class Contract : ICompanyOwned, IHasUpdatedAt
{
    public const int MaximumTermMonths = Product.MaximumContractTermMonths;
    public const int MaximumNoticeMonths = 12;
    public const int MaximumReasonLength = 500;

    /// <summary>How many days before the notice deadline a user may renew early.</summary>
    public const int RenewalLeadDays = 90;

    private readonly List<ContractLine> _lines = [];
    private readonly List<ContractTerm> _terms = [];

    private Contract()
    {
    }

    public Guid Id { get; private set; }
    public Guid CompanyId { get; private set; }

    /// <summary>CT-00001, CT-00002… per company, given at creation (not a legal sequence: a deleted draft leaves a gap).</summary>
    public string Reference { get; private set; } = string.Empty;
    public Guid CustomerId { get; private set; }

    /// <summary>The validated order the contract was made from, if any.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>The sales user in charge: receives the notice-deadline reminder.</summary>
    public Guid OwnerUserId { get; private set; }
    public ContractStatus Status { get; private set; }
    public DateOnly StartDate { get; private set; }
    public int TermMonths { get; private set; }
    public ContractPeriodicity Periodicity { get; private set; }
    public BillingTiming Timing { get; private set; }
    public bool TacitRenewal { get; private set; }

    /// <summary>Whole months of notice before a term end (0–12, less than the term).</summary>
    public int NoticeMonths { get; private set; }
    public RevisionKind RevisionKind { get; private set; }

    /// <summary>With <see cref="RevisionKind.Percentage"/>: the percentage a tacit renewal applies (2 decimals).</summary>
    public decimal? RevisionPercentage { get; private set; }

    /// <summary>With <see cref="RevisionKind.Index"/>: the index value current prices are based on (4 decimals); each
    /// indexed renewal replaces it by the new value.</summary>
    public decimal? RevisionIndexBase { get; private set; }

    /// <summary>A tacit renewal of an indexed contract kept the prices: a user must enter the new index value (the
    /// contract is listed in renewals until then).</summary>
    public bool IndexRevisionPending { get; private set; }
    public DateOnly CurrentTermStart { get; private set; }

    /// <summary>Inclusive last day of the current term.</summary>
    public DateOnly CurrentTermEnd { get; private set; }

    /// <summary>0 while draft, 1 for the initial term, +1 per renewal.</summary>
    public int TermNumber { get; private set; }

    /// <summary>Set by let-expire: the contract will not renew tacitly at the end of the current term.</summary>
    public DateOnly? RenewalDeclinedOn { get; private set; }
    public DateOnly? TerminationDate { get; private set; }
    public string? TerminationReason { get; private set; }

    /// <summary>The day notice was recorded.</summary>
    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>The last day billed: the termination date, or the term end once expired; null while the contract runs on.</summary>
    public DateOnly? EndDate { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<ContractLine> Lines => Sorted(_lines, l => l.Position);
    public IReadOnlyList<ContractTerm> Terms => Sorted(_terms, t => t.Number);

    public ContractRevisionClause Revision => new(RevisionKind, RevisionPercentage, RevisionIndexBase);

    /// <summary>Whether the contract renews by itself at the end of the current term.</summary>
    public bool WillRenewTacitly => TacitRenewal && RenewalDeclinedOn is null && Status == ContractStatus.Active;

    /// <summary>The last day a party may give notice so that the contract ends with the current term.</summary>
    public DateOnly NoticeDeadline => ContractDates.NoticeDeadline(CurrentTermEnd, NoticeMonths);

    /// <summary>The earliest day from which a user may renew the current term (<see cref="Renew"/>).</summary>
    public DateOnly RenewalOpensOn
    {
        get
        {
            var opens = NoticeDeadline.AddDays(-RenewalLeadDays);
            return opens > CurrentTermStart ? opens : CurrentTermStart;
        }
    }

    public DocumentTotals ComputeTotals() => DocumentTotals.Compute(_lines.Select(l => l.ToTotalsLine()));

    /// <summary>What one full billing period invoices, excluding VAT.</summary>
    public decimal PeriodAmountExcludingVat => ComputeTotals().TotalExcludingVat;

    /// <summary>The monthly equivalent of a period's amount (period amount ÷ months per period), rounded once to the cent.</summary>
    public decimal MonthlyAmountExcludingVat => ContractPeriods.MonthlyEquivalent(PeriodAmountExcludingVat, Periodicity);

    /// <summary>Whether the contract still bills on <paramref name="today"/>: active, or terminated with its end date not
    /// passed (what recurring revenue counts).</summary>
    public bool IsBillingOn(DateOnly today) =>
        Status == ContractStatus.Active || (Status == ContractStatus.Terminated && EndDate >= today);

    /// <summary>The contract as the revenue forecast sees it: from the current term on, at today's prices, renewing while it
    /// renews tacitly (or until a termination date beyond the current term), stopping at <see cref="EndDate"/>.</summary>
    public ContractSchedule ToSchedule() => new(
        CurrentTermStart,
        TermMonths,
        Periodicity,
        Timing,
        WillRenewTacitly || (Status == ContractStatus.Terminated && EndDate > CurrentTermEnd),
        Status == ContractStatus.Active && !WillRenewTacitly ? CurrentTermEnd : EndDate,
        PeriodAmountExcludingVat);

    public static Contract CreateDraft(
        string reference, Guid customerId, Guid ownerUserId, ContractTermsData terms, IEnumerable<ContractLineData> lines, Guid? orderId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var contract = new Contract
        {
            Id = Guid.CreateVersion7(),
            Reference = reference,
            Status = ContractStatus.Draft,
            OrderId = orderId,
        };
        contract.Apply(customerId, ownerUserId, terms);
        contract.SetLines(lines);
        return contract;
    }

    /// <summary>On a draft, replaces the customer, owner and terms, and the lines when given (<paramref name="lines"/>
    /// null keeps them; a contract made from an order keeps its order's lines).</summary>
    public void UpdateDraft(Guid customerId, Guid ownerUserId, ContractTermsData terms, IEnumerable<ContractLineData>? lines)
    {
        if (Status != ContractStatus.Draft)
            throw DocumentErrors.InvalidTransition("update", Status);
        if (OrderId is not null && customerId != CustomerId)
            throw new DomainException(ErrorCodes.ContractLinesFollowOrder, "A contract made from an order keeps its customer and lines.") { Field = "customerId" };
        if (OrderId is not null && lines is not null)
            throw new DomainException(ErrorCodes.ContractLinesFollowOrder, "A contract made from an order keeps its customer and lines.") { Field = "lines" };
        Apply(customerId, ownerUserId, terms);
        if (lines is not null)
            SetLines(lines);
    }

    public void EnsureDeletable()
    {
        if (Status != ContractStatus.Draft)
            throw new DomainConflictException(ErrorCodes.DocumentNotDeletable, $"A {Status} contract cannot be deleted; terminate it instead.");
    }

    /// <summary>Draft → active: the first term starts on <see cref="StartDate"/> (which may be in the past: the billing job
    /// catches up its periods).</summary>
    public void Activate(DateOnly today, Guid userId)
    {
        if (Status != ContractStatus.Draft)
            throw DocumentErrors.InvalidTransition("activate", Status);
        if (!_lines.Any(l => l.Kind.IsPriced()))
            throw new DomainException(ErrorCodes.DocumentHasNoPricedLine, "A contract needs a priced line.") { Field = "lines" };
        if (PeriodAmountExcludingVat < 0m)
            throw new DomainException(ErrorCodes.DocumentTotalNegative, "The contract total cannot be negative.") { Field = "lines" };
        Status = ContractStatus.Active;
        TermNumber = 1;
        CurrentTermStart = StartDate;
        CurrentTermEnd = ContractPeriods.TermEnd(StartDate, TermMonths);
        _terms.Clear();
        _terms.Add(ContractTerm.Create(Id, 1, CurrentTermStart, CurrentTermEnd, tacit: false, today, userId));
    }

    /// <summary>
    /// The earliest termination date a notice given on <paramref name="today"/> allows: the current term end when
    /// <paramref name="today"/> is on or before the notice deadline; otherwise the end of the next term if the contract
    /// renews tacitly, or the current term end if it does not (it stops there anyway).
    /// </summary>
    public DateOnly EarliestTerminationDate(DateOnly today) =>
        today <= NoticeDeadline || !WillRenewTacitly ? CurrentTermEnd : NextTermEnd;

    /// <summary>The latest date a termination may name: the end of the next term when the contract renews tacitly, else
    /// the current term end (a contract does not outlive what it has committed to).</summary>
    public DateOnly LatestTerminationDate => WillRenewTacitly ? NextTermEnd : CurrentTermEnd;

    /// <summary>The dates a refused termination or non-renewal hands back to the client as problem members: the earliest
    /// and latest termination dates a notice given <paramref name="today"/> allows, and the notice deadline.</summary>
    public IReadOnlyDictionary<string, object> TerminationWindow(DateOnly today) => new Dictionary<string, object>
    {
        ["earliestTerminationDate"] = EarliestTerminationDate(today).ToString("O", CultureInfo.InvariantCulture),
        ["latestTerminationDate"] = LatestTerminationDate.ToString("O", CultureInfo.InvariantCulture),
        ["noticeDeadline"] = NoticeDeadline.ToString("O", CultureInfo.InvariantCulture),
    };

    private DateOnly NextTermEnd => ContractPeriods.TermEnd(CurrentTermEnd.AddDays(1), TermMonths);

    /// <summary>
    /// Active → terminated. The contract bills up to <paramref name="effectiveDate"/> (by default the earliest the notice
    /// allows, <see cref="EarliestTerminationDate"/>); a date before it is refused with that date in the problem, one
    /// after <see cref="LatestTerminationDate"/> too.
    /// </summary>
    public void Terminate(DateOnly? effectiveDate, string reason, DateOnly today)
    {
        if (Status != ContractStatus.Active)
            throw DocumentErrors.InvalidTransition("terminate", Status);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(ErrorCodes.TerminationReasonRequired, "A termination reason is required.") { Field = "reason" };
        if (reason.Trim().Length > MaximumReasonLength)
            throw new DomainException(ErrorCodes.TerminationReasonRequired, "The termination reason is too long.") { Field = "reason" };
        var earliest = EarliestTerminationDate(today);
        var latest = LatestTerminationDate;
        var effective = effectiveDate ?? earliest;
        if (effective < earliest || effective > latest)
        {
            var code = effective < earliest ? ErrorCodes.ContractNoticeNotRespected : ErrorCodes.ContractTerminationTooLate;
            throw new DomainException(code, $"The termination date must be between {earliest:O} and {latest:O}.")
            {
                Field = "effectiveDate",
                Arguments = new Dictionary<string, object>
                {
                    ["earliestDate"] = earliest,
                    ["latestDate"] = latest,
                    ["noticeDeadline"] = NoticeDeadline,
                    ["noticeMonths"] = NoticeMonths,
                },
                Members = TerminationWindow(today),
            };
        }

        Status = ContractStatus.Terminated;
        TerminationDate = effective;
        TerminationReason = reason.Trim();
        TerminatedOn = today;
        EndDate = effective;
        IndexRevisionPending = false;
    }

    /// <summary>
    /// A user renews: a new term starting the day after the current one ends, prices revised by
    /// <paramref name="revision"/>. Allowed from <see cref="RenewalOpensOn"/> (so one term is renewed once). On a contract
    /// renewed tacitly while its index revision is pending, the revision is applied to the current term instead.
    /// </summary>
    public ContractTerm Renew(ContractRevision revision, DateOnly today, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (Status != ContractStatus.Active)
            throw DocumentErrors.InvalidTransition("renew", Status);
        var (factorNumerator, factorDenominator, value) = RevisionFactor(revision);
        if (IndexRevisionPending)
        {
            var current = _terms.Single(t => t.Number == TermNumber);
            ApplyRevision(revision, factorNumerator, factorDenominator);
            current.RecordRevision(revision.Kind, value, Factor(factorNumerator, factorDenominator), today, userId);
            IndexRevisionPending = false;
            return current;
        }

        if (today < RenewalOpensOn)
        {
            throw new DomainConflictException(ErrorCodes.ContractRenewalTooEarly, $"Renewal opens on {RenewalOpensOn:O}.")
            {
                Arguments = new Dictionary<string, object> { ["opensOn"] = RenewalOpensOn },
            };
        }

        var term = StartNextTerm(tacit: false, today, userId);
        ApplyRevision(revision, factorNumerator, factorDenominator);
        term.RecordRevision(revision.Kind, value, Factor(factorNumerator, factorDenominator), today, userId);
        RenewalDeclinedOn = null;
        return term;
    }

    /// <summary>
    /// The billing job, at each term end passed: a contract that renews tacitly starts its next term, applying its
    /// percentage clause; an indexed one keeps its prices and waits for a user's index value
    /// (<see cref="IndexRevisionPending"/>). A terminated contract whose end date lies beyond the term also rolls on (no
    /// revision: the parties are parting). Returns the new term, or null when nothing was due.
    /// </summary>
    public ContractTerm? RenewTacitly(DateOnly today)
    {
        if (today <= CurrentTermEnd)
            return null;
        if (Status == ContractStatus.Terminated && EndDate > CurrentTermEnd)
            return StartNextTerm(tacit: true, today, null);
        if (!WillRenewTacitly)
            return null;
        var term = StartNextTerm(tacit: true, today, null);
        if (RevisionKind == RevisionKind.Percentage)
        {
            var revision = new ContractRevision(RevisionKind.Percentage, RevisionPercentage);
            var (numerator, denominator, value) = RevisionFactor(revision);
            ApplyRevision(revision, numerator, denominator);
            term.RecordRevision(RevisionKind.Percentage, value, Factor(numerator, denominator), today, null);
        }
        else if (RevisionKind == RevisionKind.Index)
        {
            IndexRevisionPending = true;
        }
        return term;
    }

    /// <summary>The billing job, at a term end passed by a contract that does not renew tacitly: active → expired, billed
    /// up to the term end. Returns whether it expired.</summary>
    public bool ExpireIfDue(DateOnly today)
    {
        if (Status != ContractStatus.Active || WillRenewTacitly || today <= CurrentTermEnd)
            return false;
        Status = ContractStatus.Expired;
        EndDate = CurrentTermEnd;
        return true;
    }

    /// <summary>Every term end passed by <paramref name="today"/>, in order (a job that did not run for a while catches up):
    /// tacit renewals and then, if due, the expiry. Returns the terms started.</summary>
    public IReadOnlyList<ContractTerm> CatchUp(DateOnly today)
    {
        var started = new List<ContractTerm>();
        while (RenewTacitly(today) is { } term)
            started.Add(term);
        ExpireIfDue(today);
        return started;
    }

    /// <summary>The company will not renew: the contract expires at the end of the current term. A contract renewing
    /// tacitly can be stopped this way only until the notice deadline; later, terminate it for the end of the next term.</summary>
    public void LetExpire(DateOnly today)
    {
        if (Status != ContractStatus.Active)
            throw DocumentErrors.InvalidTransition("let-expire", Status);
        if (RenewalDeclinedOn is not null)
            return;
        if (TacitRenewal && today > NoticeDeadline)
        {
            throw new DomainException(ErrorCodes.ContractNoticePassed, $"The notice deadline {NoticeDeadline:O} has passed.")
            {
                Arguments = new Dictionary<string, object>
                {
                    ["noticeDeadline"] = NoticeDeadline,
                    ["earliestDate"] = EarliestTerminationDate(today),
                },
                Members = TerminationWindow(today),
            };
        }
        RenewalDeclinedOn = today;
    }

    private ContractTerm StartNextTerm(bool tacit, DateOnly today, Guid? userId)
    {
        TermNumber++;
        CurrentTermStart = CurrentTermEnd.AddDays(1);
        CurrentTermEnd = ContractPeriods.TermEnd(CurrentTermStart, TermMonths);
        var term = ContractTerm.Create(Id, TermNumber, CurrentTermStart, CurrentTermEnd, tacit, today, userId);
        _terms.Add(term);
        return term;
    }

    private (decimal Numerator, decimal Denominator, decimal? Value) RevisionFactor(ContractRevision revision)
    {
        switch (revision.Kind)
        {
            case RevisionKind.None:
                return (1m, 1m, null);
            case RevisionKind.Percentage:
                if (revision.Percentage is not { } p || !ContractRevision.IsPercentage(p))
                    throw ContractRevision.Invalid("revision.percentage");
                return (100m + p, 100m, p);
            case RevisionKind.Index:
                if (RevisionKind != RevisionKind.Index || RevisionIndexBase is not { } baseValue)
                    throw new DomainException(ErrorCodes.ContractIndexNotDefined, "The contract has no base index value.") { Field = "revision.kind" };
                if (revision.IndexValue is not { } index || !ContractRevision.IsIndexValue(index))
                    throw ContractRevision.Invalid("revision.indexValue");
                return (index, baseValue, index);
            default:
                throw ContractRevision.Invalid("revision.kind");
        }
    }

    /// <summary>Each unit price × numerator ÷ denominator, rounded once to 4 decimals; an index revision makes the new
    /// value the base of the next one.</summary>
    private void ApplyRevision(ContractRevision revision, decimal numerator, decimal denominator)
    {
        foreach (var line in _lines)
            line.Revise(numerator, denominator);
        if (revision.Kind == RevisionKind.Index)
            RevisionIndexBase = revision.IndexValue;
    }

    private static decimal Factor(decimal numerator, decimal denominator) =>
        decimal.Round(numerator / denominator, 4, MidpointRounding.AwayFromZero);

    private void Apply(Guid customerId, Guid ownerUserId, ContractTermsData terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (customerId == Guid.Empty)
            throw new DomainException(ErrorCodes.ContractCustomerRequired, "A contract needs a customer.") { Field = "customerId" };
        if (terms.TermMonths is < 1 or > MaximumTermMonths)
            throw TermInvalid("termMonths");
        if (!Enum.IsDefined(terms.Periodicity))
            throw TermInvalid("periodicity");
        if (!Enum.IsDefined(terms.Timing))
            throw TermInvalid("timing");
        if (terms.TermMonths % ContractPeriods.MonthsOf(terms.Periodicity) != 0)
        {
            throw new DomainException(ErrorCodes.ContractTermNotWholePeriods, "The term must be a whole number of billing periods.")
            {
                Field = "termMonths",
                Arguments = new Dictionary<string, object> { ["periodMonths"] = ContractPeriods.MonthsOf(terms.Periodicity) },
            };
        }
        if (terms.NoticeMonths < 0 || terms.NoticeMonths > MaximumNoticeMonths || (terms.NoticeMonths > 0 && terms.NoticeMonths >= terms.TermMonths))
        {
            throw new DomainException(ErrorCodes.ContractNoticeInvalid, "The notice is 0 to 12 months, shorter than the term.")
            {
                Field = "noticeMonths",
                Arguments = new Dictionary<string, object> { ["maximumMonths"] = MaximumNoticeMonths },
            };
        }
        if (terms.StartDate.Year is < 2000 or > 2100)
            throw TermInvalid("startDate");
        var revision = (terms.Revision ?? ContractRevisionClause.None).Checked("revision");

        CustomerId = customerId;
        OwnerUserId = ownerUserId;
        StartDate = terms.StartDate;
        TermMonths = terms.TermMonths;
        Periodicity = terms.Periodicity;
        Timing = terms.Timing;
        TacitRenewal = terms.TacitRenewal;
        NoticeMonths = terms.NoticeMonths;
        RevisionKind = revision.Kind;
        RevisionPercentage = revision.Percentage;
        RevisionIndexBase = revision.BaseIndexValue;
        CurrentTermStart = StartDate;
        CurrentTermEnd = ContractPeriods.TermEnd(StartDate, TermMonths);
    }

    private static DomainException TermInvalid(string field) =>
        new(ErrorCodes.ContractTermInvalid, $"Invalid contract {field}.")
        {
            Field = field,
            Arguments = new Dictionary<string, object> { ["maximumMonths"] = MaximumTermMonths },
        };

    private void SetLines(IEnumerable<ContractLineData> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        var checkedLines = DocumentLineData.CheckAll(list.Select(l => (l ?? throw new ArgumentException("A line is null.", nameof(lines))).Line with { IsContractLine = false }));
        if (!checkedLines.Any(l => l.Kind.IsPriced()))
            throw new DomainException(ErrorCodes.DocumentHasNoPricedLine, "A contract needs a priced line.") { Field = "lines" };
        _lines.Clear();
        for (var i = 0; i < checkedLines.Count; i++)
            _lines.Add(ContractLine.Create(Id, i, checkedLines[i], list[i].OrderLineId));
    }

    private static List<T> Sorted<T>(List<T> items, Func<T, int> key)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (key(items[i - 1]) > key(items[i]))
            {
                items.Sort((a, b) => key(a).CompareTo(key(b)));
                break;
            }
        }
        return items;
    }
}
