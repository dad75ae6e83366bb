using Reassess.Core.Ingestion;
using Reassess.Sources.Usage;
using Reassess.Sources.Usage.Focus;

namespace Reassess.Sources.Tests.Usage.Providers;

public sealed class FocusCostTests
{
    private const string Triage = """{"workload":"ticket-triage","team":"support"}""";
    private readonly FocusCostReader _reader = new();

    [Fact]
    public async Task Token_meters_of_a_day_add_up_per_model_into_the_four_token_kinds_with_their_cost()
    {
        var file = FocusFile.Microsoft12()
            .Usage("2026-11-02T00:00:00Z", "gpt-4o-mini-0718-Inp-glbl Tokens", "1200.5", "1000", "0.18", Triage)
            .Usage("2026-11-02T00:00:00Z", "gpt 4o mini 0718 cached Inp glbl Tokens", "300", "1000", "0.02", Triage)
            .Usage("2026-11-02T00:00:00Z", "gpt-4o-mini-0718-Outp-glbl Tokens", "40", "1000", "0.02", Triage)
            .Usage("2026-11-02T00:00:00Z", "gpt-4o-mini-0718-Outp-glbl Tokens", "2", "1000", "0.001", Triage);

        var result = await Read.Text(_reader, file.Text, "focus.csv");

        Assert.Empty(result.Rejected);
        var row = Assert.Single(result.Records);
        Assert.Equal((new DateOnly(2026, 11, 2), "azure/gpt-4o-mini", "focus"), (row.Day, row.Model, row.Source));
        Assert.Equal((1_200_500L, 300_000L, 0L, 42_000L), (row.UncachedInputTokens, row.CachedInputTokens, row.CacheWriteTokens, row.OutputTokens));
        Assert.Equal((0.221m, "USD"), (row.Cost!.Value, row.Currency));
        Assert.Null(row.Calls); // FOCUS has no call count
        Assert.Equal(("ticket-triage", "support"), (row.Dimensions["tag:workload"], row.Dimensions["tag:team"]));
    }

    [Fact]
    public async Task NULL_strings_are_empty_and_both_timestamp_forms_give_the_same_day()
    {
        var file = FocusFile.Microsoft12(filler: "NULL")
            .Usage("2026-11-02T00:00:00Z", "gpt 4.1 Inp glbl Tokens", "10", "1000", "0.02", "NULL")
            .Usage("2026-11-02 00:00:00", "gpt 4.1 Inp glbl Tokens", "5", "1000", "0.01", "NULL");

        var result = await Read.Text(_reader, file.Text, "nulls.csv");

        Assert.Empty(result.Rejected);
        var row = Assert.Single(result.Records);
        Assert.Equal((new DateOnly(2026, 11, 2), 15_000L), (row.Day, row.UncachedInputTokens));
        Assert.Null(row.Dimensions["tag:workload"]);
    }

    [Fact]
    public async Task Block_size_comes_from_x_PricingBlockSize_or_PricingUnit_or_the_meter_name_and_the_billed_quantity_wins()
    {
        var file = FocusFile.Microsoft12()
            .Usage("2026-11-02T00:00:00Z", "GPT 5 Mini Inpt Glbl 1M Tokens", "0.25", "", "0.06", Triage)
            .Usage("2026-11-02T00:00:00Z", "GPT 5 Mini outpt Glbl 1M Tokens", "0.01", "", "0.02", Triage, ("PricingUnit", "1K Tokens"), ("ConsumedQuantity", "999"))
            .Usage("2026-11-02T00:00:00Z", "GPT 5 Mini cchd Inpt Glbl 1M Tokens", "", "", "0.01", Triage, ("ConsumedQuantity", "70000"), ("ConsumedUnit", "Tokens"));

        var result = await Read.Text(_reader, file.Text, "blocks.csv");

        var row = Assert.Single(result.Records);
        Assert.Equal(("azure/gpt-5-mini", 250_000L, 10L, 70_000L), (row.Model, row.UncachedInputTokens, row.OutputTokens, row.CachedInputTokens));
        Assert.Contains(result.Skipped, s => s.Message.StartsWith("1 row(s) had a ConsumedQuantity that disagrees"));
    }

