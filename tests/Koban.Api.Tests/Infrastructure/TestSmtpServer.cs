using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Koban.Api.Tests.Infrastructure;

/// <summary>A real SMTP server inside the test process (the SmtpServer package) on a free loopback port. Every message
/// the API delivers is parsed with MimeKit and kept, with its envelope, for assertions.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

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
        // Wait until the port accepts connections.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
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

    /// <summary>Waits for the messages sent to <paramref name="recipient"/> (at least <paramref name="count"/>).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = For(recipient);
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Expected {count} e-mail(s) to {recipient} within the timeout, got {found.Count}.");
            }
            await Task.Delay(50);
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
