using System.Diagnostics;
using Reassess.Core.Ingestion;
using Xunit.Abstractions;

namespace Reassess.Sources.Tests.Fuzz;

/// <summary>
/// Every reader, fed seeded mutations of its real sample (cut off, flipped, huge, 10,000 deep, in the wrong encoding,
/// random bytes, …), either reads it or refuses it the documented way (<see cref="InputRejectedException"/>, which the
/// pipeline catches); anything else thrown, or a read that never ends, is a bug. Every problem names its file, says
/// where and why. A failure prints the seed, the mutant's index and kind: <see cref="InputMutations.Mutate"/> replays it.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    /// <summary>Fixed, so every run tries the same inputs; <c>REASSESS_FUZZ_SEED</c> tries others (or replays a run printed with its seed).</summary>
    public static readonly int Seed = FromEnvironment("REASSESS_FUZZ_SEED", 20_261_123);

    /// <summary>
    /// Per sample; every kind gets the same share (15 kinds × 8). Sized so all samples together take about a minute on two
    /// cores; <c>REASSESS_FUZZ_MUTANTS</c> fuzzes deeper.
    /// </summary>
    public static readonly int MutantsPerSample = FromEnvironment("REASSESS_FUZZ_MUTANTS", 120);

    /// <summary>A read of a few megabytes takes a second or two (a million one-comma rows a few); this long means it loops.</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(60);

    /// <summary>Longer than this, a message is not one a person reads (a header of random bytes quoted whole, say).</summary>
    private const int MaxMessageLength = 2_000;

    [Theory]
    [MemberData(nameof(FuzzTargets.Cases), MemberType = typeof(FuzzTargets))]
    public async Task Mutated_samples_are_read_or_refused_cleanly_and_every_problem_says_where_and_why(string kind, string format, string sampleName)
    {
        var target = FuzzTargets.Get(kind, format);
        var sample = FuzzSamples.For(kind, format).SingleOrDefault(s => s.Name == sampleName);
        Assert.True(sample is not null, $"{target} has no sample to fuzz; add its real input to {nameof(FuzzSamples)}");
        var bytes = sample.Load();
        var before = (await target.Read(new MemoryStream(bytes), sampleName, Read.Now)).Fingerprint();

        var failures = new List<string>();
        int read = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        var slowest = (Time: TimeSpan.Zero, Mutant: "");
        foreach (var mutant in InputMutations.Generate(bytes, Seed, MutantsPerSample))
        {
            var started = clock.Elapsed;
            try
            {
                var outcome = await Task.Run(() => target.Read(new MemoryStream(mutant.Bytes, writable: false), sampleName, Read.Now)).WaitAsync(PerInput);
                read++;
                foreach (var problem in outcome.Skipped.Concat(outcome.Rejected))
                    if (WhatIsWrong(problem, sampleName, wholeInput: false) is { } wrong)
                        failures.Add($"{mutant}: {wrong}");
            }
            catch (InputRejectedException e)
            {
                refused++;
                if (WhatIsWrong(e.Problem, sampleName, wholeInput: true) is { } wrong) failures.Add($"{mutant}: refusal {wrong}");
            }
            catch (TimeoutException)
            {
                failures.Add($"{mutant}: still reading after {PerInput.TotalSeconds:0} s");
            }
            catch (Exception e)
            {
                failures.Add($"{mutant}: threw {e.GetType().FullName}: {e.Message}\n{string.Join('\n', (e.StackTrace ?? "").Split('\n').Take(6))}");
            }

            if (clock.Elapsed - started > slowest.Time) slowest = (clock.Elapsed - started, $"{mutant.Index} ({mutant.Kind}, {mutant.Bytes.Length:N0} bytes)");
        }

        output.WriteLine($"{target}, {sampleName} ({bytes.Length:N0} bytes): {MutantsPerSample} mutants, seed {Seed}: {read} read, {refused} refused, {failures.Count} failures in {clock.Elapsed.TotalSeconds:0.0} s; slowest {slowest.Time.TotalSeconds:0.00} s, mutant {slowest.Mutant}");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {MutantsPerSample} mutants of {sampleName} broke the {target} " +
            $"(replay one with InputMutations.Mutate(sample, seed, index, kind)):\n{string.Join("\n", failures.Take(15))}");

        // Nothing a reader keeps between reads was disturbed: the real sample reads as it did before.
        Assert.Equal(before, (await target.Read(new MemoryStream(bytes), sampleName, Read.Now)).Fingerprint());
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    /// <summary>
    /// Null when the problem names the input, says where and why; else what is missing. A refusal of the whole input may
    /// leave the place empty (the file is the place); so may a count over the whole file ("12 row(s) are not …").
    /// </summary>
    private static string? WhatIsWrong(InputProblem problem, string sourceName, bool wholeInput)
    {
        if (problem.Source != sourceName) return $"names the source '{problem.Source}', not '{sourceName}': {problem}";
        if (string.IsNullOrWhiteSpace(problem.Message)) return $"has no message: {problem}";
        if (problem.Message.Length > MaxMessageLength) return $"has a message of {problem.Message.Length:N0} characters: {problem.ToString()[..300]}…";
        if (string.IsNullOrWhiteSpace(problem.Location) && !wholeInput && !problem.Message.Contains("row(s)", StringComparison.Ordinal))
            return $"does not say where: {problem}";
        return null;
    }
}
