using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reassess.Tools.CrossCheck;

/// <summary>
/// Runs <c>tools/genai-prices-check/price.mjs</c> (Node.js, the npm package <c>@pydantic/genai-prices</c> from the
/// repo's <c>package.json</c>) over a rows file, on the sheet given, and reads what it wrote.
/// </summary>
public static class GenAiPricesScript
{
    public const string Package = "@pydantic/genai-prices";

    /// <summary>The script, relative to the repository root.</summary>
    public static readonly string ScriptPath = Path.Combine("tools", "genai-prices-check", "price.mjs");

    /// <summary>
    /// Installs the repo's npm devDependencies when <see cref="Package"/> is missing from <c>node_modules</c> (a checkout
    /// whose <c>npm ci</c> ran before the package was added). Run after <c>AzuriteLauncher.EnsureInstalledAsync</c>, which
    /// runs <c>npm ci</c> on a fresh checkout: this only adds what is missing (<c>npm install --no-save</c>, from
    /// <c>package-lock.json</c>), so an Azurite already running from <c>node_modules</c> is left alone.
    /// </summary>
    public static async Task EnsureInstalledAsync(string repositoryRoot, Action<string> say, CancellationToken cancellationToken = default)
    {
        if (IsInstalled(repositoryRoot)) return;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(repositoryRoot))))[..12];
        var lockPath = Path.Combine(Path.GetTempPath(), $"reassess-npm-genai-prices-{hash}.lock");
        await using var held = await LockAsync(lockPath, cancellationToken).ConfigureAwait(false);
        if (IsInstalled(repositoryRoot)) return;

        say($"{Package} is not installed yet: running 'npm install --no-save' in {repositoryRoot} (once; needs the npm registry)...");
        var (exit, output) = await RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", repositoryRoot,
            ["install", "--no-save", "--no-audit", "--no-fund"], cancellationToken).ConfigureAwait(false);
        if (exit != 0 || !IsInstalled(repositoryRoot))
            throw new InvalidOperationException(
                $"'npm install' in {repositoryRoot} failed (exit code {exit}); run 'npm ci' there by hand. Its output:{Environment.NewLine}{output}");
        say($"{Package} installed.");
    }

    /// <summary>
    /// Prices the rows of <paramref name="rowsPath"/> (JSON Lines or CSV, see the script) with genai-prices' <c>calcPrice</c> on
    /// the sheet <paramref name="dataPath"/>; the script's JSON goes to a file beside the rows.
    /// </summary>
    public static async Task<GenAiPricesResult> RunAsync(
        string repositoryRoot, string dataPath, string rowsPath, CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(repositoryRoot, ScriptPath);
        var outPath = rowsPath + ".genai-prices.json";
        var (exit, output) = await RunAsync(OperatingSystem.IsWindows() ? "node.exe" : "node", repositoryRoot,
            [script, "--data", Path.GetFullPath(dataPath), "--rows", Path.GetFullPath(rowsPath), "--out", outPath], cancellationToken).ConfigureAwait(false);
        if (exit != 0 || !File.Exists(outPath))
            throw new InvalidOperationException($"node {ScriptPath} exited with code {exit}. Its output:{Environment.NewLine}{output}");

        await using var stream = File.OpenRead(outPath);
        using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var results = new List<GenAiRowPrice>(root.GetProperty("rows").GetInt32());
        foreach (var r in root.GetProperty("results").EnumerateArray())
        {
            var price = r.GetProperty("price");
            results.Add(price.ValueKind == JsonValueKind.Number
                ? new GenAiRowPrice(Money(price), r.GetProperty("provider").GetString(), r.GetProperty("model").GetString(), null)
                : new GenAiRowPrice(null, null, null, r.TryGetProperty("reason", out var reason) ? reason.GetString() : "no price"));
        }

        return new GenAiPricesResult(
            root.GetProperty("version").GetString() ?? "?",
            results,
            Money(root.GetProperty("total")),
            root.GetProperty("elapsedMs").GetDouble(),
            output.Trim());
    }

    /// <summary>A JavaScript number as decimal: exactly as written when it fits, else through double.</summary>
    private static decimal Money(JsonElement number) => number.TryGetDecimal(out var exact) ? exact : (decimal)number.GetDouble();

    private static bool IsInstalled(string repositoryRoot) =>
        File.Exists(Path.Combine(repositoryRoot, "node_modules", "@pydantic", "genai-prices", "package.json"));

    private static async Task<(int Exit, string Output)> RunAsync(string program, string workingDirectory, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} was not found. Install Node.js 20 or later (it brings npm), then run 'npm ci' in {workingDirectory}.", e);
        }

        using (process)
        {
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            lock (output) return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>An exclusive lock on a file outside the checkout, so parallel test processes install once.</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>One row priced by genai-prices: the price in USD and the provider and model it resolved to, or why there is none.</summary>
public sealed record GenAiRowPrice(decimal? Price, string? Provider, string? Model, string? Reason)
{
    public string? Key => Provider is null || Model is null ? null : Core.Prices.PriceKey.For(Provider, Model);
}

/// <summary>What the script wrote: the package version, a price per row, their total and how long its calcPrice loop took.</summary>
public sealed record GenAiPricesResult(string Version, IReadOnlyList<GenAiRowPrice> Rows, decimal Total, double ElapsedMs, string Messages)
{
    public double RowsPerSecond => ElapsedMs > 0 ? Rows.Count / (ElapsedMs / 1000) : double.PositiveInfinity;
}
