using System.CommandLine;
using System.Globalization;
using Reassess.Tools.CrossCheck;
using Reassess.Tools.Azurite;

namespace Reassess.Host.Cli;

/// <summary>
/// <c>reassess bench cost-check [--rows N] [--seed S] [--data FILE]</c>: generates N usage rows from the seed across the
/// genai-prices sheet's models (plus the rows of the real usage samples beside it), prices them with Reassess (the
/// weekly run's cost path, in decimal) and with the npm package <c>@pydantic/genai-prices</c> (<c>calcPrice</c>, run by
/// <c>tools/genai-prices-check/price.mjs</c> on the same sheet), and prints both totals, whether they are equal to the
/// cent, the rows that differ, each side's rows/s and their ratio. Exit code 1 when the totals differ to the cent.
/// A benchmark, not a test: run it on the machine whose figure you want (<c>-c Release</c> for the shipped figure).
/// </summary>
public static class BenchCostCheckCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Generated usage rows. Default: 100000.", DefaultValueFactory = _ => 100_000 };
        rows.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000) r.AddError("--rows must be from 1 to 10000000."); });
        var seed = new Option<int>("--seed") { Description = "Seed of the generated rows (the same seed and sheet give the same rows). Default: 8.", DefaultValueFactory = _ => 8 };
        var data = new Option<FileInfo?>("--data")
        {
            Description = "The genai-prices v2 sheet both sides price from. Default: ../shared/data/prices/genai_prices_v2.json beside the checkout.",
        };
        var noSamples = new Option<bool>("--no-samples") { Description = "Leave out the rows of the usage samples in ../shared/data/usage." };
        var keep = new Option<bool>("--keep") { Description = "Keep the rows file and genai-prices' output (their folder is printed) instead of deleting them." };
        var command = new Command("cost-check",
            "Price generated usage rows with Reassess and with @pydantic/genai-prices on the same sheet: totals to the cent, rows/s of each and the ratio.")
        {
            rows, seed, data, noSamples, keep,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(rows), parse.GetValue(seed), parse.GetValue(data), !parse.GetValue(noSamples), parse.GetValue(keep), ct));
        return command;
    }

    private static async Task<int> RunAsync(int rows, int seed, FileInfo? data, bool samples, bool keep, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var sharedData = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        var sheet = data?.FullName ?? Path.Combine(sharedData, "prices", "genai_prices_v2.json");
        if (!File.Exists(sheet))
        {
            await Console.Error.WriteLineAsync($"error: {sheet} does not exist; give the genai-prices sheet with --data.");
            return 2;
        }

        var usageSamples = Path.Combine(sharedData, "usage");
        void Say(string line) => Console.Error.WriteLine(line);
        await AzuriteLauncher.EnsureInstalledAsync(root, Say, cancellationToken);
        await GenAiPricesScript.EnsureInstalledAsync(root, Say, cancellationToken);

        var folder = Directory.CreateTempSubdirectory("reassess-bench-cost-check-");
        try
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Pricing {rows:N0} rows (seed {seed}) from {sheet} with Reassess and with {GenAiPricesScript.Package}..."));
            var outcome = await CostCrossCheck.RunAsync(
                root, sheet, samples && Directory.Exists(usageSamples) ? usageSamples : null, rows, seed, folder.FullName, cancellationToken);
            Console.Write(outcome.Describe());
            if (keep) await Console.Error.WriteLineAsync($"Kept {folder.FullName}.");
            return outcome.TotalsEqualToTheCent ? 0 : 1;
        }
        finally
        {
            if (!keep) folder.Delete(recursive: true);
        }
    }
}
