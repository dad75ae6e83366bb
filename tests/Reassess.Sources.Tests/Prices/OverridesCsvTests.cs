using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

public sealed class OverridesCsvTests
{
    private readonly OverridesPriceReader _reader = new();

    private const string Header =
        "key,inputPerMTok,cachedInputPerMTok,cacheWritePerMTok,outputPerMTok,batchInputPerMTok,batchOutputPerMTok,trainingPerMTok,trainingPerHour,hostingPerHour,currency,effectiveFrom,note\n";

    [Fact]
    public async Task Csv_sheet_gives_lower_case_keys_and_only_the_prices_it_states()
    {
        var csv = Header
                  + "OpenAI/GPT-4o-mini,0.12,0.06,,0.48,0.06,0.24,,,,USD,2026-07-01,\"negotiated, 20% off\"\n"
                  + "azure/gpt-4.1-mini-ft,,,,,,,5.00,,1.70,,,\"training, hosting\"\n";

        var result = await Read.Text(_reader, csv, "prices/overrides.csv");

        Assert.Empty(result.Rejected);
        Assert.Equal(2, result.Records.Count);
        var mini = result.Records[0];
        Assert.Equal(("openai/gpt-4o-mini", "openai", "gpt-4o-mini"), (mini.Key, mini.Provider, mini.Model));
        Assert.Equal((0.12m, 0.06m, (decimal?)null, 0.48m), (mini.InputPerMTok, mini.CachedInputPerMTok, mini.CacheWritePerMTok, mini.OutputPerMTok));
        Assert.Equal((0.06m, 0.24m), (mini.BatchInputPerMTok, mini.BatchOutputPerMTok));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), mini.EffectiveFrom);
        Assert.Equal(("USD", "overrides", Read.FetchedAt), (mini.Currency, mini.Source, mini.FetchedAt));

        var ft = result.Records[1];
        Assert.Equal("azure/gpt-4.1-mini-ft", ft.Key);
        Assert.Null(ft.InputPerMTok);
        Assert.Equal(5.00m, ft.TrainingPerMTok);
        Assert.Equal(1.70m, ft.HostingPerHour);
        Assert.Equal(DateTimeOffset.UnixEpoch, ft.EffectiveFrom);
    }

    [Fact]
    public async Task Negative_price_rejects_that_row_naming_line_and_column_and_keeps_the_rest()
    {
        var csv = "key,inputPerMTok,outputPerMTok\n"
                  + "openai/a,1,2\n" + "openai/b,1,2\n" + "openai/c,1,2\n" + "openai/d,1,2\n" + "openai/e,1,2\n"
                  + "openai/f,1,-2\n"
                  + "openai/g,1,2\n";

        var result = await Read.Text(_reader, csv, "prices/overrides.csv");

        Assert.Equal(["openai/a", "openai/b", "openai/c", "openai/d", "openai/e", "openai/g"], result.Records.Select(r => r.Key));
        Assert.Equal("prices/overrides.csv, line 7, column outputPerMTok: '-2' is negative; a price must be 0 or more",
            Assert.Single(result.Rejected).ToString());
    }

    [Theory]
    [InlineData("NaN", "'NaN' is not a number")]
    [InlineData("1,5", "'1,5' is not a number")]
    [InlineData("$2", "'$2' is not a number")]
    public async Task Price_that_is_not_a_number_rejects_the_row(string written, string expected)
    {
        var csv = $"key,outputPerMTok\nopenai/a,\"{written}\"\n";

        var rejected = Assert.Single((await Read.Text(_reader, csv, "o.csv")).Rejected);

        Assert.Equal("line 2, column outputPerMTok", rejected.Location);
        Assert.StartsWith(expected, rejected.Message);
    }

    [Fact]
    public async Task Row_that_states_no_price_is_rejected_saying_so()
    {
        var result = await Read.Text(_reader, "key,inputPerMTok,note\nopenai/gpt-4o,,just a note\n", "o.csv");

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("line 2", rejected.Location);
        Assert.StartsWith("openai/gpt-4o states no price; give at least one of inputPerMTok", rejected.Message);
    }

    [Fact]
    public async Task Currency_other_than_usd_is_rejected_with_what_to_do()
    {
        var result = await Read.Text(_reader, "key,inputPerMTok,currency\nopenai/a,1,usd\nopenai/b,1,EUR\n", "o.csv");

        Assert.Equal("USD", Assert.Single(result.Records).Currency);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("line 3, column currency", rejected.Location);
        Assert.StartsWith("'EUR' is not supported yet; prices must be in USD", rejected.Message);
    }

    [Fact]
    public async Task Bad_effective_date_is_rejected_with_the_value_and_the_expected_form()
    {
        var rejected = Assert.Single((await Read.Text(_reader, "key,inputPerMTok,effectiveFrom\nopenai/a,1,01/07/2026\n", "o.csv")).Rejected);

        Assert.Equal("line 2, column effectiveFrom", rejected.Location);
        Assert.Equal("'01/07/2026' is not a date in the form yyyy-MM-dd (e.g. 2026-01-31)", rejected.Message);
    }

    [Fact]
    public async Task Key_without_a_provider_is_rejected()
    {
        var rejected = Assert.Single((await Read.Text(_reader, "key,inputPerMTok\ngpt-4o,1\n", "o.csv")).Rejected);

        Assert.Equal("'gpt-4o' is not a price key; write provider/model, e.g. openai/gpt-4o-mini", rejected.Message);
    }

    [Fact]
    public async Task Several_problems_in_one_row_are_reported_together_once()
    {
        var rejected = Assert.Single((await Read.Text(_reader, "key,inputPerMTok,outputPerMTok\n,-1,x\n", "o.csv")).Rejected);

        Assert.Equal("line 2", rejected.Location);
        Assert.Equal("column key: is empty; every row needs a key; column inputPerMTok: '-1' is negative; a price must be 0 or more; " +
                     "column outputPerMTok: 'x' is not a number; write digits with a dot for decimals, e.g. 0.15", rejected.Message);
    }

    [Fact]
    public async Task Same_model_and_date_twice_keeps_the_first_and_rejects_the_repeat()
    {
        var result = await Read.Text(_reader, "key,inputPerMTok\nopenai/a,1\nOpenAI/A,2\nopenai/b,3\n", "o.csv");

        Assert.Equal([1m, 3m], result.Records.Select(r => r.InputPerMTok!.Value));
        Assert.Contains("already given at line 2", Assert.Single(result.Rejected).Message);
    }

    [Fact]
    public async Task Sheet_without_a_key_column_is_refused_naming_it_and_listing_the_columns()
    {
        var problem = await Read.Refused(_reader, "model,inputPerMTok\nopenai/a,1\n", "prices/overrides.csv");

        Assert.Equal("prices/overrides.csv, line 1: missing required column 'key'; the header has: model, inputPerMTok", problem.ToString());
    }
}
