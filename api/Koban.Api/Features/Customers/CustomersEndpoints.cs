using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Customers;

public static class CustomersEndpoints
{
    public static void MapCustomersEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers");

        group.MapGet("/", async Task<Ok<CustomerList>> (IMediator mediator, int? limit, string? after, string? sort, string? search, CustomerKind? kind,
                CustomerVatRegime? vatRegime, string? countryCode, bool? archived, DateTimeOffset? updatedSince, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCustomersQuery(Cursor.Limit(limit), after, sort, search, kind, vatRegime, countryCode, archived, updatedSince), ct)))
            .WithName("ListCustomers")
            .WithSummary("List and search customers")
            .WithDescription("`search` matches the name, the accounting code, the start of the SIREN, or a contact's name or e-mail (case-insensitive). Filters: `kind`, `vatRegime`, `countryCode`, `archived` (default false: active customers only), `updatedSince`. `sort`: `name` (default), `accountingCode`, `updatedAt`, `-` for descending.")
            .RequirePermission(Permissions.Customers, Access.Read)
            .WithExamples(null, 200, new CustomerList([CustomerExamples.Summary], null, false));

        group.MapPost("/", async Task<Created<CustomerResponse>> (CreateCustomerRequest request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (customer, version) = await mediator.Send(new CreateCustomerCommand(request.Customer, request.Contacts ?? []), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/customers/{customer.Id}", customer);
            })
            .WithName("CreateCustomer")
            .WithSummary("Create a customer, with its contacts")
            .WithDescription("""
                Rules (domain-rules §7): a French business needs a SIREN (Luhn-checked); an intra-EU business needs a valid EU VAT number; SIRET and VAT number are checked (for France, the VAT key against the SIREN). `vatRegime` defaults from country and kind (France/Monaco → France; EU business → IntraEuBusiness; EU individual → France; elsewhere → OutsideEu). Payment terms, when given, override the company default and respect the legal maximum for businesses (60 days, or 45 days end of month).
                `accountingCode` (auxiliary account) defaults to 411 + the letters of the name, made unique; a code already used answers 400 `accounting_code_taken`. The first contact becomes the billing contact unless another is flagged `isBilling`: a customer with contacts always has exactly one.
                """)
            .RequirePermission(Permissions.Customers, Access.Write)
            .WithProblems(422)
            .WithExamples(CustomerExamples.Create, 201, CustomerExamples.Customer);

        group.MapGet("/{id:guid}", async Task<Ok<CustomerResponse>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (customer, version) = await mediator.Send(new GetCustomerQuery(id), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(customer);
            })
            .WithName("GetCustomer")
            .WithSummary("Get a customer with its contacts and delivery addresses")
            .WithDescription("The `ETag` covers the whole customer, contacts included: send it as `If-Match` to change the customer or one of its contacts.")
            .RequirePermission(Permissions.Customers, Access.Read)
            .WithExamples(null, 200, CustomerExamples.Customer);

        group.MapPut("/{id:guid}", async Task<Ok<CustomerResponse>> (Guid id, CustomerRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (customer, version) = await mediator.Send(new UpdateCustomerCommand(id, EntityTags.RequireIfMatch(http), request), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(customer);
            })
            .WithName("UpdateCustomer")
            .WithSummary("Update a customer")
            .WithDescription("Replaces the customer's fields and its delivery addresses (entries with an `id` are updated, without one added, missing ones removed); contacts are changed through their own endpoints. Same rules as the creation. Documents already validated keep the customer data they were issued with.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(CustomerExamples.Update, 200, CustomerExamples.Customer);

        group.MapPost("/{id:guid}/archive", async Task<Ok<CustomerResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ArchiveCustomerCommand(id, true), ct)))
            .WithName("ArchiveCustomer")
            .WithSummary("Archive a customer")
            .WithDescription("An archived customer leaves the default lists and cannot receive new documents; its documents stay. Archiving twice answers 409 `invalid_state_transition`.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, CustomerExamples.Customer with { IsArchived = true });

        group.MapPost("/{id:guid}/unarchive", async Task<Ok<CustomerResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ArchiveCustomerCommand(id, false), ct)))
            .WithName("UnarchiveCustomer")
            .WithSummary("Bring an archived customer back")
            .WithDescription("The customer is active again. Answers 409 `invalid_state_transition` if it was not archived.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .WithProblems(409)
            .WithExamples(null, 200, CustomerExamples.Customer);

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteCustomerCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteCustomer")
            .WithSummary("Delete a customer no document uses")
            .WithDescription("Only for a customer entered by mistake: once an opportunity, quote or order references it, the answer is 409 `customer_referenced`: archive the customer instead.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .WithProblems(409);

        group.MapPost("/{id:guid}/contacts", async Task<Created<ContactResponse>> (Guid id, ContactRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (contact, version) = await mediator.Send(new AddContactCommand(id, EntityTags.RequireIfMatch(http), request), ct);
                EntityTags.Set(response, version);
                return TypedResults.Created($"/api/v1/customers/{id}/contacts/{contact.Id}", contact);
            })
            .WithName("AddCustomerContact")
            .WithSummary("Add a contact")
            .WithDescription("Needs the customer's ETag in `If-Match` (contacts belong to the customer) and returns the customer's new ETag. A name (first or last) is required; the e-mail is checked for shape. `isBilling: true` makes it the billing contact (the previous one stops being it); the first contact is always the billing contact.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(CustomerExamples.ContactRequest, 201, CustomerExamples.Contact);

        group.MapPut("/{id:guid}/contacts/{contactId:guid}", async Task<Ok<ContactResponse>> (Guid id, Guid contactId, ContactRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var (contact, version) = await mediator.Send(new UpdateContactCommand(id, contactId, EntityTags.RequireIfMatch(http), request), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(contact);
            })
            .WithName("UpdateCustomerContact")
            .WithSummary("Update a contact")
            .WithDescription("Needs the customer's ETag. `isBilling: true` moves the billing role to this contact; `false` on the billing contact is ignored (there is always one billing contact: flag another one instead).")
            .RequirePermission(Permissions.Customers, Access.Write)
            .RequiresIfMatch()
            .WithProblems(422)
            .WithExamples(CustomerExamples.ContactRequest, 200, CustomerExamples.Contact);

        group.MapDelete("/{id:guid}/contacts/{contactId:guid}", async Task<NoContent> (Guid id, Guid contactId, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                EntityTags.Set(response, await mediator.Send(new RemoveContactCommand(id, contactId, EntityTags.RequireIfMatch(http)), ct));
                return TypedResults.NoContent();
            })
            .WithName("RemoveCustomerContact")
            .WithSummary("Remove a contact")
            .WithDescription("Needs the customer's ETag. Removing the billing contact makes the oldest remaining contact the billing contact.")
            .RequirePermission(Permissions.Customers, Access.Write)
            .RequiresIfMatch();

        group.MapPost("/import", async Task<Ok<ImportReport>> (IFormFile file, bool? dryRun, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ImportCustomersCommand(await ImportFile.ReadAsync(file, ct), dryRun ?? false), ct)))
            .WithName("ImportCustomers")
            .WithSummary("Import customers and contacts from a CSV file")
            .WithDescription(ImportCustomersHandler.Description)
            .RequirePermission(Permissions.Customers, Access.Write)
            .DisableAntiforgery()
            .WithExamples(null, 200, CustomerExamples.Import);
    }
}

internal static class CustomerExamples
{
    private static readonly Guid Id = Guid.Parse("01936c00-1111-7000-8000-00000000c001");
    private static readonly PostalAddressDto Address = new("8 quai Saint-Vincent", null, "69001", "Lyon", "FR");

    public static readonly ContactRequest ContactRequest = new("Claire", "Durand", "claire.durand@menuiserie-durand.fr", "+33 4 72 00 00 00", "Comptable", true);

    public static readonly ContactResponse Contact = new(Guid.Parse("01936c00-2222-7000-8000-00000000c002"), "Claire", "Durand",
        "claire.durand@menuiserie-durand.fr", "+33 4 72 00 00 00", "Comptable", true);

    public static readonly CreateCustomerRequest Create = new(CustomerKind.Business, "Menuiserie Durand SARL", "FR", null, "404833048", null, "FR83404833048",
        Address, [new DeliveryAddressDto(null, "Atelier", new PostalAddressDto("ZA des Pins", "Bâtiment C", "69400", "Villefranche-sur-Saône", "FR"))],
        new PaymentTermsDto(PaymentTermsKind.Days, 30), null, "Client depuis 2019", [ContactRequest]);

    public static readonly CustomerRequest Update = Create.Customer with { Notes = "Relancer en janvier" };

    public static readonly CustomerResponse Customer = new(Id, CustomerKind.Business, "Menuiserie Durand SARL", "FR", CustomerVatRegime.France, "404833048", null,
        "FR83404833048", Address, [new DeliveryAddressDto(Guid.Parse("01936c00-3333-7000-8000-00000000c003"), "Atelier",
            new PostalAddressDto("ZA des Pins", "Bâtiment C", "69400", "Villefranche-sur-Saône", "FR"))],
        new PaymentTermsDto(PaymentTermsKind.Days, 30), "411MENUISE", "Client depuis 2019", false, [Contact], new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public static readonly CustomerSummary Summary = new(Id, CustomerKind.Business, "Menuiserie Durand SARL", "FR", CustomerVatRegime.France, "Lyon", "404833048", "411MENUISE",
        "Claire Durand", "claire.durand@menuiserie-durand.fr", false, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public static readonly ImportReport Import = new(3, 1, 1, 1, false,
    [
        new ImportRowResult(2, ImportOutcome.Created, "Menuiserie Durand SARL", Id, []),
        new ImportRowResult(3, ImportOutcome.Updated, "Boulangerie Martin", Guid.Parse("01936c00-4444-7000-8000-00000000c004"), []),
        new ImportRowResult(4, ImportOutcome.Refused, "Garage du Centre", null, [new ImportRowError("siren", "siren_invalid_check_digit", "Le SIREN est invalide (clé de contrôle).")]),
    ]);
}
