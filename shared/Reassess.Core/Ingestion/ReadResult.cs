namespace Reassess.Core.Ingestion;

/// <summary>
/// What reading one source gave: the canonical records, the entries skipped on purpose (with why) and the
/// entries rejected as bad (with where and why). One bad entry never costs the good ones.
/// </summary>
public sealed record ReadResult<TRecord>(
    IReadOnlyList<TRecord> Records,
    IReadOnlyList<InputProblem> Skipped,
    IReadOnlyList<InputProblem> Rejected)
{
    public static ReadResult<TRecord> Empty { get; } = new([], [], []);
}

/// <summary>Collects a reader's output as it goes.</summary>
public sealed class ReadResultBuilder<TRecord>(string source)
{
    private readonly List<TRecord> _records = [];
    private readonly List<InputProblem> _skipped = [];
    private readonly List<InputProblem> _rejected = [];

    public string Source { get; } = source;

    public void Add(TRecord record) => _records.Add(record);

    public void Skip(string location, string reason) => _skipped.Add(new InputProblem(Source, location, reason));

    public void Reject(string location, string reason) => _rejected.Add(new InputProblem(Source, location, reason));

    public ReadResult<TRecord> Build() => new(_records, _skipped, _rejected);
}
