using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Tools.Azurite;

namespace Reassess.EndToEnd.Tests;

/// <summary>
/// A workloads file with the samples and hostile entries (a careless colleague's, or an attacker's): the weekly run
/// still ends with exit code 0 and its report, lists each hostile entry as skipped with the field at fault, and leaves
/// the other workloads' rows exactly as a clean run does.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class HostileWorkloadsTests(AzuriteFixture azurite)
{
    /// <summary>Each hostile workload: its id, what is wrong in it, and the field path the skip must name.</summary>
    public static readonly (string Id, Action<JsonObject> Break, string Field)[] Hostile =
    [
        ("long-cost-centre", w => w["costCenter"] = new string('c', 600), "costCenter: is 600 characters"),
        ("slashed-cost-centre", w => w["costCenter"] = new string('/', 200), "costCenter: is 200 characters"),
        ("slash-in-team", w => w["team"] = "ops/platform", "team: 'ops/platform' contains '/'"),
        ("huge-name", w => w["name"] = new string('n', 40_000), "name: is 40000 characters"),
        ("nul-in-name", w => w["name"] = "Tagging\u0000", "name: contains a control character (U+0000)"),
        ("bidi-name", w => w["name"] = "Invoices \u202Eexe.txt", "name: contains a text-direction control character (U+202E)"),
        ("ticket-triage ", w => { }, "id: 'ticket-triage ' starts or ends with white space"),
        ("ticket\u200Btriage", w => { }, "id: 'ticket\\u200Btriage' contains an invisible character (U+200B)"),
        ("dot-team", w => w["team"] = "..", "team: '..' is not a name"),
        ("many-rules", w => w["usage"] = new JsonObject { ["match"] = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["dimension"] = "tag", ["value"] = $"v{i}" })]) }, "usage.match: has 101 rules"),
    ];

    [Fact]
    public async Task A_workloads_file_with_hostile_entries_runs_to_the_end_and_skips_each_by_its_field()
    {
        var (clean, hostile) = (azurite.NewSettings(), azurite.NewSettings());
        var folder = Directory.CreateTempSubdirectory("reassess-hostile-").FullName;
        var workloadsFile = Path.Combine(folder, "workloads.json");
        await File.WriteAllTextAsync(workloadsFile, WithHostileEntries());

        var cleanRun = await ReassessCli.RunAsync(Environment(clean), "run", "--as-of", "2026-11-23", "--out", Path.Combine(folder, "clean"));
        var hostileRun = await ReassessCli.RunAsync(Environment(hostile, workloadsFile), "run", "--as-of", "2026-11-23", "--out", Path.Combine(folder, "hostile"));

        Assert.True((cleanRun.ExitCode, hostileRun.ExitCode) == (0, 0), hostileRun.StandardError);
        var report = Encoding.UTF8.GetString((await new BlobFiles(new StorageAccount(hostile)).DownloadAsync("reports/2026-W48/index.html"))!.Content);
        var skipped = WebUtility.HtmlDecode(report[report.IndexOf("<h3>Skipped inputs</h3>", StringComparison.Ordinal)..]);
        Assert.All(Hostile, h => Assert.Contains(h.Field, skipped));
        var (cleanRows, hostileRows) = (Tables(await StorageSnapshot.TakeAsync(new StorageAccount(clean))), Tables(await StorageSnapshot.TakeAsync(new StorageAccount(hostile))));
        Assert.True(StorageSnapshot.Differences(cleanRows, hostileRows).Count == 0, StorageSnapshot.Describe(cleanRows, hostileRows));
    }

    /// <summary>The workloads' rows: every table but prices (whose rows say when they were fetched) and run records.</summary>
    private static SortedDictionary<string, string> Tables(SortedDictionary<string, string> snapshot) =>
        new(snapshot.Where(e => e.Key.StartsWith("table ", StringComparison.Ordinal) && !e.Key.StartsWith("table Prices ", StringComparison.Ordinal))
            .ToDictionary(), StringComparer.Ordinal);

    private static string WithHostileEntries()
    {
        var samples = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "workloads.json")))!.AsObject();
        var list = samples["workloads"]!.AsArray();
        var template = list.Single(w => (string?)w!["id"] == "ticket-triage")!;
        foreach (var (id, breakIt, _) in Hostile)
        {
            var workload = template.DeepClone().AsObject();
            workload["id"] = id;
            breakIt(workload);
            list.Add(workload);
        }

        return samples.ToJsonString();
    }

    private static Dictionary<string, string?> Environment(StorageSettings settings, string? workloadsFile = null) => new()
    {
        ["AzureWebJobsStorage"] = settings.ConnectionString,
        ["Storage__NamePrefix"] = settings.NamePrefix,
        ["Reassess__WorkloadsPath"] = workloadsFile,
    };
}
