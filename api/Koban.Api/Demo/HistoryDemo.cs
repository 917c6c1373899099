using Koban.Api.Features.Common;
using Koban.Api.Features.Invoicing;
using Koban.Api.Features.Payments;
using Koban.Api.Features.Sales;
using Koban.Domain.Accounting;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Mediator;

namespace Koban.Api.Demo;

/// <summary>
/// Five months of past sales so the dashboard has a history: one direct invoice on the 10th of each of the five months
/// before the current one (of the current year only, so every number stays in this year's series), the older ones paid
/// on time, the last two still open (one of them overdue). Invoice numbers follow their dates, so the months before the
/// reminders' example invoice are entered before it (`before` true) and the later ones after it.
/// </summary>
internal static class HistoryDemo
{
    private static readonly (string Description, decimal Hours)[] Jobs =
    [
        ("Aménagement de l'arrière-boutique", 28m),
        ("Remplacement des étagères de la réserve", 18m),
        ("Pose d'un comptoir en chêne", 36m),
        ("Réfection des portes de placard", 12m),
        ("Habillage de la vitrine", 22m),
    ];

    /// <summary>The invoice dates: the 10th of each of the five previous months that fall in the current year.</summary>
    public static IReadOnlyList<DateOnly> Dates(DateOnly today) =>
        [.. Enumerable.Range(1, Jobs.Length).Reverse().Select(k => new DateOnly(today.Year, today.Month, 10).AddMonths(-k)).Where(d => d.Year == today.Year)];

    public static async Task SeedAsync(IMediator mediator, SalesDemoIds ids, DateOnly today, DateOnly remindersExample, bool before, CancellationToken ct)
    {
        var dates = Dates(today);
        for (var i = 0; i < dates.Count; i++)
        {
            var issued = dates[i];
            if ((issued < remindersExample) != before) continue;
            var customer = i % 2 == 0 ? ids.BakeryCustomer : ids.IndividualCustomer;
            var (description, hours) = Jobs[i];
            var (draft, _) = await mediator.Send(new CreateDirectInvoiceCommand(new InvoiceRequest(customer, Lines:
                [new SalesLineRequest(LineKind.Free, null, description, hours, "HUR", 65m, null, 20m, ProductNature.Service, null)])), ct);
            var invoice = await mediator.Send(new ValidateInvoiceCommand(draft.Id, issued), ct);
            // Paid 25 days after the invoice, except the two latest, still open.
            if (i >= dates.Count - 2) continue;
            var total = invoice.Totals.TotalIncludingVat;
            await mediator.Send(new RecordPaymentCommand(new PaymentRequest(PaymentDirection.Receipt, customer, issued.AddDays(25), total, PaymentMethod.BankTransfer,
                $"VIR {invoice.Number}", AccountingSettings.DefaultBankAccountCode, Allocations: [new PaymentAllocationInput(invoice.Id, total)])), ct);
        }
    }
}
