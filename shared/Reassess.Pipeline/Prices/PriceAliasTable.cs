using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Pipeline.Prices;

/// <summary>Loads the configured alias table (<see cref="PipelineSettings.PriceAliasesPath"/>).</summary>
public static class PriceAliasTable
{
    /// <summary>The table, with its bad rows; none when the setting is empty, or when the default file is absent.</summary>
    public static async Task<(PriceAliases Aliases, IReadOnlyList<InputProblem> Problems)> LoadAsync(PipelineSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.PriceAliasesPath)) return (PriceAliases.None, []);
        var path = settings.Resolve(settings.PriceAliasesPath);
        if (!File.Exists(path))
            return settings.PriceAliasesPath == PipelineSettings.DefaultPriceAliasesPath
                ? (PriceAliases.None, [])
                : (PriceAliases.None, [new InputProblem(path, "", "does not exist; check Reassess__PriceAliases (empty for no alias table). Prices are stored under their sheets' own keys.")]);

        try
        {
            await using var file = File.OpenRead(path);
            return await PriceAliasSheet.ReadAsync(file, path, cancellationToken);
        }
        catch (InputRejectedException e)
        {
            return (PriceAliases.None, [e.Problem with { Message = $"{e.Problem.Message} — alias table not used; prices are stored under their sheets' own keys." }]);
        }
    }
}
