using System.Globalization;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Users;

internal static class InvitationMail
{
    /// <summary>Issues a new invitation token (the previous one stops working) and queues its e-mail.</summary>
    public static async Task<DateTimeOffset> QueueAsync(KobanDbContext db, CurrentActor actor, AccountTokens tokens, MailOutbox outbox, IConfiguration configuration,
        KobanUser user, CancellationToken ct)
    {
        var (secret, expiresAt) = await tokens.IssueAsync(user, AccountTokenPurpose.Invitation, actor.UserId, ct);
        var companyName = await db.Companies.Select(c => c.LegalName).SingleAsync(ct);
        var inviter = actor.UserId is { } inviterId
            ? await db.Users.Where(u => u.Id == inviterId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct)
            : null;
        var link = AccountMails.Link(configuration, AccountMails.AcceptInvitationPath, secret);
        await outbox.EnqueueAsync(AccountMails.Invitation(user, companyName, inviter?.DisplayName, inviter?.Email, link, CultureInfo.CurrentUICulture), ct);
        return expiresAt;
    }
}
