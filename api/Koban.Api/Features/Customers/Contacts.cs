using FluentValidation;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Customers;

/// <summary>Contacts belong to the customer aggregate: each change needs the customer's ETag and moves it.</summary>
public sealed record AddContactCommand(Guid CustomerId, uint ExpectedVersion, ContactRequest Contact) : ICommand<(ContactResponse Contact, uint Version)>;

public sealed record UpdateContactCommand(Guid CustomerId, Guid ContactId, uint ExpectedVersion, ContactRequest Contact) : ICommand<(ContactResponse Contact, uint Version)>;

public sealed record RemoveContactCommand(Guid CustomerId, Guid ContactId, uint ExpectedVersion) : ICommand<uint>;

public sealed class AddContactValidator : FluentValidation.AbstractValidator<AddContactCommand>
{
    public AddContactValidator() => RuleFor(c => c.Contact).NotNull().SetValidator(new ContactRequestValidator()).OverridePropertyName("");
}

public sealed class UpdateContactValidator : FluentValidation.AbstractValidator<UpdateContactCommand>
{
    public UpdateContactValidator() => RuleFor(c => c.Contact).NotNull().SetValidator(new ContactRequestValidator()).OverridePropertyName("");
}

public sealed class ContactHandlers(KobanDbContext db, AuditLog audit)
    : ICommandHandler<AddContactCommand, (ContactResponse Contact, uint Version)>,
      ICommandHandler<UpdateContactCommand, (ContactResponse Contact, uint Version)>,
      ICommandHandler<RemoveContactCommand, uint>
{
    public async ValueTask<(ContactResponse Contact, uint Version)> Handle(AddContactCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadForUpdateAsync(db, command.CustomerId, command.ExpectedVersion, cancellationToken);
        var contact = customer.AddContact(command.Contact.ToData(), command.Contact.IsBilling);
        audit.Record("customer.contact_added", "customer", customer.Id, after: ContactResponse.From(contact));
        await SaveBillingSwapAsync(cancellationToken);
        return (ContactResponse.From(contact), customer.Version);
    }

    public async ValueTask<(ContactResponse Contact, uint Version)> Handle(UpdateContactCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadForUpdateAsync(db, command.CustomerId, command.ExpectedVersion, cancellationToken);
        var contact = customer.Contacts.SingleOrDefault(c => c.Id == command.ContactId) ?? throw new NotFoundException("contact", command.ContactId);
        var before = ContactResponse.From(contact);
        customer.UpdateContact(contact.Id, command.Contact.ToData());
        if (command.Contact.IsBilling && !contact.IsBilling) customer.SetBillingContact(contact.Id);
        audit.Record("customer.contact_updated", "customer", customer.Id, before, ContactResponse.From(contact));
        await SaveBillingSwapAsync(cancellationToken);
        return (ContactResponse.From(contact), customer.Version);
    }

    public async ValueTask<uint> Handle(RemoveContactCommand command, CancellationToken cancellationToken)
    {
        var customer = await CustomerLoader.LoadForUpdateAsync(db, command.CustomerId, command.ExpectedVersion, cancellationToken);
        var contact = customer.Contacts.SingleOrDefault(c => c.Id == command.ContactId) ?? throw new NotFoundException("contact", command.ContactId);
        var before = ContactResponse.From(contact);
        customer.RemoveContact(contact.Id);
        audit.Record("customer.contact_removed", "customer", customer.Id, before: before);
        await SaveBillingSwapAsync(cancellationToken);
        return customer.Version;
    }

    /// <summary>Moving the billing flag from one contact to another would trip the "one billing contact" unique index
    /// between the two row updates, so the old flag is cleared first, in the same transaction.</summary>
    private async Task SaveBillingSwapAsync(CancellationToken ct)
    {
        var newBilling = db.ChangeTracker.Entries<Koban.Domain.Customers.Contact>()
            .Where(e => e.Entity.IsBilling && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.IsBilling).IsModified)))
            .Select(e => e.Entity)
            .ToList();
        if (newBilling.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var contact in newBilling)
        {
            await db.Set<Koban.Domain.Customers.Contact>()
                .Where(c => c.CustomerId == contact.CustomerId && c.Id != contact.Id && c.IsBilling)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.IsBilling, false), ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
