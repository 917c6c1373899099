using System.Globalization;
using System.Reflection;
using System.Threading.RateLimiting;
using FluentValidation;
using Koban.Api.Demo;
using Koban.Api.Features.Accounting;
using Koban.Api.Features.ApiKeys;
using Koban.Api.Features.Audit;
using Koban.Api.Features.Auth;
using Koban.Api.Features.Companies;
using Koban.Api.Features.Contracts;
using Koban.Api.Features.Customers;
using Koban.Api.Features.DocumentTemplates;
using Koban.Api.Features.Emails;
using Koban.Api.Features.Invoicing;
using Koban.Api.Features.Numbering;
using Koban.Api.Features.Payments;
using Koban.Api.Features.Products;
using Koban.Api.Features.Reminders;
using Koban.Api.Features.Sales;
using Koban.Api.Features.Signup;
using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Accounting;
using Koban.Api.Infrastructure.Audit;
using Koban.Api.Infrastructure.Documents;
using Koban.Api.Infrastructure.Mail;
using Koban.Api.Infrastructure.Mediator;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Scheduling;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Api.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;

// The build-time OpenAPI generator runs this file: it must not touch the database or start background work.
var isOpenApiBuild = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

if (!builder.Environment.IsDevelopment())
{
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(o =>
    {
        o.IncludeScopes = true;
        o.UseUtcTimestamp = true;
    });
}

builder.Services.Configure<DatabaseOptions>(configuration.GetSection("Koban:Database"));
var secureTransport = TransportSecurity.IsSecureTransport(configuration, builder.Environment);
builder.Services.AddKobanForwardedHeaders(configuration);
builder.Services.Configure<SignupOptions>(configuration.GetSection("Koban:Signup"));
builder.Services.Configure<Koban.Api.Infrastructure.Web.ListTuning>(configuration.GetSection("Koban:Lists"));
builder.Services.AddSingleton<Koban.Api.Infrastructure.Web.DenseFilterMemory>();
builder.Services.Configure<LegalOptions>(configuration.GetSection("Koban:Legal"));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentActor>();
builder.Services.AddSingleton<CompanySessionInterceptor>();
builder.Services.AddScoped<CommitTracker>();
builder.Services.AddSingleton<CommitTrackingInterceptor>();
builder.Services.AddScoped<DatabaseSession>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddScoped<DocumentNumbers>();
builder.Services.AddSales();
Koban.Api.Features.Contracts.ContractsServices.AddContracts(builder.Services);
Koban.Api.Features.Projects.ProjectsServices.AddProjects(builder.Services);
builder.Services.AddScoped<Koban.Api.Infrastructure.Tenancy.CompanyClock>();
builder.Services.AddScoped<Koban.Api.Features.Invoicing.BillingService>();
builder.Services.AddScoped<Koban.Api.Features.Invoicing.InvoicingReader>();
builder.Services.AddScoped<Koban.Api.Features.Deliveries.DeliveriesReader>();
builder.Services.AddScoped<Koban.Api.Features.Deliveries.DeliveryNoteTransition>();
builder.Services.AddScoped<Koban.Api.Features.Deliveries.DeliveryNotePdf>();
builder.Services.AddScoped<Koban.Api.Features.Common.DocumentMailer>();
builder.Services.AddScoped<Koban.Api.Infrastructure.Accounting.AccountingBooks>();
builder.Services.AddScoped<Koban.Api.Features.Payments.ReceivablesLedger>();
builder.Services.AddScoped<Koban.Api.Features.Payments.PaymentsReader>();
builder.Services.AddScoped<Koban.Api.Features.Reminders.RemindersReader>();
builder.Services.AddScoped<Koban.Api.Features.Receivables.ReceivablesReader>();
builder.Services.AddScoped<Koban.Api.Features.Dashboard.DashboardReader>();
builder.Services.AddScoped<Koban.Api.Features.Invoicing.DocumentArchiver>();
builder.Services.AddScoped<Koban.Api.Features.Invoicing.IBillingValidationHook>(s => s.GetRequiredService<Koban.Api.Features.Invoicing.DocumentArchiver>());
builder.Services.AddSingleton<Koban.Api.Features.Invoicing.ArchiveWorker>();
if (!isOpenApiBuild && configuration.GetValue("Koban:Archive:Worker", true))
{
    builder.Services.AddHostedService(s => s.GetRequiredService<Koban.Api.Features.Invoicing.ArchiveWorker>());
}
builder.Services.AddScoped<DocumentTemplateService>();
builder.Services.AddScoped<Koban.Api.Features.Compliance.ClosureService>();
builder.Services.AddScoped<AccountTokens>();
builder.Services.AddKobanMail(configuration, withSender: !isOpenApiBuild);
builder.Services.Configure<Koban.Api.Features.Accounting.AccountingExportSettings>(configuration.GetSection("Koban:AccountingExport"));
builder.Services.AddSingleton<Koban.Api.Features.Accounting.AccountingExportSignal>();
builder.Services.AddSingleton<Koban.Api.Features.Accounting.AccountingExportRunner>();
if (!isOpenApiBuild && configuration.GetValue("Koban:AccountingExport:Worker", true)) builder.Services.AddHostedService<Koban.Api.Features.Accounting.AccountingExportWorker>();
builder.Services.Configure<Koban.Api.Features.Receivables.ReceivableTotalsSettings>(configuration.GetSection("Koban:ReceivableTotals"));
builder.Services.AddSingleton<Koban.Api.Features.Receivables.ReceivableTotalsCompactor>();
if (!isOpenApiBuild && configuration.GetValue("Koban:ReceivableTotals:Worker", true)) builder.Services.AddHostedService<Koban.Api.Features.Receivables.ReceivableTotalsWorker>();

