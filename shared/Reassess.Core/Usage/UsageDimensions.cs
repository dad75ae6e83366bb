namespace Reassess.Core.Usage;

/// <summary>
/// What a source says about whose usage a row is: its own dimensions, such as an OpenAI <c>project_id</c>, an
/// Anthropic <c>workspace_id</c>, an Azure <c>deployment</c> or a FOCUS tag (<c>tag:workload</c>). Names compare without
/// regard to case; equal sets are equal values, so rows can be totalled by them.
/// </summary>
public sealed class UsageDimensions : IEquatable<UsageDimensions>
{
    public const string ProjectId = "project_id";
    public const string ApiKeyId = "api_key_id";
    public const string UserId = "user_id";
    public const string WorkspaceId = "workspace_id";
    public const string Deployment = "deployment";
    public const string ResourceId = "resource_id";
    public const string ResourceName = "resource_name";
    public const string SubAccountId = "sub_account_id";

    /// <summary>A FOCUS (or Azure) tag is the dimension <c>tag:&lt;key&gt;</c>.</summary>
    public const string TagPrefix = "tag:";

    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly int _hash;

    private UsageDimensions(KeyValuePair<string, string>[] pairs)
    {
        _pairs = pairs;
        var hash = new HashCode();
        foreach (var (name, value) in pairs)
        {
            hash.Add(name, StringComparer.OrdinalIgnoreCase);
            hash.Add(value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    public static UsageDimensions None { get; } = new([]);

    /// <summary>The dimensions that have a value; blank values are dropped (a null <c>project_id</c> says nothing).</summary>
    public static UsageDimensions Of(IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var kept = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in pairs)
            if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(value)) kept[name.Trim()] = value.Trim();
        return kept.Count == 0 ? None : new UsageDimensions([.. kept]);
    }

    public static UsageDimensions Of(params (string Name, string? Value)[] pairs) =>
        Of(pairs.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public int Count => _pairs.Length;

    public string? this[string name]
    {
        get
        {
            foreach (var (key, value) in _pairs)
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
            return null;
        }
    }

    public bool Equals(UsageDimensions? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._hash != _hash || other._pairs.Length != _pairs.Length) return false;
        for (var i = 0; i < _pairs.Length; i++)
        {
            if (!string.Equals(_pairs[i].Key, other._pairs[i].Key, StringComparison.OrdinalIgnoreCase)) return false;
            if (!string.Equals(_pairs[i].Value, other._pairs[i].Value, StringComparison.Ordinal)) return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as UsageDimensions);

    public override int GetHashCode() => _hash;

    /// <summary><c>project_id=proj_abc, model_group=…</c>, or <c>no dimensions</c>.</summary>
    public override string ToString() => _pairs.Length == 0 ? "no dimensions" : string.Join(", ", _pairs.Select(p => $"{p.Key}={p.Value}"));
}
