using Koban.Api.Features.Common;
using Koban.Api.Features.Sales;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Invoicing;
using Koban.Domain.Products;
using Koban.Domain.Sales;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Invoicing;

public static class InvoicingEndpoints
{
    private static readonly Guid InvoiceId = Guid.Parse("01936e00-0000-7000-8000-0000000000f1");
    private static readonly Guid DepositId = Guid.Parse("01936e00-0000-7000-8000-0000000000f0");
    private static readonly Guid CreditNoteId = Guid.Parse("01936e00-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset Stamp = new(2026, 12, 15, 9, 30, 0, TimeSpan.Zero);

    private static readonly SellerSnapshot Seller = new(Guid.Parse("01936a00-0000-7000-8000-000000000001"), "Atelier Koban Démo", "SAS", 10000m,
        new AddressSnapshot("12 rue des Tanneurs", null, "69002", "Lyon", "FR"), "732829320", "Lyon", "FR44732829320", "FR7630006000011234567890189", "AGRIFRPP", false, false, 12.15m);

    private static readonly BuyerSnapshot Buyer = new(SalesExamples.CustomerId, "Menuiserie Durand SARL", true, "FR", "France",
        new AddressSnapshot("4 quai Perrache", null, "69002", "Lyon", "FR"), null, "552100554", "FR70552100554", "411DURAND", "Claire Durand", "compta@durand.example");

    private static readonly IReadOnlyList<BillingLineResponse> BalanceLines =
    [
        new(Guid.Parse("01936e00-0000-7000-8000-00000000e101"), 0, LineKind.Product, Guid.Parse("01936c10-0000-7000-8000-00000000a001"), "Pose et réglage", 12.000m, "HUR",
            65.0000m, 0m, 20m, VatCategory.Standard, 780.00m, SalesExamples.Lines[1].Id, null, 0m, null, ProductNature.Service),
        new(Guid.Parse("01936e00-0000-7000-8000-00000000e102"), 1, LineKind.Free, null, "Étagère chêne massif sur mesure", 2.000m, "C62", 375.5000m, 10m, 20m,
            VatCategory.Standard, 675.90m, SalesExamples.Lines[2].Id, null, 0m, null, ProductNature.Goods),
        new(Guid.Parse("01936e00-0000-7000-8000-00000000e103"), 2, LineKind.Free, null, "Déduction de la facture d'acompte n° FA-2026-00041 du 25/11/2026", 1.000m, "C62",
            -436.7700m, 0m, 20m, VatCategory.Standard, -436.77m, null, DepositId, 87.35m, null, null),
    ];

    private static readonly InvoiceResponse Balance = new(InvoiceId, InvoiceKind.Balance, BillingStatus.Validated, "FA-2026-00042", "Facture", SalesExamples.CustomerId,
        "Menuiserie Durand SARL", SalesExamples.OrderId, "CO-2026-00031", true, null, new DateOnly(2026, 12, 15), null, new DateOnly(2027, 1, 14),
        new PaymentTermsDto(PaymentTermsKind.Days, 30), PaymentMethod.BankTransfer, "EUR", "BC-2026-118", null, null, null, null, BalanceLines,
        new TotalsResponse(1019.13m, [new VatBreakdownResponse(20m, VatCategory.Standard, 1019.13m, 203.83m)], 203.83m, 1222.96m), 0m, 1222.96m, false,
        new BillingSnapshotResponse(Seller, Buyer, []), "9f2c…e41a", 7, Stamp, new ArchiveResponse("51d0…77b2", Stamp.AddSeconds(2)),
        [new BillingLinkResponse(SalesExamples.OrderId, "Order", "CO-2026-00031", new DateOnly(2026, 11, 20), 1747.08m),
         new BillingLinkResponse(DepositId, "DepositInvoice", "FA-2026-00041", new DateOnly(2026, 11, 25), 524.12m)],
        [new OrderHistoryEntry(Stamp.AddMinutes(-5), "invoice.created", "Anne Comptable"), new OrderHistoryEntry(Stamp, "invoice.validated", "Anne Comptable")], Stamp,
        SaleDate: new DateOnly(2026, 12, 10));

    private static readonly InvoiceResponse Draft = Balance with
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

    private static readonly CreditNoteResponse Credit = new(CreditNoteId, BillingStatus.Validated, "AV-2026-00003", InvoiceId, "FA-2026-00042", new DateOnly(2026, 12, 15),
        CreditReason.Correction, "Une étagère livrée en moins", SalesExamples.CustomerId, "Menuiserie Durand SARL", SalesExamples.OrderId, new DateOnly(2026, 12, 18), null,
        null, null, null,
        [BalanceLines[1] with { Id = Guid.Parse("01936e00-0000-7000-8000-00000000e201"), Position = 0, Quantity = 1.000m, NetAmount = 337.95m, SourceLineId = BalanceLines[1].Id }],
        new TotalsResponse(337.95m, [new VatBreakdownResponse(20m, VatCategory.Standard, 337.95m, 67.59m)], 67.59m, 405.54m), 405.54m, 0m,
        new BillingSnapshotResponse(Seller, Buyer, []), "c03b…18fe", 8, Stamp.AddDays(3), null, [], Stamp.AddDays(3));

    public static void MapInvoicingEndpoints(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Invoices");

        invoices.MapGet("/", async Task<Ok<InvoiceList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, BillingStatus? status, InvoiceKind? kind,
                Guid? customerId, Guid? orderId, DateOnly? issuedFrom, DateOnly? issuedTo, bool? overdue, DateTimeOffset? updatedSince, Koban.Domain.Receivables.InvoicePaymentStatus? paymentStatus, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListInvoicesQuery(Cursor.Limit(limit), after, sort, search, status, kind, customerId, orderId, issuedFrom, issuedTo, overdue, updatedSince, paymentStatus), ct)))
            .WithName("ListInvoices")
            .WithSummary("List invoices")
            .WithDescription("Filters: `status` (Draft, Validated), `kind`, `customerId`, `orderId`, `issuedFrom`/`issuedTo` (invoice date), `overdue=true` (validated, due date passed, amount still due), `paymentStatus` (Unpaid, PartiallyPaid, Paid, Credited), `updatedSince`; `search` matches the number, the order number or the customer's name. `sort`: `-updatedAt` (default), `issueDate`, `dueDate`, `totalIncludingVat`. `amountDue` is what is still owed: the total including VAT minus the payments, credit notes and write-offs allocated to it; `paymentStatus` and `disputed` come from the customer's account.")
            .RequirePermission(Permissions.Invoices, Access.Read)
            .WithExamples(null, 200, new InvoiceList([new InvoiceSummary(Balance.Id, Balance.Kind, Balance.Status, Balance.Number, Balance.CustomerId, Balance.CustomerName,
                Balance.OrderId, Balance.OrderNumber, Balance.IssueDate, Balance.DueDate, 1019.13m, 1222.96m, 1222.96m, false, Stamp)], null, false));

