using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Time.Testing;
using Reassess.Core.Time;
using Reassess.Storage.Blobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;

namespace Reassess.Storage.Tests;

/// <summary>
/// Links signed for an identity, with a key storage lends it. No emulator lends such keys, so these check what is
/// signed and when a key is asked for, with keys made here; that storage accepts the signature is left to Azure.
/// </summary>
public sealed class ReportLinkSigningTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 7, 30, 0, TimeSpan.Zero);
    private static readonly IsoWeek W10 = new(2026, 10);

    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly List<BlobGetUserDelegationKeyOptions> _asked = [];

    private readonly StorageAccount _account = new(
        new StorageSettings
        {
            BlobServiceUri = new Uri("https://reassessprod.blob.core.windows.net"),
            TableServiceUri = new Uri("https://reassessprod.table.core.windows.net"),
        },
        TestPipeline.NoAzureCredential);

    private ReportLinks Links() => new(_account, _clock, new UserDelegationKeys(LendAsync, _clock));

    private Task<UserDelegationKey> LendAsync(BlobGetUserDelegationKeyOptions options, CancellationToken cancellationToken)
    {
        _asked.Add(options);
        // Positional: the factory's two overloads take the same parameter names in different orders.
        return Task.FromResult(BlobsModelFactory.UserDelegationKey(
            "7f0c5a2e-0000-4000-8000-000000000001", "7f0c5a2e-0000-4000-8000-000000000002",
            options.StartsOn!.Value, options.ExpiresOn, "b", "2025-01-05", Convert.ToBase64String(new byte[32])));
    }

    [Fact]
    public async Task An_identitys_link_reads_one_blob_over_https_until_its_expiry_signed_with_the_lent_key()
    {
        var link = await Links().LinkAsync(ReportFolder.Of(W10), "index.html", TimeSpan.FromDays(1));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);

        Assert.Equal("https://reassessprod.blob.core.windows.net/reports/2026-W10/index.html", link.GetLeftPart(UriPartial.Path));
        Assert.Equal(("r", "b", "https"), (query["sp"], query["sr"], query["spr"]));
        Assert.Equal(("2026-03-09T07:15:00Z", "2026-03-10T07:30:00Z"), (query["st"], query["se"]));
        Assert.Equal("7f0c5a2e-0000-4000-8000-000000000001", query["skoid"]);
        Assert.NotEmpty(query["sig"]!);
    }

    [Fact]
    public async Task One_lent_key_signs_every_link_it_outlives_and_a_new_one_is_asked_for_a_link_that_would_outlive_it()
    {
        var links = Links();

        await links.LinkAsync(ReportFolder.Latest, "index.html", TimeSpan.FromDays(1));
        _clock.Advance(TimeSpan.FromDays(2));
        await links.LinkAsync(ReportFolder.Latest, "summary.md", TimeSpan.FromDays(1));
        var keptSoFar = _asked.Count;
        await links.LinkAsync(ReportFolder.Latest, "finance.csv", TimeSpan.FromDays(7));

        Assert.Equal(1, keptSoFar);
        Assert.Equal(2, _asked.Count);
        Assert.Equal((Monday.AddMinutes(-15), Monday + UserDelegationKeys.Lifetime), (_asked[0].StartsOn, _asked[0].ExpiresOn));
        Assert.Equal(Monday.AddDays(9), _asked[1].ExpiresOn);
    }
}
