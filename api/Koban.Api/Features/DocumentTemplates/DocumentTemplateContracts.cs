using FluentValidation;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Pdf;
using Koban.Api.Infrastructure.Web;

namespace Koban.Api.Features.DocumentTemplates;

/// <summary>Where the printed logo comes from: the template's own upload, the company logo, or none.</summary>
public enum TemplateLogoSource
{
    Own,
    Company,
    None,
}

public sealed record DocumentTemplateResponse(
    PrintableKind Kind,
    string AccentColor,
    bool ShowLogo,
    TemplateLogoSource LogoSource,
    bool HasOwnLogo,
    string? HeaderText,
    string? FooterText,
    bool ShowBankDetails,
    string? TermsAndConditions,
    string? EmailSubject,
    string? EmailBody,
    IReadOnlyList<string> Placeholders,
    DateTimeOffset UpdatedAt);

public sealed record DocumentTemplateList(IReadOnlyList<DocumentTemplateResponse> Items);

/// <summary>The whole configurable part of a template (the logo file is uploaded separately).</summary>
public sealed record DocumentTemplateRequest(
    string AccentColor,
    bool ShowLogo,
    string? HeaderText,
    string? FooterText,
    bool ShowBankDetails,
    string? TermsAndConditions,
    string? EmailSubject,
    string? EmailBody)
{
    internal DocumentTemplateSettings ToSettings(Guid? logoFileId) =>
        new(AccentColor.ToUpperInvariant(), ShowLogo, logoFileId, HeaderText, FooterText, ShowBankDetails, TermsAndConditions, EmailSubject, EmailBody);
}

public sealed class DocumentTemplateRequestValidator : AbstractValidator<DocumentTemplateRequest>
{
    public DocumentTemplateRequestValidator()
    {
        RuleFor(r => r.AccentColor).NotEmpty().Matches("^#[0-9A-Fa-f]{6}$").WithErrorCode(ApiErrorCodes.ColorInvalid).WithMessage(_ => ErrorCatalog.Message(ApiErrorCodes.ColorInvalid));
        RuleFor(r => r.HeaderText).MaximumLength(DocumentTemplateRules.HeaderMaxLength);
        RuleFor(r => r.FooterText).MaximumLength(DocumentTemplateRules.FooterMaxLength);
        RuleFor(r => r.TermsAndConditions).MaximumLength(DocumentTemplateRules.TermsMaxLength);
        RuleFor(r => r.EmailSubject).MaximumLength(DocumentTemplateRules.SubjectMaxLength);
        RuleFor(r => r.EmailBody).MaximumLength(DocumentTemplateRules.BodyMaxLength);
    }
}
