using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Blobs;

/// <summary>
/// Links to published report files for people who have no access to the storage account (a Teams channel, an
/// e-mail): each reads one blob and nothing else, and stops working when it expires, so a forwarded message does not
/// open the reports for good. A link carries a signature, never the account key. With a key (a connection string,
/// Azurite) the key signs it; with an identity there is no key, so storage lends one to sign with
/// (<see cref="UserDelegationKeys"/>). Storage failures arrive as <see cref="Tables.StorageReadException"/>.
/// </summary>
public sealed class ReportLinks
{
    /// <summary>
    /// The longest a link may stay valid: storage lends an identity a signing key for at most 7 days, and a link cannot
    /// outlive its key, so links signed with an account key are held to the same so both kinds of storage behave alike.
    /// </summary>
    public static readonly TimeSpan MaxValidFor = TimeSpan.FromDays(7);

    /// <summary>
    /// How far before now a link starts to be valid: storage's clock may be behind this host's, and a link that
    /// starts "in the future" for storage is refused when opened straight away.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(15);

    private readonly StorageAccount _account;
    private readonly TimeProvider _clock;
    private readonly UserDelegationKeys? _keys;
    private readonly string _container;

    public ReportLinks(StorageAccount account, TimeProvider? clock = null)
        : this(account, clock ?? TimeProvider.System, account.Credential is null ? null : UserDelegationKeys.From(account.Blobs, clock ?? TimeProvider.System))
    {
    }

    /// <summary>With the keys an identity is lent given by the caller: tests, as no emulator lends them.</summary>
    internal ReportLinks(StorageAccount account, TimeProvider clock, UserDelegationKeys? keys)
    {
        _account = account;
        _clock = clock;
        _keys = keys;
        _container = account.Settings.ReportsContainer;
    }

    /// <summary>
    /// A link that reads <paramref name="file"/> of the report in <paramref name="folder"/> (e.g. <c>latest</c>,
    /// <c>index.html</c>) until now plus <paramref name="validFor"/>, and can do nothing else: no write, delete or
    /// listing. It is signed here and not checked against storage, so it is made whether or not the file was published.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="validFor"/> is not positive or is above <see cref="MaxValidFor"/>.</exception>
    /// <exception cref="StorageConfigurationException">Storage is reached with neither an account key nor an identity (a SAS connection string).</exception>
    /// <exception cref="Tables.StorageReadException">Storage would not lend the identity a key to sign with.</exception>
    public async Task<Uri> LinkAsync(ReportFolder folder, string file, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        if (validFor <= TimeSpan.Zero || validFor > MaxValidFor)
            throw new ArgumentOutOfRangeException(nameof(validFor), validFor, $"A report link is valid for more than no time and at most {MaxValidFor.TotalDays:0} days.");
        var blob = _account.Container(_container).GetBlobClient(folder.Blob(file));
        var sas = ReadOnly(blob, _clock.GetUtcNow(), validFor);
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(sas);
        if (_keys is null)
            throw new StorageConfigurationException(
                $"Report links cannot be signed: storage is reached through {_account.Settings.Describe()} without an account key. " +
                $"Use a connection string with the account key, or identity-based access ({StorageSettings.Keys.BlobServiceUri}).");

        var key = await _keys.CoveringAsync(sas.ExpiresOn, cancellationToken).ConfigureAwait(false);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, _account.Blobs.AccountName) }.ToUri();
    }

    /// <summary>What a link may do and for how long: read this one blob, over HTTPS unless storage itself is plain HTTP (Azurite).</summary>
    internal static BlobSasBuilder ReadOnly(BlobClient blob, DateTimeOffset now, TimeSpan validFor)
    {
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + validFor)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        return sas;
    }
}
