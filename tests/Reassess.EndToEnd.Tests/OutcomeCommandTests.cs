using System.Text.Json.Nodes;
using Reassess.Testing;
using Reassess.Tools.Azurite;

namespace Reassess.EndToEnd.Tests;

/// <summary>A decision in the workloads file, judged by <c>reassess run</c>'s report and by <c>reassess outcome</c>.</summary>
[Collection(AzuriteFixture.Collection)]
public class OutcomeCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_decision_in_the_workloads_file_is_judged_in_the_report_and_by_reassess_outcome()
    {
        var settings = azurite.NewSettings();
        var folder = Directory.CreateTempSubdirectory("reassess-outcome-").FullName;
        var workloads = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "workloads.json")))!;
        var triage = workloads["workloads"]!.AsArray().Single(w => (string?)w!["id"] == "ticket-triage")!;
        triage["decisions"] = JsonNode.Parse("""[{ "date": "2026-11-02", "action": "stay", "model": "anthropic/claude-haiku-4-5", "note": "not yet" }]""");
        var path = Path.Combine(folder, "workloads.json");
        File.WriteAllText(path, workloads.ToJsonString());
        var environment = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = settings.ConnectionString, ["Storage__NamePrefix"] = settings.NamePrefix, ["Reassess__WorkloadsPath"] = path,
        };

        var run = await ReassessCli.RunAsync(environment, "run", "--as-of", "2026-11-23", "--weeks", "4", "--out", folder);
        var outcome = await ReassessCli.RunAsync(environment, "outcome", "--workload", "ticket-triage", "--as-of", "2026-11-22");
        var unknown = await ReassessCli.RunAsync(environment, "outcome", "--workload", "no-such-workload");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var html = File.ReadAllText(Path.Combine(folder, "index.html"));
        Assert.Contains("<h2>Did it pay?</h2>", html);
        Assert.Contains("stayed on anthropic/claude-haiku-4-5 on 2026-11-02</span></h3>", html);
        Assert.Contains("## Did it pay?", File.ReadAllText(Path.Combine(folder, "summary.md")));
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        var line = outcome.StandardOutput.Trim();
        Assert.StartsWith("ticket-triage 2026-11-02 stay anthropic/claude-haiku-4-5: ", line);
        Assert.EndsWith("realised $0.00/month, to date $0.00)", line);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--workload: no workload 'no-such-workload'", unknown.StandardError);
    }
}
