using System.Collections.Frozen;
using System.Globalization;

namespace Koban.Api.Infrastructure.Web;

/// <summary>French and English text for every error code. French is the default; English is chosen through
/// <c>Accept-Language: en</c>. A test fails when a code of <see cref="ApiErrorCodes"/> or of the domain lacks either.</summary>
public static class ErrorCatalog
{
    private static readonly FrozenDictionary<string, (string Fr, string En)> Messages = new Dictionary<string, (string, string)>
    {
        [ApiErrorCodes.ValidationFailed] = ("La requête contient des valeurs invalides.", "The request contains invalid values."),
        [ApiErrorCodes.MalformedRequest] = ("La requête est mal formée (JSON ou paramètre illisible).", "The request is malformed (unreadable JSON or parameter)."),
        [ApiErrorCodes.NotFound] = ("Cet élément n'existe pas.", "This record does not exist."),
        [ApiErrorCodes.ReferenceNotFound] = ("L'élément référencé n'existe pas.", "The referenced record does not exist."),
        [ApiErrorCodes.IfMatchRequired] = ("Une modification doit indiquer la version lue (en-tête If-Match).", "An update must carry the version it read (If-Match header)."),
        [ApiErrorCodes.StaleVersion] = ("Quelqu'un d'autre a modifié cet élément entre-temps : rechargez-le avant d'enregistrer.", "Someone else changed this record in the meantime: reload it before saving."),
        [ApiErrorCodes.Unauthenticated] = ("Vous devez vous connecter.", "You must sign in."),
        [ApiErrorCodes.Forbidden] = ("Votre rôle ne permet pas cette action.", "Your role does not allow this action."),
        [ApiErrorCodes.PasswordChangeRequired] = ("Vous devez d'abord changer votre mot de passe temporaire.", "You must first change your temporary password."),
        [ApiErrorCodes.CsrfTokenInvalid] = ("Jeton anti-falsification absent ou invalide : rechargez la page.", "Missing or invalid anti-forgery token: reload the page."),
        [ApiErrorCodes.InvalidCredentials] = ("Adresse e-mail ou mot de passe incorrect.", "Wrong e-mail address or password."),
        [ApiErrorCodes.AccountLocked] = ("Compte verrouillé après plusieurs échecs : réessayez dans quelques minutes.", "Account locked after repeated failures: try again in a few minutes."),
        [ApiErrorCodes.RateLimited] = ("Trop de requêtes : réessayez dans quelques instants.", "Too many requests: try again shortly."),
        [ApiErrorCodes.IdempotencyKeyReused] = ("Cette clé d'idempotence a déjà servi pour une autre requête.", "This idempotency key was already used for a different request."),
        [ApiErrorCodes.IdempotencyKeyInProgress] = ("Une requête avec cette clé d'idempotence est en cours de traitement.", "A request with this idempotency key is still being processed."),
        [ApiErrorCodes.IdempotencyKeyInvalid] = ("La clé d'idempotence doit faire de 1 à 200 caractères imprimables.", "The idempotency key must be 1 to 200 printable characters."),
        [ApiErrorCodes.EmailAlreadyUsed] = ("Cette adresse e-mail est déjà utilisée.", "This e-mail address is already in use."),
        [ApiErrorCodes.PasswordTooWeak] = ("Le mot de passe doit comporter au moins 12 caractères hors espaces, dont une majuscule, une minuscule et un chiffre.", "The password needs at least 12 characters not counting spaces, with an upper-case letter, a lower-case letter and a digit."),
        [ApiErrorCodes.PasswordTooCommon] = ("Ce mot de passe fait partie des plus courants : choisissez-en un autre.", "This password is one of the most common ones: choose another."),
        [ApiErrorCodes.RoleRequired] = ("Le rôle est obligatoire : Admin, Sales, Accountant ou Viewer.", "The role is required: Admin, Sales, Accountant or Viewer."),
        [ApiErrorCodes.CurrentPasswordWrong] = ("Le mot de passe actuel est incorrect.", "The current password is wrong."),
        [ApiErrorCodes.SignupDisabled] = ("La création de nouvelles entreprises est désactivée sur cette installation.", "Creating new companies is disabled on this installation."),
        [ApiErrorCodes.OneOfFields] = ("Indiquez une seule de ces valeurs : pourcentage, montant HT, montant TTC ou lignes.", "Give only one of: percentage, amount excluding VAT, amount including VAT or lines."),
        [ApiErrorCodes.UnknownScope] = ("Portée inconnue.", "Unknown scope."),
        [ApiErrorCodes.FileTooLarge] = ("Le fichier est trop volumineux.", "The file is too large."),
        [ApiErrorCodes.FileTypeNotAllowed] = ("Ce type de fichier n'est pas accepté.", "This file type is not accepted."),
        [ApiErrorCodes.LastAdmin] = ("L'entreprise doit garder au moins un administrateur actif.", "The company must keep at least one active administrator."),
        [ApiErrorCodes.CannotChangeOwnRole] = ("Vous ne pouvez pas modifier votre propre rôle ni vous désactiver.", "You cannot change your own role or deactivate yourself."),
        [ApiErrorCodes.ApiKeyRevoked] = ("Cette clé d'API est révoquée.", "This API key is revoked."),
        [ApiErrorCodes.Conflict] = ("Conflit avec l'état actuel de l'élément.", "Conflict with the current state of the record."),
        [ApiErrorCodes.LimitOutOfRange] = ("Le paramètre limit doit être compris entre 1 et 100.", "The limit parameter must be between 1 and 100."),
        [ApiErrorCodes.RenewalWindowOutOfRange] = ("La fenêtre de renouvellement doit être comprise entre 1 et 366 jours.", "The renewal window must be between 1 and 366 days."),
        [ApiErrorCodes.CursorInvalid] = ("Le curseur de pagination est invalide : repartez de la première page.", "The paging cursor is invalid: start again from the first page."),
        [ApiErrorCodes.TimeZoneUnknown] = ("Fuseau horaire inconnu (attendu : un identifiant IANA comme Europe/Paris).", "Unknown time zone (expected an IANA id such as Europe/Paris)."),
        [ApiErrorCodes.SortUnknown] = ("Ce tri n'est pas proposé pour cette liste.", "This list cannot be sorted by that field."),
        [ApiErrorCodes.CsvEmpty] = ("Le fichier CSV est vide : une ligne d'en-tête est attendue.", "The CSV file is empty: a header line is expected."),
        [ApiErrorCodes.CsvTooManyRows] = ("Le fichier CSV dépasse 10 000 lignes : découpez-le.", "The CSV file has more than 10,000 rows: split it."),
        [ApiErrorCodes.AccountingCodeTaken] = ("Ce code comptable est déjà attribué à un autre client.", "This accounting code already belongs to another customer."),
        [ApiErrorCodes.ProductCodeTaken] = ("Ce code produit est déjà utilisé.", "This product code is already in use."),
        [ApiErrorCodes.CsvMissingColumn] = ("Le fichier CSV n'a pas la colonne obligatoire (nom, ou code pour les produits).", "The CSV file lacks its required column (name, or code for products)."),
        [ApiErrorCodes.ExpandUnknown] = ("Cette expansion n'est pas proposée ici (valeurs possibles : customer).", "This expansion is not offered here (allowed: customer)."),
        [ApiErrorCodes.InternalError] = ("Erreur interne : l'incident est journalisé.", "Internal error: the incident has been logged."),
        [ApiErrorCodes.EmailNotRetryable] = ("Seul un e-mail en échec ou en attente peut être renvoyé.", "Only a failed or pending e-mail can be sent again."),
        [ApiErrorCodes.EntityTypeUnknown] = ("Type d'élément inconnu pour les e-mails (ex. : invoice, quote, order, user).", "Unknown record type for e-mails (e.g. invoice, quote, order, user)."),
        [ApiErrorCodes.TokenInvalid] = ("Ce lien n'est pas valable : vérifiez qu'il est complet ou demandez-en un nouveau.", "This link is not valid: check that it is complete or ask for a new one."),
        [ApiErrorCodes.TokenExpired] = ("Ce lien a expiré : demandez-en un nouveau.", "This link has expired: ask for a new one."),
        [ApiErrorCodes.TokenUsed] = ("Ce lien a déjà servi ou a été remplacé par un lien plus récent.", "This link was already used or has been replaced by a newer one."),
        [ApiErrorCodes.InvitationAlreadyAccepted] = ("Cet utilisateur a déjà accepté son invitation.", "This user has already accepted the invitation."),
        [ApiErrorCodes.MethodNotAllowed] = ("Cette méthode HTTP n'est pas acceptée à cette adresse.", "This HTTP method is not allowed at this address."),
        [ApiErrorCodes.UnsupportedMediaType] = ("Type de contenu non accepté : envoyez du JSON (application/json).", "Unsupported content type: send JSON (application/json)."),
        [ApiErrorCodes.HttpError] = ("La requête n'a pas pu aboutir.", "The request could not be completed."),
        [ApiErrorCodes.PeriodEndBeforeStart] = ("La période doit se terminer le jour de son début ou après.", "The period must end on or after its first day."),
        [ApiErrorCodes.PeriodTooLong] = ("Une période dure au plus 24 mois.", "A period lasts at most 24 months."),
        [ApiErrorCodes.ExportOptionsMismatch] = ("Ces options ne vont pas avec ce format : la mise en page CSV avec Csv, les options FEC avec Fec.", "These options do not go with this format: a CSV layout with Csv, FEC options with Fec."),
        [ApiErrorCodes.ColorInvalid] = ("Couleur attendue au format #RRGGBB.", "Colour expected as #RRGGBB."),
        [ApiErrorCodes.NulCharacter] = ("Le caractère NUL (U+0000) n'est pas accepté.", "The NUL character (U+0000) is not accepted."),
        [ApiErrorCodes.DateOutOfRange] = ("La date doit être comprise entre 1900 et 2999.", "The date must be between 1900 and 2999."),
        [ApiErrorCodes.NullItem] = ("Une liste ne peut pas contenir d'élément vide (null).", "A list cannot hold an empty (null) item."),
        [ApiErrorCodes.TooManyItems] = ("La liste dépasse 500 éléments.", "The list has more than 500 items."),
        [ApiErrorCodes.FieldRequired] = ("Ce champ est obligatoire.", "This field is required."),
        [ApiErrorCodes.FieldNotNullable] = ("Ce champ ne peut pas être null.", "This field cannot be null."),
        [ApiErrorCodes.ValueNotAllowed] = ("Valeur non reconnue : utilisez l'une des valeurs documentées.", "Unrecognised value: use one of the documented values."),
        [ApiErrorCodes.ServiceUnavailable] = ("Service momentanément indisponible : réessayez dans quelques instants.", "Service temporarily unavailable: try again shortly."),
        [ApiErrorCodes.PayloadTooLarge] = ("Le corps de la requête est trop volumineux.", "The request body is too large."),
        [ApiErrorCodes.UriTooLong] = ("L'adresse de la requête est trop longue.", "The request address is too long."),
        [ApiErrorCodes.HeadersTooLarge] = ("Les en-têtes de la requête sont trop volumineux.", "The request headers are too large."),
    }
    .Concat(DomainMessages.All)
    .ToFrozenDictionary();

    public static IEnumerable<string> Codes => Messages.Keys;

    public static bool TryGet(string code, out string french, out string english)
    {
        var found = Messages.TryGetValue(code, out var pair);
        (french, english) = pair;
        return found;
    }

    public static string Message(string code, CultureInfo? culture = null) => Message(code, null, culture);

    /// <summary>The message with its <c>{placeholders}</c> filled from the error's arguments.</summary>
    public static string Message(string code, IReadOnlyDictionary<string, object>? arguments, CultureInfo? culture = null)
    {
        if (!Messages.TryGetValue(code, out var text)) return code;
        var language = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName;
        var message = language == "en" ? text.En : text.Fr;
        if (arguments is null) return message;
        var format = language == "en" ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("fr-FR");
        foreach (var (key, value) in arguments)
        {
            message = message.Replace("{" + key + "}", Convert.ToString(value, format), StringComparison.Ordinal);
        }
        return message;
    }
}
