using Reassess.Sources.Http;
using Reassess.Sources.Prices;

namespace Reassess.Pipeline.Prices;

/// <summary>A price sheet's bytes, the file name it is archived under, and (when pulled) its validators or "not modified".</summary>
public sealed record FetchedSheet(byte[] Raw, string FileName, HttpValidators Validators, bool NotModified);

/// <summary>
/// Gets a price sheet's bytes from where it is: a URL is pulled the way its source serves it (conditionally when the
/// last copy's validators are known), a file is read whole. The refresh job's loader and <c>reassess prices import</c>
/// both get their sheets here, so the command sees exactly what the job would.
/// </summary>
public sealed class PriceSheetFetcher(PriceRefreshOptions options)
{
    /// <param name="known">The validators of the copy already held; null to pull unconditionally.</param>
    public async Task<FetchedSheet> FetchAsync(string format, PriceSheetLocation location, HttpValidators? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Url is { } url)
        {
            var pulled = await new PriceSheetPuller(options.HttpClients, options.HttpClock, options.Http)
                .PullAsync(format, url, known, cancellationToken).ConfigureAwait(false);
            return new FetchedSheet(pulled.Content, location.FileName(pulled), pulled.Validators, pulled.NotModified);
        }

        var raw = await File.ReadAllBytesAsync(location.FilePath!, cancellationToken).ConfigureAwait(false);
        return new FetchedSheet(raw, location.FileName(null), HttpValidators.None, NotModified: false);
    }
}
