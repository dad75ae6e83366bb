using Microsoft.Extensions.Configuration;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Leases;

/// <summary>
/// Where Azure Functions keeps a host's own state, which Reassess shares so both hosts meet in the same blobs: the
/// container <c>azure-webjobs-hosts</c> (never name-prefixed; Azure does not prefix it either, a host id keeps apps
/// apart), singleton locks under <c>locks/{hostId}/…</c> and timer status under <c>timers/{hostId}/{function}/status</c>.
/// </summary>
public static class WebJobsHosts
{
    public const string ContainerName = "azure-webjobs-hosts";

    /// <summary>Azure's setting for an explicit host id (<c>AzureFunctionsWebHost:hostId</c> in configuration).</summary>
    public const string HostIdSetting = "AzureFunctionsWebHost__hostid";

    private const int MaxHostIdLength = 32;

    public static string LockBlob(string hostId, string lockName) => $"locks/{hostId}/{lockName}";

    public static string TimerStatusBlob(string hostId, string functionName) => $"timers/{hostId}/{functionName}/status";

    /// <summary>
    /// The host id as Azure's validator accepts it: 1–32 lower-case letters, digits or single dashes, not starting or
    /// ending with a dash. Two apps sharing an account with one host id would share their timers and locks.
    /// </summary>
    public static string ValidateHostId(string hostId, string? settingName = null)
    {
        var valid = hostId.Length is > 0 and <= MaxHostIdLength
                    && hostId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                    && hostId[0] != '-' && hostId[^1] != '-'
                    && !hostId.Contains("--", StringComparison.Ordinal);
        if (valid) return hostId;
        var what = settingName is null ? $"Host id '{hostId}'" : $"Setting {settingName} is '{hostId}'";
        throw new StorageConfigurationException(
            $"{what}: a host id is 1-32 lower-case letters, digits and single dashes, not starting or ending with a dash (as Azure Functions requires).");
    }

    /// <summary>The explicit host id from <see cref="HostIdSetting"/>, validated; null when not set.</summary>
    public static string? HostIdFrom(IConfiguration configuration)
    {
        var value = configuration[HostIdSetting] ?? configuration[HostIdSetting.Replace("__", ":", StringComparison.Ordinal)];
        return string.IsNullOrWhiteSpace(value) ? null : ValidateHostId(value.Trim(), HostIdSetting);
    }

    /// <summary>The hosts container of <paramref name="account"/>.</summary>
    public static Azure.Storage.Blobs.BlobContainerClient Container(StorageAccount account) =>
        account.Blobs.GetBlobContainerClient(ContainerName);
}
