using Reassess.Core.Prices;
using Reassess.Core.Workloads;

namespace Reassess.Core.Decisions;

/// <summary>The price records one workload needs, looked up once, with a message that says what to add when one is missing.</summary>
internal sealed class PricesUsed
{
    public PricesUsed(Workload workload, PriceBook book)
    {
        Baseline = book.Find(workload.Baseline.Model) ?? throw new AssessmentException(workload.Id,
            $"no price in force for baseline model '{workload.Baseline.Model}'; check the key or add it to the overrides sheet.");
        if (Baseline.InputPerMTok is null || Baseline.OutputPerMTok is null)
            throw new AssessmentException(workload.Id,
                $"baseline model '{Baseline.Key}' has no input or output token price (source {Baseline.Source}); add them to the overrides sheet.");

        if (!workload.FineTune.IsSelfHosted)
        {
            Candidate = book.Find(workload.FineTune.Model) ?? throw new AssessmentException(workload.Id,
                $"no price in force for fine-tuned model '{workload.FineTune.Model}'; add its per-token prices to the overrides sheet, or set gpuHourly for a self-hosted candidate.");
        }

        Training = book.Find(workload.FineTune.TrainingModel ?? workload.FineTune.Model);
        foreach (var alternative in workload.Alternatives) Alternatives.Add((alternative, book.Find(alternative.Model)));
    }

    public PriceRecord Baseline { get; }
    public PriceRecord? Candidate { get; }
    public PriceRecord? Training { get; }
    /// <summary>Every alternative, with its price in force (null when it has none).</summary>
    public List<(AlternativeModel Alternative, PriceRecord? Price)> Alternatives { get; } = [];

    public IReadOnlyList<PriceInput> Used()
    {
        var used = new List<PriceInput> { Input("baseline", Baseline) };
        if (Candidate is not null) used.Add(Input("candidate", Candidate));
        if (Training is not null && !ReferenceEquals(Training, Candidate)) used.Add(Input("training", Training));
        used.AddRange(Alternatives.Where(a => a.Price is not null).Select(a => Input("alternative", a.Price!)));
        return used;
    }

    private static PriceInput Input(string role, PriceRecord price) =>
        new(role, price.Key, price.EffectiveFrom, price.Source, price.InputPerMTok, price.OutputPerMTok);
}
