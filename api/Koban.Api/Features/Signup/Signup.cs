using FluentValidation;
using Koban.Api.Features.Auth;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Companies;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koban.Api.Features.Signup;

public sealed record SignupRequest(string CompanyName, string AdminEmail, string AdminDisplayName, string AdminPassword);

public sealed record SignupResponse(Guid CompanyId, Guid UserId);

public sealed record SignupCommand(string CompanyName, string AdminEmail, string AdminDisplayName, string AdminPassword, bool MustChangePassword = false)
    : ICommand<SignupResponse>;

public sealed class SignupOptions
{
    /// <summary>Off for a single-company installation: only the demo seeder (or an operator) then creates the company.</summary>
    public bool Enabled { get; set; } = true;
}

public sealed class SignupValidator : AbstractValidator<SignupCommand>
{
    public SignupValidator()
    {
        RuleFor(c => c.CompanyName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.AdminEmail).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.AdminDisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.AdminPassword).NotEmpty().MaximumLength(256).StrongPassword();
    }
}

/// <summary>Creates a company and its first Admin in one transaction. The demo company is created through this same command.</summary>
public sealed class SignupHandler(KobanDbContext db, CurrentActor actor, UserManager<KobanUser> users, AuditLog audit, TimeProvider clock)
    : ICommandHandler<SignupCommand, SignupResponse>
{
    public async ValueTask<SignupResponse> Handle(SignupCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var company = Company.Register(command.CompanyName, now);
        var admin = new KobanUser
        {
            Id = Guid.CreateVersion7(),
            CompanyId = company.Id,
            UserName = command.AdminEmail.Trim(),
            Email = command.AdminEmail.Trim(),
            EmailConfirmed = true,
            DisplayName = command.AdminDisplayName.Trim(),
            Role = UserRole.Admin,
            MustChangePassword = command.MustChangePassword,
            CreatedAt = now,
        };

        using var system = actor.EnterSystemScope();
        actor.Impersonate(company.Id, admin.Id, admin.DisplayName);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        await UserAccounts.CreateAsync(users, admin, command.AdminPassword, "adminEmail", "adminPassword");
        audit.Record("company.created", "company", company.Id, after: new { company.LegalName });
        audit.Record("user.created", "user", admin.Id, after: new { admin.Email, admin.DisplayName, Role = admin.Role.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignupResponse(company.Id, admin.Id);
    }
}

public static class SignupEndpoint
{
    public static void MapSignupEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/signup", Handle)
            .WithTags("Companies")
            .WithName("Signup")
            .WithSummary("Create a company and its first Admin")
            .WithDescription("One deployment serves many companies. Creates the company (empty profile, default settings) and its Admin, who then signs in with `POST /api/v1/auth/login`. Refused with 403 `signup_disabled` when the installation is configured for a single company (`Koban:Signup:Enabled=false`). The e-mail must not be used by any other user.")
            .AllowAnonymous()
            .RequireRateLimiting(AuthEndpoints.LoginRateLimit)
            .WithMetadata(new AnonymousOperationMetadata())
            .WithProblems(400, 403, 429)
            .WithExamples(SignupExamples.Request, 201, SignupExamples.Response);
    }

    private static async Task<Created<SignupResponse>> Handle(SignupRequest request, IMediator mediator, IOptions<SignupOptions> options, CancellationToken ct)
    {
        if (!options.Value.Enabled) throw new ForbiddenException(ApiErrorCodes.SignupDisabled);
        var created = await mediator.Send(new SignupCommand(request.CompanyName, request.AdminEmail, request.AdminDisplayName, request.AdminPassword), ct);
        return TypedResults.Created("/api/v1/company", created);
    }
}
