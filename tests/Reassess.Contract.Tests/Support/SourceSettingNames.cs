using Reassess.Pipeline.Jobs;
using System.Text.RegularExpressions;
using Reassess.Pipeline;

namespace Reassess.Contract.Tests.Support;

/// <summary>A setting name the code reads or names, and where.</summary>
public sealed record SettingUse(string Name, string File, int Line)
{
    public override string ToString() => $"{Name} ({File}:{Line})";
}

/// <summary>
/// Finds the setting names the C# code reads or tells people to set: literal configuration keys
/// (<c>configuration["X"]</c>, <c>section["X"]</c> of the <c>Reassess</c> section, <c>names[nameof(X)]</c> of the
/// <c>Storage</c> section), environment variables (<c>GetEnvironmentVariable("X")</c>, <c>Setting("X")</c>) and every
/// <c>Reassess__X</c>, <c>Storage__X</c> or <c>AzureWebJobsStorage__x</c> a message or comment names. Names built from
/// constants (<c>StorageSettings.Keys</c>, <c>WebJobsHosts.HostIdSetting</c>, <c>JobTimers</c> schedule settings)
/// are checked by their own tests.
/// </summary>
public static class SourceSettingNames
{
    /// <summary>Other spellings of a catalog setting, with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        // ASPNETCORE_URLS reaches configuration as "urls" (the ASPNETCORE_ prefix is stripped), as does --urls.
        ["urls"] = "ASPNETCORE_URLS",
    };

    private static readonly (Regex Pattern, Func<Match, IEnumerable<string>> Names)[] Patterns =
    [
        (new(@"\b(?<name>(?:Reassess|Storage)__[A-Za-z0-9]+)"), m => [m.Groups["name"].Value]),
        (new(@"\b(?<name>AzureWebJobsStorage__[A-Za-z]{2,})"), m => [m.Groups["name"].Value]),
        (new(@"\b(?:section|Section\(\)|GetSection\(PipelineSettings\.Section\))\[""(?<key>[A-Za-z0-9]+)""\]"), m => [$"{PipelineSettings.Section}__{m.Groups["key"].Value}"]),
        (new(@"\bWhole\(section, ""(?<key>[A-Za-z0-9]+)"""), m => [$"{PipelineSettings.Section}__{m.Groups["key"].Value}"]),
        (new(@"\bnames\[nameof\((?<key>[A-Za-z0-9]+)\)\]"), m => [$"Storage__{m.Groups["key"].Value}"]),
        (new(@"(?i:configuration)\[""(?<key>[^""{}]+)""\]"), m => [Normalise(m.Groups["key"].Value)]),
        (new(@"(?i:configuration)\[\$""(?<key>[^""]+)""\]"), m => Expand(m.Groups["key"].Value)),
        (new(@"\bGetEnvironmentVariable\(""(?<name>[^""]+)""\)"), m => [m.Groups["name"].Value]),
        (new(@"\bSetting\(""(?<name>[A-Za-z_][A-Za-z0-9_]*)""\)"), m => [m.Groups["name"].Value]),
        (new(@"\bTimerTrigger\(""%(?<name>[A-Za-z0-9_]+)%""\)"), m => [m.Groups["name"].Value]),
    ];

    public static IReadOnlyList<SettingUse> Find(IEnumerable<SourceFile> files)
    {
        var uses = new List<SettingUse>();
        foreach (var file in files)
        {
            foreach (var (pattern, names) in Patterns)
            {
                foreach (Match match in pattern.Matches(file.Text))
                {
                    var line = 1 + file.Text.AsSpan(0, match.Index).Count('\n');
                    uses.AddRange(names(match).Select(n => new SettingUse(Aliases.GetValueOrDefault(n, n), file.Path, line)));
                }
            }
        }

        return uses;
    }

    /// <summary>The same setting in any spelling: sections joined by <c>__</c>, <c>:</c> or (Azure's function switches) <c>.</c>.</summary>
    public static string Key(string name) => name.Replace("__", ":", StringComparison.Ordinal).Replace('.', ':').ToLowerInvariant();

    /// <summary>A configuration path as an app setting name: <c>Reassess:Scheduler</c> → <c>Reassess__Scheduler</c>.</summary>
    private static string Normalise(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>An interpolated key with the placeholders the code uses filled in (every timer for <c>{function.Name}</c>).</summary>
    private static IEnumerable<string> Expand(string template)
    {
        var key = template.Replace("{PipelineSettings.Section}", PipelineSettings.Section, StringComparison.Ordinal)
            .Replace("{StorageSettings.Keys.Section}", "Storage", StringComparison.Ordinal);
        if (key.Contains("{function.Name}", StringComparison.Ordinal))
            return JobTimers.All.Select(t => Normalise(key.Replace("{function.Name}", t.Name, StringComparison.Ordinal)));
        return key.Contains('{') ? [$"(unresolved) {template}"] : [Normalise(key)];
    }
}
