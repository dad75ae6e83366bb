using System.Text;
using Reassess.Core.Ingestion;
using Reassess.Core.Outcomes;
using Reassess.Core.Workloads;

namespace Reassess.Core.Tests.Outcomes;

public class DecisionsParsingTests
{
    private const string Head = """{"id":"w","name":"W","team":"t","costCenter":"c","baseline":{"model":"openai/gpt-4.1"},"fineTune":{"model":"openai/gpt-4.1-mini"}""";

    private static Task<ReadResult<Workload>> Read(string json) =>
        new WorkloadCatalog().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "workloads.json", new ReadContext(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

    [Fact]
    public async Task Decisions_are_read_and_an_absent_list_means_none()
    {
        var result = await Read($$"""[{{Head}},"decisions":[{"date":"2026-03-02","action":"route","model":"openai/gpt-4.1-mini","buildCost":5200.5,"note":"switched"}]},{{Head.Replace("\"w\"", "\"v\"")}}}]""");

        Assert.Empty(result.Rejected);
        var decision = Assert.Single(result.Records[0].Decisions);
        Assert.Equal(new WorkloadDecision { Date = new DateOnly(2026, 3, 2), Action = DecisionAction.Route, Model = "openai/gpt-4.1-mini", BuildCost = 5200.5m, Note = "switched" }, decision);
        Assert.Empty(result.Records[1].Decisions);
    }

    [Fact]
    public void Each_problem_is_named_by_its_path()
    {
        var workload = new Workload
        {
            Id = "w", Name = "W", Team = "t", CostCenter = "c",
            Baseline = new BaselineSpec { Model = "openai/gpt-4.1" }, FineTune = new FineTuneSpec { Model = "openai/gpt-4.1-mini" },
            Decisions = [new WorkloadDecision { Date = new DateOnly(2026, 3, 2), Action = DecisionAction.Stay, Model = "openai/gpt-4.1" }, new WorkloadDecision { Action = (DecisionAction)9, Model = "nokey", BuildCost = -1 }],
        };

        var problems = WorkloadValidator.Validate(workload);

        Assert.Contains(problems, p => p.StartsWith("decisions[1].date: is required"));
        Assert.Contains(problems, p => p.StartsWith("decisions[1].action: 9 is not one of fineTune, route, stay"));
        Assert.Contains(problems, p => p.StartsWith("decisions[1].model: 'nokey' is not a price key"));
        Assert.Contains("decisions[1].buildCost: -1 is negative", problems);
        Assert.DoesNotContain(problems, p => p.StartsWith("decisions[0]"));
    }
}