        invoices.MapPost("/", async Task<Created<InvoiceResponse>> (InvoiceRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (invoice, version) = await mediator.Send(new SaveDirectInvoiceCommand(null, null, body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/invoices/{invoice.Id}", invoice);
            })
            .WithName("CreateDirectInvoice")
            .WithSummary("Create a direct invoice (no order)")
            .WithDescription("A draft invoice of free or catalogue lines for a customer, marked as not traceable to an order (`traceableToOrder: false`) — allowed, but invoices of orders keep the order's amounts frozen and its left to invoice up to date. " + QuotesEndpoints.LinesRules)
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(422)
            .WithExamples(new InvoiceRequest(SalesExamples.CustomerId, null, new PaymentTermsDto(PaymentTermsKind.Days, 30), PaymentMethod.BankTransfer, null, null, null, null, null,
                [new SalesLineRequest(LineKind.Free, null, "Intervention de dépannage", 1.5m, "HUR", 60m, null, 20m, ProductNature.Service, null)]), 201,
                Draft with { Kind = InvoiceKind.Direct, OrderId = null, OrderNumber = null, TraceableToOrder = false, LinkedDocuments = [] });

        invoices.MapPost("/from-order", async Task<Created<InvoiceResponse>> (InvoiceFromOrderRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (invoice, version) = await mediator.Send(new CreateInvoiceFromOrderCommand(body, DryRun: false), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/invoices/{invoice.Id}", invoice);
            })
            .WithName("CreateInvoiceFromOrder")
            .WithSummary("Invoice a validated order: full, intermediate, deposit or balance")
            .WithDescription(FromOrderRules)
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new InvoiceFromOrderRequest(SalesExamples.OrderId, InvoiceKind.Balance), 201, Draft);

        invoices.MapPost("/from-order/preview", async Task<Ok<InvoiceResponse>> (InvoiceFromOrderRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new CreateInvoiceFromOrderCommand(body, DryRun: true), ct)).Invoice))
            .WithName("PreviewInvoiceFromOrder")
            .WithSummary("Preview the invoice of an order without saving it")
            .WithDescription("Same body, rules and errors as `POST /from-order`; nothing is stored. The SPA shows the lines and totals before the user creates the draft.")
            .RequirePermission(Permissions.Invoices, Access.Read)
            .WithProblems(409, 422)
            .WithExamples(new InvoiceFromOrderRequest(SalesExamples.OrderId, InvoiceKind.Deposit, Percentage: 30m), 200, Draft with
            {
                Kind = InvoiceKind.Deposit,
                Title = "Facture d'acompte",
                Lines = [new(Guid.Empty, 0, LineKind.Free, null, "Acompte de 30 % sur la commande CO-2026-00031 (devis DE-2026-00012)", 1m, "C62", 436.77m, 0m, 20m, VatCategory.Standard, 436.77m, null, null, 0m, null, null)],
                Totals = new TotalsResponse(436.77m, [new VatBreakdownResponse(20m, VatCategory.Standard, 436.77m, 87.35m)], 87.35m, 524.12m),
                AmountDue = 524.12m,
            });

