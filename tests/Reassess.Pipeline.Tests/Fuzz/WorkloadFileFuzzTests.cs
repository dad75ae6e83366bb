using System.Text.Json.Nodes;
using Reassess.Core.Time;
using Reassess.Core.Workloads;
using Reassess.Testing;
using Xunit.Abstractions;

namespace Reassess.Pipeline.Tests.Fuzz;

/// <summary>
/// A workloads file with the samples and many copies of one, each with one text field set to a seeded hostile value,
/// goes through a whole weekly run: the run ends (no exception, not failed), every copy is either assessed or skipped
/// naming its entry and the field, and nothing valid is ever refused later by storage.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class WorkloadFileFuzzTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    public static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("REASSESS_FUZZ_SEED"), out var seed) ? seed : 20_261_123;

    private const int Mutants = 150;

    [Fact]
    public async Task Hostile_text_in_any_workload_field_is_assessed_or_skipped_by_field_and_the_run_completes()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var file = workspace.PathOf("samples/workloads.json");
        var catalogue = JsonNode.Parse(File.ReadAllText(file))!;
        var list = catalogue["workloads"]!.AsArray();
        var template = list.Single(w => (string?)w!["id"] == "ticket-triage")!;
        var mutants = WorkloadFieldMutations.Generate(Seed, Mutants).ToList();
        var firstMutant = list.Count;
        for (var i = 0; i < mutants.Count; i++)
        {
            var (field, value) = mutants[i];
            var workload = template.DeepClone().AsObject();
            workload["id"] = $"fuzz-{i}";
            // A placeholder, replaced in the text below: a JSON writer would mend a broken surrogate, a person's file need not.
            if (field == "usage.match.value") workload["usage"]!["match"]![0]!["value"] = Placeholder(i);
            else workload[field] = Placeholder(i);
            list.Add(workload);
        }

        var text = catalogue.ToJsonString();
        for (var i = 0; i < mutants.Count; i++) text = text.Replace($"\"{Placeholder(i)}\"", JsonString(mutants[i].Value), StringComparison.Ordinal);
        File.WriteAllText(file, text);

        var run = await workspace.RunAsync();

        Assert.False(run.Failed, string.Join("\n", run.Problems));
        Assert.DoesNotContain(run.Problems, p => p.Message.Contains("could not be assessed or stored", StringComparison.Ordinal) || p.Message.Contains("storage refused", StringComparison.Ordinal));
        var week = (await workspace.Context.Assessments.ListWeekAsync(new IsoWeek(2026, 48))).Select(a => a.WorkloadId).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        var (assessed, skipped) = (0, 0);
        for (var i = 0; i < mutants.Count; i++)
        {
            var (field, value) = mutants[i];
            var path = field == "usage.match.value" ? "usage.match[0].value" : field;
            var rejection = run.Problems.FirstOrDefault(p => p.Source == file && p.Location.StartsWith($"workloads[{firstMutant + i}]", StringComparison.Ordinal));
            var id = field == "id" ? value : $"fuzz-{i}";
            if (rejection is not null)
            {
                skipped++;
                if (!rejection.Message.Contains($"{path}:", StringComparison.Ordinal)) failures.Add($"mutant {i} ({field}): skipped without naming {path}: {rejection.Message}");
            }
            else if (week.Contains(id))
            {
                assessed++;
                var valid = field is "name" or "usage.match.value" ? FreeText.Problem(value, field == "name" ? FreeText.MaxNameLength : 256) : Identifier.Problem(value);
                if (valid is not null) failures.Add($"mutant {i} ({field}): '{FreeText.Shown(value)}' was assessed although {valid}");
            }
            else if (field != "id" || list.Take(firstMutant).All(w => (string?)w!["id"] != value))
            {
                failures.Add($"mutant {i} ({field} = '{FreeText.Shown(value)}'): neither assessed nor skipped");
            }
        }

        output.WriteLine($"seed {Seed}: {Mutants} mutants, {assessed} assessed, {skipped} skipped, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(15)));
        Assert.True(skipped > Mutants / 2 && assessed > 5, $"{assessed} assessed, {skipped} skipped: the mutants no longer cover both sides");
    }

    private static string Placeholder(int i) => $"@@mutant-{i}@@";

    /// <summary>A JSON string literal that keeps every code unit as given, escaping what JSON requires and anything unusual.</summary>
    private static string JsonString(string value) =>
        "\"" + string.Concat(value.Select(c => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            _ when c < 0x20 || c > 0x7E => $"\\u{(int)c:X4}",
            _ => c.ToString(),
        })) + "\"";
}
