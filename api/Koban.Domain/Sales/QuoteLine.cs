using Koban.Domain.Documents;

namespace Koban.Domain.Sales;

public sealed class QuoteLine : SalesLine
{
    private QuoteLine()
    {
    }

    public Guid QuoteId { get; private set; }

    internal static QuoteLine Create(Guid quoteId, int position, DocumentLineData line)
    {
        var quoteLine = new QuoteLine { QuoteId = quoteId };
        quoteLine.Fill(position, line);
        return quoteLine;
    }
}
