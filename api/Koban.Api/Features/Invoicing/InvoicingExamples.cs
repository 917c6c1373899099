using Koban.Api.Features.Common;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Mail;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Sales;

namespace Koban.Api.Features.Invoicing;

/// <summary>The OpenAPI examples of invoices and credit notes: one worked case (a balance invoice deducting its deposit,
/// then a credit note for a missing shelf), reused by every operation.</summary>
internal static class InvoicingExamples
{
    internal static readonly Guid InvoiceId = Guid.Parse("01936e00-0000-7000-8000-0000000000f1");
    internal static readonly Guid DepositId = Guid.Parse("01936e00-0000-7000-8000-0000000000f0");
    internal static readonly Guid CreditNoteId = Guid.Parse("01936e00-0000-7000-8000-0000000000c1");
    internal static readonly DateTimeOffset Stamp = new(2026, 12, 15, 9, 30, 0, TimeSpan.Zero);

    internal static readonly SellerSnapshot Seller = new(Guid.Parse("01936a00-0000-7000-8000-000000000001"), "Atelier Koban Démo", "SAS", 10000m,
        new AddressSnapshot("12 rue des Tanneurs", null, "69002", "Lyon", "FR"), "732829320", "Lyon", "FR44732829320", "FR7630006000011234567890189", "AGRIFRPP", false, false, 12.15m);

    internal static readonly BuyerSnapshot Buyer = new(SalesExamples.CustomerId, "Menuiserie Durand SARL", true, "FR", "France",
        new AddressSnapshot("4 quai Perrache", null, "69002", "Lyon", "FR"), null, "552100554", "FR70552100554", "411DURAND", "Claire Durand", "compta@durand.example");

    internal static readonly IReadOnlyList<BillingLineResponse> BalanceLines =
    [
        new(Guid.Parse("01936e00-0000-7000-8000-00000000e101"), 0, LineKind.Product, Guid.Parse("01936c10-0000-7000-8000-00000000a001"), "Pose et réglage", 12.000m, "HUR",
            65.0000m, 0m, 20m, VatCategory.Standard, 780.00m, SalesExamples.Lines[1].Id, null, 0m, null, ProductNature.Service),
        new(Guid.Parse("01936e00-0000-7000-8000-00000000e102"), 1, LineKind.Free, null, "Étagère chêne massif sur mesure", 2.000m, "C62", 375.5000m, 10m, 20m,
            VatCategory.Standard, 675.90m, SalesExamples.Lines[2].Id, null, 0m, null, ProductNature.Goods),
        new(Guid.Parse("01936e00-0000-7000-8000-00000000e103"), 2, LineKind.Free, null, "Déduction de la facture d'acompte n° FA-2026-00041 du 25/11/2026", 1.000m, "C62",
            -436.7700m, 0m, 20m, VatCategory.Standard, -436.77m, null, DepositId, 87.35m, null, null),
    ];

    internal static readonly InvoiceResponse Balance = new(
        Id: InvoiceId,
        Kind: InvoiceKind.Balance,
        Status: BillingStatus.Validated,
        Number: "FA-2026-00042",
        Title: "Facture",
        CustomerId: SalesExamples.CustomerId,
        CustomerName: "Menuiserie Durand SARL",
        OrderId: SalesExamples.OrderId,
        OrderNumber: "CO-2026-00031",
        TraceableToOrder: true,
        MilestoneId: null,
        IssueDate: new DateOnly(2026, 12, 15),
        RequestedIssueDate: null,
        DueDate: new DateOnly(2027, 1, 14),
        PaymentTerms: new PaymentTermsDto(PaymentTermsKind.Days, 30),
        PaymentMethod: PaymentMethod.BankTransfer,
        Currency: "EUR",
        CustomerReference: "BC-2026-118",
        HeaderText: null,
        FooterText: null,
        Comment: null,
        ContactId: null,
        Lines: BalanceLines,
        Totals: new TotalsResponse(1019.13m, [new VatBreakdownResponse(20m, VatCategory.Standard, 1019.13m, 203.83m)], 203.83m, 1222.96m),
        CreditedTotal: 0m,
        AmountDue: 1222.96m,
        IsOverdue: false,
        Snapshot: new BillingSnapshotResponse(Seller, Buyer, []),
        Fingerprint: "9f2c…e41a",
        ChainSequence: 7,
        ValidatedAt: Stamp,
        Archive: new ArchiveResponse("51d0…77b2", Stamp.AddSeconds(2)),
        LinkedDocuments:
        [
            new BillingLinkResponse(SalesExamples.OrderId, "Order", "CO-2026-00031", new DateOnly(2026, 11, 20), 1747.08m),
            new BillingLinkResponse(DepositId, "DepositInvoice", "FA-2026-00041", new DateOnly(2026, 11, 25), 524.12m),
        ],
        History: [new OrderHistoryEntry(Stamp.AddMinutes(-5), "invoice.created", "Anne Comptable"), new OrderHistoryEntry(Stamp, "invoice.validated", "Anne Comptable")],
        UpdatedAt: Stamp,
        SaleDate: new DateOnly(2026, 12, 10));

    internal static readonly InvoiceResponse Draft = Balance with
    {
        Status = BillingStatus.Draft,
        Number = null,
        IssueDate = null,
        DueDate = null,
        Snapshot = null,
        Fingerprint = null,
        ChainSequence = null,
        ValidatedAt = null,
        Archive = null,
        History = [Balance.History[0]],
    };