var connectionString = DatabaseSetup.AppConnectionString(configuration);
// The options are built once (singleton): the interceptors are shared and reach the request's actor, session and commit
// tracker through the context they intercept. Contexts are pooled, so a scope no longer builds EF's internal services;
// each scope leases one and hands it its actor, clock, session and commit tracker (disposing the scope returns it).
builder.Services.AddPooledDbContextFactory<KobanDbContext>((services, options) => options
    .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
    .UseSnakeCaseNamingConvention()
    .AddInterceptors(services.GetRequiredService<CompanySessionInterceptor>())
    .AddInterceptors(services.GetRequiredService<CommitTrackingInterceptor>()));
builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<KobanDbContext>>().CreateDbContext().Lease(
    services.GetRequiredService<CurrentActor>(), services.GetRequiredService<TimeProvider>(),
    services.GetRequiredService<DatabaseSession>(), services.GetRequiredService<CommitTracker>()));

builder.Services.AddIdentityCore<KobanUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = PasswordRules.MinimumLength;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<KobanDbContext>()
    .AddSignInManager()
    .AddPasswordValidator<PasswordRules.PolicyValidator>();

builder.Services.AddKobanAuthentication();
builder.Services.AddAuthorization();
builder.Services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
builder.Services.AddAntiforgery(o =>
{
    o.HeaderName = RequestPipeline.CsrfHeader;
    o.Cookie.Name = "koban.af";
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure always in Production: UseTransportSecurity
});

var limits = configuration.GetSection("Koban:RateLimits");
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.OnRejected = async (context, _) =>
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(context.HttpContext, Problems.Create(StatusCodes.Status429TooManyRequests, ApiErrorCodes.RateLimited));
    };
    // Per API key, per user, else per client address: one noisy integration cannot starve the others.
    o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
    {
        var key = http.User.FindFirst(KobanClaims.ApiKeyId)?.Value is { } apiKey ? $"key:{apiKey}"
            : http.User.FindFirst(KobanClaims.UserId)?.Value is { } user ? $"user:{user}"
            : $"ip:{http.Connection.RemoteIpAddress}";
        var perMinute = limits.GetValue("PerMinute", 600);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    });
    o.AddPolicy(AuthEndpoints.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
        $"login:{http.Connection.RemoteIpAddress}",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.GetValue("LoginPerMinute", 20), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
});

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsMapping.Complete);
builder.Services.AddExceptionHandler<ProblemDetailsMapping>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o => InputGuard.Configure(o.SerializerOptions));
builder.Services.ConfigureHttpJsonOptions(o => DecimalScale.Configure(o.SerializerOptions));
builder.Services.AddRequestLocalization(o =>
{
    string[] cultures = ["fr-FR", "fr", "en-GB", "en"];
    o.SetDefaultCulture("fr-FR").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    o.FallBackToParentUICultures = true;
    o.FallBackToParentCultures = true;
    o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
});

