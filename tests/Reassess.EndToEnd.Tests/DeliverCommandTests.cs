using Reassess.Storage.Configuration;
using Reassess.Testing;

namespace Reassess.EndToEnd.Tests;

/// <summary><c>reassess run</c> and <c>reassess deliver</c> with no teams file configured: what each team would be told, sending nothing.</summary>
[Collection(AzuriteFixture.Collection)]
public class DeliverCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_without_a_teams_file_ends_with_a_dry_run_of_each_teams_message_and_deliver_says_the_same()
    {
        var settings = azurite.NewSettings();
        var environment = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = settings.ConnectionString, ["Storage__NamePrefix"] = settings.NamePrefix };

        var run = await ReassessCli.RunAsync(environment, "run", "--as-of", "2026-11-23", "--out", Directory.CreateTempSubdirectory("reassess-out-").FullName);
        var deliver = await ReassessCli.RunAsync(environment, "deliver", "--week", "2026-W48", "--team", "devex");

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("a dry run over samples/teams.json", run.StandardError);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(7, lines.Count(l => l.EndsWith("would send (dry run)", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("devex via slack (slack, http://127.0.0.1:8099/…): weekly report 2026-W48 for devex, ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(finance) via email (email, finance@example.com): finance summary 2026-W48, ", StringComparison.Ordinal));
        Assert.Equal(0, deliver.ExitCode);
        Assert.StartsWith("devex via slack (slack, http://127.0.0.1:8099/…): weekly report 2026-W48 for devex, ", deliver.StandardOutput.Trim());
        Assert.EndsWith("would send (dry run)", deliver.StandardOutput.Trim());
    }
}
