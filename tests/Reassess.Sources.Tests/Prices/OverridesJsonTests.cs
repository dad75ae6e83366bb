using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

public sealed class OverridesJsonTests
{
    private readonly OverridesPriceReader _reader = new();

    [Fact]
    public async Task Json_array_gives_the_same_records_as_csv()
    {
        const string json = """
            [
              { "key": "anthropic/claude-haiku-4-5", "inputPerMTok": 0.8, "outputPerMTok": 4, "effectiveFrom": "2026-07-01", "note": "deal" },
              { "key": "azure/gpt-4o-mini-ft", "trainingPerMTok": 3.00, "hostingPerHour": "1.70", "currency": null }
            ]
            """;

        var result = await Read.Text(_reader, json, "overrides.json");

        Assert.Empty(result.Rejected);
        var haiku = result.Records[0];
        Assert.Equal(("anthropic/claude-haiku-4-5", 0.8m, 4m), (haiku.Key, haiku.InputPerMTok!.Value, haiku.OutputPerMTok!.Value));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), haiku.EffectiveFrom);
        var ft = result.Records[1];
        Assert.Equal((3.00m, 1.70m, "USD"), (ft.TrainingPerMTok!.Value, ft.HostingPerHour!.Value, ft.Currency));
    }

    [Fact]
    public async Task Wrapped_prices_object_is_read_and_bad_entries_name_their_line()
    {
        const string json = """
            {
              "updated": "2026-08-01",
              "prices": [
                { "key": "openai/gpt-4o", "inputPerMTok": 2.5 },
                { "key": "openai/gpt-4o-mini", "outputPerMTok": true },
                { "key": "openai/o3", "outputPerMTok": -8 }
              ]
            }
            """;

        var result = await Read.Text(_reader, json, "overrides.json");

        Assert.Equal("openai/gpt-4o", Assert.Single(result.Records).Key);
        Assert.Equal(
            [
                "overrides.json, line 5 (entry 2), field outputPerMTok: expected a number, found true",
                "overrides.json, line 6 (entry 3), field outputPerMTok: '-8' is negative; a price must be 0 or more",
            ],
            result.Rejected.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Entry_without_a_key_is_rejected_saying_it_is_missing()
    {
        var rejected = Assert.Single((await Read.Text(_reader, """[{"inputPerMTok": 1}]""", "o.json")).Rejected);

        Assert.Equal("o.json, line 1 (entry 1), field key: is missing; every entry needs a key", rejected.ToString());
    }

    [Fact]
    public async Task Cut_off_json_sheet_is_refused_naming_the_file_and_line()
    {
        const string json = "[\n  { \"key\": \"openai/gpt-4o\", \"inputPerMTok\": 2.5 },\n  { \"key\": \"openai/o3\", \"inputPerMTok\": ";

        var problem = await Read.Refused(_reader, json, "prices/overrides.json");

        Assert.Equal("prices/overrides.json", problem.Source);
        Assert.StartsWith("line 3, position ", problem.Location);
        Assert.Contains("not valid JSON", problem.Message);
    }
}