    [Fact]
    public async Task Rows_that_are_not_usage_or_not_token_meters_are_skipped_on_purpose_and_counted()
    {
        var file = FocusFile.Microsoft12()
            .Usage("2026-11-02T00:00:00Z", "gpt-4.1-mini-ft hosting global Unit", "24", "1", "40.8", Triage)
            .Usage("2026-11-02T00:00:00Z", "Provisioned Managed Global Unit", "24", "1", "24", Triage)
            .Row(("ChargePeriodStart", "2026-11-02T00:00:00Z"), ("ChargeCategory", "Purchase"), ("SkuMeter", "gpt 4.1 Inp glbl Tokens"), ("PricingQuantity", "1"))
            .Usage("2026-11-02T00:00:00Z", "gpt 4.1 Outp glbl Tokens", "1", "1000", "0.008", Triage);

        var result = await Read.Text(_reader, file.Text, "mixed.csv");

        Assert.Equal(1_000, Assert.Single(result.Records).OutputTokens);
        Assert.Equal(
        [
            "1 row(s) are not usage charges (ChargeCategory Purchase, Tax, Credit, Adjustment); cost trends of those come from elsewhere",
            "2 usage row(s) are not Azure AI token meters (other services, hosting hours, provisioned units)",
        ], result.Skipped.Select(s => s.Message));
    }

