namespace Reassess.Pipeline.Prices;

/// <summary>
/// Where a configured price sheet is: an <c>http(s)://</c> URL (pulled) or a file path (read; relative paths from the
/// content root). <c>Reassess__PriceSources</c> mixes both: <c>litellm=https://…/model_prices_and_context_window.json;overrides=prices/overrides.csv</c>.
/// </summary>
public sealed record PriceSheetLocation(string Text, Uri? Url, string? FilePath)
{
    public static PriceSheetLocation Of(string configured, PipelineSettings settings) =>
        Uri.TryCreate(configured, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new PriceSheetLocation(configured, url, null)
            : new PriceSheetLocation(configured, null, settings.Resolve(configured));

    /// <summary>How problems name the sheet: the URL, or the full file path.</summary>
    public string Name => Url?.ToString() ?? FilePath!;

    /// <summary>The file name the raw sheet is archived under.</summary>
    public string FileName(Sources.Prices.PulledSheet? pulled) => pulled?.FileName ?? Path.GetFileName(FilePath!);
}
