using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Companies;

public sealed record SetCompanyLogoCommand(string FileName, string ContentType, byte[] Content) : ICommand;

public sealed record RemoveCompanyLogoCommand : ICommand;

public sealed record GetCompanyLogoQuery : IQuery<StoredFile>;

public static class LogoRules
{
    public const int MaxBytes = 512 * 1024;

    /// <summary>Checks the bytes, not the client's declared type: PNG and JPEG signatures only.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;
}

public sealed class CompanyLogoHandlers(KobanDbContext db, CurrentActor actor, AuditLog audit, TimeProvider clock)
    : ICommandHandler<SetCompanyLogoCommand>, ICommandHandler<RemoveCompanyLogoCommand>, IQueryHandler<GetCompanyLogoQuery, StoredFile>
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

    public async ValueTask<Unit> Handle(RemoveCompanyLogoCommand command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("company", actor.CompanyId);
        if (company.LogoFileId is { } previous)
        {
            company.SetLogo(null, clock.GetUtcNow());
            audit.Record("company.logo_removed", "company", company.Id, new { logoFileId = previous }, null);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }

    public async ValueTask<StoredFile> Handle(GetCompanyLogoQuery query, CancellationToken cancellationToken)
    {
        var logoId = await db.Companies.Select(c => c.LogoFileId).SingleOrDefaultAsync(cancellationToken);
        return logoId is null
            ? throw new NotFoundException("logo")
            : await db.Files.AsNoTracking().SingleAsync(f => f.Id == logoId, cancellationToken);
    }
}
