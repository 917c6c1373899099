using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Companies;

public sealed record SetCompanyLogoCommand(string FileName, string ContentType, byte[] Content) : ICommand;

public sealed class SetCompanyLogoHandler(KobanDbContext db, CurrentActor actor, AuditLog audit, TimeProvider clock) : ICommandHandler<SetCompanyLogoCommand>
{
    public async ValueTask<Unit> Handle(SetCompanyLogoCommand command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("company", actor.CompanyId);
        var now = clock.GetUtcNow();
        var file = StoredFile.Create("logo", Path.GetFileName(command.FileName), command.ContentType, command.Content, now);
        db.Files.Add(file);
        var previous = company.LogoFileId;
        company.SetLogo(file.Id, now);
        audit.Record("company.logo_changed", "company", company.Id, new { logoFileId = previous }, new { logoFileId = file.Id, file.Sha256, size = command.Content.Length });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class SetCompanyLogoEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/logo", async Task<NoContent> (IFormFile file, IMediator mediator, CancellationToken ct) =>
            {
                if (file.Length > LogoFiles.MaxBytes) throw new FieldValidationException("file", ApiErrorCodes.FileTooLarge);
                await using var stream = file.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                var content = buffer.ToArray();
                var type = LogoFiles.DetectContentType(content) ?? throw new FieldValidationException("file", ApiErrorCodes.FileTypeNotAllowed);
                await mediator.Send(new SetCompanyLogoCommand(file.FileName, type, content), ct);
                return TypedResults.NoContent();
            })
            .WithName("SetCompanyLogo")
            .WithSummary("Upload the company logo")
            .WithDescription("multipart/form-data with one part `file`: PNG or JPEG (checked from the bytes), at most 512 KB. Stored in PostgreSQL; documents validated earlier keep the logo they were rendered with.")
            .RequirePermission(Permissions.Company, Access.Write)
            .DisableAntiforgery()
            .WithProblems(400);
}
