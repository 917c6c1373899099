using Mediator;

namespace Koban.Api.Features.Invoicing;

/// <summary>
/// Published by <see cref="DeleteInvoiceHandler"/> before it saves, in the same scope and transaction: what a draft invoice
/// had taken (delivered quantities, a contract period, time entries) is given back by the feature that owns it, and the
/// deletion and those releases are saved together or not at all. Handlers change tracked entities of the scoped
/// <c>KobanDbContext</c> and never save themselves.
/// </summary>
public sealed record DraftInvoiceDeleted(Guid InvoiceId, Guid? OrderId, Guid? MilestoneId) : INotification;
