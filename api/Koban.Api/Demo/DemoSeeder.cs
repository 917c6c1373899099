using Koban.Api.Features.Common;
using Koban.Api.Features.Companies;
using Koban.Api.Features.Signup;
using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Common;
using Koban.Domain.Companies;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Demo;

/// <summary>
/// Creates the demo company once, through the same commands users call (sign-up, profile update, user creation),
/// so its audit trail and, later, its numbering are genuine. Runs at start-up when <c>Koban:Demo:Seed</c> is true.
/// </summary>
public static class DemoSeeder
{
    public const string AdminEmail = "admin@demo.koban.fr";

    public static readonly IReadOnlyList<(string Email, string Name, UserRole Role, string Password)> Logins =
    [
        (AdminEmail, "Camille Admin", UserRole.Admin, "Demo-Admin-2026!"),
        ("sales@demo.koban.fr", "Samuel Commercial", UserRole.Sales, "Demo-Sales-2026!"),
        ("accountant@demo.koban.fr", "Anne Comptable", UserRole.Accountant, "Demo-Compta-2026!"),
        ("viewer@demo.koban.fr", "Victor Lecteur", UserRole.Viewer, "Demo-Viewer-2026!"),
    ];

    public static async Task SeedAsync(IServiceProvider root, ILogger logger, CancellationToken ct)
    {
        using var scope = root.CreateScope();
        var services = scope.ServiceProvider;
        var actor = services.GetRequiredService<CurrentActor>();
        var db = services.GetRequiredService<KobanDbContext>();
        var mediator = services.GetRequiredService<IMediator>();

        using (actor.EnterSystemScope())
        {
            var normalized = AdminEmail.ToUpperInvariant();
            if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == normalized, ct))
            {
                logger.LogInformation("Demo company already present");
                return;
            }
        }

        var admin = Logins[0];
        var signup = await mediator.Send(new SignupCommand("Atelier Koban Démo SAS", admin.Email, admin.Name, admin.Password), ct);
        actor.Impersonate(signup.CompanyId, signup.UserId, admin.Name);

        var (_, version) = await mediator.Send(new GetCompanyProfileQuery(), ct);
        await mediator.Send(new UpdateCompanyProfileCommand(version, new UpdateCompanyProfileRequest(
            "Atelier Koban Démo SAS", LegalForm.Sas, 10000.00m, "732829320", "FR44732829320", "Lyon",
            new PostalAddressDto("12 rue de la République", null, "69002", "Lyon", "FR"),
            "FR7630006000011234567890189", "AGRIFRPP", new PaymentTermsDto(PaymentTermsKind.Days, 30),
            Company.DefaultLatePaymentPenaltyRate, Company.DefaultTimeZone, 1, false, false)), ct);
        await TemplatesDemo.SeedAsync(mediator, ct);

        var userIds = new Dictionary<UserRole, (Guid Id, string Name)>();
        foreach (var (email, name, role, password) in Logins.Skip(1))
        {
            var (user, _) = await mediator.Send(new CreateUserCommand(email, name, role, password), ct);
            userIds[role] = (user.Id, name);
        }
        // Demo users sign in with the published passwords, without the first-sign-in password change.
        await db.Users.Where(u => u.CompanyId == signup.CompanyId).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false), ct);
        // The sales data is entered by the Sales user, so the audit trail reads as it would in real use.
        var sales = userIds[UserRole.Sales];
        actor.Impersonate(signup.CompanyId, sales.Id, sales.Name);
        var salesIds = await SalesDemo.SeedAsync(mediator, sales.Id, await services.GetRequiredService<Koban.Api.Infrastructure.Tenancy.CompanyClock>().TodayAsync(ct), ct);
        var contracts = await ContractDemo.SeedAsync(mediator, db, salesIds, await services.GetRequiredService<Koban.Api.Infrastructure.Tenancy.CompanyClock>().TodayAsync(ct), ct);
        await DeliveryDemo.SeedAsync(mediator, db, await services.GetRequiredService<Koban.Api.Infrastructure.Tenancy.CompanyClock>().TodayAsync(ct), ct);
        // Invoices and credit notes are the accountant's.
        var accountant = userIds[UserRole.Accountant];
        actor.Impersonate(signup.CompanyId, accountant.Id, accountant.Name);
        var today = await services.GetRequiredService<Koban.Api.Infrastructure.Tenancy.CompanyClock>().TodayAsync(ct);
        await HistoryDemo.SeedAsync(mediator, salesIds, today, RemindersDemo.IssueDate(today), before: true, ct);
        await RemindersDemo.SeedAsync(services, mediator, salesIds, today, ct);
        await HistoryDemo.SeedAsync(mediator, salesIds, today, RemindersDemo.IssueDate(today), before: false, ct);
        await InvoicingDemo.SeedAsync(mediator, db, salesIds, ct);
        await ProjectDemo.SeedAsync(mediator, actor, signup.CompanyId, sales, (signup.UserId, admin.Name), salesIds.ScheduledOrder, today, ct);
        actor.Impersonate(signup.CompanyId, accountant.Id, accountant.Name);
        await ContractDemo.InvoiceDuePeriodsAsync(mediator, contracts, ct);
        logger.LogInformation("Demo company created with {Count} users, customers, products, opportunities, quotes and orders", Logins.Count);
    }
}
