using Koban.Domain.Documents;

namespace Koban.Domain.Sales;

public sealed class OrderLine : SalesLine
{
    private OrderLine()
    {
    }

    public Guid OrderId { get; private set; }

    internal static OrderLine Create(Guid orderId, int position, DocumentLineData line)
    {
        var orderLine = new OrderLine { OrderId = orderId };
        orderLine.Fill(position, line);
        return orderLine;
    }
}
