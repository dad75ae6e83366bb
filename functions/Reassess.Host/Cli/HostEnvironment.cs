using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Reassess.Host.Cli;

/// <summary>
/// Settings and logging the way the Functions host has them: <c>local.settings.json</c> "Values" (when present in the
/// working folder), then environment variables (<c>Reassess__WindowDays</c>, <c>AzureWebJobsStorage</c>, …).
/// </summary>
public static class HostEnvironment
{
    public const string LocalSettingsFile = "local.settings.json";

    public static IConfiguration LoadConfiguration(string contentRoot) =>
        new ConfigurationBuilder().AddInMemoryCollection(LocalSettings(contentRoot)).AddEnvironmentVariables().Build();

    /// <summary>The "Values" of <c>local.settings.json</c> in <paramref name="contentRoot"/>, when there is one.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> LocalSettings(string contentRoot)
    {
        var path = Path.Combine(contentRoot, LocalSettingsFile);
        return File.Exists(path) ? ReadValues(path).ToList() : [];
    }

    /// <summary>Progress goes to stderr so that stdout stays the command's answer (the what-if JSON, for one).</summary>
    public static ILoggerFactory CreateLoggerFactory() => LoggerFactory.Create(logging => logging
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("Azure", LogLevel.Warning)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.UseUtcTimestamp = true;
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        })
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));

    private static IEnumerable<KeyValuePair<string, string?>> ReadValues(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object) yield break;
        foreach (var value in values.EnumerateObject())
            // Functions settings spell sections with "__"; configuration wants ':'.
            yield return new(value.Name.Replace("__", ":", StringComparison.Ordinal), value.Value.ToString());
    }
}
