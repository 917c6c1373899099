using FluentValidation;
using Koban.Api.Features.Common;
using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Common;
using Koban.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Customers;

public sealed class CustomerRequestValidator : AbstractValidator<CustomerRequest>
{
    public CustomerRequestValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.CountryCode).NotEmpty().Length(2);
        RuleFor(c => c.VatRegime).IsInEnum();
        RuleFor(c => c.Siren).Parses(v => Siren.Parse(v));
        RuleFor(c => c.Siret).Parses(v => Siret.Parse(v));
        RuleFor(c => c.VatNumber).Parses(v => VatNumber.Parse(v));
        this.ValidAddress(c => c.BillingAddress, "billingAddress");
        RuleForEach(c => c.DeliveryAddresses).ChildRules(d =>
        {
            d.RuleFor(x => x.Label).NotEmpty().MaximumLength(100);
            d.RuleFor(x => x.Address).NotNull();
            d.ValidAddress(x => x.Address, "address");
        });
        RuleFor(c => c.PaymentTerms!.Kind).IsInEnum().When(c => c.PaymentTerms is not null).OverridePropertyName("paymentTerms.kind");
        RuleFor(c => c.AccountingCode).MaximumLength(Customer.AccountingCodeMaxLength);
        RuleFor(c => c.Notes).MaximumLength(4000);
    }
}

public sealed class ContactRequestValidator : AbstractValidator<ContactRequest>
{
    public ContactRequestValidator()
    {
        RuleFor(c => c.FirstName).MaximumLength(100);
        RuleFor(c => c.LastName).MaximumLength(100);
        RuleFor(c => c.Email).MaximumLength(256);
        RuleFor(c => c.Phone).MaximumLength(40);
        RuleFor(c => c.JobTitle).MaximumLength(100);
    }
}

// ---- list ----

public sealed record ListCustomersQuery(int Limit, string? After, string? Sort, string? Search, CustomerKind? Kind, CustomerVatRegime? VatRegime,
    string? CountryCode, bool? Archived, DateTimeOffset? UpdatedSince) : IQuery<CustomerList>;

public sealed class ListCustomersHandler(KobanDbContext db) : IQueryHandler<ListCustomersQuery, CustomerList>
{
    public static readonly SortFields<Customer> Sorts = new SortFields<Customer>("name")
        .Add("name", c => c.Name)
        .Add("accountingCode", c => c.AccountingCode)
        .Add("updatedAt", c => c.UpdatedAt);

    public async ValueTask<CustomerList> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking().IgnoreAutoIncludes();
        customers = query.Archived is { } archived ? customers.Where(c => c.IsArchived == archived) : customers.Where(c => !c.IsArchived);
        if (query.Kind is { } kind) customers = customers.Where(c => c.Kind == kind);
        if (query.VatRegime is { } regime) customers = customers.Where(c => c.VatRegime == regime);
        if (!string.IsNullOrWhiteSpace(query.CountryCode))
        {
            var country = query.CountryCode.Trim().ToUpperInvariant();
            customers = customers.Where(c => c.CountryCode == country);
        }
        if (query.UpdatedSince is { } since) customers = customers.Where(c => c.UpdatedAt >= since);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var pattern = $"%{LikePattern.Escape(term)}%";
            var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
            customers = customers.Where(c => EF.Functions.ILike(c.Name, pattern, "\\")
                || EF.Functions.ILike(c.AccountingCode, pattern, "\\")
                || (digits.Length >= 3 && c.Siren != null && c.Siren.StartsWith(digits))
                || c.Contacts.Any(k => EF.Functions.ILike((k.FirstName ?? "") + " " + (k.LastName ?? ""), pattern, "\\") || EF.Functions.ILike(k.Email ?? "", pattern, "\\")));
        }
        var (rows, next, hasMore) = await Keyset.PageAsync(customers, Sorts, query.Sort, query.After, query.Limit, c => c.Id, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var billing = await db.Set<Contact>().AsNoTracking().Where(k => ids.Contains(k.CustomerId) && k.IsBilling)
            .ToDictionaryAsync(k => k.CustomerId, cancellationToken);
        return new CustomerList([.. rows.Select(c =>
        {
            var contact = billing.GetValueOrDefault(c.Id);
            var name = contact is null ? null : $"{contact.FirstName} {contact.LastName}".Trim();
            return new CustomerSummary(c.Id, c.Kind, c.Name, c.CountryCode, c.VatRegime, c.BillingAddress?.City, c.Siren, c.AccountingCode, name, contact?.Email, c.IsArchived, c.UpdatedAt);
        })], next, hasMore);
    }
}

