using System.Globalization;
using System.Text;

namespace Reassess.Tools.CrossCheck;

/// <summary>
/// Prices the same usage rows with Reassess (<see cref="ReassessCostPricer"/>) and with the npm package
/// <c>@pydantic/genai-prices</c> (<see cref="GenAiPricesScript"/>) on the same genai-prices sheet, and compares: per row
/// the model each resolved to and the price (within <see cref="RowTolerance"/>, as the JavaScript side computes in
/// doubles), and the totals rounded to the cent. Used by the cross-check test and by <c>reassess bench cost-check</c>.
/// </summary>
public static class CostCrossCheck
{
    /// <summary>
    /// How far apart one row's prices may be: a billionth of a dollar. genai-prices computes in IEEE doubles
    /// (about 16 significant digits), Reassess in decimal, so a row of a few dollars may differ in its 16th digit; a real
    /// disagreement (a wrong price, tier or price list) is at least a token's price, orders of magnitude more.
    /// </summary>
    public const decimal RowTolerance = 0.000_000_001m;

    /// <summary>Generates the rows (plus the usage samples' rows when a folder is given), prices them both ways and compares.</summary>
    /// <param name="workFolder">Where the rows file and the script's output go.</param>
    public static async Task<CostCheckOutcome> RunAsync(
        string repositoryRoot, string sheetPath, string? usageSamplesFolder, int rows, int seed, string workFolder,
        CancellationToken cancellationToken = default)
    {
        var sheet = CostCheckSheet.Read(sheetPath);
        var pricer = await ReassessCostPricer.LoadAsync(sheet, cancellationToken).ConfigureAwait(false);
        var usage = CostCheckRows.Generate(sheet, pricer, rows, seed).ToList();
        if (usageSamplesFolder is not null)
            usage.AddRange(await CostCheckRows.FromSamplesAsync(usageSamplesFolder, cancellationToken).ConfigureAwait(false));
        return await PriceBothAsync(repositoryRoot, sheet, pricer, usage, workFolder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Prices the rows given both ways and compares.</summary>
    public static async Task<CostCheckOutcome> PriceBothAsync(
        string repositoryRoot, CostCheckSheet sheet, ReassessCostPricer pricer, IReadOnlyList<CostCheckRow> usage, string workFolder,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(workFolder);
        var rowsPath = Path.Combine(workFolder, "cost-check-rows.jsonl");
        await CostCheckRows.WriteJsonLinesAsync(usage, rowsPath, cancellationToken).ConfigureAwait(false);
        var genAi = await GenAiPricesScript.RunAsync(repositoryRoot, sheet.Path, rowsPath, cancellationToken).ConfigureAwait(false);
        var reassess = pricer.PriceAll(usage);
        return new CostCheckOutcome(usage, reassess, genAi, Compare(usage, reassess, genAi));
    }

    public static IReadOnlyList<CostCheckDifference> Compare(IReadOnlyList<CostCheckRow> usage, ReassessPricing reassess, GenAiPricesResult genAi)
    {
        if (reassess.Rows.Count != usage.Count || genAi.Rows.Count != usage.Count)
            throw new InvalidOperationException($"{usage.Count} rows, but Reassess priced {reassess.Rows.Count} and genai-prices {genAi.Rows.Count}");

        var differences = new List<CostCheckDifference>();
        for (var i = 0; i < usage.Count; i++)
        {
            var (ours, theirs) = (reassess.Rows[i], genAi.Rows[i]);
            string? why = (ours.Cost, theirs.Price) switch
            {
                (null, null) => $"neither prices it (Reassess: {ours.Reason}; genai-prices: {theirs.Reason})",
                (null, _) => $"only genai-prices prices it (Reassess: {ours.Reason})",
                (_, null) => $"only Reassess prices it (genai-prices: {theirs.Reason})",
                _ when theirs.Key != ours.Key => $"resolved to different models: Reassess {ours.Key}, genai-prices {theirs.Key}",
                ({ } a, { } b) when Math.Abs(a - b) > RowTolerance => "prices differ",
                _ => null,
            };
            if (why is not null) differences.Add(new CostCheckDifference(i + 1, usage[i], ours, theirs, why));
        }

        return differences;
    }

    /// <summary>Half a cent and up rounds away from zero, as <c>CostTrendPoint</c> rounds money.</summary>
    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A row the two sides disagree on.</summary>
/// <param name="Row">1-based, as in the rows file.</param>
public sealed record CostCheckDifference(int Row, CostCheckRow Usage, ReassessRowPrice Reassess, GenAiRowPrice GenAi, string Why)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"row {Row}: {Usage} — Reassess {Reassess.Cost?.ToString("0.############", CultureInfo.InvariantCulture) ?? "none"} ({Reassess.Key}), " +
        $"genai-prices {GenAi.Price?.ToString("0.############", CultureInfo.InvariantCulture) ?? "none"} ({GenAi.Key ?? GenAi.Reason}): {Why}");
}

/// <summary>The rows, both sides' pricing and where they differ.</summary>
public sealed record CostCheckOutcome(
    IReadOnlyList<CostCheckRow> Usage, ReassessPricing Reassess, GenAiPricesResult GenAi, IReadOnlyList<CostCheckDifference> Differences)
{
    public decimal ReassessCents => CostCrossCheck.Cents(Reassess.Total);
    public decimal GenAiCents => CostCrossCheck.Cents(GenAi.Total);
    public bool TotalsEqualToTheCent => ReassessCents == GenAiCents;
    public bool Agree => TotalsEqualToTheCent && Differences.Count == 0;

    /// <summary>Reassess's rows per second over genai-prices': above 1, Reassess prices faster.</summary>
    public double SpeedRatio => Reassess.RowsPerSecond / GenAi.RowsPerSecond;

    /// <summary>The figures in a few lines, and the first <paramref name="maxDifferences"/> differing rows.</summary>
    public string Describe(int maxDifferences = 20)
    {
        var inv = CultureInfo.InvariantCulture;
        var models = Usage.Select(u => $"{u.Provider}/{u.Model}").Distinct(StringComparer.Ordinal).Count();
        var text = new StringBuilder();
        text.AppendLine(string.Create(inv,
            $"{Usage.Count:N0} rows ({Usage.Count(u => u.Origin != CostCheckRows.Generated):N0} from usage samples), {models:N0} model ids, " +
            $"{Usage.Count(u => u.CachedInputTokens > 0):N0} with cached input, {Usage.Count(u => u.CacheWriteTokens > 0):N0} with cache writes"));
        text.AppendLine(string.Create(inv,
            $"Reassess:           total ${Reassess.Total:0.000000} = ${ReassessCents:N2}; {Reassess.RowsPerSecond:N0} rows/s ({Reassess.Elapsed.TotalMilliseconds:N1} ms)"));
        text.AppendLine(string.Create(inv,
            $"genai-prices {GenAi.Version,-6}: total ${GenAi.Total:0.000000} = ${GenAiCents:N2}; {GenAi.RowsPerSecond:N0} rows/s ({GenAi.ElapsedMs:N1} ms)"));
        text.AppendLine(string.Create(inv,
            $"Totals {(TotalsEqualToTheCent ? "equal" : "DIFFER")} to the cent (difference ${Reassess.Total - GenAi.Total:0.############}); " +
            $"{Differences.Count:N0} row(s) differ beyond ${CostCrossCheck.RowTolerance:0.#########}; Reassess is {SpeedRatio:N2}× genai-prices' rows/s"));
        foreach (var difference in Differences.Take(maxDifferences)) text.AppendLine("  " + difference);
        if (Differences.Count > maxDifferences) text.AppendLine(string.Create(inv, $"  … and {Differences.Count - maxDifferences:N0} more"));
        return text.ToString();
    }
}
