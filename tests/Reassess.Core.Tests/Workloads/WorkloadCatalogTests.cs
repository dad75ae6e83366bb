using System.Text;
using Reassess.Core.Ingestion;
using Reassess.Core.Workloads;

namespace Reassess.Core.Tests.Workloads;

public class WorkloadCatalogTests
{
    private static readonly ReadContext Context = new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private const string Valid = """
        {
          "id": "invoice-extraction", "name": "Invoice extraction", "team": "finance-ops", "costCenter": "cc-200",
          "baseline": { "model": "openai/gpt-4.1", "batch": true },
          "targets": { "latencyP95Ms": 2000, "qualityScore": 97, "format": { "strict": true, "tolerance": 0.01 } },
          "fineTune": { "model": "openai/ft:gpt-4.1-mini", "trainingTokens": 5000000, "epochs": 3, "promptReduction": 0.6,
                        "dataPrepCost": 8000, "evalCost": 2000, "engineeringCost": 12000, "retrainEveryMonths": 6,
                        "labeledExamples": 4200, "hasEvalSuite": true, "baselineValidated": true },
          "assumptions": { "maxPaybackMonths": 9, "monthlyVolumeGrowth": 0.03 },
          "alternatives": [ { "model": "openai/gpt-4.1-mini", "evalScore": 95.5 } ]
        }
        """;