    [Fact]
    public async Task A_bad_row_is_rejected_with_its_line_the_rest_is_read_and_the_total_it_belongs_to_is_held_back()
    {
        var file = FocusFile.Microsoft12()
            .Usage("2026-11-02T00:00:00Z", "gpt 4.1 Inp glbl Tokens", "ten", "1000", "0.02", Triage)
            .Usage("2026-11-02T00:00:00Z", "gpt 4.1 Inp glbl Tokens", "-3", "1000", "0.02", Triage)
            .Usage("11/02/2026 00:00", "gpt 4.1 Inp glbl Tokens", "3", "1000", "0.02", Triage)
            .Usage("2026-11-02T00:00:00Z", "gpt 4.1 Inp glbl Tokens", "3", "1000", "0.02", "{workload: triage")
            .Usage("2026-11-03T00:00:00Z", "gpt 4.1 Inp glbl Tokens", "4", "1000", "0.02", Triage)
            .Usage("2026-11-02T00:00:00Z", "gpt 4o 0806 Inp glbl Tokens", "2", "1000", "0.01", Triage)
            .Usage("2026-11-02T00:00:00Z", "gpt 4.1 Inp glbl Tokens", "5", "1000", "0.02", Triage);

        var result = await Read.Text(_reader, file.Text, "bad.csv");

        Assert.Equal([("2026-11-02", "azure/gpt-4o", 2_000L), ("2026-11-03", "azure/gpt-4.1", 4_000L)],
            result.Records.Select(r => (r.Day.ToString("yyyy-MM-dd"), r.Model, r.UncachedInputTokens)));
        Assert.Equal(
        [
            "bad.csv, line 2, column PricingQuantity: 'ten' is not a number; write digits with a dot for decimals, e.g. 0.15",
            "bad.csv, line 3, column PricingQuantity: '-3' is negative; a quantity must be 0 or more",
            $"bad.csv, line 4, column ChargePeriodStart: '11/02/2026 00:00' is not a date and time in a known form; write {UsageFields.InstantForms}",
            "bad.csv, line 5, column Tags: '{workload: triage' is not a JSON object of tags, e.g. {\"workload\": \"ticket-triage\"}",
            "bad.csv, 2026-11-02: 1 daily total(s) of this day (azure/gpt-4.1, resource_id=/subscriptions/s1/resourcegroups/rg/providers/microsoft.cognitiveservices/accounts/aoai-prod, " +
            "tag:team=support, tag:workload=ticket-triage) would be short by a rejected row, so they were not ingested; rows stored before for them stay until the source is fixed",
        ], result.Rejected.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_gzip_export_reads_the_same_as_the_plain_one()
    {
        var file = FocusFile.Microsoft12()
            .Usage("2026-11-02T00:00:00Z", "gpt 4.1 Inp glbl Tokens", "7", "1000", "0.02", Triage)
            .Usage("2026-11-03 00:00:00", "gpt 4.1 Outp glbl Tokens", "1", "1000", "0.01", Triage);

        var plain = await Read.Text(_reader, file.Text, "f.csv");
        var gzipped = await _reader.ReadAsync(new MemoryStream(file.Gzipped()), "f.csv.gz", Read.Now);

        Assert.Equal(2, gzipped.Records.Count);
        Assert.Equal(plain.Records.Select(r => (r.Day, r.Model, r.UncachedInputTokens, r.OutputTokens, r.Cost)),
            gzipped.Records.Select(r => (r.Day, r.Model, r.UncachedInputTokens, r.OutputTokens, r.Cost)));
    }

    [Fact]
    public async Task A_gzip_export_cut_short_is_refused_and_nothing_from_it_is_used()
    {
        var file = FocusFile.Microsoft12();
        for (var day = 1; day <= 28; day++)
            for (var meter = 0; meter < 20; meter++)
                file.Usage($"2026-11-{day:D2}T00:00:00Z", "gpt 4.1 Inp glbl Tokens", $"{meter + 1}", "1000", "0.02", Triage);
        var gzip = file.Gzipped();

        var error = await Assert.ThrowsAsync<InputRejectedException>(() => _reader.ReadAsync(new MemoryStream(gzip, 0, gzip.Length * 2 / 3), "export.csv.gz", Read.Now));

        Assert.StartsWith("export.csv.gz, after line ", error.Problem.ToString());
        Assert.Contains("the gzip-compressed data is damaged (it ends before its gzip trailer", error.Problem.ToString());
        Assert.EndsWith("nothing from this file was used: download or export it again", error.Problem.ToString());
    }

    [Fact]
    public async Task A_FOCUS_1_0_export_names_the_meter_in_the_description_and_the_block_in_the_pricing_unit()
    {
        var file = FocusFile.Focus10()
            .Usage("2026-11-02T00:00:00Z", "Azure OpenAI - gpt-4o-0806-Outp-Data Zone Tokens", "12", "1K Tokens", "0.12", "\"workload\": \"invoice-extraction\"");

        var row = Assert.Single((await Read.Text(_reader, file.Text, "focus10.csv")).Records);

        Assert.Equal(("azure/gpt-4o", 12_000L, "invoice-extraction"), (row.Model, row.OutputTokens, row.Dimensions["tag:workload"]));
    }

    [Fact]
    public async Task A_file_without_a_meter_column_is_refused_as_not_a_FOCUS_export()
    {
        var problem = await Read.Refused(_reader, "ChargePeriodStart,PricingQuantity\n2026-11-02,1\n", "other.csv");

        Assert.StartsWith("other.csv, line 1: is not a FOCUS cost export: no meter name column", problem.ToString());
    }

    [Fact]
    public async Task Progress_reports_rows_and_bytes_as_the_file_is_read()
    {
        var text = new System.Text.StringBuilder("ChargePeriodStart,ChargeCategory,SkuMeter,PricingQuantity,x_PricingBlockSize\n");
        for (var i = 0; i < 250_000; i++) text.Append("2026-11-02T00:00:00Z,Usage,gpt 4.1 Inp glbl Tokens,1,1000\n");
        var reports = new List<ReadProgress>();
        var reader = new FocusCostReader(progress: reports.Add);

        var result = await Read.Text(reader, text.ToString(), "big.csv");

        Assert.Equal(250_000_000L, Assert.Single(result.Records).UncachedInputTokens);
        Assert.Equal([100_000L, 200_000L, 250_000L], reports.Select(r => r.Rows));
        Assert.Equal(text.Length, reports[^1].Bytes);
        Assert.True(reports[0].Bytes < reports[1].Bytes);
    }

    [Theory]
    [InlineData("gpt-4o-mini-0718-Inp-glbl Tokens", "azure/gpt-4o-mini", TokenKind.UncachedInput, false)]
    [InlineData("gpt 4o mini 0718 cached Inp glbl Tokens", "azure/gpt-4o-mini", TokenKind.CachedInput, false)]
    [InlineData("GPT 5 Mini cchd Inpt DZone 1M Tokens", "azure/gpt-5-mini", TokenKind.CachedInput, false)]
    [InlineData("gpt 4.1 nano Batch Outp DZone Tokens", "azure/gpt-4.1-nano", TokenKind.Output, true)]
    [InlineData("gpt 4o 0513 Input Data Zone Tokens", "azure/gpt-4o", TokenKind.UncachedInput, false)]
    [InlineData("codex mini out rgnl Tokens", "azure/codex-mini", TokenKind.Output, false)]
    [InlineData("GPT 5 Rsng Batch Inpt cchd Glbl 1M Tokens", "azure/gpt-5", TokenKind.CachedInput, true)]
    [InlineData("computer-use-inpt-glbl Tokens", "azure/computer-use", TokenKind.UncachedInput, false)]
    public void Real_Azure_meter_names_give_model_and_token_kind(string meter, string model, TokenKind kind, bool batch)
    {
        var read = AzureTokenMeter.Parse(meter);

        Assert.Equal((model, kind, batch), (read!.Model, read.Kind, read.Batch));
    }

    [Theory]
    [InlineData("gpt-4.1-mini-ft hosting global Unit")]
    [InlineData("Provisioned Managed Global Unit")]
    [InlineData("embedding-ada-glbl Tokens")]
    [InlineData("Sora 720p 1-5s glbl Video")]
    public void Meters_that_bill_no_input_or_output_tokens_are_not_token_meters(string meter) =>
        Assert.Null(AzureTokenMeter.Parse(meter));
}
