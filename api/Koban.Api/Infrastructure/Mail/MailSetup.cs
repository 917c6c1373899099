namespace Koban.Api.Infrastructure.Mail;

public static class MailSetup
{
    /// <summary>The outbox, the dispatcher and (unless <paramref name="withSender"/> is false, e.g. during the build-time
    /// OpenAPI generation) the background sender.</summary>
    public static IServiceCollection AddKobanMail(this IServiceCollection services, IConfiguration configuration, bool withSender)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Koban:Smtp"));
        services.Configure<MailOptions>(configuration.GetSection("Koban:Mail"));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<MailOutbox>();
        if (withSender) services.AddHostedService<OutboxSenderService>();
        return services;
    }
}
