using System.Text.RegularExpressions;

namespace Reassess.Core.Prices;

/// <summary>
/// A rule that says which model ids name one model, as genai-prices writes them (<c>equals</c>, <c>starts_with</c>,
/// <c>ends_with</c>, <c>contains</c>, <c>regex</c>, <c>or</c>, <c>and</c>). Text clauses compare without regard to
/// case, because ids arrive in any case from usage exports and other sheets; regular expressions are taken as written.
/// </summary>
public abstract record ModelMatch
{
    public abstract bool Matches(string modelId);

    public static ModelMatch EqualTo(string text) => new TextClause("equals", text);
    public static ModelMatch StartsWith(string text) => new TextClause("starts_with", text);
    public static ModelMatch EndsWith(string text) => new TextClause("ends_with", text);
    public static ModelMatch Contains(string text) => new TextClause("contains", text);

    /// <summary>A .NET regular expression; <see cref="ArgumentException"/> when it does not compile.</summary>
    public static ModelMatch Matching(string regex) => new RegexClause(regex);

    public static ModelMatch AnyOf(IReadOnlyList<ModelMatch> clauses) => new AnyClause(clauses);
    public static ModelMatch AllOf(IReadOnlyList<ModelMatch> clauses) => new AllClause(clauses);

    private sealed record TextClause(string Kind, string Text) : ModelMatch
    {
        public override bool Matches(string modelId) => Kind switch
        {
            "equals" => string.Equals(modelId, Text, StringComparison.OrdinalIgnoreCase),
            "starts_with" => modelId.StartsWith(Text, StringComparison.OrdinalIgnoreCase),
            "ends_with" => modelId.EndsWith(Text, StringComparison.OrdinalIgnoreCase),
            _ => modelId.Contains(Text, StringComparison.OrdinalIgnoreCase),
        };

        public override string ToString() => $"{Kind} '{Text}'";
    }

    private sealed record RegexClause : ModelMatch
    {
        // A hostile or careless pattern must not hang a price refresh.
        private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(100);
        private readonly Regex _regex;

        public RegexClause(string pattern)
        {
            Pattern = pattern;
            _regex = new Regex(pattern, RegexOptions.CultureInvariant, Budget);
        }

        public string Pattern { get; }

        public override bool Matches(string modelId)
        {
            try
            {
                return _regex.IsMatch(modelId);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        public override string ToString() => $"regex '{Pattern}'";
    }

    private sealed record AnyClause(IReadOnlyList<ModelMatch> Clauses) : ModelMatch
    {
        public override bool Matches(string modelId) => Clauses.Any(c => c.Matches(modelId));
        public override string ToString() => $"or({string.Join(", ", Clauses)})";
    }

    private sealed record AllClause(IReadOnlyList<ModelMatch> Clauses) : ModelMatch
    {
        public override bool Matches(string modelId) => Clauses.Count > 0 && Clauses.All(c => c.Matches(modelId));
        public override string ToString() => $"and({string.Join(", ", Clauses)})";
    }
}

/// <summary>One model of a sheet and the ids that name it: <see cref="Key"/> is the canonical key they resolve to.</summary>
public sealed record ModelMatchRule(string Provider, string Model, ModelMatch Match)
{
    public string Key => PriceKey.For(Provider, Model);
}
