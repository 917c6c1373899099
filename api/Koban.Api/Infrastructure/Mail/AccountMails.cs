using System.Globalization;
using Koban.Api.Infrastructure.Security;

namespace Koban.Api.Infrastructure.Mail;

/// <summary>The texts of the invitation and password-reset e-mails, in French or English (the language of the request
/// that causes them). Links carry the token in the fragment (<c>#token=…</c>): browsers never send a fragment to the
/// server, so the secret stays out of access logs and proxies.</summary>
public static class AccountMails
{
    public const string AcceptInvitationPath = "accept-invitation";
    public const string ResetPasswordPath = "reset-password";

    public static string PublicUrl(IConfiguration configuration) =>
        (configuration[MailOptions.PublicUrlKey] is { Length: > 0 } url ? url : MailOptions.DefaultPublicUrl).TrimEnd('/');

    public static string Link(IConfiguration configuration, string path, string token) => $"{PublicUrl(configuration)}/{path}#token={token}";

    public static OutgoingMail Invitation(KobanUser user, string companyName, string? inviterName, string? inviterEmail, string link, CultureInfo culture)
    {
        var english = culture.TwoLetterISOLanguageName == "en";
        var who = string.IsNullOrWhiteSpace(inviterName) ? companyName : inviterName;
        var subject = english ? $"Invitation to join {companyName} on Koban" : $"Invitation à rejoindre {companyName} sur Koban";
        var body = english
            ? $"""
              Hello {user.DisplayName},

              {who} invites you to join {companyName} on Koban.
              Choose your password by opening this link (valid for 7 days, once):

              {link}

              You will then sign in with this address: {user.Email}

              If you did not expect this invitation, ignore this message.
              """
            : $"""
              Bonjour {user.DisplayName},

              {who} vous invite à rejoindre {companyName} sur Koban.
              Choisissez votre mot de passe en ouvrant ce lien (valable 7 jours, une seule fois) :

              {link}

              Vous vous connecterez ensuite avec cette adresse : {user.Email}

              Si vous n'attendiez pas cette invitation, ignorez ce message.
              """;
        return new OutgoingMail
        {
            To = [user.Email!],
            ReplyTo = inviterEmail,
            Subject = subject,
            TextBody = body,
            EntityType = "user",
            EntityId = user.Id,
            RedactBodyWhenSent = true,
        };
    }

    public static OutgoingMail PasswordReset(KobanUser user, string link, CultureInfo culture)
    {
        var english = culture.TwoLetterISOLanguageName == "en";
        var subject = english ? "Resetting your Koban password" : "Réinitialisation de votre mot de passe Koban";
        var body = english
            ? $"""
              Hello {user.DisplayName},

              Someone (probably you) asked to reset the password of your Koban account {user.Email}.
              Choose a new password by opening this link (valid for 1 hour, once):

              {link}

              If you did not ask for it, ignore this message: your current password still works.
              """
            : $"""
              Bonjour {user.DisplayName},

              Une réinitialisation du mot de passe de votre compte Koban {user.Email} a été demandée (sans doute par vous).
              Choisissez un nouveau mot de passe en ouvrant ce lien (valable 1 heure, une seule fois) :

              {link}

              Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.
              """;
        return new OutgoingMail
        {
            To = [user.Email!],
            Subject = subject,
            TextBody = body,
            EntityType = "user",
            EntityId = user.Id,
            RedactBodyWhenSent = true,
        };
    }
}
