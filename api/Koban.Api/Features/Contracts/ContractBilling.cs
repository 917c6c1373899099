using Koban.Api.Infrastructure.Pdf;
using Koban.Domain.Contracts;

namespace Koban.Api.Features.Contracts;

/// <summary>Wordings of period invoices.</summary>
internal static class ContractBilling
{
    /// <summary>"Contrat CT-00001 — période du 31/01/2027 au 27/02/2027 — commande CO-2027-00012": the invoice's header text,
    /// naming the contract, the period and, for a contract made from an order, the order.</summary>
    public static string HeaderText(string reference, string? orderNumber, BillingPeriod period) =>
        $"Contrat {reference} — période du {FrenchFormat.Date(period.Start)} au {FrenchFormat.Date(period.End)}"
        + (orderNumber is null ? string.Empty : $" — commande {orderNumber}");
}
