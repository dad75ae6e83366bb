namespace Reassess.Pipeline.Delivery;

/// <summary>
/// How hard a webhook delivery tries. The defaults suit a weekly message: a few attempts over about a minute, since a
/// channel that is still failing then is marked failed and retried by the next run (or <c>--resend</c>) rather than
/// holding up every other team's message.
/// </summary>
public sealed record WebhookSendOptions
{
    /// <summary>Per attempt, from sending to the whole answer: a server that hangs costs this much, then it is retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in all, the first included. Retried: 408, 429, 5xx, timeouts and connections that failed.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; it doubles each time (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest <c>Retry-After</c> honoured; a webhook asking for more fails the delivery at once, to be retried by the next run.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
}