// ---- get ----

public sealed record GetCustomerQuery(Guid Id) : IQuery<(CustomerResponse Customer, uint Version)>;

public sealed class GetCustomerHandler(KobanDbContext db) : IQueryHandler<GetCustomerQuery, (CustomerResponse Customer, uint Version)>
{
    public async ValueTask<(CustomerResponse Customer, uint Version)> Handle(GetCustomerQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("customer", query.Id);
        return (CustomerResponse.From(customer), customer.Version);
    }
}

// ---- create / update ----

public sealed record CreateCustomerCommand(CustomerRequest Customer, IReadOnlyList<ContactRequest> Contacts) : ICommand<(CustomerResponse Customer, uint Version)>;

public sealed class CreateCustomerValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerValidator()
    {
        RuleFor(c => c.Customer).NotNull().SetValidator(new CustomerRequestValidator()).OverridePropertyName("");
        RuleForEach(c => c.Contacts).SetValidator(new ContactRequestValidator()).OverridePropertyName("contacts");
    }
}

public sealed record UpdateCustomerCommand(Guid Id, uint ExpectedVersion, CustomerRequest Customer) : ICommand<(CustomerResponse Customer, uint Version)>;

public sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerValidator() => RuleFor(c => c.Customer).NotNull().SetValidator(new CustomerRequestValidator()).OverridePropertyName("");
}

public sealed class SaveCustomerHandlers(KobanDbContext db, AuditLog audit)
    : ICommandHandler<CreateCustomerCommand, (CustomerResponse Customer, uint Version)>,
      ICommandHandler<UpdateCustomerCommand, (CustomerResponse Customer, uint Version)>
{
    public async ValueTask<(CustomerResponse Customer, uint Version)> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var data = await CustomerLoader.ToDataAsync(db, command.Customer, null, cancellationToken);
        var customer = Customer.Create(data);
        SyncDeliveryAddresses(customer, command.Customer.DeliveryAddresses);
        foreach (var contact in command.Contacts) customer.AddContact(contact.ToData(), contact.IsBilling);
        db.Customers.Add(customer);
        audit.Record("customer.created", "customer", customer.Id, after: CustomerResponse.From(customer));
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (CustomerResponse.From(customer), customer.Version);
    }

    public async ValueTask<(CustomerResponse Customer, uint Version)> Handle(UpdateCustomerCommand command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await CustomerLoader.LoadForUpdateAsync(db, command.Id, command.ExpectedVersion, cancellationToken);
        var before = CustomerResponse.From(customer);
        customer.Update(await CustomerLoader.ToDataAsync(db, command.Customer, customer, cancellationToken));
        SyncDeliveryAddresses(customer, command.Customer.DeliveryAddresses);
        audit.Record("customer.updated", "customer", customer.Id, before, CustomerResponse.From(customer));
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (CustomerResponse.From(customer), customer.Version);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p && p.ConstraintName?.Contains("accounting_code", StringComparison.Ordinal) == true)
        {
            throw new FieldValidationException("accountingCode", ApiErrorCodes.AccountingCodeTaken);
        }
    }

    /// <summary>The request carries the full list: known ids are updated, new entries added, missing ones removed.</summary>
    internal static void SyncDeliveryAddresses(Customer customer, IReadOnlyList<DeliveryAddressDto>? wanted)
    {
        if (wanted is null) return;
        var keep = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).ToHashSet();
        foreach (var gone in customer.DeliveryAddresses.Where(d => !keep.Contains(d.Id)).Select(d => d.Id).ToList()) customer.RemoveDeliveryAddress(gone);
        foreach (var (address, index) in wanted.Select((w, i) => (w, i)))
        {
            if (address.Id is { } id)
            {
                if (customer.DeliveryAddresses.All(d => d.Id != id)) throw new ReferenceNotFoundException($"deliveryAddresses[{index}].id");
                customer.UpdateDeliveryAddress(id, address.Label, address.Address.ToDomain());
            }
            else
            {
                customer.AddDeliveryAddress(address.Label, address.Address.ToDomain());
            }
        }
    }
}

