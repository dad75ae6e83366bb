using Reassess.Sources;

namespace Reassess.Pipeline.Prices;

/// <summary>
/// Where a configured price sheet is: an <c>http(s)://</c> URL (pulled) or a file path (read; relative paths from the
/// content root). <c>Reassess__PriceSources</c> mixes both: <c>litellm=https://…/model_prices_and_context_window.json;overrides=prices/overrides.csv</c>.
/// </summary>
public sealed record PriceSheetLocation(string Text, Uri? Url, string? FilePath)
{
    public static PriceSheetLocation Of(string configured, PipelineSettings settings) => Of(configured, settings.Resolve);

    /// <summary>A sheet named on the command line: a URL, or a path already made full.</summary>
    public static PriceSheetLocation Of(string pathOrUrl) => Of(pathOrUrl, path => path);

    private static PriceSheetLocation Of(string text, Func<string, string> resolve) =>
        SourceLocation.Of(text).Url is { } url
            ? new PriceSheetLocation(text, url, null)
            : new PriceSheetLocation(text, null, resolve(text));

    /// <summary>How problems name the sheet: the URL, or the full file path.</summary>
    public string Name => Url?.ToString() ?? FilePath!;

    /// <summary>The file name the raw sheet is archived under.</summary>
    public string FileName(Sources.Prices.PulledSheet? pulled) => pulled?.FileName ?? Path.GetFileName(FilePath!);
}
