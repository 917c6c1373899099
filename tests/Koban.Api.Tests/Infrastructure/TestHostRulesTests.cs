using Koban.Api.Features.Invoicing;
using Koban.Api.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>The rules that keep the API tests independent of the machine's speed: no test host delivers mail or retries
/// archiving from a background timer; tests run those passes themselves.</summary>
public sealed class TestHostRulesTests
{
    [Test]
    public void A_test_host_that_can_reach_an_SMTP_server_must_leave_the_sending_to_the_test()
    {
        var settings = ApiFactory.MailTo(TestSmtpServer.Reserve());
        settings["Koban:Mail:SenderEnabled"].ShouldBe("false");
        Should.NotThrow(() => ApiFactory.EnsureNoBackgroundMailSender(settings));

        settings["Koban:Mail:SenderEnabled"] = "true";
        Should.Throw<InvalidOperationException>(() => ApiFactory.EnsureNoBackgroundMailSender(settings));
        settings.Remove("Koban:Mail:SenderEnabled");
        Should.Throw<InvalidOperationException>(() => ApiFactory.EnsureNoBackgroundMailSender(settings));

        var noSmtp = new Dictionary<string, string?> { ["Koban:Database:Migrate"] = "false" };
        Should.NotThrow(() => ApiFactory.EnsureNoBackgroundMailSender(noSmtp), "without an SMTP host the sender delivers nothing");
    }

    [Test]
    public void The_shared_host_neither_sends_mail_nor_archives_in_the_background()
    {
        var services = ApiTestSetup.Factory.Services;
        services.GetRequiredService<IOptions<MailOptions>>().Value.SenderEnabled.ShouldBeFalse();
        services.GetServices<IHostedService>().ShouldNotContain(s => s is ArchiveWorker);
    }
}
