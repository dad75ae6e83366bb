using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

public sealed class PriceAliasesTests
{
    private static readonly string SampleAliases = Path.Combine(Tools.Azurite.RepositoryRoot.Find(), "samples", "prices", "aliases.csv");

    private static PriceRecord Record(string key, decimal input, string source = "litellm") =>
        PriceKey.TryParse(key, out var provider, out var model)
            ? new PriceRecord { Key = key, Provider = provider, Model = model, InputPerMTok = input, OutputPerMTok = input * 5, Source = source }
            : throw new ArgumentException(key);

    [Fact]
    public async Task The_sample_alias_table_resolves_the_three_names_of_claude_haiku_4_5_to_one_key()
    {
        await using var file = File.OpenRead(SampleAliases);
        var (aliases, rejected) = await PriceAliasSheet.ReadAsync(file, "aliases.csv");

        Assert.Empty(rejected);
        Assert.Equal("anthropic/claude-haiku-4-5", aliases.Resolve("claude-haiku-4-5"));
        Assert.Equal("anthropic/claude-haiku-4-5", aliases.Resolve("anthropic/claude-haiku-4.5"));
        Assert.Equal("anthropic/claude-haiku-4-5", aliases.Resolve("Anthropic/Claude-Haiku-4-5-20251001"));
        Assert.Equal("azure/gpt-4o-mini-ft", aliases.Resolve("azure/gpt-4o-mini-0718-ft"));
    }

    [Fact]
    public void The_table_wins_over_match_rules()
    {
        var aliases = new PriceAliases(
            [new("openai/gpt-4o-2024-05-13", "openai/gpt-4o-0513")],
            [new ModelMatchRule("openai", "gpt-4o", ModelMatch.StartsWith("gpt-4o-2024"))]);

        Assert.Equal("openai/gpt-4o-0513", aliases.Resolve("openai/gpt-4o-2024-05-13"));
        Assert.Equal("openai/gpt-4o", aliases.Resolve("openai/gpt-4o-2024-08-06"));
    }

    [Fact]
    public void An_unknown_name_stays_as_it_is_normalised()
    {
        Assert.Equal("self-hosted/llama-3.1-8b-instruct", PriceAliases.None.Resolve(" Self-Hosted/Llama-3.1-8B-Instruct "));
    }

    [Fact]
    public void Canonicalising_a_sheet_keeps_one_price_per_key_preferring_the_record_already_named_by_it()
    {
        var aliases = new PriceAliases([new("anthropic/claude-haiku-4-5-20251001", "anthropic/claude-haiku-4-5")]);
        var sheet = new[] { Record("anthropic/claude-haiku-4-5-20251001", 1.1m), Record("anthropic/claude-haiku-4-5", 1m), Record("openai/gpt-4o", 2.5m) };

        var (records, dropped) = aliases.Canonicalise(sheet);

        Assert.Equal(["anthropic/claude-haiku-4-5", "openai/gpt-4o"], records.Select(r => r.Key));
        Assert.Equal(1m, records[0].InputPerMTok);
        var (record, reason) = Assert.Single(dropped);
        Assert.Equal("anthropic/claude-haiku-4-5-20251001", record.Key);
        Assert.Contains("another name of anthropic/claude-haiku-4-5", reason);
    }

    [Fact]
    public void A_dated_record_alone_is_re_keyed_to_its_canonical_key()
    {
        var aliases = new PriceAliases([new("claude-haiku-4-5-20251001", "anthropic/claude-haiku-4-5")]);

        var (records, _) = aliases.Canonicalise([Record("anthropic/claude-haiku-4-5-20251001", 1m)]);

        Assert.Equal(("anthropic/claude-haiku-4-5", "anthropic", "claude-haiku-4-5"), (records[0].Key, records[0].Provider, records[0].Model));
    }

    [Fact]
    public async Task A_bad_alias_row_is_rejected_with_its_line_and_the_rest_are_used()
    {
        var csv = "alias,key\nclaude-haiku-4.5,anthropic/claude-haiku-4-5\ngpt4,gpt-4\nclaude-haiku-4.5,anthropic/claude-3-haiku\n";

        var (aliases, rejected) = await PriceAliasSheet.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "aliases.csv");

        Assert.Equal(1, aliases.TableCount);
        Assert.Equal(["line 3, column key", "line 4"], rejected.Select(p => p.Location));
        Assert.Contains("'gpt-4' is not a price key", rejected[0].Message);
        Assert.Contains("already mapped to anthropic/claude-haiku-4-5 at line 2", rejected[1].Message);
    }
}