    private static Task<ReadResult<Workload>> Read(string json) =>
        new WorkloadCatalog().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "workloads.json", Context);

    [Fact]
    public async Task Reads_every_field_of_the_contract()
    {
        var workload = Assert.Single((await Read($"[{Valid}]")).Records);

        Assert.Equal("invoice-extraction", workload.Id);
        Assert.True(workload.Baseline.Batch);
        Assert.Equal(0.01m, workload.Targets.Format.Tolerance);
        Assert.Equal(3, workload.FineTune.Epochs);
        Assert.Equal(0.6m, workload.FineTune.PromptReduction);
        Assert.Equal(9m, workload.Assumptions.MaxPaybackMonths);
        Assert.Equal(12, workload.Assumptions.HorizonMonths);
        Assert.Equal(95.5m, Assert.Single(workload.Alternatives).EvalScore);
    }

    [Fact]
    public async Task An_invalid_workload_is_rejected_with_every_field_path_and_the_others_load()
    {
        var bad = Valid.Replace("\"invoice-extraction\"", "\"bad/id\"")
            .Replace("\"promptReduction\": 0.6", "\"promptReduction\": 1.4")
            .Replace("\"openai/gpt-4.1\"", "\"gpt-4.1\"");
        var other = Valid.Replace("invoice-extraction", "receipt-extraction");

        var result = await Read($"{{ \"workloads\": [{bad}, {other}] }}");

        Assert.Equal("receipt-extraction", Assert.Single(result.Records).Id);
        var problem = Assert.Single(result.Rejected);
        Assert.Equal("workloads.json", problem.Source);
        Assert.Equal("workloads[0] (id 'bad/id')", problem.Location);
        Assert.Contains("id: 'bad/id' contains '/', which storage keys cannot hold", problem.Message);
        Assert.Contains("baseline.model: 'gpt-4.1' is not a price key of the form provider/model", problem.Message);
        Assert.Contains("fineTune.promptReduction: 1.4 is outside 0–1", problem.Message);
    }

    [Fact]
    public async Task Reads_the_fields_of_engine_v2()
    {
        var json = Valid
            .Replace("\"baselineValidated\": true }", "\"baselineValidated\": true, \"pilotEvalScore\": 97.4, \"peakToAverage\": 3, \"expectedFormatViolationRate\": 0.002 }")
            .Replace("{ \"model\": \"openai/gpt-4.1-mini\", \"evalScore\": 95.5 }",
                "{ \"model\": \"openai/gpt-4.1-mini\", \"evalScore\": 95.5, \"share\": 0.4, \"latencyP95Ms\": 900, \"formatViolationRate\": 0.004, \"routerCostPerCall\": 0.00002, \"migrationCost\": 6000 }");

        var workload = Assert.Single((await Read($"[{json}]")).Records);

        Assert.Equal((97.4m, 3m, 0.002m), (workload.FineTune.PilotEvalScore, workload.FineTune.PeakToAverage, workload.FineTune.ExpectedFormatViolationRate));
        var alternative = Assert.Single(workload.Alternatives);
        Assert.Equal((0.4m, 900m, 0.004m, 0.00002m, 6000m),
            (alternative.Share, alternative.LatencyP95Ms, alternative.FormatViolationRate, alternative.RouterCostPerCall, alternative.MigrationCost));
    }

    [Theory]
    [InlineData("\"baselineValidated\": true }", "\"baselineValidated\": true, \"pilotEvalScore\": 104 }", "fineTune.pilotEvalScore: 104 is outside 0–100")]
    [InlineData("\"baselineValidated\": true }", "\"baselineValidated\": true, \"peakToAverage\": 0.5 }", "fineTune.peakToAverage: 0.5 is outside 1–100")]
    [InlineData("\"baselineValidated\": true }", "\"baselineValidated\": true, \"expectedFormatViolationRate\": 1 }", "fineTune.expectedFormatViolationRate: 1 is outside 0–1")]
    [InlineData("\"retrainEveryMonths\": 6", "\"retrainEveryMonths\": -1", "fineTune.retrainEveryMonths: -1 is negative; give months between retrainings, 0 for never")]
    [InlineData("\"evalScore\": 95.5 }", "\"evalScore\": 95.5, \"share\": 0 }", "alternatives[0].share: 0 is outside 0 (excluded)–1")]
    [InlineData("\"evalScore\": 95.5 }", "\"evalScore\": 95.5, \"share\": 1.5 }", "alternatives[0].share: 1.5 is outside 0 (excluded)–1")]
    [InlineData("\"evalScore\": 95.5 }", "\"evalScore\": 95.5, \"latencyP95Ms\": 0 }", "alternatives[0].latencyP95Ms: 0 must be more than 0 ms")]
    [InlineData("\"evalScore\": 95.5 }", "\"evalScore\": 95.5, \"formatViolationRate\": -0.1 }", "alternatives[0].formatViolationRate: -0.1 is outside 0–1")]
    [InlineData("\"evalScore\": 95.5 }", "\"evalScore\": 95.5, \"routerCostPerCall\": -0.001 }", "alternatives[0].routerCostPerCall: -0.001 is negative")]
    [InlineData("\"evalScore\": 95.5 }", "\"evalScore\": 95.5, \"migrationCost\": -5 }", "alternatives[0].migrationCost: -5 is negative")]
    public async Task An_engine_v2_field_out_of_range_is_rejected_with_its_path(string from, string to, string message)
    {
        var problem = Assert.Single((await Read($"[{Valid.Replace(from, to)}]")).Rejected);

        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public async Task A_wrong_type_names_the_field()
    {
        var bad = Valid.Replace("\"trainingTokens\": 5000000", "\"trainingTokens\": \"lots\"");

        var problem = Assert.Single((await Read($"[{bad}]")).Rejected);

        Assert.StartsWith("fineTune.trainingTokens:", problem.Message);
    }

    [Fact]
    public async Task A_duplicate_id_keeps_the_first()
    {
        var result = await Read($"[{Valid}, {Valid}]");

        Assert.Single(result.Records);
        Assert.Contains("appears more than once", Assert.Single(result.Rejected).Message);
    }

    [Fact]
    public async Task Broken_json_is_refused_with_the_line()
    {
        var error = await Assert.ThrowsAsync<InputRejectedException>(() => Read("[\n" + Valid[..200]));

        Assert.Equal("workloads.json", error.Problem.Source);
        Assert.StartsWith("line ", error.Problem.Location);
    }
}
