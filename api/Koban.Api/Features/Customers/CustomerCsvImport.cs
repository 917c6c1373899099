using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Customers;

/// <summary>
/// One row = one customer and optionally one contact. A row updates the customer with the same accounting code,
/// else the same SIREN, else the same name; otherwise it creates one. Every row goes through the same rules as the
/// API (validator, then domain), in its own savepoint, so a refused row never blocks the others nor leaves half a customer.
/// The import keeps the accepted rows; the preview (<c>dryRun</c>) rolls everything back.
/// </summary>
internal static class CustomerCsvImport
{
    public const string Description = """
        multipart/form-data with a part `file`: a CSV (UTF-8 or Windows-1252; `;`, `,` or tab separated; at most 5 MB and 10,000 rows) with a header line. Columns, French or English names, case and accents ignored:
        `type` (Entreprise/Particulier, Business/Individual; default Entreprise), `nom`/`name` (required), `pays`/`country` (ISO code, default FR), `siren`, `siret`, `tva`/`vatNumber`, `adresse`/`address`, `complement`/`address2`, `codePostal`/`postalCode`, `ville`/`city`, `codeComptable`/`accountingCode`, `notes`, and for one contact `contactPrenom`/`contactFirstName`, `contactNom`/`contactLastName`, `contactEmail`, `contactTelephone`/`contactPhone`, `contactFonction`/`contactJobTitle`.
        A row updates the customer with the same accounting code, else SIREN, else name, and creates one otherwise; a contact whose e-mail (else name) already exists is updated. Each row is checked with the same rules as `POST /api/v1/customers`; the report lists per row what was created, updated or refused and why. `dryRun=true` checks everything and keeps nothing.
        """;

    public static async Task<ImportReport> RunAsync(KobanDbContext db, AuditLog audit, CsvTable table, bool dryRun, CancellationToken cancellationToken)
    {
        if (!table.HasColumn(NameColumns))
        {
            throw new FieldValidationException("file", ApiErrorCodes.CsvMissingColumn);
        }
        var validator = new CustomerRequestValidator();
        return await CsvImport.RunAsync(db, table, dryRun, NameColumns, async (get, ct) =>
        {
            var request = ToRequest(names => get(names));
            var validation = await validator.ValidateAsync(request, ct);
            if (!validation.IsValid) return CsvImport.Refused(request.Name, validation);
            var existing = await FindAsync(db, request, ct);
            var data = await CustomerLoader.ToDataAsync(db, request, existing, ct);
            Customer customer;
            if (existing is null)
            {
                customer = Customer.Create(data);
                db.Customers.Add(customer);
            }
            else
            {
                customer = existing;
                customer.Update(data);
            }
            ApplyContact(customer, names => get(names));
            audit.Record(existing is null ? "customer.imported" : "customer.updated_by_import", "customer", customer.Id, after: CustomerReader.Response(customer));
            await db.SaveChangesAsync(ct);
            return new ImportRowResult(0, existing is null ? ImportOutcome.Created : ImportOutcome.Updated, customer.Name, customer.Id, []);
        }, cancellationToken);
    }

    private static readonly string[] NameColumns = ["nom", "name", "raisonSociale", "companyName"];

    private static CustomerRequest ToRequest(Func<string[], string?> get)
    {
        string? Get(params string[] names) => get(names);
        var type = Get("type", "kind")?.ToLowerInvariant();
        var kind = type is "particulier" or "individual" or "individu" or "b2c" ? CustomerKind.Individual : CustomerKind.Business;
        var line1 = Get("adresse", "address", "address1", "adresse1");
        var city = Get("ville", "city");
        var postal = Get("codePostal", "cp", "postalCode", "zip");
        var country = (Get("pays", "country", "countryCode") ?? "FR").ToUpperInvariant();
        return new CustomerRequest(kind, Get("nom", "name", "raisonSociale", "companyName") ?? string.Empty, country, null,
            Get("siren"), Get("siret"), Get("tva", "tvaIntracom", "vatNumber", "vat"),
            line1 is null && city is null && postal is null ? null : new PostalAddressDto(line1 ?? string.Empty, Get("complement", "address2", "adresse2"), postal ?? string.Empty, city ?? string.Empty, country),
            null, null, Get("codeComptable", "compteAuxiliaire", "accountingCode"), Get("notes", "note"));
    }

    private static async Task<Customer?> FindAsync(KobanDbContext db, CustomerRequest request, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.AccountingCode))
        {
            var code = request.AccountingCode.Trim().ToUpperInvariant();
            var byCode = await db.Customers.SingleOrDefaultAsync(c => c.AccountingCode == code, ct);
            if (byCode is not null) return byCode;
        }
        if (!string.IsNullOrWhiteSpace(request.Siren) && Siren.TryParse(request.Siren, out var siren))
        {
            var bySiren = await db.Customers.FirstOrDefaultAsync(c => c.Siren == siren.Value, ct);
            if (bySiren is not null) return bySiren;
        }
        var name = request.Name.Trim();
        return await db.Customers.FirstOrDefaultAsync(c => EF.Functions.ILike(c.Name, name.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_"), "\\"), ct);
    }

    private static void ApplyContact(Customer customer, Func<string[], string?> get)
    {
        var data = new ContactData(get(["contactPrenom", "contactFirstName"]), get(["contactNom", "contactLastName"]), get(["contactEmail", "email"]),
            get(["contactTelephone", "contactPhone", "telephone", "phone"]), get(["contactFonction", "contactJobTitle"]));
        if (data.FirstName is null && data.LastName is null && data.Email is null) return;
        var existing = customer.Contacts.FirstOrDefault(c => data.Email is not null && string.Equals(c.Email, data.Email, StringComparison.OrdinalIgnoreCase))
            ?? customer.Contacts.FirstOrDefault(c => c.FirstName == data.FirstName && c.LastName == data.LastName);
        if (existing is null) customer.AddContact(data);
        else customer.UpdateContact(existing.Id, data);
    }
}
