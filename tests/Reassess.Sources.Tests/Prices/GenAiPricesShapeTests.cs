using Reassess.Sources.Prices;

namespace Reassess.Sources.Tests.Prices;

/// <summary>genai-prices v2 shapes and bad data, on small hand-written sheets.</summary>
public sealed class GenAiPricesShapeTests
{
    private readonly GenAiPricesReader _reader = new();

    private static string Provider(string id, params string[] models) =>
        $$"""{"id":"{{id}}","name":"{{id}}","models":[{{string.Join(",", models)}}]}""";

    private static string Model(string id, string prices) => $$"""{"id":"{{id}}","match":{"equals":"{{id}}"},"prices":{{prices}}}""";

    [Fact]
    public async Task Negative_price_rejects_that_model_and_keeps_the_rest()
    {
        var json = $"[{Provider("acme",
            Model("good", """{"input_mtok":1,"output_mtok":2}"""),
            Model("broken", """{"input_mtok":1,"output_mtok":-2}"""))}]";

        var result = await Read.Text(_reader, json, "data.json");

        var good = Assert.Single(result.Records);
        Assert.Equal("acme/good", good.Key);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("data.json, model acme/broken: output_mtok: '-2' is negative; a price must be 0 or more", rejected.ToString());
    }

    [Fact]
    public async Task Price_of_the_wrong_type_rejects_that_model()
    {
        var json = $"[{Provider("acme", Model("odd", """{"input_mtok":"cheap","output_mtok":2}"""))}]";

        var result = await Read.Text(_reader, json, "data.json");

        Assert.Empty(result.Records);
        Assert.Contains("input_mtok: expected a number or {base, tiers}, found the text 'cheap'", Assert.Single(result.Rejected).Message);
    }

    [Fact]
    public async Task Tiered_price_gives_its_base_and_numbers_keep_every_decimal_digit()
    {
        var json = $"[{Provider("Acme", Model("Big-Context",
            """{"input_mtok":{"base":1.25,"tiers":[{"start":200000,"price":2.5}]},"output_mtok":10.1234567890123456789,"cache_read_mtok":1.25e-1}"""))}]";

        var price = Assert.Single((await Read.Text(_reader, json, "data.json")).Records);

        Assert.Equal("acme/big-context", price.Key);
        Assert.Equal(1.25m, price.InputPerMTok);
        Assert.Equal(10.1234567890123456789m, price.OutputPerMTok);
        Assert.Equal(0.125m, price.CachedInputPerMTok);
    }

    [Fact]
    public async Task Per_request_only_model_is_skipped_with_what_it_does_state()
    {
        var json = $"[{Provider("search", Model("web", """{"requests_kcount":5}"""))}]";

        var result = await Read.Text(_reader, json, "data.json");

        Assert.Empty(result.Records);
        Assert.Contains("it states only requests_kcount", Assert.Single(result.Skipped).Message);
    }

    [Fact]
    public async Task Model_whose_only_list_starts_later_is_skipped_naming_the_start()
    {
        var json = $$"""[{{Provider("acme", Model("next", """[{"constraint":{"start_date":"2027-01-01"},"prices":{"input_mtok":1}}]"""))}}]""";

        var result = await Read.Text(_reader, json, "data.json", Read.At(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)));

        Assert.Empty(result.Records);
        Assert.Equal("no price list is in force on 2026-12-31; the earliest starts 2027-01-01", Assert.Single(result.Skipped).Message);
    }

    [Fact]
    public async Task Bad_start_date_rejects_the_model_rather_than_guess_which_list_holds()
    {
        var json = $$"""[{{Provider("acme", Model("m", """[{"prices":{"input_mtok":1}},{"constraint":{"start_date":"1/3/2026"},"prices":{"input_mtok":2}}]"""))}}]""";

        var rejected = Assert.Single((await Read.Text(_reader, json, "data.json")).Rejected);

        Assert.Equal("model acme/m, price list 2", rejected.Location);
        Assert.Contains("'1/3/2026' is not a date in the form yyyy-MM-dd", rejected.Message);
    }

    [Fact]
    public async Task Cut_off_pretty_printed_file_is_refused_naming_the_file_and_the_line_it_breaks_on()
    {
        const string json = "[\n  {\n    \"id\": \"acme\",\n    \"models\": [\n      {\"id\": \"m\", \"prices\": {\"input_mtok\": 1";

        var problem = await Read.Refused(_reader, json, "prices/genai.json");

        Assert.Equal("prices/genai.json", problem.Source);
        Assert.StartsWith("line 5, position ", problem.Location);
    }

    [Fact]
    public async Task Object_instead_of_provider_array_is_refused()
    {
        var problem = await Read.Refused(_reader, """{"providers":[]}""", "data.json");

        Assert.Equal("expected genai-prices v2 data: a JSON array of providers; found an object", problem.Message);
    }
}
