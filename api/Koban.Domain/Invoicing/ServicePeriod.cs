namespace Koban.Domain.Invoicing;

/// <summary>
/// The period of service an invoice line covers, both days included (EN 16931 BG-26, BT-134/BT-135): a subscription
/// contract's billing period. Printed under the line ("Période du 01/01/2027 au 31/01/2027").
/// </summary>
public sealed record ServicePeriod
{
    public ServicePeriod(DateOnly start, DateOnly end)
    {
        if (end < start) throw new ArgumentException("A service period ends on or after its start.", nameof(end));
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }
}
