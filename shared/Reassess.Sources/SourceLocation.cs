namespace Reassess.Sources;

/// <summary>
/// Where a source is, as a setting or the command line gives it: an <c>http(s)://</c> URL, which is pulled, or else a
/// file or folder path, which is read. Settings mix both (<c>litellm=https://…;overrides=prices/overrides.csv</c>), so
/// every caller asks here rather than deciding for itself.
/// </summary>
public sealed record SourceLocation(string Text, Uri? Url)
{
    public bool IsUrl => Url is not null;

    public static SourceLocation Of(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new SourceLocation(text, url)
            : new SourceLocation(text, null);

    /// <summary>A URL as given; a path made full by <paramref name="resolvePath"/> (relative paths mean different roots to different callers).</summary>
    public string Resolved(Func<string, string> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(resolvePath);
        return IsUrl ? Text : resolvePath(Text);
    }
}
