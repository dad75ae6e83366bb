using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Reassess.Pipeline.Tests.Delivery;

/// <summary>Every log line of every category, with its exception, so a test can look for a secret in all of them.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string All => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue($"[{category} {logLevel}] {formatter(state, exception)} {Values(state)} {exception}");

        /// <summary>The structured values too: a value the message template leaves out still reaches a log store.</summary>
        private static string Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(" ", values.Select(v => $"{v.Key}={v.Value}")) : "";
    }
}
