using Microsoft.Extensions.Options;

namespace Koban.Api.Infrastructure.Mail;

/// <summary>Runs <see cref="OutboxDispatcher"/> every <c>Koban:Mail:PollSeconds</c>, or at once when this process has
/// just queued a mail. Off when <c>Koban:Mail:SenderEnabled</c> is false; never registered during the build-time
/// OpenAPI generation.</summary>
public sealed class OutboxSenderService(OutboxDispatcher dispatcher, OutboxSignal signal, TimeProvider clock, IOptions<MailOptions> options,
    ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
        {
            logger.LogInformation("The e-mail sender is disabled (Koban:Mail:SenderEnabled=false): mail stays queued");
            return;
        }
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The e-mail sender failed; it will try again");
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(poll, clock, wake.Token);
            var signalled = signal.WaitAsync(wake.Token);
            await Task.WhenAny(delay, signalled);
            await wake.CancelAsync();
            await Task.WhenAll(delay, signalled).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
