using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Reassess.Host.Tests.Scheduling;

/// <summary>Scheduler logs in the test's output, so a failing test shows what each host did.</summary>
internal sealed class XunitLogger(ITestOutputHelper output, string name) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"[{name} {logLevel}] {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
        catch (InvalidOperationException)
        {
            // the test already finished; a background loop logged late
        }
    }
}