    internal static readonly CreditNoteResponse Credit = new(
        Id: CreditNoteId,
        Status: BillingStatus.Validated,
        Number: "AV-2026-00003",
        InvoiceId: InvoiceId,
        InvoiceNumber: "FA-2026-00042",
        InvoiceDate: new DateOnly(2026, 12, 15),
        Reason: CreditReason.Correction,
        ReasonText: "Une étagère livrée en moins",
        CustomerId: SalesExamples.CustomerId,
        CustomerName: "Menuiserie Durand SARL",
        OrderId: SalesExamples.OrderId,
        IssueDate: new DateOnly(2026, 12, 18),
        RequestedIssueDate: null,
        HeaderText: null,
        FooterText: null,
        Comment: null,
        Lines: [BalanceLines[1] with { Id = Guid.Parse("01936e00-0000-7000-8000-00000000e201"), Position = 0, Quantity = 1.000m, NetAmount = 337.95m, SourceLineId = BalanceLines[1].Id }],
        Totals: new TotalsResponse(337.95m, [new VatBreakdownResponse(20m, VatCategory.Standard, 337.95m, 67.59m)], 67.59m, 405.54m),
        AppliedToInvoice: 405.54m,
        CustomerCredit: 0m,
        Snapshot: new BillingSnapshotResponse(Seller, Buyer, []),
        Fingerprint: "c03b…18fe",
        ChainSequence: 8,
        ValidatedAt: Stamp.AddDays(3),
        Archive: null,
        History: [],
        UpdatedAt: Stamp.AddDays(3));

    internal static readonly InvoiceList List = new([new InvoiceSummary(Balance.Id, Balance.Kind, Balance.Status, Balance.Number, Balance.CustomerId, Balance.CustomerName,
        Balance.OrderId, Balance.OrderNumber, Balance.IssueDate, Balance.DueDate, 1019.13m, 1222.96m, 1222.96m, false, Stamp)], null, false);

    internal static readonly InvoiceRequest DirectRequest = new(SalesExamples.CustomerId, null, new PaymentTermsDto(PaymentTermsKind.Days, 30), PaymentMethod.BankTransfer, null, null, null,
        null, null, [new SalesLineRequest(LineKind.Free, null, "Intervention de dépannage", 1.5m, "HUR", 60m, null, 20m, ProductNature.Service, null)]);

    internal static readonly InvoiceRequest UpdateRequest = new(SalesExamples.CustomerId, new DateOnly(2026, 12, 15), CustomerReference: "BC-2026-118", SaleDate: new DateOnly(2026, 12, 10));

    internal static readonly InvoiceResponse Direct = Draft with { Kind = InvoiceKind.Direct, OrderId = null, OrderNumber = null, TraceableToOrder = false, LinkedDocuments = [] };

    internal static readonly InvoiceResponse DepositPreview = Draft with
    {
        Kind = InvoiceKind.Deposit,
        Title = "Facture d'acompte",
        Lines = [new(Guid.Empty, 0, LineKind.Free, null, "Acompte de 30 % sur la commande CO-2026-00031 (devis DE-2026-00012)", 1m, "C62", 436.77m, 0m, 20m, VatCategory.Standard, 436.77m, null, null, 0m, null, null)],
        Totals = new TotalsResponse(436.77m, [new VatBreakdownResponse(20m, VatCategory.Standard, 436.77m, 87.35m)], 87.35m, 524.12m),
        AmountDue = 524.12m,
    };

    internal static readonly CreditNoteList CreditList = new([new CreditNoteSummary(Credit.Id, Credit.Status, Credit.Number, Credit.InvoiceId, Credit.InvoiceNumber, Credit.Reason,
        Credit.CustomerId, Credit.CustomerName, Credit.IssueDate, 337.95m, 405.54m, Stamp)], null, false);

    internal static readonly InvoiceFromOrderRequest BalanceRequest = new(SalesExamples.OrderId, InvoiceKind.Balance);

    internal static readonly InvoiceFromOrderRequest DepositRequest = new(SalesExamples.OrderId, InvoiceKind.Deposit, Percentage: 30m);

    internal static readonly ValidateBillingDocumentRequest ValidateRequest = new(new DateOnly(2026, 12, 15));

    internal static readonly CreditNoteRequest CreditRequest = new(InvoiceId, CreditReason.Correction, CreditNoteMode.Lines, "Une étagère livrée en moins",
        [new CreditNoteLineRequest(BalanceLines[1].Id, 1m)]);

    internal static readonly CreditNoteUpdateRequest CreditUpdateRequest = new(new DateOnly(2026, 12, 18), "Une étagère livrée en moins");

    internal static readonly CreditNoteResponse CreditUpdated = Credit with { Status = BillingStatus.Draft, Number = null };

    internal static readonly ValidateBillingDocumentRequest ValidateCreditRequest = new(new DateOnly(2026, 12, 18));

    internal static readonly CreditNoteResponse CreditDraft =
        Credit with { Status = BillingStatus.Draft, Number = null, IssueDate = null, Snapshot = null, Fingerprint = null, ChainSequence = null, ValidatedAt = null, AppliedToInvoice = 0m };

}
