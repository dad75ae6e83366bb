using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>What genai-prices v2 says beyond flat prices: tiers, and the match rules that name every id of a model.</summary>
public sealed class GenAiPricesTiersAndRulesTests
{
    private static readonly string RealFile = TestData.File("prices", "genai_prices_v2.json");

    [Fact]
    public async Task A_tiered_price_keeps_its_base_and_records_every_tier()
    {
        var price = Assert.Single((await Read.File(new GenAiPricesReader(), RealFile)).Records, r => r.Key == "anthropic/claude-sonnet-4-5");

        Assert.Equal((3m, 0.3m, 3.75m, 15m), (price.InputPerMTok, price.CachedInputPerMTok, price.CacheWritePerMTok, price.OutputPerMTok));
        Assert.Equal(
            [
                new PriceTier(PriceNames.CacheWrite, 200_000, 7.5m),
                new PriceTier(PriceNames.CachedInput, 200_000, 0.6m),
                new PriceTier(PriceNames.Input, 200_000, 6m),
                new PriceTier(PriceNames.Output, 200_000, 22.5m),
            ],
            price.Tiers!);
    }

    [Fact]
    public async Task An_untiered_model_has_no_tiers()
    {
        var price = Assert.Single((await Read.File(new GenAiPricesReader(), RealFile)).Records, r => r.Key == "anthropic/claude-haiku-4-5");

        Assert.Null(price.Tiers);
    }

    [Fact]
    public void Match_rules_of_the_real_file_resolve_dated_dotted_and_bare_ids_to_one_key()
    {
        var rules = GenAiMatchRules.Read(File.ReadAllBytes(RealFile), "genai_prices_v2.json");
        var aliases = rules.AddTo(PriceAliases.None);

        Assert.Empty(rules.Problems);
        Assert.Equal(1466, rules.Rules.Count);
        Assert.Equal("anthropic/claude-haiku-4-5", aliases.Resolve("anthropic/claude-haiku-4-5-20251001"));
        Assert.Equal("anthropic/claude-haiku-4-5", aliases.Resolve("anthropic/claude-haiku-4.5"));
        Assert.Equal("anthropic/claude-haiku-4-5", aliases.Resolve("claude-haiku-4-5"));
        Assert.Equal("openai/gpt-4o-mini", aliases.Resolve("openai/gpt-4o-mini-2024-07-18"));
        Assert.Equal("openai/gpt-5.6-sol", aliases.Resolve("openai/gpt-5.6-sol-2026-03-01"));
    }

    [Fact]
    public void A_canonical_key_stays_itself_even_when_an_earlier_rule_also_matches_it()
    {
        var aliases = GenAiMatchRules.Read(File.ReadAllBytes(RealFile), "genai").AddTo(PriceAliases.None);

        Assert.Equal("openai/ft:gpt-4o-mini", aliases.Resolve("openai/ft:gpt-4o-mini"));
        Assert.Equal("openai/gpt-4o-mini-tts", aliases.Resolve("openai/gpt-4o-mini-tts"));
    }

    [Fact]
    public void A_fine_tuned_id_never_resolves_to_its_base_model()
    {
        var aliases = GenAiMatchRules.Read(File.ReadAllBytes(RealFile), "genai").AddTo(PriceAliases.None);

        // genai-prices' azure o4-mini rule is `contains 'o4-mini'`, which the fine-tune's id also contains.
        Assert.True(aliases.TryResolve("azure/o4-mini-2025-04-16", out var dated, out _));
        Assert.Equal("azure/o4-mini", dated);
        Assert.False(aliases.TryResolve("azure/o4-mini-ft", out var fineTune, out _));
        Assert.Equal("azure/o4-mini-ft", fineTune);
    }

    [Theory]
    [InlineData("""{"equals": "gpt-4o"}""", "GPT-4o", true)]
    [InlineData("""{"starts_with": "claude-3"}""", "claude-3-opus", true)]
    [InlineData("""{"ends_with": "-latest"}""", "grok-latest", true)]
    [InlineData("""{"contains": "haiku"}""", "claude-4.5-haiku", true)]
    [InlineData("""{"regex": "^grok-4\\.3-\\d{8}$"}""", "grok-4.3-20260101", true)]
    [InlineData("""{"regex": "^grok-4\\.3-\\d{8}$"}""", "grok-4.3-latest", false)]
    [InlineData("""{"or": [{"equals": "a"}, {"equals": "b"}]}""", "b", true)]
    [InlineData("""{"and": [{"starts_with": "gpt-"}, {"contains": "mini"}]}""", "gpt-4o-mini", true)]
    [InlineData("""{"and": [{"starts_with": "gpt-"}, {"contains": "mini"}]}""", "gpt-4o", false)]
    public void Every_clause_kind_matches_as_genai_prices_defines_it(string clause, string id, bool matches)
    {
        using var json = System.Text.Json.JsonDocument.Parse(clause);

        Assert.Equal(matches, GenAiMatchRules.Clause(json.RootElement).Matches(id));
    }

    [Fact]
    public void A_malformed_clause_costs_only_its_model_and_says_which()
    {
        var sheet = """
            [{"id": "p", "models": [
              {"id": "good", "match": {"equals": "good"}, "prices": {}},
              {"id": "bad", "match": {"regex": "(unclosed"}, "prices": {}},
              {"id": "odd", "match": {"near": "x"}, "prices": {}}
            ]}]
            """;

        var rules = GenAiMatchRules.Read(System.Text.Encoding.UTF8.GetBytes(sheet), "data.json");

        Assert.Equal(["p/good"], rules.Rules.Select(r => r.Key));
        Assert.Equal(["model p/bad, match", "model p/odd, match"], rules.Problems.Select(p => p.Location));
        Assert.Contains("regex '(unclosed' does not compile", rules.Problems[0].Message);
        Assert.Contains("'near' is not a clause", rules.Problems[1].Message);
    }

    [Fact]
    public async Task The_schema_beside_the_data_is_refused_as_not_a_price_sheet_rather_than_crashing()
    {
        var error = await Assert.ThrowsAsync<Reassess.Core.Ingestion.InputRejectedException>(() =>
            Read.File(new GenAiPricesReader(), TestData.File("prices", "genai_prices_v2.schema.json")));

        Assert.Equal("genai_prices_v2.schema.json", error.Problem.Source);
        Assert.Equal("expected genai-prices v2 data: a JSON array of providers; found an object", error.Problem.Message);
    }
}
