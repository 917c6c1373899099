using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Koban.Domain.Sales;

namespace Koban.Domain.Projects;

/// <summary>
/// What a project takes from its validated order when the user gives nothing else: the name "Projet" + the order number,
/// the customer the order bills, the hours budget (sum of the quantities of the order's priced lines sold in hours, unit
/// <c>HUR</c>; none when no line is), the amount budget (the order's total excluding VAT), the rate and VAT rate of its
/// first line in hours (its unit price net of the line discount, 4 decimals; none when no line is in hours) and its
/// planned delivery date as end date.
/// </summary>
public sealed record OrderProjectDefaults(string Name, Guid CustomerId, decimal? BudgetHours, decimal BudgetAmount, decimal? HourlyRate, decimal? VatRate, DateOnly? EndDate)
{
    public static OrderProjectDefaults Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status != OrderStatus.InProgress)
            throw new DomainConflictException(ErrorCodes.OrderNotValidated, $"Order {order.Id} is {order.Status}.") { Field = "orderId" };
        var hourLines = order.Lines.Where(l => l.Kind.IsPriced() && l.UnitCode == UnitCode.Hour).OrderBy(l => l.Position).ToList();
        decimal? hours = hourLines.Count == 0 ? null : decimal.Round(hourLines.Sum(l => l.Quantity), 2, MidpointRounding.AwayFromZero);
        var first = hourLines.FirstOrDefault();
        decimal? rate = first is null ? null : Rounding.UnitPrice(first.UnitPrice * (100m - first.DiscountPercent) / 100m);
        return new OrderProjectDefaults($"Projet {order.Number}", order.BillToCustomerId, hours, order.TotalExcludingVat, rate, first?.VatRate, order.PlannedDeliveryDate);
    }
}
