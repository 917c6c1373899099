using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Deliveries;
using Koban.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Deliveries;

/// <summary>
/// The "Bon de livraison" from the shared engine: number and date, the order's number and the customer's purchase-order
/// reference, the delivery address, the lines with their quantities (with unit prices and amounts only when the note
/// shows prices), remarks and the reception block (delivered on, received by, signature). A draft prints as a preview.
/// </summary>
public sealed class DeliveryNotePdf(KobanDbContext db, DocumentTemplateService templates, CompanyClock companyClock)
{
    public async Task<(byte[] Pdf, string FileName, DeliveryNote Note)> RenderAsync(Guid id, CancellationToken ct)
    {
        var note = await db.DeliveryNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("delivery note", id);
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == note.OrderId, ct);
        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == note.CustomerId, ct);
        var orderLines = order.Lines.ToDictionary(l => l.Id);
        var lines = note.Lines.Select(l =>
        {
            var orderLine = orderLines[l.OrderLineId];
            return new PrintableLine(LineKind.Product, l.Description, l.Quantity, l.UnitCode, l.UnitPrice, l.DiscountPercent, orderLine.VatRate, orderLine.VatCategory, l.NetAmount);
        }).ToList();
        var total = lines.Sum(l => l.Net);
        var buyer = PrintableParts.Buyer(customer) with { DeliveryAddress = note.DeliveryAddress };
        var document = new PrintableDocument(
            PrintableKind.DeliveryNote,
            PrintableParts.Title(PrintableKind.DeliveryNote),
            note.Number,
            note.IssueDate ?? await companyClock.TodayAsync(ct),
            SaleDate: null,
            DueDate: null,
            ValidUntil: null,
            PrintableParts.Seller(company),
            buyer,
            order.CustomerReference,
            [new PrintableReference("Commande", order.Number ?? "", order.OrderDate)],
            OperationNature: null,
            lines,
            VatBreakdown: [],
            TotalExcludingVat: total,
            TotalVat: 0m,
            TotalIncludingVat: total,
            AmountDue: 0m,
            PaymentTermsText: null,
            PaymentMethodText: null,
            EarlyPaymentDiscountText: null,
            LatePaymentPenaltyRate: null,
            RecoveryIndemnity: false,
            LegalNotes: [],
            HeaderText: null,
            FooterText: null,
            Comment: note.Remarks,
            CreditReasonText: note.Status == DeliveryNoteStatus.Cancelled ? $"Bon de livraison annulé : {note.CancellationReason}" : null,
            ShowPrices: note.ShowPrices,
            Receipt: new PrintableReceipt(note.PlannedDate, note.DeliveredOn, note.ReceivedBy, note.DeliveryRemarks));
        var pdf = await templates.RenderAsync(document, await templates.SettingsAsync(PrintableKind.DeliveryNote, ct), ct);
        var fileName = note.Number is { } number ? $"Bon de livraison {number}.pdf" : "Bon de livraison brouillon (aperçu).pdf";
        return (pdf, fileName, note);
    }
}
