using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Koban.Api.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>A real SMTP server inside the test process (the SmtpServer package) on a free loopback port. Every message
/// the API delivers is parsed with MimeKit and kept, with its envelope, for assertions.</summary>
/// <remarks>No test host sends mail from a background timer (<see cref="ApiFactory.MailTo"/> switches the sender off):
/// a server <see cref="DeliveredBy"/> a host runs that host's outbox sender itself when a test waits for mail, so
/// what the test queued is delivered by the time the pass returns, however slow the machine.</remarks>
public sealed class TestSmtpServer : IAsyncDisposable
{
    /// <summary>Only a safety net: a driven sender delivers on its first pass.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private ApiFactory? _sender;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>A free port with nothing listening yet: the API can be pointed at it while the "server is down".</summary>
    public static TestSmtpServer Reserve()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestSmtpServer(port);
    }

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = Reserve();
        await server.StartListeningAsync();
        return server;
    }

    public async Task StartListeningAsync()
    {
        if (_server is not null) return;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("koban-test-smtp")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new RefuseRejectedMailboxes());
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        // Wait until the port accepts connections (the server binds it on a thread of its own).
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_running!.IsCompleted)
            {
                await Task.Delay(20);
            }
        }
    }

    public async Task StopListeningAsync()
    {
        if (_server is null) return;
        await _stop!.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _server = null;
    }

    /// <summary><see cref="WaitForAsync"/> and <see cref="DeliverQueuedAsync"/> run the outbox sender of
    /// <paramref name="host"/> (whose background sender is off) to deliver what is due.</summary>
    public TestSmtpServer DeliveredBy(ApiFactory host)
    {
        _sender = host;
        return this;
    }

    /// <summary>One pass of the driving host's outbox sender: every message due is delivered (or has failed) when it
    /// returns. Returns how many were sent.</summary>
    public Task<int> DeliverQueuedAsync() =>
        (_sender ?? throw new InvalidOperationException("This SMTP server is not driven by a host: call DeliveredBy."))
            .Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>The messages sent to <paramref name="recipient"/>, once there are at least <paramref name="count"/>.
    /// A driven server runs its host's sender first; otherwise the test has run the sender itself. The wait that follows
    /// only covers a delivery that failed and is retried, and fails the test after a minute.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string recipient, int count = 1)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var found = For(recipient);
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Expected {count} e-mail(s) to {recipient}, got {found.Count} after {Patience.TotalSeconds} s.");
            }
            if (_sender is null || await DeliverQueuedAsync() == 0) await Task.Delay(100);
        }
    }

    public IReadOnlyList<ReceivedMail> For(string recipient) =>
        [.. _received.Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync() => await StopListeningAsync();

    /// <summary>Recipients whose name starts with "rejected" are refused with a permanent 5xx, like an unknown mailbox.</summary>
    private sealed class RefuseRejectedMailboxes : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(SmtpServer.ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(SmtpServer.ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith("rejected", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(SmtpServer.ISessionContext context, SmtpServer.IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            owner._received.Enqueue(new ReceivedMail($"{transaction.From.User}@{transaction.From.Host}", recipients, message));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>A message as the SMTP server received it: the envelope (MAIL FROM / RCPT TO) and the parsed message.</summary>
public sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public string Text => Message.TextBody ?? string.Empty;

    /// <summary>The first link to the SPA in the text body.</summary>
    public string Link(string path)
    {
        var match = System.Text.RegularExpressions.Regex.Match(Text, $@"https?://\S+/{path}#token=[A-Za-z0-9_\-]+");
        match.Success.ShouldBeTrue($"no /{path} link in: {Text}");
        return match.Value;
    }

    public string Token(string path) => Link(path).Split("#token=")[1];
}
