using Koban.Domain.Invoicing;
using Mediator;

namespace Koban.Api.Features.Payments;

/// <summary>Sent by Invoicing when it validates an invoice or a credit note, inside its transaction and before it commits:
/// the customer's account gets the document's row, the books their sales entry, and a credit note settles its own invoice
/// first (domain-rules.md §6).</summary>
public sealed record BookValidatedDocumentCommand(BillingDocument Document) : ICommand;

public sealed class BookValidatedDocumentHandler(ReceivablesLedger ledger) : ICommandHandler<BookValidatedDocumentCommand>
{
    public async ValueTask<Unit> Handle(BookValidatedDocumentCommand command, CancellationToken cancellationToken)
    {
        await ledger.OnValidatedAsync(command.Document, cancellationToken);
        return Unit.Value;
    }
}
