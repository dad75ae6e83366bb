using Reassess.Sources.Usage;

namespace Reassess.Sources.Tests.Usage;

public sealed class UsageDropJsonTests
{
    private readonly UsageDropReader _reader = new();

    [Fact]
    public async Task Wrapped_usage_array_reads_numbers_and_numeric_text_alike()
    {
        const string json = """
            { "usage": [
                { "workload": "w1", "date": "2026-07-14", "model": "openai/gpt-4o-mini", "calls": 1200, "outputTokens": "24000",
                  "latencyP95Ms": 310.25, "formatChecked": 1200, "formatViolations": 0, "team": "ignored" },
                { "workload": "w1", "date": "2026-07-15", "source": "openai", "model": "openai/gpt-4o-mini", "calls": 1300.0 }
            ] }
            """;

        var result = await Read.Text(_reader, json, "u.json");

        Assert.Empty(result.Rejected);
        Assert.Equal((1200L, 24000L, 310.25m, 0L), (result.Records[0].Calls, result.Records[0].OutputTokens,
            result.Records[0].LatencyP95Ms!.Value, result.Records[0].FormatViolations!.Value));
        Assert.Equal(("openai", 1300L), (result.Records[1].Source, result.Records[1].Calls));
    }

    [Fact]
    public async Task Wrong_type_or_missing_field_rejects_only_that_entry()
    {
        const string json = """
            [
              { "workload": "w1", "date": "2026-07-14", "model": "openai/gpt-4o", "calls": 5 },
              { "workload": "w1", "date": 20260715, "model": "openai/gpt-4o", "calls": 5 },
              { "workload": "w1", "date": "2026-07-16", "calls": [5] },
              "not an entry"
            ]
            """;

        var result = await Read.Text(_reader, json, "u.json");

        Assert.Equal(new DateOnly(2026, 7, 14), Assert.Single(result.Records).Day);
        Assert.Equal(
            [
                "u.json, line 3 (entry 2), field date: '20260715' is not a date in the form yyyy-MM-dd (e.g. 2026-01-31)",
                "u.json, line 4 (entry 3): field model: is missing; every entry needs a model; field calls: expected a number, found a list",
                "u.json, line 5 (entry 4): expected an object, found the text 'not an entry'",
            ],
            result.Rejected.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Object_without_a_usage_array_is_refused_listing_what_it_has()
    {
        var problem = await Read.Refused(_reader, """{ "rows": [] }""", "u.json");

        Assert.Equal("expected a JSON array of usage entries, or an object with a \"usage\" array; the object has only \"rows\"", problem.Message);
    }

    [Fact]
    public async Task A_leading_quote_is_kept_because_json_is_never_neutralised()
    {
        var result = await Read.Text(_reader, """[{ "workload": "'=x", "date": "2026-07-14", "model": "openai/gpt-4o" }]""", "u.json");

        Assert.Equal("'=x", Assert.Single(result.Records).WorkloadId);
    }
}
