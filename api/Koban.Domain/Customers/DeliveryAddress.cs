using Koban.Domain.Companies;

namespace Koban.Domain.Customers;

/// <summary>A named delivery address of a customer ("Entrepôt Lyon"); orders copy the address they use.</summary>
public sealed class DeliveryAddress
{
    private DeliveryAddress()
    {
    }

    internal DeliveryAddress(Guid customerId, string label, PostalAddress address)
    {
        Id = Guid.CreateVersion7();
        CustomerId = customerId;
        Label = label;
        Address = address;
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Label { get; private set; } = string.Empty;
    public PostalAddress Address { get; private set; } = null!;

    internal void Change(string label, PostalAddress address)
    {
        Label = label;
        Address = address;
    }
}
