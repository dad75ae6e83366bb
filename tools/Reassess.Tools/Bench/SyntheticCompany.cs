using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Tools.Bench;

/// <summary>
/// A made-up company of the shape real ones have: teams of very different sizes (a few own most workloads), cost
/// centres per department, the model mix of the sample catalogue, volumes spread over four orders of magnitude,
/// weekday/weekend seasonality, growth or decline, and weekly eval runs where a suite exists. The same seed gives the
/// same company, and workload <c>i</c> depends only on the seed and <c>i</c>, so it can be made in any order and in parts.
/// </summary>
public sealed class SyntheticCompany
{
    private static readonly string[] Departments = ["Customer Care", "Sales", "Marketing", "Engineering", "Finance", "Legal", "People", "Operations", "Product", "Security"];
    private static readonly string[] Tasks = ["triage", "summaries", "extraction", "tagging", "routing", "drafting", "search", "review", "translation", "classification"];

    private readonly IReadOnlyList<Workload> _templates;
    private readonly int _seed;

    /// <param name="templates">Workloads to vary (the sample catalogue): their models, targets and fine-tune plans.</param>
    public SyntheticCompany(IReadOnlyList<Workload> templates, int workloads, int days, DateOnly lastDay, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workloads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        if (templates.Count == 0) throw new ArgumentException("At least one template workload is needed.", nameof(templates));
        (_templates, WorkloadCount, Days, LastDay, _seed) = (templates, workloads, days, lastDay, seed);
    }

    public int WorkloadCount { get; }
    public int Days { get; }
    public DateOnly LastDay { get; }
    public DateOnly FirstDay => LastDay.AddDays(-(Days - 1));

    /// <summary>Teams: about one per 250 workloads, at least 3.</summary>
    public int TeamCount => Math.Max(3, WorkloadCount / 250);

    /// <summary>Workload <paramref name="index"/> (0-based): its catalogue entry, daily usage and eval results.</summary>
    public (Workload Workload, IReadOnlyList<DailyUsage> Usage, IReadOnlyList<EvalPoint> Evals) Make(int index)
    {
        var random = Random(index);
        var workload = Workload(index, random);
        var template = _templates[index % _templates.Count];
        var id = workload.Id;

        // Calls a day from about 30 to 300,000 (log-uniform), tokens per call from the template's kind of work.
        var callsPerDay = Math.Exp(3.4 + random.NextDouble() * 9.2);
        var inputPerCall = 300 + random.Next(2_700);
        var outputPerCall = 40 + random.Next(700);
        var cachedShare = random.NextDouble() < 0.4 ? random.NextDouble() * 0.6 : 0;
        var dailyGrowth = (random.NextDouble() - 0.35) * 0.01;
        var p95 = 150 + random.Next(2_000);
        var source = template.Usage.Match.FirstOrDefault()?.Source ?? template.Baseline.Model.Split('/')[0];

        var usage = new List<DailyUsage>(Days);
        for (var d = 0; d < Days; d++)
        {
            var day = FirstDay.AddDays(d);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.35 : 1.0;
            var noise = 0.85 + random.NextDouble() * 0.3;
            var calls = (long)Math.Round(callsPerDay * weekend * noise * Math.Pow(1 + dailyGrowth, d));
            var input = calls * inputPerCall;
            var cached = (long)(input * cachedShare);
            usage.Add(new DailyUsage
            {
                WorkloadId = id,
                Day = day,
                Source = source,
                Model = template.Baseline.Model,
                Calls = calls,
                UncachedInputTokens = input - cached,
                CachedInputTokens = cached,
                OutputTokens = calls * outputPerCall,
                LatencyP95Ms = p95 + random.Next(60),
                FormatChecked = calls,
                FormatViolations = (long)(calls * random.NextDouble() * 0.01),
            });
        }

        var evals = new List<EvalPoint>();
        if (template.FineTune.HasEvalSuite)
        {
            var target = template.Targets.QualityScore ?? 90m;
            var level = (double)target - 4 + random.NextDouble() * 7;
            for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
                if (day.DayOfWeek == DayOfWeek.Monday)
                    evals.Add(new EvalPoint { WorkloadId = id, Day = day, Suite = "regression", Score = Math.Round((decimal)Math.Min(100, level + random.NextDouble() - 0.5), 1) });
        }

        return (workload, usage, evals);
    }

    /// <summary>Workload <paramref name="index"/>'s catalogue entry alone, as <see cref="Make"/> makes it.</summary>
    public Workload Workload(int index) => Workload(index, Random(index));

    private Random Random(int index) => new(unchecked(_seed * 1_000_003 + index));

    /// <summary>The catalogue entry, from the first draws of the workload's own random sequence.</summary>
    private Workload Workload(int index, Random random)
    {
        var template = _templates[index % _templates.Count];
        // Zipf-like: squaring a uniform draw puts most workloads in the first teams.
        var team = (int)(Math.Pow(random.NextDouble(), 2) * TeamCount);
        var department = Departments[team % Departments.Length];
        var task = Tasks[random.Next(Tasks.Length)];
        var id = $"wl-{index:D6}";
        return template with
        {
            Id = id,
            Name = $"{department} {task} #{index}",
            Team = $"team-{team:D3}",
            CostCenter = $"CC-{1000 + team % 40 * 10} {department}",
            Usage = new UsageSpec { Match = [new UsageMatch { Dimension = "project_id", Value = id }] },
        };
    }
}
