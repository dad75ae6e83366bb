using System.Text.Json;

namespace Reassess.Functions.Tests;

/// <summary>One function as the worker SDK's build wrote it into <c>functions.metadata</c>, the file the Functions host indexes.</summary>
public sealed record FunctionEntry(string Name, string EntryPoint, string TriggerType, string? Schedule, string? Route, IReadOnlyList<string> Methods, string? AuthLevel)
{
    /// <summary>The metadata the Functions project's build wrote (copied beside this test assembly with the worker's output).</summary>
    public static IReadOnlyList<FunctionEntry> ReadBuilt()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Functions project's build writes it (Microsoft.Azure.Functions.Worker.Sdk).");
        return Read(File.ReadAllText(path));
    }

    public static IReadOnlyList<FunctionEntry> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionEntry(
                function.GetProperty("name").GetString()!,
                function.GetProperty("entryPoint").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Text(trigger, "schedule"),
                Text(trigger, "route"),
                trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToList() : [],
                Text(trigger, "authLevel"));
        }).ToList();
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;
}
