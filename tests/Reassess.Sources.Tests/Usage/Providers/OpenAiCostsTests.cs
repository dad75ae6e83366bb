using Reassess.Sources.Usage.OpenAi;

namespace Reassess.Sources.Tests.Usage.Providers;

public sealed class OpenAiCostsTests
{
    private readonly OpenAiCostsReader _reader = new();

    [Fact]
    public async Task The_documented_costs_page_gives_the_day_amount_in_its_currency_and_no_usage()
    {
        var row = Assert.Single((await Read.File(_reader, TestData.File("usage", "openai_costs.json"))).Records);

        Assert.Equal((new DateOnly(2024, 11, 1), 0.06m, "USD"), (row.Day, row.Cost!.Value, row.Currency));
        Assert.Null(row.Calls);
        Assert.Equal(0, row.TotalTokens);
        Assert.Equal("openai-costs", row.Source);
    }

    [Fact]
    public async Task A_line_item_gives_the_model_and_the_project_maps_the_cost()
    {
        var result = System.Text.Json.Nodes.JsonNode.Parse("""
            { "object": "organization.costs.result", "amount": { "value": 1.25, "currency": "usd" },
              "line_item": "gpt-4o-mini-2024-07-18, input", "project_id": "proj_catalog_tagging" }
            """)!;

        var row = Assert.Single((await Read.Text(_reader, OpenAiUsageTests.Page(result), "costs.json")).Records);

        Assert.Equal(("openai/gpt-4o-mini", "proj_catalog_tagging", 1.25m), (row.Model, row.Dimensions["project_id"], row.Cost!.Value));
    }

    [Fact]
    public async Task The_grouped_cost_result_example_maps_its_project_and_a_line_item_without_a_model_names_none()
    {
        var examples = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TestData.File("usage", "openai_result_object_examples_grouped.json")))!;

        var row = Assert.Single((await Read.Text(_reader, OpenAiUsageTests.Page(examples["CostsResult_example"]!), "grouped.json")).Records);

        Assert.Equal(("proj_abc", "openai/*", 0.06m), (row.Dimensions["project_id"], row.Model, row.Cost!.Value));
    }
}