internal static class CustomerLoader
{
    private const int AccountingCodeLockClass = 0x4B414343; // "KACC"

    /// <summary>
    /// Picks or checks the accounting code while holding the company's accounting-code lock
    /// (<c>pg_advisory_xact_lock</c>, released at commit), so concurrent creations — on any number of API instances —
    /// see each other's codes: a generated code is always free when it is saved, and <c>accounting_code_taken</c> only
    /// ever answers a code the client chose. Must run inside the caller's transaction.
    /// </summary>
    public static async Task<CustomerData> ToDataAsync(KobanDbContext db, CustomerRequest r, Customer? existing, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Accounting codes are chosen inside the saving transaction.");
        var companyId = await db.Companies.AsNoTracking().Select(c => c.Id).SingleAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({AccountingCodeLockClass}, hashtext({companyId.ToString()}))", ct);
        var code = string.IsNullOrWhiteSpace(r.AccountingCode)
            ? existing?.AccountingCode ?? await UniqueAccountingCodeAsync(db, Customer.SuggestAccountingCode(r.Name), ct)
            : r.AccountingCode.Trim().ToUpperInvariant();
        if (await db.Customers.IgnoreAutoIncludes().AnyAsync(c => c.AccountingCode == code && c.Id != (existing == null ? Guid.Empty : existing.Id), ct))
        {
            throw new FieldValidationException("accountingCode", ApiErrorCodes.AccountingCodeTaken);
        }
        return new CustomerData(
            r.Kind, r.Name, r.CountryCode.ToUpperInvariant(), r.VatRegime,
            string.IsNullOrWhiteSpace(r.Siren) ? null : Siren.Parse(r.Siren),
            string.IsNullOrWhiteSpace(r.Siret) ? null : Siret.Parse(r.Siret),
            string.IsNullOrWhiteSpace(r.VatNumber) ? null : VatNumber.Parse(r.VatNumber),
            r.BillingAddress?.ToDomain(), r.PaymentTerms?.ToDomain(), code, r.Notes);
    }

    public static async Task<Customer> LoadForUpdateAsync(KobanDbContext db, Guid id, uint expectedVersion, CancellationToken ct)
    {
        var customer = await db.Customers.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("customer", id);
        if (customer.Version != expectedVersion) throw new PreconditionFailedException();
        db.Entry(customer).Property(c => c.Version).OriginalValue = expectedVersion;
        // Changes to contacts or addresses touch the root row too, so its xmin (the ETag) moves with any change (architecture rule 10).
        db.Entry(customer).Property(c => c.UpdatedAt).IsModified = true;
        return customer;
    }

    public static async Task<string> UniqueAccountingCodeAsync(KobanDbContext db, string suggestion, CancellationToken ct)
    {
        var taken = await db.Customers.IgnoreAutoIncludes().Where(c => c.AccountingCode.StartsWith(suggestion)).Select(c => c.AccountingCode).ToListAsync(ct);
        if (!taken.Contains(suggestion)) return suggestion;
        for (var i = 2; ; i++)
        {
            var candidate = $"{suggestion}{i}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}

// ---- archive / delete ----

public sealed record ArchiveCustomerCommand(Guid Id, bool Archive) : ICommand<CustomerResponse>;

public sealed record DeleteCustomerCommand(Guid Id) : ICommand;

public sealed class CustomerLifecycleHandlers(KobanDbContext db, AuditLog audit)
    : ICommandHandler<ArchiveCustomerCommand, CustomerResponse>, ICommandHandler<DeleteCustomerCommand>
{
    public async ValueTask<CustomerResponse> Handle(ArchiveCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException("customer", command.Id);
        if (command.Archive) customer.Archive();
        else customer.Unarchive();
        audit.Record(command.Archive ? "customer.archived" : "customer.unarchived", "customer", customer.Id);
        await db.SaveChangesAsync(cancellationToken);
        return CustomerResponse.From(customer);
    }

    public async ValueTask<Unit> Handle(DeleteCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException("customer", command.Id);
        if (await References.CustomerIsReferencedAsync(db, customer.Id, cancellationToken))
        {
            throw new DomainConflictException(ErrorCodes.CustomerReferenced, "A document references this customer: archive it instead.");
        }
        db.Customers.Remove(customer);
        audit.Record("customer.deleted", "customer", customer.Id, before: CustomerResponse.From(customer));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