        invoices.MapGet("/{id:guid}", async Task<Ok<InvoiceResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (invoice, version) = await mediator.Send(new GetInvoiceQuery(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(invoice);
            })
            .WithName("GetInvoice")
            .WithSummary("Get an invoice")
            .WithDescription("Lines (with the order line each bills, or the deposit each deduction takes back with its VAT), totals (stored at validation, never recomputed), the seller/buyer snapshot copied at validation, the fingerprint and its place in the company's chain, the archived PDF's SHA-256, linked documents (order, deducted deposits, credit notes) and the history.")
            .RequirePermission(Permissions.Invoices, Access.Read)
            .WithExamples(null, 200, Balance);

        invoices.MapPut("/{id:guid}", async Task<Ok<InvoiceResponse>> (Guid id, InvoiceRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (invoice, version) = await mediator.Send(new SaveDirectInvoiceCommand(id, EntityTags.RequireIfMatch(http), body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(invoice);
            })
            .WithName("UpdateInvoice")
            .WithSummary("Update a draft invoice")
            .WithDescription("Drafts only: a validated invoice never changes (409 `document_frozen`; correct it with a credit note). Header fields (requested date, payment terms and method, purchase-order reference, texts, contact) apply to every draft; `lines` replace the lines of a direct invoice only — the lines of an order invoice follow from the order (409 `invoice_lines_follow_order`: delete the draft and create another).")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(new InvoiceRequest(SalesExamples.CustomerId, new DateOnly(2026, 12, 15), CustomerReference: "BC-2026-118", SaleDate: new DateOnly(2026, 12, 10)), 200, Draft);

        invoices.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new InvoiceActionCommand(id, InvoiceAction.Delete), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteInvoice")
            .WithSummary("Delete a draft invoice")
            .WithDescription("A draft (no number) can be deleted; its billing-schedule milestone becomes due again. A validated invoice is never deleted (409 `document_not_deletable`).")
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(409);

        invoices.MapPost("/{id:guid}/validate", async Task<Ok<InvoiceResponse>> (Guid id, ValidateBillingDocumentRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new InvoiceActionCommand(id, InvoiceAction.Validate, body?.IssueDate), ct))!))
            .WithName("ValidateInvoice")
            .WithSummary("Validate a draft invoice: number it and freeze it forever")
            .WithDescription(ValidateRules)
            .RequirePermission(Permissions.Invoices, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new ValidateBillingDocumentRequest(new DateOnly(2026, 12, 15)), 200, Balance);

        var credits = app.MapGroup("/api/v1/credit-notes").WithTags("Credit notes");

        credits.MapGet("/", async Task<Ok<CreditNoteList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, BillingStatus? status, Guid? customerId,
                Guid? invoiceId, DateOnly? issuedFrom, DateOnly? issuedTo, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCreditNotesQuery(Cursor.Limit(limit), after, sort, search, status, customerId, invoiceId, issuedFrom, issuedTo, updatedSince), ct)))
            .WithName("ListCreditNotes")
            .WithSummary("List credit notes")
            .WithDescription("Filters: `status`, `customerId`, `invoiceId`, `issuedFrom`/`issuedTo`, `updatedSince`; `search` matches the number, the corrected invoice's number or the customer's name. `sort`: `-updatedAt` (default), `issueDate`, `totalIncludingVat`.")
            .RequirePermission(Permissions.CreditNotes, Access.Read)
            .WithExamples(null, 200, new CreditNoteList([new CreditNoteSummary(Credit.Id, Credit.Status, Credit.Number, Credit.InvoiceId, Credit.InvoiceNumber, Credit.Reason,
                Credit.CustomerId, Credit.CustomerName, Credit.IssueDate, 337.95m, 405.54m, Stamp)], null, false));

        credits.MapPost("/", async Task<Created<CreditNoteResponse>> (CreditNoteRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (note, version) = await mediator.Send(new CreateCreditNoteCommand(body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/credit-notes/{note.Id}", note);
            })
            .WithName("CreateCreditNote")
            .WithSummary("Create a draft credit note from a validated invoice")
            .WithDescription("""
                The only way to correct or cancel a validated invoice (domain-rules §2, §6). `mode`: `Full` (everything the invoice still carries — its lines as invoiced, deductions included, so the credit note mirrors it to the cent), `Lines` (`lines`: invoice line and quantity; a deposit deduction is credited whole) or `Amount` (`amountExcludingVat` or `amountIncludingVat`, split across the invoice's VAT rates in proportion, the largest base taking the rounding remainder). Never beyond what the invoice still carries after its other credit notes (422 `credit_beyond_invoiced`).
                `reason`: `Correction` gives back "left to invoice" on the order (on a deposit invoice, it reduces the deposit the balance will deduct); `CommercialDiscount` and `WriteOff` do not. It cites the corrected invoice's number and date, has its own number sequence, and is validated like an invoice. Once validated it is applied first to the invoice it corrects, up to what that invoice still owes after its payments and earlier credit notes (`appliedToInvoice`); the rest becomes customer credit, and `customerCredit` is what is still available of it on the customer's account (less refunds and use on other invoices). A credit note on a paid invoice is all customer credit.
                """)
            .RequirePermission(Permissions.CreditNotes, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new CreditNoteRequest(InvoiceId, CreditReason.Correction, CreditNoteMode.Lines, "Une étagère livrée en moins", [new CreditNoteLineRequest(BalanceLines[1].Id, 1m)]), 201,
                Credit with { Status = BillingStatus.Draft, Number = null, IssueDate = null, Snapshot = null, Fingerprint = null, ChainSequence = null, ValidatedAt = null, AppliedToInvoice = 0m });

        credits.MapGet("/{id:guid}", async Task<Ok<CreditNoteResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (note, version) = await mediator.Send(new GetCreditNoteQuery(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(note);
            })
            .WithName("GetCreditNote")
            .WithSummary("Get a credit note")
            .RequirePermission(Permissions.CreditNotes, Access.Read)
            .WithExamples(null, 200, Credit);

        credits.MapPut("/{id:guid}", async Task<Ok<CreditNoteResponse>> (Guid id, CreditNoteUpdateRequest body, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (note, version) = await mediator.Send(new UpdateCreditNoteCommand(id, EntityTags.RequireIfMatch(http), body), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(note);
            })
            .WithName("UpdateCreditNote")
            .WithSummary("Update a draft credit note's date and texts")
            .WithDescription("Drafts only (409 `document_frozen` once validated). To credit other lines or amounts, delete the draft and create another.")
            .RequirePermission(Permissions.CreditNotes, Access.Write)
            .RequiresIfMatch()
            .WithProblems(409, 422)
            .WithExamples(new CreditNoteUpdateRequest(new DateOnly(2026, 12, 18), "Une étagère livrée en moins"), 200, Credit with { Status = BillingStatus.Draft, Number = null });

        credits.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CreditNoteActionCommand(id, InvoiceAction.Delete), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteCreditNote")
            .WithSummary("Delete a draft credit note")
            .WithDescription("Drafts only; a validated credit note is never deleted (409 `document_not_deletable`).")
            .RequirePermission(Permissions.CreditNotes, Access.Write)
            .WithProblems(409);

        credits.MapPost("/{id:guid}/validate", async Task<Ok<CreditNoteResponse>> (Guid id, ValidateBillingDocumentRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(new CreditNoteActionCommand(id, InvoiceAction.Validate, body?.IssueDate), ct))!))
            .WithName("ValidateCreditNote")
            .WithSummary("Validate a draft credit note: number it and freeze it forever")
            .WithDescription("As invoices (own number sequence, same chain), plus: never dated before the invoice it corrects (422 `credit_note_before_invoice`), never beyond what that invoice still carries after the credit notes validated meanwhile (422 `credit_beyond_invoiced`). The buyer snapshot is the corrected invoice's.")
            .RequirePermission(Permissions.CreditNotes, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new ValidateBillingDocumentRequest(new DateOnly(2026, 12, 18)), 200, Credit);
    }

    private const string FromOrderRules = """
        Creates a draft (no number) from a validated order (409 `order_not_validated` otherwise), computed from what is left to invoice on each line and VAT rate (domain-rules §6); never beyond it (422 `beyond_left_to_invoice`). Give at most one of `percentage`, `amountExcludingVat`, `amountIncludingVat`, `lines`.
        - `Full`: every line left to invoice (contract lines excluded: their contract bills them). 409 `nothing_left_to_invoice` when nothing is left.
        - `Intermediate`: `percentage` (each line's net = round(line net × %, 2), capped at what is left of it), `amountExcludingVat` (split over the lines in proportion, the largest taking the rounding) or `lines` (order line + quantity).
        - `Deposit` (facture d'acompte): `percentage` or `amountExcludingVat` of the order, or `amountIncludingVat` reproduced exactly by the document's total (422 `amount_including_vat_unreachable` with the nearest reachable amounts when VAT rounding makes it impossible); one line per VAT rate of the order, naming the order (and quote), the base split in proportion to the order's per-rate bases, the largest base taking the remainder. It carries VAT.
        - `Balance` (facture de solde): everything left, then one negative line per validated deposit and VAT rate naming the deposit's number and date, deducting its base and its VAT exactly as invoiced (net of correction credit notes on it), so deposits + balance = order total to the cent.
        `milestoneId` links the invoice to a milestone of the order's billing schedule and, without an amount, bills the milestone's percentage or amount. Payment terms, method and purchase-order reference default to the order's.
        """;

    private const string ValidateRules = """
        In one short transaction: locks the order (so two invoices of one order cannot both pass), re-checks what is left to invoice, checks the mandatory mentions can be filled (422 `mandatory_mention_missing` naming e.g. `seller.siren`, `buyer.billingAddress`, `buyer.siren` for a French business, `buyer.vatNumber` for an EU business), sets the invoice date (`issueDate` of the body or of the draft, else today in the company's time zone; never in the future — 422 `issue_date_in_future` — and never before the last validated invoice — 422 `numbering_backdated`), computes the due date from the payment terms (business terms beyond 60 days or 45 days end of month are refused: 422 `payment_terms_beyond_legal_maximum`), copies the seller and buyer snapshot and the VAT wordings, takes the next number of the invoice sequence (gapless under concurrency: a row lock on the counter; a refused validation takes no number), stores the per-rate breakdown, writes the SHA-256 fingerprint chained to the company's previous document, and the audit entry. Right after the commit the PDF is rendered from the snapshot and archived (a worker retries until it exists). Validating twice answers 409 `invalid_state_transition`.
        """;
}
