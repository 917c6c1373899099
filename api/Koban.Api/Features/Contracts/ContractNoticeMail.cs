using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koban.Api.Features.Contracts;

/// <summary>
/// The notice-deadline reminder to a contract's owner (the sales user in charge): the contract, its customer, the end of
/// the current term and the last day to give notice, in French. Written to the outbox in the transaction that records it,
/// once per contract and term (unique key (contract_id, term_number)); an owner without an active account or e-mail gets
/// nothing (logged).
/// </summary>
public sealed class ContractNoticeMail(KobanDbContext db, MailOutbox outbox, AuditLog audit, CompanyClock clock, TimeProvider time, ILogger<ContractNoticeMail> logger)
{
    /// <summary>Returns whether this call queued the reminder.</summary>
    public async Task<bool> SendAsync(Guid contractId, int termNumber, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == contractId, ct);
        var today = await clock.TodayAsync(ct);
        if (contract.Status != ContractStatus.Active || contract.TermNumber != termNumber || today > contract.NoticeDeadline) return false;
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == contract.OwnerUserId).Select(u => new { u.Email, u.DisplayName, u.IsActive }).SingleOrDefaultAsync(ct);
        if (owner is not { IsActive: true, Email: { Length: > 0 } email })
        {
            logger.LogWarning("Contract {Reference}: its owner has no active account with an e-mail; no notice reminder", contract.Reference);
            return false;
        }
        var customer = await db.Customers.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == contract.CustomerId).Select(c => c.Name).SingleAsync(ct);
        var company = await db.Companies.AsNoTracking().Select(c => c.LegalName).SingleAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ContractNoticeReminders.Add(ContractNoticeReminder.Sent(contract.Id, termNumber, contract.NoticeDeadline, email, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false; // sent by another instance
        }
        var (subject, body) = Text(contract, customer, owner.DisplayName, company);
        await outbox.EnqueueAsync(new OutgoingMail { To = [email], Subject = subject, TextBody = body, EntityType = "contract", EntityId = contract.Id }, ct);
        audit.Record("contract.notice_reminder_sent", "contract", contract.Id, after: new { to = email, termNumber, contract.NoticeDeadline, contract.CurrentTermEnd });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public static (string Subject, string Body) Text(Contract contract, string customer, string ownerName, string company)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var deadline = FrenchFormat.Date(contract.NoticeDeadline);
        var termEnd = FrenchFormat.Date(contract.CurrentTermEnd);
        var next = contract.WillRenewTacitly
            ? $"Sans résiliation notifiée au plus tard le {deadline}, il sera reconduit tacitement pour {contract.TermMonths} mois, à partir du {FrenchFormat.Date(contract.CurrentTermEnd.AddDays(1))}."
            : $"Il n'est pas reconduit tacitement : sans renouvellement décidé d'ici là, il prendra fin le {termEnd}.";
        var subject = $"Contrat {contract.Reference} ({customer}) : préavis à donner au plus tard le {deadline}";
        var body = $"""
            Bonjour {ownerName},

            Le contrat {contract.Reference} de {customer} arrive au terme de sa période en cours le {termEnd}.
            Date limite de préavis : {deadline} ({contract.NoticeMonths} mois avant le terme).
            {next}

            Montant par période : {FrenchFormat.Money(contract.PeriodAmountExcludingVat)} HT.

            {company}
            """;
        return (subject, body);
    }
}
