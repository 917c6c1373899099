using Koban.Api.Features.Common;
using Koban.Api.Features.Customers;
using Koban.Api.Features.Products;
using Koban.Api.Features.Sales;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Koban.Domain.Documents;
using Koban.Domain.Products;
using Mediator;

namespace Koban.Api.Demo;

/// <summary>Customers, products, opportunities, quotes and orders in every state, entered through the same commands as the
/// API, so the order numbers, the quote numbers and the audit trail of the demo are genuine.</summary>
/// <summary>The demo's documents the invoicing demo bills.</summary>
internal sealed record SalesDemoIds(Guid ScheduledOrder, Guid IntraEuOrder, Guid OrderToClose, Guid IndividualCustomer, Guid BakeryCustomer);

internal static class SalesDemo
{
    public static async Task<SalesDemoIds> SeedAsync(IMediator mediator, Guid salesUserId, DateOnly today, CancellationToken ct)
    {
        async Task<Guid> Product(string code, string name, string unit, decimal price, decimal vat, ProductNature nature, bool deliverable = false, bool contract = false)
        {
            var (product, _) = await mediator.Send(new CreateProductCommand(new ProductRequest(code, name, null, unit, price, vat, vat == 0 ? "Exonération, article 261 du CGI" : null,
                nature, true, deliverable, contract, contract ? ContractPeriodicity.Monthly : null, contract ? 12 : null)), ct);
            return product.Id;
        }
        var pose = await Product("POSE-H", "Pose et réglage (heure)", UnitCode.Hour, 65m, 20m, ProductNature.Service);
        var etude = await Product("ETUDE-J", "Étude et plans (jour)", UnitCode.Day, 520m, 20m, ProductNature.Service);
        var etagere = await Product("ETAG-CH", "Étagère chêne massif", UnitCode.Piece, 375.5m, 20m, ProductNature.Goods, deliverable: true);
        var vis = await Product("VIS-100", "Boîte de 100 vis inox", UnitCode.Box, 12.9m, 20m, ProductNature.Goods, deliverable: true);
        var maintenance = await Product("MAINT-M", "Contrat de maintenance mensuel", UnitCode.Month, 89m, 20m, ProductNature.Service, contract: true);
        await Product("LIVRE-BOIS", "Guide des essences de bois", UnitCode.Piece, 29.9m, 5.5m, ProductNature.Goods, deliverable: true);

        async Task<Guid> Customer(CustomerKind kind, string name, string country, string? siren, string? vat, PostalAddressDto address, params ContactRequest[] contacts)
        {
            var (customer, _) = await mediator.Send(new CreateCustomerCommand(new CustomerRequest(kind, name, country, null, siren, null, vat, address, [], null, null, null), contacts), ct);
            return customer.Id;
        }
        var durand = await Customer(CustomerKind.Business, "Menuiserie Durand SARL", "FR", "404833048", "FR83404833048",
            new PostalAddressDto("8 quai Saint-Vincent", null, "69001", "Lyon", "FR"),
            new ContactRequest("Claire", "Durand", "claire.durand@menuiserie-durand.example", "+33 4 72 00 00 00", "Gérante", true),
            new ContactRequest("Paul", "Morel", "paul.morel@menuiserie-durand.example", null, "Chef d'atelier"));
        var boulangerie = await Customer(CustomerKind.Business, "Boulangerie Martin", "FR", "732829320", null,
            new PostalAddressDto("14 rue de la Paix", null, "75002", "Paris", "FR"), new ContactRequest("Lucie", "Martin", "lucie@boulangerie-martin.example", null, "Comptable", true));
        var muller = await Customer(CustomerKind.Business, "Brauerei Müller GmbH", "DE", null, "DE123456789",
            new PostalAddressDto("Hauptstraße 12", null, "80331", "München", "DE"), new ContactRequest("Jonas", "Müller", "jonas@brauerei-mueller.example", null, "Einkauf", true));
        var geneve = await Customer(CustomerKind.Business, "Atelier Genève SA", "CH", null, null,
            new PostalAddressDto("Rue du Rhône 5", null, "1204", "Genève", "CH"), new ContactRequest("Léa", "Favre", "lea@atelier-geneve.example", null, null, true));
        var petit = await Customer(CustomerKind.Individual, "Jeanne Petit", "FR", null, null,
            new PostalAddressDto("3 allée des Roses", null, "33000", "Bordeaux", "FR"), new ContactRequest("Jeanne", "Petit", "jeanne.petit@example.org", null, null, true));

        SalesLineRequest Line(Guid product, decimal quantity) => new(LineKind.Product, product, null, quantity, null, null, null, null, null, null);
        SalesLineRequest Title(string text) => new(LineKind.Title, null, text, null, null, null, null, null, null, null);

        // Opportunity won with its accepted quote → draft order, then validated with a billing schedule.
        var (agencement, _) = await mediator.Send(new CreateOpportunityCommand(new OpportunityRequest(durand, "Agencement boutique Lyon 2e", 6000m, today.AddDays(20), salesUserId)), ct);
        var (quote1, _) = await mediator.Send(new CreateQuoteCommand(new QuoteRequest(durand, agencement.Id, today.AddDays(30),
            [Title("Étude"), Line(etude, 2m), Title("Fabrication et pose"), Line(etagere, 8m), Line(pose, 16m), Line(vis, 3m)])), ct);
        await mediator.Send(new SendQuoteCommand(quote1.Id), ct);
        await mediator.Send(new AcceptQuoteCommand(quote1.Id), ct);
        var won = await mediator.Send(new WinOpportunityCommand(agencement.Id, new WinOpportunityRequest(null)), ct);
        var orderFromQuote = won.OrderId!.Value;
        await mediator.Send(new ValidateOrderCommand(orderFromQuote), ct);
        await mediator.Send(new SaveBillingScheduleCommand(orderFromQuote, null, new BillingScheduleRequest(
        [
            new MilestoneRequest(null, "Acompte à la commande", today, 30m, null),
            new MilestoneRequest(null, "Livraison des étagères", today.AddDays(21), 40m, null),
            new MilestoneRequest(null, "Solde après pose", today.AddDays(45), 30m, null),
        ])), ct);

        // An open opportunity with a sent quote, and one with a draft quote.
        var (vitrine, _) = await mediator.Send(new CreateOpportunityCommand(new OpportunityRequest(boulangerie, "Vitrine et comptoir", 4200m, today.AddDays(40), salesUserId)), ct);
        var (quote2, _) = await mediator.Send(new CreateQuoteCommand(new QuoteRequest(boulangerie, vitrine.Id, today.AddDays(15), [Line(etude, 1m), Line(pose, 24m)])), ct);
        await mediator.Send(new SendQuoteCommand(quote2.Id), ct);
        await mediator.Send(new CreateQuoteCommand(new QuoteRequest(boulangerie, vitrine.Id, today.AddDays(30), [Line(pose, 30m), Line(vis, 5m)])), ct);

        // A lost opportunity with a refused quote.
        var (lost, _) = await mediator.Send(new CreateOpportunityCommand(new OpportunityRequest(muller, "Bar en chêne", 9000m, today.AddDays(-5), salesUserId)), ct);
        var (quote3, _) = await mediator.Send(new CreateQuoteCommand(new QuoteRequest(muller, lost.Id, today.AddDays(10), [Line(etagere, 12m), Line(pose, 10m)])), ct);
        await mediator.Send(new SendQuoteCommand(quote3.Id), ct);
        await mediator.Send(new RefuseQuoteCommand(quote3.Id, "Budget reporté"), ct);
        await mediator.Send(new LoseOpportunityCommand(lost.Id, "Budget reporté à l'an prochain"), ct);

        // A quote valid only until today: it shows as expired from tomorrow on.
        var (quote4, _) = await mediator.Send(new CreateQuoteCommand(new QuoteRequest(geneve, null, today, [Line(etagere, 2m)])), ct);
        await mediator.Send(new SendQuoteCommand(quote4.Id), ct);

        OrderRequest Direct(Guid customer, string? reference, params SalesLineRequest[] lines) => new(customer, null, null, null, null, null, null, reference, null, null, null,
            null, null, null, null, null, null, lines);

        // Orders entered directly (not traceable to a quote) in each state.
        await mediator.Send(new CreateOrderCommand(Direct(petit, null, Line(etagere, 1m), Line(pose, 2m))), ct);
        var (inProgress, _) = await mediator.Send(new CreateOrderCommand(Direct(muller, "PO-4471", Line(etagere, 4m), Line(pose, 6m))), ct);
        await mediator.Send(new ValidateOrderCommand(inProgress.Id), ct);
        var (closed, _) = await mediator.Send(new CreateOrderCommand(Direct(geneve, "CMD-2026-88", Line(etude, 1m))), ct);
        await mediator.Send(new ValidateOrderCommand(closed.Id), ct);
        var (cancelled, _) = await mediator.Send(new CreateOrderCommand(Direct(boulangerie, null, Line(vis, 10m))), ct);
        await mediator.Send(new ValidateOrderCommand(cancelled.Id), ct);
        await mediator.Send(new CancelOrderCommand(cancelled.Id, "Commande saisie en double"), ct);
        var (subscription, _) = await mediator.Send(new CreateOrderCommand(Direct(durand, "Maintenance 2027", Line(maintenance, 12m))), ct);
        await mediator.Send(new ValidateOrderCommand(subscription.Id), ct);
        return new SalesDemoIds(orderFromQuote, inProgress.Id, closed.Id, petit, boulangerie);
    }
}
