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
