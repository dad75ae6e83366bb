using Reassess.Tools.CrossCheck;
using Reassess.Tools.Azurite;
using Xunit.Abstractions;

namespace Reassess.Sources.Tests.CrossCheck;

/// <summary>
/// Issue 8: Reassess's cost calculation against the reference implementation, the npm package
/// <c>@pydantic/genai-prices</c> (<c>calcPrice</c>), both pricing the same rows from the same sheet
/// (<c>../shared/data/prices/genai_prices_v2.json</c>, handed to the package in place of its bundled data). Runs Node.js
/// (<c>tools/genai-prices-check/price.mjs</c>); <c>npm ci</c> is run first when <c>node_modules</c> lacks the package.
/// </summary>
public sealed class GenAiPricesCrossCheckTests(GenAiPricesCrossCheckTests.Sides sides, ITestOutputHelper output)
    : IClassFixture<GenAiPricesCrossCheckTests.Sides>
{
    private const int GeneratedRows = 20_000;
    private const int Seed = 8;

    [Fact]
    public async Task Generated_and_sample_rows_price_the_same_on_both_sides_to_the_cent()
    {
        var outcome = await CostCrossCheck.RunAsync(
            sides.Root, sides.Sheet.Path, TestData.File("usage"), GeneratedRows, Seed, sides.Folder("agree"));
        output.WriteLine(outcome.Describe());

        // The rows cover what can go wrong: many models, tiers on both sides of their thresholds, cache reads and
        // writes, price lists that start on a date, ids other than the model's own, and the real usage samples.
        var usage = outcome.Usage;
        Assert.True(usage.Select(u => u.Provider + "/" + u.Model).Distinct().Count() > 1_000, "rows should span the sheet's models");
        Assert.True(usage.Select(u => u.Provider).Distinct().Count() >= 30, "rows should span the sheet's providers");
        var tiered = sides.Sheet.Models.Where(m => m.TierThresholds.Count > 0).ToDictionary(m => m.Key, m => m.TierThresholds);
        var tieredRows = usage.Zip(outcome.Reassess.Rows).Where(p => tiered.ContainsKey(p.Second.Key)).ToList();
        Assert.Contains(tieredRows, p => tiered[p.Second.Key].Contains(p.First.PromptTokens));
        Assert.Contains(tieredRows, p => tiered[p.Second.Key].Contains(p.First.PromptTokens - 1));
        Assert.True(tieredRows.Count(p => p.First.PromptTokens > tiered[p.Second.Key][0]) > 100, "rows should reach past tier thresholds");
        Assert.True(usage.Count(u => u.CachedInputTokens > 0) > GeneratedRows / 4);
        Assert.True(usage.Count(u => u.CacheWriteTokens > 0) > GeneratedRows / 10);
        var dated = sides.Sheet.Models.Where(m => m.StartDates.Count > 0).ToDictionary(m => m.Key, m => m.StartDates[0]);
        var datedRows = usage.Zip(outcome.Reassess.Rows).Where(p => dated.ContainsKey(p.Second.Key)).ToList();
        Assert.True(datedRows.Count(p => DateOnly.FromDateTime(p.First.Timestamp.UtcDateTime) < dated[p.Second.Key]) > 20, "rows should fall before dated price lists start");
        Assert.True(datedRows.Count(p => DateOnly.FromDateTime(p.First.Timestamp.UtcDateTime) >= dated[p.Second.Key]) > 20, "rows should fall after dated price lists start");
        Assert.True(usage.Zip(outcome.Reassess.Rows).Count(p => !p.Second.Key.EndsWith("/" + p.First.Model, StringComparison.Ordinal)) > 1_000,
            "rows should name models by their other ids");
        // The usage readers key claude-sonnet-4-20250514 and gpt-4o-mini-2024-07-18 by their model, as the pipeline stores them.
        Assert.Equal(["anthropic/claude-sonnet-4 (anthropic sample)", "openai/gpt-4o-mini (openai sample)"],
            usage.Where(u => u.Origin != CostCheckRows.Generated).Select(u => $"{u.Provider}/{u.Model} ({u.Origin})"));

        Assert.True(outcome.Differences.Count == 0,
            $"{outcome.Differences.Count} of {usage.Count} rows differ:{Environment.NewLine}{outcome.Describe(maxDifferences: 50)}");
        Assert.Equal(outcome.GenAiCents, outcome.ReassessCents);
        Assert.True(outcome.Reassess.Total > 1_000m, $"a total of {outcome.Reassess.Total} says too little was priced");
    }

    [Fact]
    public async Task A_tier_starts_one_token_after_its_threshold_on_both_sides()
    {
        // claude-sonnet-4-5: input 3 → 6, output 15 → 22.5 $/MTok once the prompt is longer than 200,000 tokens.
        var at = new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
        CostCheckRow[] rows =
        [
            new(at, "anthropic", "claude-sonnet-4-5", 200_000, 0, 0, 1_000),
            new(at, "anthropic", "claude-sonnet-4-5", 200_001, 0, 0, 1_000),
            new(at, "anthropic", "claude-sonnet-4-5-20250929", 150_000, 40_000, 10_001, 1_000),
        ];

        var outcome = await PriceBothAsync(rows, "tiers");

        Assert.Empty(outcome.Differences);
        Assert.Equal(0.615m, outcome.Reassess.Rows[0].Cost);
        Assert.Equal(1.222506m, outcome.Reassess.Rows[1].Cost);
        // 150k·6 + 40k·0.6 + 10,001·7.5 + 1k·22.5, per 1M: cached reads and cache writes take their own tiers too.
        Assert.Equal(1.0215075m, outcome.Reassess.Rows[2].Cost);
    }

    [Fact]
    public async Task Per_request_prices_are_the_one_difference_by_design_of_the_price_record()
    {
        // perplexity/sonar: input 1, output 1 $/MTok and 12 $ per 1,000 requests. Reassess's price record has no
        // per-request price (the reader takes token prices only), so it is short by $0.012 a call.
        var at = new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
        var outcome = await PriceBothAsync([new(at, "perplexity", "sonar", 1_000, 0, 0, 200)], "per-request");

        Assert.Equal(0.0012m, outcome.Reassess.Rows[0].Cost);
        AssertClose(0.0132m, outcome.GenAi.Rows[0].Price);
        Assert.Contains(sides.Sheet.Models, m => m.Key == "perplexity/sonar" && m.KnownDifference == CostCheckSheet.PerRequestPrice);
    }

    [Fact]
    public async Task Time_of_day_prices_differ_in_the_hours_their_list_covers()
    {
        // deepseek/deepseek-chat: the list without a constraint (input 0.135, cached 0.035, output 0.55) and one for
        // 00:30–16:30 UTC at twice that. Reassess counts usage per day, so it prices the whole day at the list without a
        // constraint; genai-prices prices a call at 10:00 UTC at the day list.
        var day = new DateOnly(2026, 5, 4);
        CostCheckRow At(int hour) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero), "deepseek", "deepseek-chat", 1_000, 10, 0, 5);

        var outcome = await PriceBothAsync([At(20), At(10)], "time-of-day");

        Assert.Equal(0.0001381m, outcome.Reassess.Rows[0].Cost);
        AssertClose(0.0001381m, outcome.GenAi.Rows[0].Price);
        Assert.Equal(0.0001381m, outcome.Reassess.Rows[1].Cost);
        AssertClose(0.0002762m, outcome.GenAi.Rows[1].Price);
        Assert.Equal([2], outcome.Differences.Select(d => d.Row));
        Assert.Equal(["deepseek/deepseek-chat", "deepseek/deepseek-reasoner"],
            sides.Sheet.Models.Where(m => m.KnownDifference == CostCheckSheet.TimeOfDayPrices).Select(m => m.Key));
    }

    [Fact]
    public async Task A_fine_tune_named_by_a_base_models_rule_is_priced_by_genai_prices_only()
    {
        // genai-prices' openai/gpt-4 rule has starts_with 'ft:gpt-4-0', so it prices a fine-tuned gpt-4-0613 at gpt-4's
        // 30/60 $/MTok, which is not what OpenAI bills a fine-tune. Reassess never takes a fine-tuned id to a base model
        // (FineTunedIds) and has no price for it: none, and the usage reported unpriced, rather than the base model's.
        Assert.Equal(["openai/gpt-4 names ft:gpt-4-0"], sides.Sheet.FineTunedNamesOfBaseModels().Select(n => $"{n.Model.Key} names {n.Id}"));
        var at = new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

        var outcome = await PriceBothAsync([new(at, "openai", "ft:gpt-4-0613:acme::8xYz", 1_000, 0, 0, 100)], "fine-tune");

        Assert.Null(outcome.Reassess.Rows[0].Cost);
        Assert.Equal("openai/gpt-4", outcome.GenAi.Rows[0].Key);
        AssertClose(0.036m, outcome.GenAi.Rows[0].Price);
    }

    [Fact]
    public void The_rows_left_out_are_of_the_models_with_a_known_difference_only()
    {
        var known = sides.Sheet.Models.Where(m => m.KnownDifference is not null).Select(m => $"{m.Key}: {m.KnownDifference}").ToList();
        output.WriteLine(string.Join(Environment.NewLine, known));

        Assert.Equal(6, known.Count);
        var rows = CostCheckRows.Generate(sides.Sheet, sides.Pricer, 5_000, Seed);
        Assert.DoesNotContain(rows, r => sides.Sheet.GenAiPricesModel(r.Provider, r.Model)?.KnownDifference is not null);
        var fineTuned = sides.Sheet.FineTunedNamesOfBaseModels().Select(n => (n.Model.Provider, n.Id)).ToHashSet();
        Assert.DoesNotContain(rows, r => fineTuned.Contains((r.Provider, r.Model)));
        Assert.Equal(rows, CostCheckRows.Generate(sides.Sheet, sides.Pricer, 5_000, Seed));
    }

    /// <summary>genai-prices' figure, a double, within <see cref="CostCrossCheck.RowTolerance"/> of the exact one.</summary>
    private static void AssertClose(decimal expected, decimal? actual) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) <= CostCrossCheck.RowTolerance, $"expected {expected}, got {actual}");

    private Task<CostCheckOutcome> PriceBothAsync(IReadOnlyList<CostCheckRow> rows, string name) =>
        CostCrossCheck.PriceBothAsync(sides.Root, sides.Sheet, sides.Pricer, rows, sides.Folder(name));

    /// <summary>Node.js with the package installed, the shared sheet, Reassess's prices from it, and a scratch folder.</summary>
    public sealed class Sides : IAsyncLifetime
    {
        private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("reassess-cost-check-");

        public string Root { get; } = RepositoryRoot.Find();
        public CostCheckSheet Sheet { get; } = CostCheckSheet.Read(TestData.File("prices", "genai_prices_v2.json"));
        public ReassessCostPricer Pricer { get; private set; } = null!;

        public string Folder(string name) => Path.Combine(_scratch.FullName, name);

        public async Task InitializeAsync()
        {
            // npm ci on a fresh checkout (the way Azurite gets installed), then whatever it lacks on an older one.
            await AzuriteLauncher.EnsureInstalledAsync(Root, Console.Error.WriteLine);
            await GenAiPricesScript.EnsureInstalledAsync(Root, Console.Error.WriteLine);
            Pricer = await ReassessCostPricer.LoadAsync(Sheet);
        }

        public Task DisposeAsync()
        {
            _scratch.Delete(recursive: true);
            return Task.CompletedTask;
        }
    }
}
