using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;

namespace Reassess.Functions.Tests;

/// <summary>
/// A private copy of the repo's <c>samples/</c> that a test may break on purpose, and the app settings that point a
/// host at it and at its own tables and containers, as app settings would in Azure (absolute paths, storage connection).
/// </summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Directory.CreateTempSubdirectory("reassess-functions-").FullName;
        var samples = Path.Combine(RepositoryRoot.Find(), "samples");
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, "samples", Path.GetRelativePath(samples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Extra price sources (<c>format=relative path</c>) read after the samples' own.</summary>
    public List<string> ExtraPriceSources { get; } = [];

    /// <summary>The settings of a host over this workspace and <paramref name="storage"/> (configuration keys, ':' for '__').</summary>
    public Dictionary<string, string?> Settings(StorageSettings storage) => new()
    {
        ["AzureWebJobsStorage"] = storage.ConnectionString,
        ["Storage:NamePrefix"] = storage.NamePrefix,
        // Locks and timer status live in the shared azure-webjobs-hosts container, kept apart by host id.
        ["AzureFunctionsWebHost:hostid"] = storage.NamePrefix.ToLowerInvariant(),
        ["Reassess:WorkloadsPath"] = PathOf("samples/workloads.json"),
        ["Reassess:PriceSources"] = string.Join(";", new[]
        {
            $"genai-prices={PathOf("samples/prices/genai_prices_v2.json")}", $"overrides={PathOf("samples/prices/overrides.csv")}",
        }.Concat(ExtraPriceSources.Select(s => s[..(s.IndexOf('=') + 1)] + PathOf(s[(s.IndexOf('=') + 1)..])))),
        ["Reassess:PriceAliases"] = PathOf("samples/prices/aliases.csv"),
        ["Reassess:UsageSources"] = $"csv={PathOf("samples/usage-drops/usage")};evals={PathOf("samples/usage-drops/evals")}",
        ["Reassess:Scheduler"] = "off",
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
