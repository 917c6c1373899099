using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Companies;

public static class CompanyEndpoints
{
    public static void MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/company").WithTags("Company");

        group.MapGet("/", async Task<Ok<CompanyProfileResponse>> (IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (profile, version) = await mediator.Send(new GetCompanyProfileQuery(), ct);
                EntityTags.Set(response, version);
                return TypedResults.Ok(profile);
            })
            .WithName("GetCompanyProfile")
            .WithSummary("Get the company profile")
            .WithDescription("The seller identity printed on every document (domain-rules §4) and the company's defaults. Returns an `ETag` for the update.")
            .RequirePermission(Permissions.Company, Access.Read)
            .WithExamples(null, 200, CompanyExamples.CompanyProfile);

        group.MapPut("/", async Task<Ok<CompanyProfileResponse>> (UpdateCompanyProfileRequest request, IMediator mediator, HttpRequest http, HttpResponse response, CancellationToken ct) =>
            {
                var version = EntityTags.RequireIfMatch(http);
                var (profile, newVersion) = await mediator.Send(new UpdateCompanyProfileCommand(version, request), ct);
                EntityTags.Set(response, newVersion);
                return TypedResults.Ok(profile);
            })
            .WithName("UpdateCompanyProfile")
            .WithSummary("Update the company profile")
            .WithDescription("""
                Replaces the profile. Checks: SIREN (9 digits, Luhn key), intra-EU VAT number (format per country; for France the key and that it matches the SIREN), IBAN (length per country and mod-97 checksum), BIC format, French postal code, IANA time zone, fiscal year start month 1–12.
                Business rules (422): default payment terms within the legal maximum for business customers (60 days, or 45 days end of month, art. L441-10 du Code de commerce); late-payment penalty rate at least three times the legal interest rate; a company under the VAT franchise (art. 293 B du CGI) cannot opt for VAT on debits.
                Documents already validated keep the identity they were issued with (their snapshot).
                """)
            .RequirePermission(Permissions.Company, Access.Write)
            .RequiresIfMatch()
            .WithProblems(400, 422)
            .WithExamples(CompanyExamples.UpdateCompanyProfile, 200, CompanyExamples.CompanyProfile);

        group.MapGet("/logo", async Task<FileContentHttpResult> (IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetCompanyLogoQuery(), ct);
                return TypedResults.File(file.Content, file.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .WithName("GetCompanyLogo")
            .WithSummary("Download the company logo")
            .WithDescription("PNG or JPEG bytes, as uploaded. 404 when the company has no logo.")
            .RequirePermission(Permissions.Company, Access.Read)
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg")
            .WithProblems(404);

        group.MapPut("/logo", async Task<NoContent> (IFormFile file, IMediator mediator, CancellationToken ct) =>
            {
                if (file.Length > LogoRules.MaxBytes) throw new FieldValidationException("file", ApiErrorCodes.FileTooLarge);
                await using var stream = file.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                var content = buffer.ToArray();
                var type = LogoRules.DetectContentType(content) ?? throw new FieldValidationException("file", ApiErrorCodes.FileTypeNotAllowed);
                await mediator.Send(new SetCompanyLogoCommand(file.FileName, type, content), ct);
                return TypedResults.NoContent();
            })
            .WithName("SetCompanyLogo")
            .WithSummary("Upload the company logo")
            .WithDescription("multipart/form-data with one part `file`: PNG or JPEG (checked from the bytes), at most 512 KB. Stored in PostgreSQL; documents validated earlier keep the logo they were rendered with.")
            .RequirePermission(Permissions.Company, Access.Write)
            .DisableAntiforgery()
            .WithProblems(400);

        group.MapDelete("/logo", async Task<NoContent> (IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveCompanyLogoCommand(), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveCompanyLogo")
            .WithSummary("Remove the company logo")
            .WithDescription("Future documents are rendered without a logo. Removing when there is none is harmless.")
            .RequirePermission(Permissions.Company, Access.Write);
    }
}
