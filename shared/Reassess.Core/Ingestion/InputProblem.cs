namespace Reassess.Core.Ingestion;

/// <summary>
/// Something wrong with one piece of input, said so a person can fix it: which file or source, where in it
/// (line, entry or field path), and why.
/// </summary>
public sealed record InputProblem(string Source, string Location, string Message)
{
    public override string ToString() =>
        string.IsNullOrEmpty(Location) ? $"{Source}: {Message}" : $"{Source}, {Location}: {Message}";
}

/// <summary>Input that cannot be read at all (not JSON, missing header, wrong shape): the whole sheet or file is refused.</summary>
public sealed class InputRejectedException(InputProblem problem, Exception? inner = null)
    : Exception(problem.ToString(), inner)
{
    public InputProblem Problem { get; } = problem;
}
