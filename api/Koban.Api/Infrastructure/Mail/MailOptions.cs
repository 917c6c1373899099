namespace Koban.Api.Infrastructure.Mail;

/// <summary>The SMTP server outgoing mail goes through (<c>Koban:Smtp:*</c>). Without a host, mail stays queued.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Require TLS: implicit TLS on port 465, STARTTLS on any other port. False sends in clear (local catchers).</summary>
    public bool UseTls { get; set; }

    /// <summary>The sender address of every mail; the display name is the company's.</summary>
    public string From { get; set; } = "noreply@koban.localhost";
}

/// <summary>Behaviour of the outbox sender (<c>Koban:Mail:*</c>).</summary>
public sealed class MailOptions
{
    /// <summary>Run the background sender in this process. Tests that drive the outbox themselves turn it off.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the sender looks for due mail when nothing wakes it up earlier.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Attempts before a message is marked Failed (it can still be retried by hand).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delay after the first failure; it doubles at each further failure, up to <see cref="RetryMaxMinutes"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public double RetryMaxMinutes { get; set; } = 60;

    /// <summary>How long a claimed message stays reserved for the instance sending it; after that another instance may
    /// take it again (the instance probably died mid-send), with the same Message-ID.</summary>
    public double LeaseMinutes { get; set; } = 5;

    /// <summary>SMTP connect/command timeout.</summary>
    public double SmtpTimeoutSeconds { get; set; } = 60;

    /// <summary>Base URL of the SPA used in links sent by mail (<c>Koban:PublicUrl</c>, read separately).</summary>
    public const string PublicUrlKey = "Koban:PublicUrl";

    public const string DefaultPublicUrl = "http://127.0.0.1:5080";
}
