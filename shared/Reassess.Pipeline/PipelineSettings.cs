using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Reassess.Pipeline;

/// <summary>
/// Where the jobs read from: the workloads file, the price sheets and the usage drops, each as
/// <c>format=path</c> (a path is a file, or a folder whose <c>.csv</c>/<c>.json</c> files are all read). Relative paths
/// are taken from <see cref="ContentRoot"/>. Settings use the <c>Reassess__</c> prefix (<c>Reassess:</c> in JSON).
/// </summary>
public sealed record PipelineSettings
{
    public const string Section = "Reassess";

    public string ContentRoot { get; init; } = Directory.GetCurrentDirectory();
    public string WorkloadsPath { get; init; } = "samples/workloads.json";

    public IReadOnlyList<SourceSpec> PriceSources { get; init; } = SourceSpec.ParseList(
        "genai-prices=samples/prices/genai_prices_v2.json;overrides=samples/prices/overrides.csv", "PriceSources");

    /// <summary>The company's alias table (<c>alias,key</c>); empty for none. A missing file at the default path is no error.</summary>
    public string PriceAliasesPath { get; init; } = DefaultPriceAliasesPath;

    public const string DefaultPriceAliasesPath = "samples/prices/aliases.csv";

    public IReadOnlyList<SourceSpec> UsageSources { get; init; } = SourceSpec.ParseList(
        "csv=samples/usage-drops/usage;evals=samples/usage-drops/evals", "UsageSources");

    /// <summary>Full UTC days of usage before the assessment instant.</summary>
    public int WindowDays { get; init; } = 28;

    /// <summary>The teams file: where each team's and finance's messages go (Delivery/TeamsFileReader); empty sends nothing.</summary>
    public string TeamsPath { get; init; } = "";

    public static PipelineSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(Section);
        var defaults = new PipelineSettings();
        var windowText = section["WindowDays"];
        var windowDays = defaults.WindowDays;
        if (windowText is not null && (!int.TryParse(windowText, NumberStyles.None, CultureInfo.InvariantCulture, out windowDays) || windowDays is < 1 or > 366))
            throw new PipelineConfigurationException($"Setting {Section}__WindowDays is '{windowText}'; expected a whole number of days from 1 to 366 (default 28).");

        return new PipelineSettings
        {
            ContentRoot = contentRoot,
            WorkloadsPath = section["WorkloadsPath"] ?? defaults.WorkloadsPath,
            PriceSources = section["PriceSources"] is { } prices ? SourceSpec.ParseList(prices, "PriceSources") : defaults.PriceSources,
            PriceAliasesPath = section["PriceAliases"] ?? defaults.PriceAliasesPath,
            UsageSources = section["UsageSources"] is { } usage ? SourceSpec.ParseList(usage, "UsageSources") : defaults.UsageSources,
            WindowDays = windowDays,
            TeamsPath = section["TeamsPath"] ?? defaults.TeamsPath,
        };
    }

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(ContentRoot, path));
}

/// <summary>One configured source: which reader (<see cref="Format"/>) reads what (<see cref="Path"/>).</summary>
public sealed record SourceSpec(string Format, string Path)
{
    public static IReadOnlyList<SourceSpec> ParseList(string text, string settingName)
    {
        var specs = new List<SourceSpec>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0 || equals == part.Length - 1)
                throw new PipelineConfigurationException(
                    $"Setting {PipelineSettings.Section}__{settingName} has '{part}'; expected format=path entries separated by ';' (e.g. genai-prices=prices/data.json;overrides=prices/overrides.csv).");
            specs.Add(new SourceSpec(part[..equals].Trim().ToLowerInvariant(), part[(equals + 1)..].Trim()));
        }

        return specs;
    }
}

public sealed class PipelineConfigurationException(string message) : Exception(message);