builder.Services.AddMediator(o =>
{
    o.ServiceLifetime = ServiceLifetime.Scoped;
    o.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
ValidatorOptions.Global.LanguageManager.Enabled = true;

builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddKobanOpenApi();
if (!isOpenApiBuild && configuration.GetValue("Koban:Idempotency:Cleanup", true)) builder.Services.AddHostedService<IdempotencyCleanup>();
builder.Services.AddSingleton<ReminderRunner>();
builder.Services.AddScoped<ReminderService>();
builder.Services.AddSingleton<Koban.Api.Features.Contracts.ContractBillingRunner>();
builder.Services.AddScoped<Koban.Api.Features.Contracts.ContractBillingReader>();
builder.Services.AddScoped<Koban.Api.Features.Contracts.ContractNoticeMail>();
builder.Services.AddKobanScheduling(configuration, isOpenApiBuild,
    [
        new ScheduledJob(typeof(ReminderJob), ReminderJob.Name, configuration["Koban:Reminders:Cron"] ?? ReminderJob.DefaultCron),
        new ScheduledJob(typeof(Koban.Api.Features.Contracts.ContractBillingJob), Koban.Api.Features.Contracts.ContractBillingJob.Name,
            configuration["Koban:Contracts:BillingCron"] ?? Koban.Api.Features.Contracts.ContractBillingJob.DefaultCron),
    ]);
if (!isOpenApiBuild && configuration.GetValue("Koban:Compliance:AutoClose", true)) builder.Services.AddHostedService<Koban.Api.Features.Compliance.AutoClosureJob>();

builder.WebHost.ConfigureKestrel(k =>
{
    // Kestrel answers its own limits with an empty page: its limits sit above InputGuard's, which answer a problem document.
    k.Limits.MaxRequestLineSize = InputGuard.MaxRequestTargetLength * 4;
    k.Limits.MaxRequestHeadersTotalSize = InputGuard.MaxHeadersLength * 2;
});

var app = builder.Build();

// Forwarded headers first (from the configured proxies only): everything after sees the client's scheme and address;
// in Production every cookie written after this point is Secure.
app.UseTransportSecurity(secureTransport);
// Localization next: problem titles written by the exception handler are in the caller's language.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseProblemStatusPages();
app.UseInputGuard();
app.UseSecurityHeaders(secureTransport);

var spaRoot = configuration["Koban:SpaRoot"];
IFileProvider? spaFiles = !string.IsNullOrEmpty(spaRoot) && Directory.Exists(spaRoot) ? new PhysicalFileProvider(Path.GetFullPath(spaRoot))
    : app.Environment.WebRootPath is { } webRoot && File.Exists(Path.Combine(webRoot, "index.html")) ? app.Environment.WebRootFileProvider
    : null;
if (spaFiles is not null) app.UseSpaStaticFiles(spaFiles);

app.UseRouting();
app.UseMiddleware<RequestDatabaseConnection>();
app.UseAuthentication();
app.UseRateLimiter();
app.UseCsrfProtection();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi("/openapi/{documentName}.yaml").AllowAnonymous().ExcludeFromDescription();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Koban API v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "Koban API";
    o.EnableTryItOutByDefault();
});
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous().DisableRateLimiting();

// Every feature endpoint gets the shared input rules (NUL, dates, arrays, enums, UTC instants), and a failure after its
// change committed is never answered as an error (CommittedRequests).
var api = app.MapGroup("").WithInputGuard().TrackCommits();
api.MapAuthEndpoints();
api.MapSignupEndpoint();
api.MapCompanyEndpoints();
api.MapUsersEndpoints();
api.MapApiKeysEndpoints();
api.MapAuditEndpoints();
Koban.Api.Features.Dashboard.DashboardEndpoints.MapDashboardEndpoints(api);
api.MapNumberingEndpoints();
Koban.Api.Features.Numbering.NumberingEndpoints.MapIssueDateRangeEndpoint(api);
api.MapCustomersEndpoints();
api.MapProductsEndpoints();
api.MapVatTreatmentsEndpoint();
api.MapOpportunitiesEndpoints();
api.MapQuotesEndpoints();
api.MapOrdersEndpoints();
api.MapInvoicingEndpoints();
Koban.Api.Features.Contracts.ContractsEndpoints.MapContractsEndpoints(api);
Koban.Api.Features.Projects.ProjectsEndpoints.MapProjectsEndpoints(api);
Koban.Api.Features.Deliveries.DeliveriesEndpoints.MapDeliveriesEndpoints(api);
api.MapRemindersEndpoints();
api.MapPaymentsEndpoints();
api.MapAccountingEndpoints();
Koban.Api.Features.Compliance.ComplianceEndpoints.MapComplianceEndpoints(api);
Koban.Api.Features.Receivables.ReceivablesEndpoints.MapReceivablesEndpoints(api);
api.MapDocumentTemplatesEndpoints();
api.MapSalesPdfEndpoints();
api.MapBillingPdfEndpoints();
api.MapInvoicingEmailEndpoints();
api.MapSalesEmailEndpoints();
api.MapEmailsEndpoints();
Koban.Api.Features.Accounting.AccountingExportsEndpoints.MapAccountingExportsEndpoints(api);
api.MapInvitationEndpoints();
api.MapPasswordResetEndpoints();

// Unknown API paths answer a problem 404, never the SPA's index.html.
app.Map("/api/{**path}", InputGuard.UnmatchedApiPathAsync)
    .AllowAnonymous().ExcludeFromDescription();
if (spaFiles is not null) app.MapSpaFallback(spaFiles);

if (!isOpenApiBuild)
{
    var startupLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Koban.Startup");
    if (configuration.GetValue<bool>("Koban:Database:Migrate"))
    {
        await DatabaseSetup.MigrateAndSecureAsync(app.Services, CancellationToken.None);
        startupLogger.LogInformation("Database migrated and secured");
    }
    if (configuration.GetValue<bool>("Koban:Demo:Seed"))
    {
        await DemoSeeder.SeedAsync(app.Services, startupLogger, CancellationToken.None);
    }
}

await app.RunAsync();

/// <summary>Readiness: the database answers.</summary>
internal sealed class DatabaseHealthCheck(KobanDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}

public partial class Program;
