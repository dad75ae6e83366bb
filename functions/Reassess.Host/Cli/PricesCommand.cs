using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Text.Json;
using Reassess.Core.Ingestion;
using Reassess.Core.Json;
using Reassess.Core.Prices;
using Reassess.Pipeline;
using Reassess.Pipeline.Prices;
using Reassess.Sources;
using Reassess.Sources.Http;
using Reassess.Storage.Configuration;
using Reassess.Storage.Prices;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess prices import --format F PATH_OR_URL [--json]</c>: reads one price sheet as the refresh job does and prints
/// its canonical records (stdout) and a summary of what was parsed, skipped and rejected (stderr); stores nothing.
/// <c>reassess prices show KEY [--history] [--json]</c>: what storage holds for a key (alias resolved).
/// </summary>
public static class PricesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = $"The sheet's format: {string.Join(", ", PriceImport.Formats)}.", Required = true };
        format.AcceptOnlyFromAmong([.. PriceImport.Formats]);
        var input = new Argument<string>("PATH_OR_URL") { Description = "A file, or an http(s) URL (the Azure Retail Prices API is followed page by page)." };
        var json = new Option<bool>("--json") { Description = "Print the records as a JSON array (the price record contract) instead of a table." };
        var import = new Command("import", "Read one price sheet and print its canonical price records; stores nothing.") { format, input, json };
        import.SetAction((parse, ct) => ImportAsync(parse.GetValue(format)!, parse.GetValue(input)!, parse.GetValue(json), ct));

        var key = new Argument<string>("KEY") { Description = "A price key provider/model, or any name the alias table knows (claude-haiku-4-5)." };
        var history = new Option<bool>("--history") { Description = "Every stored price of the key, latest first, with source and sheet version." };
        var showJson = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var show = new Command("show", "Show the stored price of a key now, or its whole history.") { key, history, showJson };
        show.SetAction((parse, ct) => ShowAsync(parse.GetValue(key)!, parse.GetValue(history), parse.GetValue(showJson), ct));

        return new Command("prices", "Price sheets: read one as Reassess would, or see what storage holds for a model.") { import, show };
    }

    /// <summary>The alias table the refresh job uses (Reassess__PriceAliases), for commands that take names.</summary>
    internal static async Task<PriceAliases> AliasesAsync(PipelineSettings settings, CancellationToken cancellationToken)
    {
        var (aliases, problems) = await PriceAliasTable.LoadAsync(settings, cancellationToken);
        foreach (var problem in problems) await Console.Error.WriteLineAsync($"aliases: {problem}");
        return aliases;
    }

    private static async Task<int> ImportAsync(string format, string input, bool json, CancellationToken cancellationToken)
    {
        try
        {
            var contentRoot = Directory.GetCurrentDirectory();
            var configuration = HostEnvironment.LoadConfiguration(contentRoot);
            var settings = PipelineSettings.FromConfiguration(configuration, contentRoot);
            var aliases = await AliasesAsync(settings, cancellationToken);
            var where = SourceLocation.Of(input).Resolved(Path.GetFullPath);
            using var loggers = HostEnvironment.CreateLoggerFactory();
            await using var services = CliServices.Sources(configuration, loggers);
            var options = services.GetRequiredService<PriceRefreshOptions>() with { Http = new HttpPullOptions { OnRetry = line => Console.Error.WriteLine(line) } };

            var imported = await new PriceImport(TimeProvider.System, options).RunAsync(format, where, aliases, cancellationToken);
            await using (var stdout = Console.OpenStandardOutput())
            {
                if (json) await WriteJsonAsync(stdout, imported.Result.Records, cancellationToken);
                else await WriteTableAsync(stdout, imported.Result.Records);
            }

            foreach (var line in imported.Summary()) await Console.Error.WriteLineAsync(line);
            return 0;
        }
        catch (InputRejectedException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Problem} — nothing in the sheet was used.");
            return 1;
        }
        catch (Exception e) when (e is HttpPullException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (PipelineConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> ShowAsync(string name, bool history, bool json, CancellationToken cancellationToken)
    {
        try
        {
            var contentRoot = Directory.GetCurrentDirectory();
            var configuration = HostEnvironment.LoadConfiguration(contentRoot);
            var settings = PipelineSettings.FromConfiguration(configuration, contentRoot);
            var key = (await AliasesAsync(settings, cancellationToken)).Resolve(name);
            if (!PriceKey.TryParse(key, out _, out _))
            {
                await Console.Error.WriteLineAsync($"error: '{name}' is not a price key (provider/model) and the alias table does not know it.");
                return 2;
            }

            await using var storage = await CliStorage.OpenAsync(configuration, line => Console.Error.WriteLine(line), cancellationToken);
            var store = new PriceStore(storage.Account);
            IReadOnlyList<PriceRecord> records = history
                ? await store.GetHistoryAsync(key, cancellationToken)
                : await store.GetInForceAsync(key, TimeProvider.System.GetUtcNow(), cancellationToken) is { } current ? [current] : [];
            if (records.Count == 0)
            {
                await Console.Error.WriteLineAsync($"No price stored for {key}{(key != PriceKey.Normalize(name) ? $" ('{name}' resolved by the alias table)" : "")}; run RefreshPrices (reassess run) with a sheet that prices it.");
                return 1;
            }

            if (key != PriceKey.Normalize(name)) await Console.Error.WriteLineAsync($"'{name}' is stored as {key}.");
            await using var stdout = Console.OpenStandardOutput();
            if (json) await WriteJsonAsync(stdout, records, cancellationToken);
            else await WriteTableAsync(stdout, records);
            return 0;
        }
        catch (Exception e) when (e is PipelineConfigurationException or StorageConfigurationException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }

    internal static async Task WriteJsonAsync(Stream output, IReadOnlyList<PriceRecord> records, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(output, records, ReassessJson.Options, cancellationToken);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>One line per record: key, effective date, the prices it states, source and sheet version.</summary>
    private static async Task WriteTableAsync(Stream output, IReadOnlyList<PriceRecord> records)
    {
        await using var text = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
        foreach (var r in records)
        {
            var prices = string.Join("  ", r.StatedPrices().Select(p => $"{p.Name}={p.Value.ToString(CultureInfo.InvariantCulture)}"));
            var tiers = r.Tiers is { } t ? $"  tiers: {t}" : "";
            var effective = r.EffectiveFrom == DateTimeOffset.UnixEpoch ? "undated" : r.EffectiveFrom.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await text.WriteLineAsync($"{r.Key}  {effective}  {prices}{tiers}  source={r.Source}{(r.SheetVersion is { } v ? $"  version={v}" : "")}");
        }
    }
}
